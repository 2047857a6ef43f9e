// Students with guardians and parent accounts (SCH-3), staff records with rule-made accounts (SCH-1), on SQLite and
// PostgreSQL (issue 5).
#include "people/vn_text.hpp"
#include "schooling_harness.hpp"

namespace hocvu::schooling::testing {
namespace {

class PeopleTest : public SchoolingApiTest {};

TEST_P(PeopleTest, StudentWithGuardiansEnrolledAndParentAccountLinked) {
    Session admin = Login(kThcsAdmin);
    std::string unit = Str(UnitId("thcsledinhchinh"));
    nlohmann::json body = {
        {"code", "7901009999"},
        {"full_name", "Đặng Thị Ánh Tuyết"},
        {"birth_date", "05/03/2014"},
        {"gender", "Nữ"},
        {"ethnicity", "M'Nông"},
        {"address", "=cmd|' /C calc'!A0"},
        {"guardians", {{{"full_name", "Đặng Văn Hùng"}, {"relation", "Cha"}, {"phone", "0905 111 222"}}}}};
    Reply created = Send("POST", "/api/v1/schools/" + unit + "/students", body, &admin);
    ASSERT_EQ(created.status, 201) << created.body.dump();
    EXPECT_EQ(created.body["given_name"], "Tuyết");
    EXPECT_EQ(created.body["middle_name"], "Thị Ánh");
    EXPECT_EQ(created.body["birth_date"], "2014-03-05");
    EXPECT_EQ(created.body["address"], "'=cmd|' /C calc'!A0");  // neutralised, never a formula in an export
    std::string id = created.body["id"];
    EXPECT_EQ(Send("POST", "/api/v1/schools/" + unit + "/students", body, &admin).status, 409);
    body["code"] = "7901009998";
    body["birth_date"] = "31/02/2014";
    EXPECT_EQ(Send("POST", "/api/v1/schools/" + unit + "/students", body, &admin).code, "request.validation");

    ASSERT_EQ(Send("POST", "/api/v1/classes/201/students", {{"student_id", id}}, &admin).status, 201);
    EXPECT_EQ(Send("POST", "/api/v1/classes/201/students", {{"student_id", id}}, &admin).status, 409);
    Reply list = Send("GET", "/api/v1/classes/201/students", nullptr, &admin);
    EXPECT_EQ(list.body["items"].size(), 31u);

    std::string guardian = created.body["guardians"][0]["id"];
    Reply account = Send("POST", "/api/v1/guardians/" + guardian + "/account", nullptr, &admin);
    ASSERT_EQ(account.status, 201) << account.body.dump();
    EXPECT_EQ(account.body["account"]["username"], "ph0905111222.thcsledinhchinh");
    std::string password = account.body["password"];
    // A sibling with the same father's phone gets the same account, linked to both children.
    Reply sibling =
        Send("POST", "/api/v1/schools/" + unit + "/students",
             {{"code", "7901009997"},
              {"full_name", "Đặng Văn Bảo"},
              {"birth_date", "2016-01-02"},
              {"gender", "Nam"},
              {"guardians", {{{"full_name", "Đặng Văn Hùng"}, {"relation", "Cha"}, {"phone", "0905111222"}}}}},
             &admin);
    ASSERT_EQ(sibling.status, 201);
    Reply reused =
        Send("POST", "/api/v1/guardians/" + sibling.body["guardians"][0]["id"].get<std::string>() + "/account", nullptr,
             &admin);
    EXPECT_EQ(reused.status, 200);
    EXPECT_FALSE(reused.body["created"]);
    EXPECT_EQ(reused.body["account"]["id"], account.body["account"]["id"]);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM grants WHERE role = 'parent' AND account_id = $1",
                    {std::stoll(account.body["account"]["id"].get<std::string>())}),
              2);
    // The parent signs in (and must change the password first).
    EXPECT_EQ(LoginReply("ph0905111222.thcsledinhchinh", password).status, 200);

