// The student lifecycle, each step end to end and audited: class transfer (SCH-4), transfer out and dropout
// (SCH-5), admission from another school of the system (SCH-6), exemptions (SCH-8), year carry-over (SCH-7); on
// SQLite and PostgreSQL (issue 5).
#include "schooling_harness.hpp"

namespace hocvu::schooling::testing {
namespace {

class LifecycleTest : public SchoolingApiTest {
protected:
    std::string FirstStudent(const std::string& cls, Session& session) {
        return Send("GET", "/api/v1/classes/" + cls + "/students", nullptr, &session).body["items"][0]["id"];
    }
};

TEST_P(LifecycleTest, ClassTransferKeepsTheRecord) {
    Session admin = Login(kThcsAdmin);
    std::string student = FirstStudent("201", admin);
    std::string to = ClassId("thcsledinhchinh", "6A2");
    Reply moved = Send("POST", "/api/v1/students/" + student + "/class-transfer",
                       {{"class_id", to}, {"date", "15/10/2026"}}, &admin);
    ASSERT_EQ(moved.status, 200) << moved.body.dump();
    EXPECT_EQ(moved.body["class_name"], "6A2");
    EXPECT_EQ(moved.body["started_on"], "2026-10-15");
    Reply profile = Send("GET", "/api/v1/students/" + student, nullptr, &admin);
    EXPECT_EQ(profile.body["class"]["name"], "6A2");
    ASSERT_EQ(profile.body["enrolments"].size(), 2u);
    EXPECT_EQ(profile.body["enrolments"][1]["status"], "transferred");
    EXPECT_EQ(profile.body["enrolments"][1]["ended_on"], "2026-10-15");
    EXPECT_EQ(Send("GET", "/api/v1/classes/201/students", nullptr, &admin).body["items"].size(), 29u);
    EXPECT_EQ(Send("GET", "/api/v1/classes/" + to + "/students", nullptr, &admin).body["items"].size(), 31u);
    EXPECT_EQ(Send("POST", "/api/v1/students/" + student + "/class-transfer", {{"class_id", to}}, &admin).status, 409);
    EXPECT_EQ(Send("POST", "/api/v1/students/" + student + "/class-transfer",
                   {{"class_id", ClassId("thptchuvanan", "10A2")}}, &admin)
                  .status,
              422);
    EXPECT_EQ(AuditCount("schooling.class_transferred"), 1);
}

TEST_P(LifecycleTest, TransferOutThenAdmissionAtAnotherSchool) {
    Session admin = Login(kThcsAdmin);
    std::string student = FirstStudent("201", admin);
    Reply before = Send("GET", "/api/v1/students/" + student, nullptr, &admin);
    Reply left =
        Send("POST", "/api/v1/students/" + student + "/leave",
             {{"kind", "transfer_out"}, {"reason", "Gia đình chuyển đến Đắk Mil"}, {"date", "2026-11-02"}}, &admin);
    ASSERT_EQ(left.status, 200) << left.body.dump();
    EXPECT_EQ(left.body["status"], "transferred_out");
    EXPECT_EQ(left.body["status_date"], "2026-11-02");
    EXPECT_EQ(Send("GET", "/api/v1/classes/201/students", nullptr, &admin).body["items"].size(), 29u);
    EXPECT_EQ(Send("GET", "/api/v1/students/" + student, nullptr, &admin).status, 200);  // the record stays
    EXPECT_EQ(
        Send("POST", "/api/v1/students/" + student + "/leave", {{"kind", "dropout"}, {"reason", "x"}}, &admin).status,
        409);

    // THCS Nguyễn Du sets up its year and a class, then admits the student by code.
    Session other = Login(kOtherThcsAdmin);
    std::string other_unit = Str(UnitId("thcsnguyendu"));
    Reply year = Send("POST", "/api/v1/schools/" + other_unit + "/years", {{"name", "2026-2027"}}, &other);
    ASSERT_EQ(year.status, 201);
    Reply cls = Send("POST", "/api/v1/schools/" + other_unit + "/classes",
                     {{"year_id", year.body["id"]}, {"grade", 6}, {"name", "6A3"}}, &other);
    ASSERT_EQ(cls.status, 201);
    EXPECT_EQ(Send("POST", "/api/v1/schools/" + other_unit + "/admissions",
                   {{"code", "0000000000"}, {"class_id", cls.body["id"]}}, &other)
                  .status,
              404);
    Reply admitted =
        Send("POST", "/api/v1/schools/" + other_unit + "/admissions",
             {{"code", before.body["code"]}, {"class_id", cls.body["id"]}, {"date", "2026-11-05"}}, &other);
    ASSERT_EQ(admitted.status, 201) << admitted.body.dump();
    EXPECT_EQ(admitted.body["full_name"], before.body["full_name"]);
    EXPECT_EQ(admitted.body["origin_id"], student);
    EXPECT_EQ(admitted.body["guardians"].size(), before.body["guardians"].size());
    EXPECT_EQ(admitted.body["class"]["name"], "6A3");
    EXPECT_NE(admitted.body["id"], student);
    // The former school still has its record; the new school cannot read the old one.
    EXPECT_EQ(Send("GET", "/api/v1/students/" + student, nullptr, &other).status, 403);
    EXPECT_EQ(AuditCount("schooling.transferred_out"), 1);
    EXPECT_EQ(AuditCount("schooling.student_admitted"), 1);
}

TEST_P(LifecycleTest, DropoutAndExemptions) {
    Session admin = Login(kThcsAdmin);
    Reply list = Send("GET", "/api/v1/classes/201/students", nullptr, &admin);
    std::string a = list.body["items"][0]["id"];
    std::string b = list.body["items"][1]["id"];
    EXPECT_EQ(Send("POST", "/api/v1/students/" + a + "/leave", {{"kind", "dropout"}, {"reason", ""}}, &admin).status,
              422);
    Reply dropped = Send("POST", "/api/v1/students/" + a + "/leave",
                         {{"kind", "dropout"}, {"reason", "Hoàn cảnh gia đình khó khăn"}}, &admin);
    ASSERT_EQ(dropped.status, 200);
    EXPECT_EQ(dropped.body["status"], "dropped_out");
    EXPECT_EQ(dropped.body["status_date"], "2026-08-29");  // today in Vietnam, from the injected clock

    Reply exempt = Send("POST", "/api/v1/students/" + b + "/exemptions",
                        {{"subject", "GDTC"}, {"semester", 1}, {"reason", "Giấy chứng nhận của bệnh viện"}}, &admin);
    ASSERT_EQ(exempt.status, 201) << exempt.body.dump();
    EXPECT_EQ(Send("POST", "/api/v1/students/" + b + "/exemptions",
                   {{"subject", "GDTC"}, {"semester", 1}, {"reason", "lần nữa"}}, &admin)
                  .status,
              409);
    EXPECT_EQ(Send("POST", "/api/v1/students/" + b + "/exemptions",
                   {{"subject", "GDQPAN"}, {"semester", 1}, {"reason", "không học môn này"}}, &admin)
                  .status,
              422);
    EXPECT_EQ(Send("POST", "/api/v1/students/" + b + "/exemptions",
                   {{"subject", "GDTC"}, {"semester", 3}, {"reason", "x"}}, &admin)
                  .status,
              422);
    Reply profile = Send("GET", "/api/v1/students/" + b, nullptr, &admin);
    ASSERT_EQ(profile.body["exemptions"].size(), 1u);
    EXPECT_EQ(profile.body["exemptions"][0]["subject"], "GDTC");
    EXPECT_EQ(Send("DELETE", "/api/v1/exemptions/" + exempt.body["id"].get<std::string>(), nullptr, &admin).status,
              204);
    EXPECT_EQ(Send("GET", "/api/v1/students/" + b, nullptr, &admin).body["exemptions"].size(), 0u);
    Session teacher = Login("duclm.thcsledinhchinh");
    EXPECT_EQ(Send("POST", "/api/v1/students/" + b + "/exemptions",
                   {{"subject", "GDTC"}, {"semester", 2}, {"reason", "x"}}, &teacher)
                  .status,
              403);
    EXPECT_EQ(AuditCount("schooling.dropped_out"), 1);
    EXPECT_EQ(AuditCount("schooling.exemption_added"), 1);
    EXPECT_EQ(AuditCount("schooling.exemption_removed"), 1);
}

TEST_P(LifecycleTest, YearCarryOverPromotesRetainsAndGraduates) {
    Session admin = Login(kThcsAdmin);
    std::string unit = Str(UnitId("thcsledinhchinh"));
    std::string year = Send("GET", "/api/v1/schools/" + unit + "/years", nullptr, &admin).body["items"][0]["id"];
    std::string retained = FirstStudent("201", admin);
    nlohmann::json body = {{"to_year", "2027-2028"}, {"outcomes", {{retained, "retained"}}}, {"dry_run", true}};
    Reply preview = Send("POST", "/api/v1/years/" + year + "/carry-over", body, &admin);
    ASSERT_EQ(preview.status, 200) << preview.body.dump();
    EXPECT_FALSE(preview.body["applied"]);
    EXPECT_EQ(preview.body["promoted"], 6 * 30 - 1);
    EXPECT_EQ(preview.body["retained"], 1);
    EXPECT_EQ(preview.body["graduated"], 60);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM school_years WHERE name = '2027-2028'"), 0);  // a dry run writes nothing
    EXPECT_EQ(AuditCount("schooling.year_carried_over"), 0);

    body["dry_run"] = false;
    Reply done = Send("POST", "/api/v1/years/" + year + "/carry-over", body, &admin);
    ASSERT_EQ(done.status, 201) << done.body.dump();
    EXPECT_EQ(done.body["promoted"], 179);
    EXPECT_EQ(done.body["class_sizes"]["7A1"], 29);
    EXPECT_EQ(done.body["class_sizes"]["8A1"], 30);
    EXPECT_EQ(done.body["class_sizes"]["6A1"], 1);
    EXPECT_EQ(done.body["class_sizes"]["10A1"], nullptr);
    Reply classes = Send("GET", "/api/v1/schools/" + unit + "/classes?year=2027-2028", nullptr, &admin);
    std::map<std::string, int> sizes;
    for (const auto& c : classes.body["items"])
        sizes[c["name"]] = c["student_count"];
    EXPECT_EQ(sizes["6A1"], 1);
    EXPECT_EQ(sizes["6A2"], 0);
    EXPECT_EQ(sizes["7A1"], 29);
    EXPECT_EQ(sizes["9A2"], 30);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM students WHERE unit_id = $1 AND status = 'graduated'", {std::stoll(unit)}),
              60);
    Reply profile = Send("GET", "/api/v1/students/" + retained, nullptr, &admin);
    EXPECT_EQ(profile.body["class"]["name"], "6A1");
    EXPECT_EQ(profile.body["enrolments"][1]["status"], "retained");
    EXPECT_EQ(AuditCount("schooling.year_carried_over"), 1);
    // Nothing is left to carry over; a year cannot carry into itself.
    EXPECT_EQ(Send("POST", "/api/v1/years/" + year + "/carry-over", {{"to_year", "2026-2027"}}, &admin).status, 422);
    Session principal = Login("tuyetdta.thcsledinhchinh");
    EXPECT_EQ(Send("POST", "/api/v1/years/" + year + "/carry-over", {{"to_year", "2027-2028"}}, &principal).status,
              403);
}

HOCVU_ON_BOTH_ENGINES(LifecycleTest);

}  // namespace
}  // namespace hocvu::schooling::testing
