// The authorisation matrix (issue 3): every guarded org route × every demo role × an object of the actor's own
// unit, of a unit below it, and of units outside its subtree (a sibling district's school, another province):
// allowed or 403 exactly as this one table says.
#include <map>
#include <set>

#include "org_harness.hpp"

namespace hocvu::org::testing {
namespace {

struct Actor {
    const char* label;
    const char* username;
    const char* home;   ///< unit code
    const char* below;  ///< a unit code strictly below home, or ""
};

const Actor kActors[] = {
    {"so_admin", "gianghia_sgddt", "sgddt", "thcsledinhchinh"},
    {"phong_admin", "gianghia_pgdgianghia", "pgdgianghia", "thcsledinhchinh"},
    {"school_admin", "gianghia_thptchuvanan", "thptchuvanan", ""},
    {"so_leader", "hunglv.sgddt", "sgddt", "thcsledinhchinh"},
    {"so_staff", "tranghtt.sgddt", "sgddt", "thcsledinhchinh"},
    {"phong_leader", "baopq.pgdgianghia", "pgdgianghia", "thcsledinhchinh"},
    {"phong_staff", "hanhvt.pgdgianghia", "pgdgianghia", "thcsledinhchinh"},
    {"principal", "toannv.thptchuvanan", "thptchuvanan", ""},
    {"vice_principal", "nhungtth.thptchuvanan", "thptchuvanan", ""},
    {"admin_board", "huydq.thptchuvanan", "thptchuvanan", ""},
    {"homeroom_teacher", "toannv2.thptchuvanan", "thptchuvanan", ""},
    {"subject_teacher", "haptt.thptchuvanan", "thptchuvanan", ""},
    {"office", "lanvt.thptchuvanan", "thptchuvanan", ""},
    {"parent", "maibt.thptchuvanan", "thptchuvanan", ""},
    {"student", "namnh.thptchuvanan", "thptchuvanan", ""},
};

const std::set<std::string> kAdmins = {"so_admin", "phong_admin", "school_admin"};
const std::set<std::string> kAuthorityAdmins = {"so_admin", "phong_admin"};
const std::set<std::string> kAuthorityReaders = {"so_admin", "phong_admin", "so_leader", "phong_leader"};
const std::set<std::string> kAuthorityAll = {"so_admin", "phong_admin", "so_leader", "phong_leader", "so_staff",
                                              "phong_staff"};
const std::set<std::string> kAccountReaders = {"so_admin",  "phong_admin",    "school_admin", "so_leader",
                                               "so_staff",  "phong_leader",   "phong_staff",  "principal",
                                               "vice_principal", "admin_board", "office"};
const std::set<std::string> kLockReaders = {"so_admin",  "phong_admin",    "school_admin", "so_leader",
                                            "phong_leader", "principal", "vice_principal", "admin_board"};
const std::set<std::string> kNobody = {};
const std::set<std::string> kEveryone = [] {
    std::set<std::string> all;
    for (const Actor& a : kActors) all.insert(a.label);
    return all;
}();

/// The expected outcome per route: who may act on their own unit's object, and on an object below it.
/// Nobody may act on an object outside their subtree. "Allowed" means not 401/403: a create that passes the
/// policy may still fail validation (a school cannot hold units: 422).
struct Expectation {
    std::set<std::string> own;
    std::set<std::string> below;
};

const std::map<std::string, Expectation>& Table() {
    static const std::map<std::string, Expectation> table = {
        {"GET /api/v1/units", {kEveryone, kNobody}},  // a filtered list: no object
        {"POST /api/v1/units", {kAdmins, kAuthorityAdmins}},
        {"GET /api/v1/units/{id}", {kEveryone, kAuthorityAll}},
        {"PATCH /api/v1/units/{id}", {kAdmins, kAuthorityAdmins}},
        {"GET /api/v1/units/{id}/children", {kEveryone, kAuthorityAll}},
        {"GET /api/v1/accounts", {kAccountReaders, kAuthorityReaders}},
        {"POST /api/v1/accounts", {kAdmins, kNobody}},
        {"GET /api/v1/accounts/{id}", {kAccountReaders, kAuthorityReaders}},
        {"POST /api/v1/accounts/{id}/disable", {kAdmins, kNobody}},
        {"POST /api/v1/accounts/{id}/enable", {kAdmins, kNobody}},
        {"POST /api/v1/accounts/{id}/reset-password", {kAdmins, kNobody}},
        {"GET /api/v1/roles/grants", {kAccountReaders, kAuthorityReaders}},
        {"POST /api/v1/roles/grants", {kAdmins, kNobody}},
        {"DELETE /api/v1/roles/grants/{id}", {kAdmins, kNobody}},
        {"GET /api/v1/units/{id}/locks", {kLockReaders, kAuthorityReaders}},
        {"PUT /api/v1/units/{id}/locks/{module}", {kAdmins, kNobody}},
        {"DELETE /api/v1/units/{id}/locks/{module}", {kAdmins, kNobody}},
    };
    return table;
}

/// Routes any signed-in person (or anyone) may call, each acting only on the caller's own account.
const std::set<std::string> kSelfRoutes = {
    "POST /api/v1/auth/login", "POST /api/v1/auth/logout", "GET /api/v1/me", "POST /api/v1/auth/password",
    "POST /api/v1/auth/totp/enrol", "POST /api/v1/auth/totp/confirm"};

class MatrixTest : public OrgApiTest {
protected:
    /// A person account and its grant in `unit`, as objects to act on.
    struct Target {
        std::int64_t unit_id;
        std::string kind;
        std::int64_t account_id;
    };