    // Search is diacritics-insensitive; the record is audited.
    Reply found = Send("GET", "/api/v1/schools/" + unit + "/students?q=anh%20tuyet", nullptr, &admin);
    ASSERT_EQ(found.body["items"].size(), 1u);
    EXPECT_EQ(found.body["items"][0]["code"], "7901009999");
    Reply patched =
        Send("PATCH", "/api/v1/students/" + id,
             {{"full_name", "Đặng Thị Ánh Tuyết"}, {"birth_date", "06/03/2014"}, {"gender", "Nữ"}, {"code", "0000"}},
             &admin);
    ASSERT_EQ(patched.status, 200) << patched.body.dump();
    EXPECT_EQ(patched.body["code"], "7901009999");  // the code never changes
    EXPECT_EQ(patched.body["birth_date"], "2014-03-06");
    EXPECT_EQ(AuditCount("people.student_created"), 2);
    EXPECT_EQ(AuditCount("people.student_updated"), 1);
    EXPECT_EQ(AuditCount("people.parent_account_linked"), 2);
    EXPECT_EQ(AuditCount("schooling.student_enrolled"), 1);

    Session teacher = Login("duclm.thcsledinhchinh");
    EXPECT_EQ(Send("POST", "/api/v1/schools/" + unit + "/students", body, &teacher).status, 403);
}

TEST_P(PeopleTest, StaffRecordsWithRuleMadeAccounts) {
    Session admin = Login(kThptAdmin);
    std::string unit = Str(UnitId("thptchuvanan"));
    Reply a = Send("POST", "/api/v1/schools/" + unit + "/staff",
                   {{"full_name", "Nguyễn Văn Toàn"},
                    {"birth_date", "02/09/1980"},
                    {"gender", "Nam"},
                    {"phone", "0912345678"},
                    {"email", "toan@example.edu.vn"},
                    {"position", "Giáo viên"},
                    {"subjects", {"TOAN", "Vật lí"}},
                    {"qualification", "Thạc sĩ"},
                    {"professional_rank", "Hạng I"}},
                   &admin);
    ASSERT_EQ(a.status, 201) << a.body.dump();
    EXPECT_EQ(a.body["username"], "toannv3.thptchuvanan");  // toannv and toannv2 are taken
    EXPECT_EQ(a.body["subjects"], (nlohmann::json{"TOAN", "LY"}));
    Reply no_account = Send("POST", "/api/v1/schools/" + unit + "/staff",
                            {{"full_name", "Võ Thị Sáu"}, {"position", "Bảo vệ"}, {"with_account", false}}, &admin);
    ASSERT_EQ(no_account.status, 201);
    EXPECT_TRUE(no_account.body["account_id"].is_null());
    EXPECT_EQ(Send("POST", "/api/v1/schools/" + unit + "/staff", {{"full_name", "Lê Văn Tám"}, {"email", "x"}}, &admin)
                  .status,
              422);
    Reply list = Send("GET", "/api/v1/schools/" + unit + "/staff", nullptr, &admin);
    std::vector<std::string> givens;
    for (const auto& s : list.body["items"])
        givens.push_back(s["given_name"]);
    EXPECT_TRUE(std::is_sorted(givens.begin(), givens.end(), [](const std::string& x, const std::string& y) {
        return people::CompareVietnameseNames(x, "", "", y, "", "") < 0;
    }));
    EXPECT_EQ(Send("GET", "/api/v1/staff/" + a.body["id"].get<std::string>(), nullptr, &admin).status, 200);
    Session other = Login(kOtherThcsAdmin);
    EXPECT_EQ(Send("GET", "/api/v1/staff/" + a.body["id"].get<std::string>(), nullptr, &other).status, 403);
    EXPECT_EQ(AuditCount("people.staff_created"), 2);
}

HOCVU_ON_BOTH_ENGINES(PeopleTest);

}  // namespace
}  // namespace hocvu::schooling::testing
