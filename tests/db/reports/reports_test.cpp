// The principal board's views and exports on SQLite and PostgreSQL (issue 7, GB-5): a class grade sheet, a student
// grade sheet, the class summary, a report card and the classification rates from scores saved through the
// gradebook, with hand-checked averages, levels, counts and percentages; each .xlsx read back with the same figures;
// who may read what.
#include "gradebook/register.hpp"
#include "people/import/table.hpp"
#include "reports/register.hpp"
#include "reports/xlsx/writer.hpp"
#include "schooling_harness.hpp"

namespace hocvu::reports {
namespace {

using org::testing::Reply;
using org::testing::Session;

class ReportsTest : public schooling::testing::SchoolingApiTest {
protected:
    void SetUp() override {
        SchoolingApiTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        gradebook::Register(router_, ctx());
        reports::Register(router_, ctx());
        principal_ = Login(PrincipalUsername());
        teacher_ = Login("haptt.thptchuvanan");
    }

    std::string PrincipalUsername() {
        return db().Read([&](storage::Tx& tx) {
            return tx
                .QueryOne(
                    "SELECT a.username FROM accounts a JOIN units u ON u.id = a.unit_id WHERE "
                    "a.full_name = $1 AND u.code = $2 ORDER BY a.id",
                    {std::string("Nguyễn Văn Toàn"), std::string("thptchuvanan")})
                ->Text(0);
        });
    }

    /// A GET whose answer is not JSON (an .xlsx): the raw response.
    http::Response GetRaw(const std::string& target, const Session& session) {
        http::Request request;
        request.method = "GET";
        request.target = target;
        std::size_t q = target.find('?');
        request.path = target.substr(0, q);
        request.query_string = q == std::string::npos ? "" : target.substr(q + 1);
        request.client_address = client_address_;
        request.headers.emplace_back("host", "127.0.0.1:8080");
        request.headers.emplace_back("cookie", "hocvu_session=" + session.token);
        http::Fields params;
        auto match = router_.Find("GET", request.path, params);
        request.path_params = params;
        return (*match.handler)(request);
    }

    std::vector<people::import::Sheet> Xlsx(const std::string& target) {
        http::Response r = GetRaw(target, principal_);
        EXPECT_EQ(r.status, 200);
        EXPECT_EQ(r.content_type, xlsx::kContentType);
        return people::import::ReadXlsx(r.body);
    }

    /// Fills every column of `subject` in both semesters for `students`, HK I with `hk1[i]` and HK II with `hk2[i]`.
    void Fill(const std::string& subject, const std::vector<std::string>& students, const std::vector<std::string>& hk1,
              const std::vector<std::string>& hk2) {
        for (int semester = 1; semester <= 2; ++semester) {
            const std::string path =
                "/api/v1/classes/101/subjects/" + subject + "/scores?semester=" + std::to_string(semester);
            Reply sheet = Send("GET", path, nullptr, &principal_);
            ASSERT_EQ(sheet.status, 200) << sheet.body.dump();
            nlohmann::json changes = nlohmann::json::array();
            for (std::size_t i = 0; i < students.size(); ++i) {
                for (const auto& col : sheet.body["columns"]) {
                    changes.push_back({{"student_id", students[i]},
                                       {"item", col["item"]},
                                       {"value", semester == 1 ? hk1[i] : hk2[i]}});
                }
            }
            Reply saved =
                Send("PUT", path, {{"base_version", sheet.body["version"]}, {"changes", changes}}, &principal_);
            ASSERT_EQ(saved.status, 200) << saved.body.dump();
        }
    }

    std::vector<std::string> Students(std::size_t n) {
        Reply sheet = Send("GET", "/api/v1/classes/101/subjects/TOAN/scores?semester=1", nullptr, &principal_);
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < n; ++i)
            ids.push_back(sheet.body["rows"][i]["student_id"]);
        return ids;
    }

    static const std::vector<std::string>* RowWith(const people::import::Sheet& sheet, std::size_t col,
                                                   const std::string& key) {
        for (const auto& row : sheet.rows) {
            if (row.size() > col && row[col] == key)
                return &row;
        }
        return nullptr;
    }