    Target TargetIn(const std::string& code) {
        std::int64_t unit_id = UnitId(code);
        return db().Write([&](storage::Tx& tx) {
            auto unit = store::FindUnit(tx, unit_id);
            std::string username = "matrix" + std::to_string(++counter_) + "." + code;
            Account a = InsertAccount(tx, ctx(), unit_id, "person", username, NewAccount{unit_id, "Mai", "", "Matrix"},
                                      "x", false);
            return Target{unit_id, std::string(Name(unit->kind)), a.id};
        });
    }

    std::int64_t FreshGrant(const Target& t) {
        return db().Write([&](storage::Tx& tx) {
            Role role = t.kind == "school" || t.kind == "centre" ? Role::kOffice : Role::kAuthorityStaff;
            return InsertGrant(tx, ctx(), t.unit_id, NewGrant{t.account_id, role, {}, {}, {}}, t.account_id).id;
        });
    }

    Reply Call(const std::string& route, const Target& t, const Session& s) {
        std::string u = Str(t.unit_id);
        std::string a = Str(t.account_id);
        bool school = t.kind == "school" || t.kind == "centre";
        if (route == "GET /api/v1/units") return Send("GET", "/api/v1/units", nullptr, &s);
        if (route == "POST /api/v1/units") {
            return Send("POST", "/api/v1/units",
                        {{"parent_id", u}, {"kind", "school"}, {"code", "mx" + std::to_string(++counter_)},
                         {"name", "Trường Ma Trận"}, {"district_code", "mx"}, {"levels", {"TH"}}},
                        &s);
        }
        if (route == "GET /api/v1/units/{id}") return Send("GET", "/api/v1/units/" + u, nullptr, &s);
        if (route == "PATCH /api/v1/units/{id}") return Send("PATCH", "/api/v1/units/" + u, {{"totp_required", false}}, &s);
        if (route == "GET /api/v1/units/{id}/children") return Send("GET", "/api/v1/units/" + u + "/children", nullptr, &s);
        if (route == "GET /api/v1/accounts") return Send("GET", "/api/v1/accounts?unit_id=" + u, nullptr, &s);
        if (route == "POST /api/v1/accounts") {
            return Send("POST", "/api/v1/accounts", {{"unit_id", u}, {"full_name", "Lê Văn Tám"}}, &s);
        }
        if (route == "GET /api/v1/accounts/{id}") return Send("GET", "/api/v1/accounts/" + a, nullptr, &s);
        if (route == "POST /api/v1/accounts/{id}/disable") return Send("POST", "/api/v1/accounts/" + a + "/disable", nullptr, &s);
        if (route == "POST /api/v1/accounts/{id}/enable") return Send("POST", "/api/v1/accounts/" + a + "/enable", nullptr, &s);
        if (route == "POST /api/v1/accounts/{id}/reset-password") {
            return Send("POST", "/api/v1/accounts/" + a + "/reset-password", nullptr, &s);
        }
        if (route == "GET /api/v1/roles/grants") return Send("GET", "/api/v1/roles/grants?unit_id=" + u, nullptr, &s);
        if (route == "POST /api/v1/roles/grants") {
            return Send("POST", "/api/v1/roles/grants",
                        {{"account_id", a}, {"role", school ? "office" : "authority_staff"}}, &s);
        }
        if (route == "DELETE /api/v1/roles/grants/{id}") {
            return Send("DELETE", "/api/v1/roles/grants/" + Str(FreshGrant(t)), nullptr, &s);
        }
        if (route == "GET /api/v1/units/{id}/locks") return Send("GET", "/api/v1/units/" + u + "/locks", nullptr, &s);
        if (route == "PUT /api/v1/units/{id}/locks/{module}") {
            return Send("PUT", "/api/v1/units/" + u + "/locks/messaging", {{"reason", "ma trận"}}, &s);
        }
        if (route == "DELETE /api/v1/units/{id}/locks/{module}") {
            return Send("DELETE", "/api/v1/units/" + u + "/locks/messaging", nullptr, &s);
        }
        ADD_FAILURE() << "the matrix has no request for " << route;
        return {};
    }

