// Units, search, visibility across the hierarchy, grants and module locks (ORG-1, ORG-4, ORG-5, ORG-7).
#include <set>

#include "org_harness.hpp"

namespace hocvu::org::testing {
namespace {

class UnitsTest : public OrgApiTest {
protected:
    std::set<std::string> Codes(const Reply& reply) {
        std::set<std::string> codes;
        for (const auto& item : reply.body["items"]) codes.insert(item["code"].get<std::string>());
        return codes;
    }
};

TEST_P(UnitsTest, DemoProvinceHasTheHierarchyAndRuleMadeUsernames) {
    std::int64_t units = db().Read([](storage::Tx& tx) { return tx.QueryOne("SELECT COUNT(*) FROM units")->Int(0); });
    EXPECT_EQ(units, 10);
    for (const char* username : {"toannv.thptchuvanan", "toannv2.thptchuvanan", "tuyetdta.thcsledinhchinh",
                                 "gianghia_thptchuvanan", "gianghia_sgddt", "dakmil_pgddakmil", "dakmil_thcsnguyendu",
                                 "bhiamy.pgddakmil", "lienh.thnguyentrai"}) {
        EXPECT_NO_THROW(AccountId(username)) << username;
    }
    auto logins = DemoLogins();
    std::set<std::string> roles;
    for (const DemoLogin& l : logins) roles.insert(l.role);
    EXPECT_EQ(roles.size(), AllRoles().size());
    for (const DemoLogin& l : logins) EXPECT_EQ(LoginReply(l.username).status, 200) << l.username;
}

TEST_P(UnitsTest, SearchIsDiacriticsInsensitiveAndFiltered) {
    Session so = Login("hunglv.sgddt");
    EXPECT_EQ(Codes(Send("GET", "/api/v1/units?q=chu%20van%20an", nullptr, &so)), std::set<std::string>{"thptchuvanan"});
    EXPECT_EQ(Codes(Send("GET", "/api/v1/units?q=Chu+V%C4%83n+An", nullptr, &so)),
              std::set<std::string>{"thptchuvanan"});
    EXPECT_EQ(Codes(Send("GET", "/api/v1/units?q=dak%20mil", nullptr, &so)), std::set<std::string>{"pgddakmil"});
    EXPECT_EQ(Codes(Send("GET", "/api/v1/units?level=THCS", nullptr, &so)),
              (std::set<std::string>{"ttgdtx", "thcsledinhchinh", "thcsnguyendu"}));
    EXPECT_EQ(Codes(Send("GET", "/api/v1/units?kind=district", nullptr, &so)),
              (std::set<std::string>{"pgdgianghia", "pgddakmil"}));
    EXPECT_EQ(Codes(Send("GET", "/api/v1/units?district=dakmil&kind=school", nullptr, &so)),
              (std::set<std::string>{"thpttranphu", "thnguyentrai", "thcsnguyendu"}));
    EXPECT_EQ(Codes(Send("GET", "/api/v1/units?q=%25", nullptr, &so)).size(), 10u);  // '%' is not a wildcard
    EXPECT_EQ(Send("GET", "/api/v1/units?kind=planet", nullptr, &so).status, 422);
}

TEST_P(UnitsTest, EachActorSeesOnlyTheirSubtree) {
    Session phong = Login("baopq.pgdgianghia");
    EXPECT_EQ(Codes(Send("GET", "/api/v1/units", nullptr, &phong)),
              (std::set<std::string>{"pgdgianghia", "thkimdong", "thcsledinhchinh"}));
    Session teacher = Login("haptt.thptchuvanan");
    EXPECT_EQ(Codes(Send("GET", "/api/v1/units", nullptr, &teacher)), std::set<std::string>{"thptchuvanan"});
    EXPECT_EQ(Send("GET", "/api/v1/units/" + Str(UnitId("thcsnguyendu")), nullptr, &phong).status, 403);
    EXPECT_EQ(Send("GET", "/api/v1/units/" + Str(UnitId("sgddt")), nullptr, &phong).status, 403);
    EXPECT_EQ(Send("GET", "/api/v1/accounts?unit_id=" + Str(UnitId("thcsnguyendu")), nullptr, &phong).status, 403);
    Session so = Login("hunglv.sgddt");
    Reply children = Send("GET", "/api/v1/units/" + Str(UnitId("sgddt")) + "/children", nullptr, &so);
    EXPECT_EQ(Codes(children), (std::set<std::string>{"pgdgianghia", "pgddakmil", "thptchuvanan", "thpttranphu", "ttgdtx"}));
}

TEST_P(UnitsTest, NoCrossProvinceLeaks) {
    std::int64_t foreign = CreateOtherProvince();
    for (const char* user : {"gianghia_sgddt", "hunglv.sgddt", "tranghtt.sgddt"}) {
        Session s = Login(user);
        Reply units = Send("GET", "/api/v1/units", nullptr, &s);
        for (const auto& item : units.body["items"]) {
            EXPECT_NE(item["code"], "thptlequydon") << user;
            EXPECT_NE(item["code"], "sgddtkh") << user;
        }
        EXPECT_EQ(Send("GET", "/api/v1/units/" + Str(foreign), nullptr, &s).status, 403) << user;
        EXPECT_EQ(Send("GET", "/api/v1/accounts?unit_id=" + Str(foreign), nullptr, &s).status, 403) << user;
        EXPECT_EQ(Send("GET", "/api/v1/units/" + Str(foreign) + "/locks", nullptr, &s).status, 403) << user;
    }
    Session other = Login("nhatrang_sgddtkh");
    std::set<std::string> seen = Codes(Send("GET", "/api/v1/units", nullptr, &other));
    EXPECT_EQ(seen, (std::set<std::string>{"sgddtkh", "thptlequydon"}));
}

TEST_P(UnitsTest, AdminsCreateUnitsBelowWithTheirAdminAccount) {
    Session phong = Login("gianghia_pgdgianghia");
    Reply created = Send("POST", "/api/v1/units",
                         {{"parent_id", Str(UnitId("pgdgianghia"))}, {"kind", "school"}, {"code", "mnhoamai"},
                          {"name", "Trường Mầm non Hoa Mai"}, {"district_code", "gianghia"}, {"levels", {"MN"}}},
                         &phong);
    ASSERT_EQ(created.status, 201) << created.body.dump();
    EXPECT_EQ(created.body["admin"]["username"], "gianghia_mnhoamai");
    EXPECT_TRUE(created.body["admin"]["must_change_password"].get<bool>());
    Session new_admin = Login("gianghia_mnhoamai", created.body["admin_password"]);
    EXPECT_EQ(Send("GET", "/api/v1/units", nullptr, &new_admin).code, "auth.password_change_required");

    // Not under another district, not a duplicate code, not a Phòng under a Phòng.
    EXPECT_EQ(Send("POST", "/api/v1/units",
                   {{"parent_id", Str(UnitId("pgddakmil"))}, {"kind", "school"}, {"code", "thx"}, {"name", "X"},
                    {"district_code", "dakmil"}, {"levels", {"TH"}}},
                   &phong).status,
              403);
    EXPECT_EQ(Send("POST", "/api/v1/units",
                   {{"parent_id", Str(UnitId("pgdgianghia"))}, {"kind", "school"}, {"code", "mnhoamai"},
                    {"name", "Y"}, {"district_code", "gianghia"}, {"levels", {"MN"}}},
                   &phong).status,
              409);
    EXPECT_EQ(Send("POST", "/api/v1/units",
                   {{"parent_id", Str(UnitId("pgdgianghia"))}, {"kind", "district"}, {"code", "pgdx"}, {"name", "Z"},
                    {"district_code", "gianghia"}}, &phong).status,
              422);
    // A Phòng leader (not an admin) creates nothing.
    Session leader = Login("baopq.pgdgianghia");
    EXPECT_EQ(Send("POST", "/api/v1/units",
                   {{"parent_id", Str(UnitId("pgdgianghia"))}, {"kind", "school"}, {"code", "thy"}, {"name", "Y"},
                    {"district_code", "gianghia"}, {"levels", {"TH"}}},
                   &leader).status,
              403);
    EXPECT_EQ(AuditCount("org.unit_created"), 1);
}

TEST_P(UnitsTest, AuthoritiesReadSchoolsButChangeNothingInThem) {
    Session so_admin = Login("gianghia_sgddt");
    std::string school = Str(UnitId("thcsledinhchinh"));
    EXPECT_EQ(Send("GET", "/api/v1/accounts?unit_id=" + school, nullptr, &so_admin).status, 200);
    EXPECT_EQ(Send("POST", "/api/v1/accounts", {{"unit_id", school}, {"full_name", "Lê Văn Tám"}}, &so_admin).status, 403);
    EXPECT_EQ(Send("PUT", "/api/v1/units/" + school + "/locks/score_entry", nullptr, &so_admin).status, 403);
    std::string teacher = Str(AccountId("duclm.thcsledinhchinh"));
    EXPECT_EQ(Send("POST", "/api/v1/roles/grants", {{"account_id", teacher}, {"role", "office"}}, &so_admin).status, 403);
    EXPECT_EQ(Send("POST", "/api/v1/accounts/" + teacher + "/disable", nullptr, &so_admin).status, 403);
    EXPECT_EQ(AuditCount("auth.refused"), 4);  // failed authorisation is logged
}

TEST_P(UnitsTest, GrantsByTheUnitAdmin) {
    Session admin = Login("gianghia_thptchuvanan");
    Reply created = Send("POST", "/api/v1/accounts", {{"full_name", "Đặng Thị Ánh Tuyết"}}, &admin);
    ASSERT_EQ(created.status, 201);
    EXPECT_EQ(created.body["account"]["username"], "tuyetdta.thptchuvanan");
    std::string id = created.body["account"]["id"];
    Reply grant = Send("POST", "/api/v1/roles/grants",
                       {{"account_id", id}, {"role", "subject_teacher"}, {"class_id", "102"}, {"subject", "van"}}, &admin);
    ASSERT_EQ(grant.status, 201) << grant.body.dump();
    EXPECT_EQ(Send("POST", "/api/v1/roles/grants", {{"account_id", id}, {"role", "subject_teacher"}}, &admin).status, 422);
    EXPECT_EQ(Send("POST", "/api/v1/roles/grants", {{"account_id", id}, {"role", "authority_leader"}}, &admin).status, 422);
    Reply list = Send("GET", "/api/v1/roles/grants?account_id=" + id, nullptr, &admin);
    ASSERT_EQ(list.body["items"].size(), 1u);
    EXPECT_EQ(list.body["items"][0]["subject"], "van");
    EXPECT_EQ(Send("DELETE", "/api/v1/roles/grants/" + grant.body["id"].get<std::string>(), nullptr, &admin).status, 204);
    EXPECT_EQ(AuditCount("org.role_granted"), 1);
    EXPECT_EQ(AuditCount("org.role_revoked"), 1);
    Session principal = Login("toannv.thptchuvanan");
    EXPECT_EQ(Send("POST", "/api/v1/roles/grants", {{"account_id", id}, {"role", "office"}}, &principal).status, 403);
}

TEST_P(UnitsTest, ModuleLocksBlockWritesAndAreAudited) {
    Session admin = Login("gianghia_thptchuvanan");
    std::string unit = Str(UnitId("thptchuvanan"));
    ASSERT_EQ(Send("PUT", "/api/v1/units/" + unit + "/locks/accounts", {{"reason", "Theo quyết định của Hiệu trưởng"}},
                   &admin).status, 200);
    Reply locked = Send("POST", "/api/v1/accounts", {{"full_name", "Lê Văn Tám"}}, &admin);
    EXPECT_EQ(locked.status, 423);
    EXPECT_EQ(locked.code, "org.module_locked");
    Session principal = Login("toannv.thptchuvanan");
    Reply list = Send("GET", "/api/v1/units/" + unit + "/locks", nullptr, &principal);
    bool seen = false;
    for (const auto& item : list.body["items"]) {
        if (item["module"] == "accounts") seen = item["locked"].get<bool>();
    }
    EXPECT_TRUE(seen);
    EXPECT_THROW(db().Write([&](storage::Tx& tx) { EnsureUnlocked(tx, UnitId("thptchuvanan"), "accounts"); }), Error);
    EXPECT_NO_THROW(db().Write([&](storage::Tx& tx) { EnsureUnlocked(tx, UnitId("thpttranphu"), "accounts"); }));
    ASSERT_EQ(Send("DELETE", "/api/v1/units/" + unit + "/locks/accounts", nullptr, &admin).status, 200);
    EXPECT_EQ(Send("POST", "/api/v1/accounts", {{"full_name", "Lê Văn Tám"}}, &admin).status, 201);
    EXPECT_EQ(Send("PUT", "/api/v1/units/" + unit + "/locks/nonsense", nullptr, &admin).status, 404);
    EXPECT_EQ(AuditCount("org.module_locked"), 1);
    EXPECT_EQ(AuditCount("org.module_unlocked"), 1);
}

HOCVU_ON_BOTH_ENGINES(UnitsTest);

}  // namespace
}  // namespace hocvu::org::testing