    std::string UnitId() {
        return db().Read([&](storage::Tx& tx) {
            return std::to_string(tx.QueryOne("SELECT unit_id FROM classes WHERE id = 101")->Int(0));
        });
    }

    Session principal_;
    Session teacher_;
};

TEST_P(ReportsTest, GB5_ClassAndStudentGradeSheetsCarryEveryScoreAndTheEnginesAverages) {
    auto s = Students(3);
    ASSERT_NO_FATAL_FAILURE(Fill("TOAN", s, {"8.5", "7", "4.5"}, {"9", "6.5", "4"}));
    Reply sheet = Send("GET", "/api/v1/reports/classes/101/subjects/TOAN/grade-sheet", nullptr, &principal_);
    ASSERT_EQ(sheet.status, 200) << sheet.body.dump();
    EXPECT_EQ(sheet.body["subject"]["regular_labels"].size(), 5u);  // 4 ĐĐGtx + the chuyên đề (TT22 Điều 6)
    EXPECT_EQ(sheet.body["rows"].size(), 30u);
    const auto& first = sheet.body["rows"][0];
    EXPECT_EQ(first["student"]["id"], s[0]);
    EXPECT_EQ(first["hk1"]["regular"][0], "8.5");
    EXPECT_EQ(first["hk1"]["average"], "8.5");
    EXPECT_EQ(first["hk2"]["final"], "9.0");
    // ĐTBmcn = (8.5 + 2 × 9.0) / 3 = 8.83 → 8.8; (7 + 13) / 3 = 6.67 → 6.7; (4.5 + 8) / 3 = 4.17 → 4.2 (A1, A2).
    EXPECT_EQ(first["year"], "8.8");
    EXPECT_EQ(sheet.body["rows"][1]["year"], "6.7");
    EXPECT_EQ(sheet.body["rows"][2]["year"], "4.2");
    EXPECT_EQ(sheet.body["rows"][3]["year"], "");  // nothing entered

    auto book = Xlsx("/api/v1/reports/classes/101/subjects/TOAN/grade-sheet?format=xlsx");
    ASSERT_EQ(book.size(), 1u);
    const std::string code = first["student"]["code"];
    const auto* row = RowWith(book[0], 1, code);
    ASSERT_NE(row, nullptr);
    // STT, code, name, birth date, HK I: 5 tx, gk, ck, ĐTB; HK II: the same; ĐTBmcn.
    ASSERT_EQ(row->size(), 4u + 8u + 8u + 1u);
    EXPECT_EQ((*row)[4], "8.5");
    EXPECT_EQ((*row)[11], "8.5");
    EXPECT_EQ((*row)[19], "9.0");
    EXPECT_EQ((*row)[20], "8.8");

    Reply student = Send("GET", "/api/v1/reports/classes/101/students/" + s[0] + "/grade-sheet", nullptr, &principal_);
    ASSERT_EQ(student.status, 200) << student.body.dump();
    bool found = false;
    for (const auto& subject : student.body["subjects"]) {
        if (subject["code"] != "TOAN")
            continue;
        found = true;
        EXPECT_EQ(subject["hk2"]["average"], "9.0");
        EXPECT_EQ(subject["year"], "8.8");
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(student.body["learning"]["year"], "incomplete");  // the other subjects are empty
    EXPECT_FALSE(student.body["explanation"].empty());
    auto card = Xlsx("/api/v1/reports/classes/101/students/" + s[0] + "/grade-sheet?format=xlsx");
    const auto* toan = RowWith(card[0], 1, "Toán");
    ASSERT_NE(toan, nullptr);
    EXPECT_EQ(toan->back(), "8.8");
}

TEST_P(ReportsTest, GB5_SummaryRatesAndReportCardFromAWholeBook) {
    auto s = Students(3);
    // Every subject of three students: scored subjects all 8.5 / 9.0, 7.0 / 6.5, 4.5 / 4.0; comment subjects Đ, Đ, CĐ.
    Reply summary = Send("GET", "/api/v1/reports/classes/101/summary?period=hk1", nullptr, &principal_);
    ASSERT_EQ(summary.status, 200) << summary.body.dump();
    std::size_t scored = 0;
    for (const auto& subject : summary.body["subjects"]) {
        if (subject["scored"]) {
            ++scored;
            ASSERT_NO_FATAL_FAILURE(Fill(subject["code"], s, {"8.5", "7", "4.5"}, {"9", "6.5", "4"}));
        } else {
            ASSERT_NO_FATAL_FAILURE(Fill(subject["code"], s, {"Đ", "Đ", "CĐ"}, {"Đ", "Đ", "CĐ"}));
        }
    }
    ASSERT_GE(scored, 6u);
    Reply year = Send("GET", "/api/v1/reports/classes/101/year-classification", nullptr, &principal_);
    ASSERT_EQ(year.status, 200) << year.body.dump();
    EXPECT_EQ(year.body["rows"][0]["standing"]["learning"], "Tốt");
    EXPECT_EQ(year.body["rows"][1]["standing"]["learning"], "Khá");
    EXPECT_EQ(year.body["rows"][2]["standing"]["learning"], "Chưa đạt");
    EXPECT_EQ(year.body["rows"][3]["standing"]["learning"], "incomplete");
    EXPECT_EQ(year.body["learning_counts"], nlohmann::json({1, 1, 0, 1, 27}));

    // Rates of the school, year: TOAN has 8.8 (Tốt), 6.7 (Khá), 4.2 (Chưa đạt) in grade 10 and the whole school.
    const std::string unit = UnitId();
    Reply rates =
        Send("GET", "/api/v1/reports/schools/" + unit + "/classification-rates?period=year", nullptr, &principal_);
    ASSERT_EQ(rates.status, 200) << rates.body.dump();
    nlohmann::json toan_school, toan_10, gdtc_school, whole;
    for (const auto& row : rates.body["subjects"]) {
        if (row["code"] == "TOAN" && row["grade"] == 0)
            toan_school = row;
        if (row["code"] == "TOAN" && row["grade"] == 10)
            toan_10 = row;
        if (row["code"] == "GDTC" && row["grade"] == 0)
            gdtc_school = row;
    }
    for (const auto& row : rates.body["grades"]) {
        if (row["grade"] == 0)
            whole = row;
    }
    ASSERT_FALSE(toan_school.is_null());
    EXPECT_EQ(toan_school["distribution"]["counts"], nlohmann::json({1, 1, 0, 1}));
    EXPECT_EQ(toan_school["distribution"]["assessed"], 3);
    EXPECT_EQ(toan_school["distribution"]["percent"], nlohmann::json({"33.3", "33.3", "0.0", "33.3"}));
    // The other students of the school (of grade 10) have no Toán result yet.
    EXPECT_EQ(toan_school["distribution"]["incomplete"], whole["students"].get<int>() - 3);
    EXPECT_EQ(toan_10["distribution"]["counts"], toan_school["distribution"]["counts"]);
    EXPECT_LT(toan_10["distribution"]["incomplete"], toan_school["distribution"]["incomplete"]);
    EXPECT_EQ(gdtc_school["distribution"]["counts"], nlohmann::json({2, 1}));
    EXPECT_EQ(gdtc_school["distribution"]["percent"], nlohmann::json({"66.7", "33.3"}));
    EXPECT_EQ(whole["learning"]["counts"], nlohmann::json({1, 1, 0, 1}));
    EXPECT_GE(whole["classes"].get<int>(), 1);

    // The workbook says the same.
    auto book = Xlsx("/api/v1/reports/schools/" + unit + "/classification-rates?period=year&format=xlsx");
    ASSERT_EQ(book.size(), 2u);
    EXPECT_EQ(book[0].name, "Theo môn");
    EXPECT_EQ(book[1].name, "Theo khối");
    const std::vector<std::string>* toan_row = nullptr;
    for (const auto& row : book[0].rows) {
        if (row.size() > 2 && row[0] == "Toán" && row[1] == "Toàn trường")
            toan_row = &row;
    }
    ASSERT_NE(toan_row, nullptr);
    EXPECT_EQ(*toan_row, (std::vector<std::string>{"Toán", "Toàn trường", "3", "1", "33.3", "1", "33.3", "0", "0.0",
                                                   "1", "33.3", std::to_string(whole["students"].get<int>() - 3)}));
    const auto* school_row = RowWith(book[1], 0, "Toàn trường");
    ASSERT_NE(school_row, nullptr);
    EXPECT_EQ((*school_row)[3], "1");
    EXPECT_EQ((*school_row)[4], "33.3");

    // The report card: the principal board and the homeroom teacher; not another class's subject teacher.
    Reply card = Send("GET", "/api/v1/reports/students/" + s[0] + "/report-card?period=year", nullptr, &principal_);
    ASSERT_EQ(card.status, 200) << card.body.dump();
    EXPECT_EQ(card.body["class"]["name"], "10A1");
    EXPECT_EQ(card.body["standing"]["learning"], "Tốt");
    for (const auto& subject : card.body["subjects"]) {
        if (subject["code"] == "TOAN") {
            EXPECT_EQ(subject["year"], "8.8");
        }
    }
    Reply hk1 = Send("GET", "/api/v1/reports/students/" + s[0] + "/report-card?period=hk1", nullptr, &principal_);
    for (const auto& subject : hk1.body["subjects"]) {
        if (subject["code"] == "TOAN") {
            EXPECT_EQ(subject["hk1"], "8.5");
            EXPECT_EQ(subject["hk2"], "");
        }
    }
    auto card_book = Xlsx("/api/v1/reports/students/" + s[0] + "/report-card?period=year&format=xlsx");
    const auto* toan_card = RowWith(card_book[0], 1, "Toán");
    ASSERT_NE(toan_card, nullptr);
    EXPECT_EQ((std::vector<std::string>(toan_card->begin() + 1, toan_card->end())),
              (std::vector<std::string>{"Toán", "8.5", "9.0", "8.8"}));
}

TEST_P(ReportsTest, GB5_OnlyThePrincipalBoardReadsTheSchoolsViews) {
    const std::string unit = UnitId();
    for (const std::string& path : {"/api/v1/reports/schools/" + unit + "/classification-rates",
                                    std::string("/api/v1/reports/classes/101/summary"),
                                    std::string("/api/v1/reports/classes/101/subjects/TOAN/grade-sheet"),
                                    std::string("/api/v1/reports/classes/101/year-classification")}) {
        Reply r = Send("GET", path, nullptr, &teacher_);
        EXPECT_EQ(r.status, 403) << path;
        EXPECT_EQ(r.code, "auth.forbidden") << path;
    }
    auto s = Students(1);
    // The subject teacher may read scores of their subject only, so not a whole report card.
    EXPECT_EQ(Send("GET", "/api/v1/reports/students/" + s[0] + "/report-card", nullptr, &teacher_).status, 403);
    Session other = Login("duclm.thcsledinhchinh");
    EXPECT_EQ(Send("GET", "/api/v1/reports/classes/101/summary", nullptr, &other).status, 403);
    EXPECT_EQ(Send("GET", "/api/v1/reports/students/" + s[0] + "/report-card", nullptr, &other).status, 403);

    EXPECT_EQ(Send("GET", "/api/v1/reports/classes/101/summary?period=hk3", nullptr, &principal_).code,
              "request.validation");
    EXPECT_EQ(Send("GET", "/api/v1/reports/classes/101/summary?format=csv", nullptr, &principal_).code,
              "request.validation");
    EXPECT_EQ(
        Send("GET", "/api/v1/reports/schools/" + unit + "/classification-rates?year=1999-2000", nullptr, &principal_)
            .status,
        404);
    EXPECT_EQ(Send("GET", "/api/v1/reports/classes/101/students/1/grade-sheet", nullptr, &principal_).status, 404);
}

HOCVU_ON_BOTH_ENGINES(ReportsTest);

}  // namespace
}  // namespace hocvu::reports