    int counter_ = 0;
};

TEST_P(MatrixTest, EveryRouteIsInTheTableOrActsOnlyOnTheCaller) {
    for (const RouteSpec& spec : Routes()) {
        std::string route = spec.method + " " + spec.pattern;
        if (spec.access == Access::kGranted) {
            EXPECT_TRUE(spec.permission.has_value()) << route;
            EXPECT_TRUE(Table().contains(route)) << route << " is guarded but missing from the matrix";
        } else {
            EXPECT_TRUE(kSelfRoutes.contains(route)) << route << " is registered without a permission";
        }
    }
    EXPECT_THROW(Guard(ctx(), RouteSpec{"GET", "/x", Access::kGranted, std::nullopt}, nullptr), Error);
}

TEST_P(MatrixTest, EveryRouteEveryRoleOwnBelowAndForeign) {
    CreateOtherProvince();
    std::map<std::string, Target> targets;
    for (const char* code : {"sgddt", "pgdgianghia", "thptchuvanan", "thcsledinhchinh", "thcsnguyendu", "thptlequydon"}) {
        targets.emplace(code, TargetIn(code));
    }
    int checked = 0;
    for (const Actor& actor : kActors) {
        Session session = Login(actor.username);
        std::vector<std::pair<std::string, const char*>> cases = {{"own", actor.home}};
        if (*actor.below) cases.emplace_back("below", actor.below);
        if (std::string(actor.home) != "sgddt") cases.emplace_back("foreign", "thcsnguyendu");
        cases.emplace_back("foreign", "thptlequydon");
        for (const auto& [route, expectation] : Table()) {
            for (const auto& [column, code] : cases) {
                if (route == "GET /api/v1/units" && column != "own") continue;
                const std::set<std::string>& allowed_set =
                    column == "own" ? expectation.own : column == "below" ? expectation.below : kNobody;
                bool allowed = allowed_set.contains(actor.label);
                Reply reply = Call(route, targets.at(code), session);
                std::string where = std::string(actor.label) + " × " + route + " × " + column + " (" + code + ")";
                if (allowed) {
                    EXPECT_NE(reply.status, 403) << where << " " << reply.body.dump();
                    EXPECT_NE(reply.status, 401) << where << " " << reply.body.dump();
                    EXPECT_LT(reply.status, 500) << where << " " << reply.body.dump();
                } else {
                    EXPECT_EQ(reply.status, 403) << where << " " << reply.body.dump();
                    EXPECT_EQ(reply.code, "auth.forbidden") << where;
                }
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 600);
}

HOCVU_ON_BOTH_ENGINES(MatrixTest);

}  // namespace
}  // namespace hocvu::org::testing
