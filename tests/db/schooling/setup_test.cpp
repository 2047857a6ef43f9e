// School year setup (SCH-14) and assignments with their grants (SCH-9), on SQLite and PostgreSQL (issue 5).
#include "people/vn_text.hpp"
#include "schooling_harness.hpp"

namespace hocvu::schooling::testing {
namespace {

class SetupTest : public SchoolingApiTest {};

TEST_P(SetupTest, DemoYearHasClassesCurriculumAssignmentsAndStudents) {
    Session admin = Login(kThcsAdmin);
    std::string unit = Str(UnitId("thcsledinhchinh"));
    Reply classes = Send("GET", "/api/v1/schools/" + unit + "/classes?year=2026-2027", nullptr, &admin);
    ASSERT_EQ(classes.status, 200) << classes.body.dump();
    std::vector<std::string> names;
    for (const auto& c : classes.body["items"]) {
        names.push_back(c["name"].get<std::string>());
        EXPECT_EQ(c["student_count"], 30) << c.dump();
        EXPECT_FALSE(c["homeroom_name"].get<std::string>().empty());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"6A1", "6A2", "7A1", "7A2", "8A1", "8A2", "9A1", "9A2"}));
    EXPECT_EQ(classes.body["items"][0]["id"], "201");
    EXPECT_EQ(classes.body["items"][0]["homeroom_name"], "Lý Minh Đức");
    // 12 compulsory THCS subjects × 8 classes × 2 semesters: every class × subject has a teacher.
    Reply teaching = Send("GET", "/api/v1/schools/" + unit + "/teaching?year=2026-2027", nullptr, &admin);
    EXPECT_EQ(teaching.body["items"].size(), 12u * 8u * 2u);
    Reply curriculum =
        Send("GET", "/api/v1/years/" + classes.body["items"][0]["year_id"].get<std::string>() + "/curriculum", nullptr,
             &admin);
    EXPECT_EQ(curriculum.body["items"].size(), 12u * 4u);
    // THPT Chu Văn An: 10A1 is class 101, with Nguyễn Hoàng Nam (9001) whose mother is the demo parent.
    Session thpt = Login(kThptAdmin);
    Reply student = Send("GET", "/api/v1/students/9001", nullptr, &thpt);
    ASSERT_EQ(student.status, 200) << student.body.dump();
    EXPECT_EQ(student.body["full_name"], "Nguyễn Hoàng Nam");
    EXPECT_EQ(student.body["class"]["id"], "101");
    EXPECT_EQ(student.body["guardians"][1]["account_id"], Str(AccountId("maibt.thptchuvanan")));
    Reply cls = Send("GET", "/api/v1/classes/101", nullptr, &thpt);
    EXPECT_EQ(cls.body["electives"].size(), 7u);
    // 30 students in each of the 14 THCS/THPT classes and in the primary class 4A1 of TH Kim Đồng (issue 6).
    EXPECT_EQ(Count("SELECT COUNT(*) FROM students"), 15 * 30);
}

TEST_P(SetupTest, YearsCurriculumAndClasses) {
    Session admin = Login(kThcsAdmin);
    std::string unit = Str(UnitId("thcsledinhchinh"));
    std::string base = "/api/v1/schools/" + unit;
    EXPECT_EQ(Send("POST", base + "/years", {{"name", "2027-2029"}}, &admin).code, "request.validation");
    EXPECT_EQ(Send("POST", base + "/years", {{"name", "2026-2027"}}, &admin).code, "request.conflict");
    Reply years = Send("GET", base + "/years", nullptr, &admin);
    std::string current = years.body["items"][0]["id"];
    Reply copied = Send("POST", base + "/years", {{"name", "2027-2028"}, {"copy_from", current}}, &admin);
    ASSERT_EQ(copied.status, 201) << copied.body.dump();
    EXPECT_EQ(copied.body["semesters"][0]["starts_on"], "2027-09-05");
    EXPECT_EQ(copied.body["semesters"][1]["ends_on"], "2028-05-31");
    std::string next = copied.body["id"];
    Reply copied_classes = Send("GET", base + "/classes?year=2027-2028", nullptr, &admin);
    EXPECT_EQ(copied_classes.body["items"].size(), 8u);
    EXPECT_EQ(copied_classes.body["items"][0]["student_count"], 0);

    Reply optional = Send("PUT", "/api/v1/years/" + next + "/curriculum/6", {{"optional_subjects", {"NN2"}}}, &admin);
    ASSERT_EQ(optional.status, 200) << optional.body.dump();
    EXPECT_EQ(optional.body["items"].size(), 12u * 4u + 1u);
    EXPECT_EQ(Send("PUT", "/api/v1/years/" + next + "/curriculum/6", {{"optional_subjects", {"TOAN"}}}, &admin).status,
              422);
    EXPECT_EQ(Send("PUT", "/api/v1/years/" + next + "/curriculum/10", {{"optional_subjects", nlohmann::json::array()}},
                   &admin)
                  .status,
              422);

    Reply created = Send("POST", base + "/classes", {{"year_id", next}, {"grade", 6}, {"name", "6A10"}}, &admin);
    ASSERT_EQ(created.status, 201) << created.body.dump();
    EXPECT_EQ(Send("POST", base + "/classes", {{"year_id", next}, {"grade", 6}, {"name", "6A10"}}, &admin).status, 409);
    EXPECT_EQ(Send("POST", base + "/classes", {{"year_id", next}, {"grade", 10}, {"name", "10A1"}}, &admin).status,
              422);
    Reply listed = Send("GET", base + "/classes?year=" + next, nullptr, &admin);
    std::vector<std::string> grade6;
    for (const auto& c : listed.body["items"]) {
        if (c["grade"] == 6)
            grade6.push_back(c["name"]);
    }
    EXPECT_EQ(grade6, (std::vector<std::string>{"6A1", "6A2", "6A10"}));
    EXPECT_EQ(AuditCount("schooling.year_created"), 1);
    EXPECT_EQ(AuditCount("schooling.class_created"), 1);

    // Teachers and other schools' admins set nothing up.
    Session teacher = Login("duclm.thcsledinhchinh");
    EXPECT_EQ(Send("POST", base + "/years", {{"name", "2028-2029"}}, &teacher).status, 403);
    Session other = Login(kOtherThcsAdmin);
    EXPECT_EQ(Send("POST", base + "/classes", {{"year_id", next}, {"grade", 6}, {"name", "6A11"}}, &other).status, 403);
}

