// Import of students and staff (SCH-3): preview with every row's problem, all-or-nothing commit, refusals; on SQLite
// and PostgreSQL (issue 5).
#include <set>

#include "schooling_harness.hpp"

namespace hocvu::schooling::testing {
namespace {

class ImportTest : public SchoolingApiTest {
protected:
    std::string Base() { return "/api/v1/schools/" + Str(UnitId("thcsledinhchinh")); }
    std::int64_t Students() { return Count("SELECT COUNT(*) FROM students"); }
};

TEST_P(ImportTest, CsvIntoOneClassInVietnameseOrder) {
    Session admin = Login(kThcsAdmin);
    std::string cls = ClassId("thcsledinhchinh", "6A2");
    std::string file = Golden("students_ok.csv");
    Reply preview = SendRaw("POST", Base() + "/students/import/preview?class_id=" + cls, file, admin);
    ASSERT_EQ(preview.status, 200) << preview.body.dump();
    EXPECT_TRUE(preview.body["ok"]) << preview.body.dump();
    EXPECT_EQ(preview.body["header_row"], 2);
    EXPECT_EQ(preview.body["rows"], 6);
    std::int64_t before = Students();
    Reply commit = SendRaw("POST", Base() + "/students/import/commit?class_id=" + cls, file, admin);
    ASSERT_EQ(commit.status, 201) << commit.body.dump();
    EXPECT_EQ(commit.body["created"].size(), 6u);
    EXPECT_EQ(Students(), before + 6);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM guardians WHERE full_name = 'Lê Thị Hoa' AND phone = '0905111222'"), 1);
    EXPECT_EQ(AuditCount("schooling.students_imported"), 1);

    // The class list shows them in Vietnamese order among the demo students: An < Ân < Ánh … Ă after A-words.
    Reply list = Send("GET", "/api/v1/classes/" + cls + "/students", nullptr, &admin);
    std::vector<std::string> imported;
    std::set<std::string> ours = {"Nguyễn Thị Ánh", "Trần Văn Ân",   "Đỗ Văn An",
                                  "Bùi Thị Ă",      "Phạm Minh Đức", "Lê Văn Dũng"};
    for (const std::string& name : Names(list)) {
        if (ours.contains(name))
            imported.push_back(name);
    }
    EXPECT_EQ(imported, (std::vector<std::string>{"Đỗ Văn An", "Nguyễn Thị Ánh", "Bùi Thị Ă", "Trần Văn Ân",
                                                  "Lê Văn Dũng", "Phạm Minh Đức"}));

    // The same file again: every code exists; nothing is written.
    Reply again = SendRaw("POST", Base() + "/students/import/commit?class_id=" + cls, file, admin);
    EXPECT_EQ(again.status, 422);
    EXPECT_EQ(again.body["problems"].size(), 6u);
    EXPECT_EQ(Students(), before + 6);
}

TEST_P(ImportTest, BrokenCsvReportsEveryRowAndWritesNothing) {
    Session admin = Login(kThcsAdmin);
    std::int64_t before = Students();
    std::string file = Golden("students_broken.csv");
    Reply preview = SendRaw("POST", Base() + "/students/import/preview?year=2026-2027", file, admin);
    ASSERT_EQ(preview.status, 200) << preview.body.dump();
    EXPECT_FALSE(preview.body["ok"]);
    std::set<std::pair<int, std::string>> where;
    for (const auto& p : preview.body["problems"]) {
        where.insert({p["row"].get<int>(), p["column"].get<std::string>()});
        EXPECT_EQ(p["sheet"], "CSV");
        EXPECT_FALSE(p["message"].get<std::string>().empty());
    }
    std::set<std::pair<int, std::string>> expected = {
        {2, "D"},  // 30/02/2014
        {3, "E"},  // Không rõ
        {4, "B"},  // duplicate code
        {5, "C"},  // a formula as a name
        {7, "B"},  // 7901-0206
        {7, "H"},  // no class 6Z9
    };
    EXPECT_EQ(where, expected) << preview.body.dump(1);
    Reply commit = SendRaw("POST", Base() + "/students/import/commit?year=2026-2027", file, admin);
    EXPECT_EQ(commit.status, 422);
    EXPECT_FALSE(commit.body["committed"]);
    EXPECT_EQ(Students(), before);
    EXPECT_EQ(AuditCount("schooling.students_imported"), 0);
}

TEST_P(ImportTest, XlsxWithClassColumnAndRefusals) {
    Session admin = Login(kThcsAdmin);
    std::int64_t before = Students();
    Reply ok = SendRaw("POST", Base() + "/students/import/commit?year=2026-2027", Golden("students_ok.xlsx"), admin);
    ASSERT_EQ(ok.status, 201) << ok.body.dump();
    EXPECT_EQ(ok.body["sheet"], "Danh sách");
    EXPECT_EQ(ok.body["created"].size(), 3u);
    EXPECT_EQ(ok.body["created"][2]["class_name"], "6A2");
    EXPECT_EQ(Students(), before + 3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM students WHERE code = '7901000002' AND birth_date = '2014-04-07'"), 1);

    Reply broken =
        SendRaw("POST", Base() + "/students/import/commit?year=2026-2027", Golden("students_broken.xlsx"), admin);
    EXPECT_EQ(broken.status, 422);
    EXPECT_EQ(broken.body["sheet"], "Học sinh");
    std::set<int> rows;
    for (const auto& p : broken.body["problems"])
        rows.insert(p["row"].get<int>());
    EXPECT_EQ(rows, (std::set<int>{2, 3, 4, 5, 6}));

    EXPECT_EQ(SendRaw("POST", Base() + "/students/import/preview?year=2026-2027", Golden("zip_bomb.xlsx"), admin).code,
              "http.payload_too_large");
    EXPECT_EQ(
        SendRaw("POST", Base() + "/students/import/preview?year=2026-2027", std::string(6 << 20, 'x'), admin).code,
        "http.payload_too_large");
    EXPECT_EQ(
        SendRaw("POST", Base() + "/students/import/preview?year=2026-2027", Golden("wrong_headers.csv"), admin).code,
        "request.validation");
    EXPECT_EQ(Students(), before + 3);
    Session teacher = Login("duclm.thcsledinhchinh");
    EXPECT_EQ(
        SendRaw("POST", Base() + "/students/import/preview?year=2026-2027", Golden("students_ok.xlsx"), teacher).status,
        403);
}

TEST_P(ImportTest, StaffImport) {
    Session admin = Login(kThcsAdmin);
    std::int64_t before = Count("SELECT COUNT(*) FROM staff");
    Reply broken = SendRaw("POST", Base() + "/staff/import/commit", Golden("staff_broken.csv"), admin);
    EXPECT_EQ(broken.status, 422);
    EXPECT_EQ(broken.body["problems"].size(), 5u) << broken.body.dump(1);  // date; name, phone, e-mail, subject
    EXPECT_EQ(Count("SELECT COUNT(*) FROM staff"), before);
    Reply ok = SendRaw("POST", Base() + "/staff/import/commit", Golden("staff_ok.csv"), admin);
    ASSERT_EQ(ok.status, 201) << ok.body.dump();
    EXPECT_EQ(ok.body["created"][0]["username"], "hienttt.thcsledinhchinh");
    EXPECT_EQ(ok.body["created"][1]["username"], "lucdv.thcsledinhchinh");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM staff"), before + 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM staff WHERE phone = '0905000111' AND subjects = 'VAN'"), 1);
}

HOCVU_ON_BOTH_ENGINES(ImportTest);

}  // namespace
}  // namespace hocvu::schooling::testing