TEST_P(SetupTest, ThptElectives) {
    Session admin = Login(kThptAdmin);
    std::string cls = ClassId("thptchuvanan", "11A1");
    Reply ok = Send("PUT", "/api/v1/classes/" + cls + "/electives",
                    {{"subjects", {"DIA", "GDKTPL", "LY", "TIN", "CDVAN", "CDSU", "CDDIA"}}}, &admin);
    ASSERT_EQ(ok.status, 200) << ok.body.dump();
    EXPECT_EQ(ok.body["electives"].size(), 7u);
    EXPECT_EQ(Send("PUT", "/api/v1/classes/" + cls + "/electives",
                   {{"subjects", {"DIA", "GDKTPL", "LY", "TIN", "HOA"}}}, &admin)
                  .status,
              422);  // five electives
    EXPECT_EQ(Send("PUT", "/api/v1/classes/" + cls + "/electives", {{"subjects", {"GDCD"}}}, &admin).status, 422);
}

TEST_P(SetupTest, TeachingAssignmentsCarryTheSubjectTeacherGrant) {
    Session admin = Login(kThcsAdmin);
    std::string unit = Str(UnitId("thcsledinhchinh"));
    Reply staff = Send("POST", "/api/v1/schools/" + unit + "/staff",
                       {{"full_name", "Trương Thị Thu Hiền"}, {"subjects", {"Toán"}}, {"gender", "Nữ"}}, &admin);
    ASSERT_EQ(staff.status, 201) << staff.body.dump();
    EXPECT_EQ(staff.body["username"], "hienttt.thcsledinhchinh");
    std::string staff_id = staff.body["id"];
    std::string hien_account = staff.body["account_id"];
    std::string password = staff.body["password"];
    std::string class6a2 = ClassId("thcsledinhchinh", "6A2");

    Reply assigned = Send("POST", "/api/v1/classes/" + class6a2 + "/teaching",
                          {{"subject", "TOAN"}, {"staff_id", staff_id}, {"semesters", {1, 2}}}, &admin);
    ASSERT_EQ(assigned.status, 201) << assigned.body.dump();
    EXPECT_EQ(assigned.body["items"].size(), 2u);
    auto grants = [&](const std::string& account) {
        return Count("SELECT COUNT(*) FROM grants WHERE account_id = $1 AND role = 'subject_teacher'",
                     {std::stoll(account)});
    };
    EXPECT_EQ(grants(hien_account), 1);
    EXPECT_EQ(Send("POST", "/api/v1/classes/" + class6a2 + "/teaching", {{"subject", "VATLI"}, {"staff_id", staff_id}},
                   &admin)
                  .status,
              422);

    // With the grant she sees 6A2's list, not 6A1's.
    Reply first = LoginReply("hienttt.thcsledinhchinh", password);
    ASSERT_EQ(first.status, 200);
    Session hien{CookieToken(first), first.body.value("csrf_token", "")};
    ASSERT_EQ(Send("POST", "/api/v1/auth/password",
                   {{"current_password", password}, {"new_password", "Một-mật-khẩu-dài-2026"}}, &hien)
                  .status,
              200);
    hien = Login("hienttt.thcsledinhchinh", "Một-mật-khẩu-dài-2026");
    EXPECT_EQ(Send("GET", "/api/v1/classes/" + class6a2 + "/students", nullptr, &hien).status, 200);
    EXPECT_EQ(Send("GET", "/api/v1/classes/201/students", nullptr, &hien).status, 403);

    // Semester 2 to someone else: her grant stays for semester 1; both semesters away: it goes.
    std::string other_staff =
        Send("GET", "/api/v1/schools/" + unit + "/staff?q=binh", nullptr, &admin).body["items"][0]["id"];
    ASSERT_EQ(Send("POST", "/api/v1/classes/" + class6a2 + "/teaching",
                   {{"subject", "TOAN"}, {"staff_id", other_staff}, {"semesters", {2}}}, &admin)
                  .status,
              201);
    EXPECT_EQ(grants(hien_account), 1);
    Reply matrix = Send("GET", "/api/v1/schools/" + unit + "/teaching?year=2026-2027", nullptr, &admin);
    std::string remaining;
    for (const auto& a : matrix.body["items"]) {
        if (a["class_id"] == class6a2 && a["subject"] == "TOAN" && a["staff_id"] == staff_id)
            remaining = a["id"];
    }
    ASSERT_FALSE(remaining.empty());
    EXPECT_EQ(Send("DELETE", "/api/v1/teaching-assignments/" + remaining, nullptr, &admin).status, 204);
    EXPECT_EQ(grants(hien_account), 0);
    EXPECT_EQ(Send("GET", "/api/v1/classes/" + class6a2 + "/students", nullptr, &hien).status, 403);
    EXPECT_GE(AuditCount("schooling.teaching_assigned"), 2);
    EXPECT_EQ(AuditCount("schooling.teaching_removed"), 1);
}

TEST_P(SetupTest, HomeroomAssignmentMovesTheGrant) {
    Session admin = Login(kThcsAdmin);
    std::string unit = Str(UnitId("thcsledinhchinh"));
    std::string duc = Str(AccountId("duclm.thcsledinhchinh"));
    auto homeroom = [&](const std::string& account) {
        return Count(
            "SELECT COUNT(*) FROM grants WHERE account_id = $1 AND role = 'homeroom_teacher' AND class_id = 201",
            {std::stoll(account)});
    };
    EXPECT_EQ(homeroom(duc), 1);
    Session duc_session = Login("duclm.thcsledinhchinh");
    Reply list = Send("GET", "/api/v1/classes/201/students", nullptr, &duc_session);
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.body["items"].size(), 30u);
    std::string hoa =
        Send("GET", "/api/v1/schools/" + unit + "/staff?q=nguyen%20thi%20hoa", nullptr, &admin).body["items"][0]["id"];
    Reply moved = Send("PUT", "/api/v1/classes/201/homeroom", {{"staff_id", hoa}}, &admin);
    ASSERT_EQ(moved.status, 200) << moved.body.dump();
    EXPECT_EQ(moved.body["homeroom_name"], "Nguyễn Thị Hoa");
    EXPECT_EQ(homeroom(duc), 0);
    EXPECT_EQ(Send("GET", "/api/v1/classes/201/students", nullptr, &duc_session).status, 200);  // he still teaches it
    EXPECT_EQ(Send("DELETE", "/api/v1/classes/201/homeroom", nullptr, &admin).status, 200);
    EXPECT_EQ(Send("DELETE", "/api/v1/classes/201/homeroom", nullptr, &admin).status, 404);
    Session principal = Login("tuyetdta.thcsledinhchinh");
    EXPECT_EQ(Send("PUT", "/api/v1/classes/201/homeroom", {{"staff_id", hoa}}, &principal).status, 403);
}

TEST_P(SetupTest, ClassListsInVietnameseOrderAndVisibleByRole) {
    Session admin = Login(kThcsAdmin);
    Reply list = Send("GET", "/api/v1/classes/201/students", nullptr, &admin);
    ASSERT_EQ(list.status, 200);
    struct Name {
        std::string family, middle, given;
    };
    std::vector<Name> names;
    for (const auto& s : list.body["items"])
        names.push_back({s["family_name"], s["middle_name"], s["given_name"]});
    ASSERT_EQ(names.size(), 30u);
    for (std::size_t i = 1; i < names.size(); ++i) {
        const Name& a = names[i - 1];
        const Name& b = names[i];
        EXPECT_LE(people::CompareVietnameseNames(a.given, a.family, a.middle, b.given, b.family, b.middle), 0)
            << a.given << " / " << b.given;
    }
    Session phong = Login("baopq.pgdgianghia");  // the district inspects its schools
    EXPECT_EQ(Send("GET", "/api/v1/classes/201/students", nullptr, &phong).status, 200);
    Session other = Login(kOtherThcsAdmin);
    EXPECT_EQ(Send("GET", "/api/v1/classes/201/students", nullptr, &other).status, 403);
    Session parent = Login("maibt.thptchuvanan");
    EXPECT_EQ(Send("GET", "/api/v1/classes/101/students", nullptr, &parent).status, 403);
    EXPECT_EQ(Send("GET", "/api/v1/students/9001", nullptr, &parent).status, 200);
    Session thpt = Login(kThptAdmin);
    Reply class101 = Send("GET", "/api/v1/classes/101/students", nullptr, &thpt);
    std::string classmate = class101.body["items"][0]["id"];
    if (classmate == "9001")
        classmate = class101.body["items"][1]["id"];
    EXPECT_EQ(Send("GET", "/api/v1/students/" + classmate, nullptr, &parent).status, 403);
}

HOCVU_ON_BOTH_ENGINES(SetupTest);

}  // namespace
}  // namespace hocvu::schooling::testing
