// TT27 (primary) homeroom work on SQLite and PostgreSQL (issues 6 and 7): the homeroom teacher's quality and
// competence ratings (versioned batch saves, conflicts naming both values, audit, permissions), the year result
// completed from the gradebook's levels and tests with the ratings (one engine input for the gradebook's results and
// the homeroom's summary), the semester confirmation, the year-close lists with TT27's overrides, approval and no
// summer step; the principal board's class summary and report card for a primary class.
#include "gradebook/register.hpp"
#include "gradebook/setup.hpp"
#include "homeroom/register.hpp"
#include "org/tokens.hpp"
#include "reports/register.hpp"
#include "schooling_harness.hpp"

namespace hocvu::homeroom {
namespace {

using org::testing::Reply;
using org::testing::Session;

// 2026-10-15 03:00 UTC = 10:00 in Vietnam.
constexpr Micros kOctober15 = 1792033200000000;
const std::vector<std::string> kItems = {"yeu_nuoc", "nhan_ai",  "cham_chi",  "trung_thuc", "trach_nhiem",
                                         "tu_chu",   "giao_tiep", "gqvd_sang_tao", "ngon_ngu", "tinh_toan",
                                         "khoa_hoc", "cong_nghe", "tin_hoc",   "tham_mi",    "the_chat"};

class PrimaryTest : public schooling::testing::SchoolingApiTest {
protected:
    void SetUp() override {
        SchoolingApiTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        gradebook::Register(router_, ctx());
        homeroom::Register(router_, ctx());
        reports::Register(router_, ctx());
        clock_.Set(kOctober15);
        homeroom_ = Login("ngocttb.thkimdong");
        principal_ = Login("anhttn.thkimdong");
        other_ = Login("toannv2.thptchuvanan");
        Reply sheet = Send("GET", "/api/v1/classes/401/qualities?semester=2", nullptr, &homeroom_);
        ASSERT_EQ(sheet.status, 200) << sheet.body.dump();
        for (const auto& s : sheet.body["items"]) students_.push_back(s["student_id"].get<std::string>());
        ASSERT_EQ(students_.size(), 30u);
    }

    /// Every cell of every subject of 4A1 in both semesters as the gradebook stores them, each sheet confirmed:
    /// levels HTT, tests 9, except what `level`/`test` say for (student index, subject).
    void FillGradebook(const std::function<int(std::size_t, const std::string&)>& level,
                       const std::function<int(std::size_t, const std::string&)>& test) {
        const std::int64_t teacher = AccountId("ngocttb.thkimdong");
        db().Write([&](storage::Tx& tx) {
            gradebook::detail::ClassSetup setup = gradebook::detail::LoadClassSetup(tx, 401);
            const std::int64_t unit = setup.cls.unit_id;
            for (const auto& s : setup.subjects) {
                for (int semester = 1; semester <= 2; ++semester) {
                    tx.Exec("INSERT INTO gradebook_sheets (unit_id, class_id, subject_code, semester, version, "
                            "confirmed_by, confirmed_at, updated_at) VALUES ($1, 401, $2, $3, 1, $4, $5, $5)",
                            {unit, s.code, std::int64_t{semester}, teacher, clock_.Now()});
                    for (std::size_t i = 0; i < students_.size(); ++i) {
                        for (const gradebook::Column& c : s.columns) {
                            const bool is_level = c.type == gradebook::CellType::kLevel;
                            tx.Exec("INSERT INTO gradebook_scores (unit_id, class_id, subject_code, semester, "
                                    "student_id, item, score, pass, level, status, version, updated_by, updated_at) "
                                    "VALUES ($1, 401, $2, $3, $4, $5, $6, NULL, $7, 'entered', 1, $8, $9)",
                                    {unit, s.code, std::int64_t{semester}, std::stoll(students_[i]), c.item,
                                     is_level ? storage::Value(nullptr)
                                              : storage::Value(std::int64_t{10 * test(i, s.code)}),
                                     is_level ? storage::Value(std::int64_t{level(i, s.code)}) : storage::Value(nullptr),
                                     teacher, clock_.Now()});
                        }
                    }
                }
            }
        });
    }

    Reply SaveRatings(int semester, std::int64_t base, const nlohmann::json& changes, const Session* who = nullptr) {
        return Send("PUT", "/api/v1/classes/401/qualities?semester=" + std::to_string(semester),
                    {{"base_version", base}, {"changes", changes}}, who ? who : &homeroom_);
    }

    std::int64_t Version(int semester) {
        return Send("GET", "/api/v1/classes/401/qualities?semester=" + std::to_string(semester), nullptr, &homeroom_)
            .body["version"]
            .get<std::int64_t>();
    }

    /// All 15 end-of-term ratings of every student Tốt, except `special` (student index → item → rating).
    nlohmann::json AllRatings(const std::map<std::size_t, std::map<std::string, std::string>>& special = {}) {
        nlohmann::json changes = nlohmann::json::array();
        for (std::size_t i = 0; i < students_.size(); ++i) {
            for (const std::string& item : kItems) {
                std::string rating = "T";
                if (auto s = special.find(i); s != special.end() && s->second.contains(item)) rating = s->second.at(item);
                changes.push_back({{"student_id", students_[i]}, {"point", "ck"}, {"item", item}, {"rating", rating}});
            }
        }
        return changes;
    }

    nlohmann::json Row(const Reply& summary, std::size_t i) {
        for (const auto& row : summary.body["items"]) {
            if (row["student_id"] == students_[i]) return row;
        }
        return nullptr;
    }

    Session homeroom_, principal_, other_;
    std::vector<std::string> students_;
};

TEST_P(PrimaryTest, Tt27RatingsAreSavedInVersionedBatchesWithConflictsAndAudit) {
    // Only primary classes have ratings; grades 6–12 have conduct.
    EXPECT_EQ(Send("GET", "/api/v1/classes/101/qualities?semester=1", nullptr, &other_).code, "request.validation");
    // Only the homeroom teacher or the board writes; another school's teacher reads nothing.
    EXPECT_EQ(Send("GET", "/api/v1/classes/401/qualities?semester=1", nullptr, &other_).status, 403);
    const nlohmann::json one = {{{"student_id", students_[0]}, {"point", "gk"}, {"item", "nhan_ai"}, {"rating", "T"}}};
    EXPECT_EQ(SaveRatings(1, 0, one, &other_).status, 403);
    // Validation refuses the whole batch: unknown item, bad rating, recognition outside the year end or without a note.
    for (const nlohmann::json& bad :
         {nlohmann::json{{"student_id", students_[0]}, {"point", "gk"}, {"item", "hanh_kiem"}, {"rating", "T"}},
          nlohmann::json{{"student_id", students_[0]}, {"point", "gk"}, {"item", "nhan_ai"}, {"rating", "A"}},
          nlohmann::json{{"student_id", students_[0]}, {"point", "giua"}, {"item", "nhan_ai"}, {"rating", "T"}},
          nlohmann::json{{"student_id", students_[0]}, {"point", "gk"}, {"item", "tieu_bieu"}, {"rating", "x"},
                         {"note", "Giải nhất"}}}) {
        Reply r = SaveRatings(1, 0, {one[0], bad});
        EXPECT_EQ(r.code, "request.validation") << bad.dump();
    }
    EXPECT_EQ(SaveRatings(2, 0, {{{"student_id", students_[0]}, {"point", "ck"}, {"item", "tieu_bieu"}, {"rating", "x"}}})
                  .code,
              "request.validation");
    EXPECT_EQ(Version(1), 0);

    Reply first = SaveRatings(1, 0,
                              {{{"student_id", students_[0]}, {"point", "gk"}, {"item", "nhan_ai"}, {"rating", "t"}},
                               {{"student_id", students_[0]}, {"point", "ck"}, {"item", "nhan_ai"}, {"rating", "D"}},
                               {{"student_id", students_[1]}, {"point", "ck"}, {"item", "the_chat"}, {"rating", "C"}}});
    ASSERT_EQ(first.status, 200) << first.body.dump();
    const std::int64_t v1 = first.body["version"];
    EXPECT_GT(v1, 0);
    EXPECT_EQ(first.body["items"][0]["gk"]["nhan_ai"], "T");
    EXPECT_EQ(first.body["items"][0]["ck"]["nhan_ai"], "Đ");
    EXPECT_EQ(first.body["item_codes"], nlohmann::json(kItems));
    const std::string audit = db().Read([&](storage::Tx& tx) {
        return tx.QueryOne("SELECT details FROM audit_log WHERE action = 'homeroom.qualities_saved' ORDER BY id DESC")
            ->Text(0);
    });
    EXPECT_NE(audit.find("\"old\":\"\",\"point\":\"ck\""), std::string::npos) << audit;
    EXPECT_NE(audit.find("\"new\":\"Đ\""), std::string::npos) << audit;

    // The board saves on the same version; the homeroom teacher's later save based on version 0 changes one of those
    // ratings: refused whole, naming both values; a rating nobody else touched merges.
    Reply board = SaveRatings(1, v1, {{{"student_id", students_[0]}, {"point", "ck"}, {"item", "nhan_ai"}, {"rating", "C"}}},
                              &principal_);
    ASSERT_EQ(board.status, 200) << board.body.dump();
    Reply late = SaveRatings(1, v1 - 1,
                             {{{"student_id", students_[0]}, {"point", "ck"}, {"item", "nhan_ai"}, {"rating", "T"}},
                              {{"student_id", students_[2]}, {"point", "ck"}, {"item", "tham_mi"}, {"rating", "T"}}});
    ASSERT_EQ(late.code, "homeroom.conflict") << late.body.dump();
    ASSERT_EQ(late.body["conflicts"].size(), 1u);
    EXPECT_EQ(late.body["conflicts"][0]["yours"], "T");
    EXPECT_EQ(late.body["conflicts"][0]["theirs"], "C");
    Reply again = Send("GET", "/api/v1/classes/401/qualities?semester=1", nullptr, &homeroom_);
    EXPECT_EQ(again.body["items"][0]["ck"]["nhan_ai"], "C");
    EXPECT_FALSE(again.body["items"][2]["ck"].contains("tham_mi"));  // nothing of the refused batch was written
    Reply merged = SaveRatings(1, v1 - 1,
                               {{{"student_id", students_[2]}, {"point", "ck"}, {"item", "tham_mi"}, {"rating", "T"}},
                                {{"student_id", students_[1]}, {"point", "gk"}, {"item", "the_chat"}, {"rating", "Đ"}}});
    ASSERT_EQ(merged.status, 200) << merged.body.dump();
    EXPECT_EQ(merged.body["items"][2]["ck"]["tham_mi"], "T");
    EXPECT_EQ(merged.body["items"][1]["gk"]["the_chat"], "Đ");
    Reply cleared = SaveRatings(1, merged.body["version"],
                                {{{"student_id", students_[1]}, {"point", "ck"}, {"item", "the_chat"}, {"rating", ""}}});
    ASSERT_EQ(cleared.status, 200) << cleared.body.dump();
    EXPECT_FALSE(cleared.body["items"][1]["ck"].contains("the_chat"));
}

TEST_P(PrimaryTest, Tt27YearResultsCompleteAndTheListsCloseWithoutSummer) {
    // Student 0: all HTT, tests 9 → HTXS (Học sinh Xuất sắc). 1: Toán test 8, recognised → HTT + title.
    // 2: Đạo đức CHT → chưa hoàn thành, the principal decides. 3: one competence Đạt → HT.
    FillGradebook([](std::size_t i, const std::string& code) { return i == 2 && code == "DAODUC" ? 0 : 2; },
                  [](std::size_t i, const std::string& code) { return i == 1 && code == "TOAN" ? 8 : 9; });
    Reply before = Send("GET", "/api/v1/classes/401/summary?period=year", nullptr, &homeroom_);
    ASSERT_EQ(before.status, 200) << before.body.dump();
    EXPECT_EQ(before.body["regulation"], "tt27");
    EXPECT_EQ(Row(before, 0)["learning"], "incomplete");
    EXPECT_EQ(Row(before, 0)["missing"], nlohmann::json({"qualities year 15"}));

    Reply saved = SaveRatings(2, Version(2), AllRatings({{3, {{"giao_tiep", "Đ"}}}}));
    ASSERT_EQ(saved.status, 200) << saved.body.dump();
    Reply recognised = SaveRatings(
        2, saved.body["version"],
        {{{"student_id", students_[1]}, {"point", "ck"}, {"item", "tieu_bieu"}, {"rating", "x"}, {"note", "Tiến bộ rõ rệt môn Toán"}}});
    ASSERT_EQ(recognised.status, 200) << recognised.body.dump();
    EXPECT_EQ(recognised.body["items"][1]["outstanding"], true);

    Reply year = Send("GET", "/api/v1/classes/401/summary?period=year", nullptr, &homeroom_);
    ASSERT_EQ(year.status, 200) << year.body.dump();
    EXPECT_EQ(Row(year, 0)["learning"], "Hoàn thành xuất sắc");
    EXPECT_EQ(Row(year, 0)["award"], "Học sinh Xuất sắc");
    EXPECT_EQ(Row(year, 0)["outcome"], "promoted");
    EXPECT_EQ(Row(year, 0)["conduct"], "");
    EXPECT_EQ(Row(year, 0)["rank"], 0);
    EXPECT_EQ(Row(year, 0)["tests"]["TOAN"], "9.0");
    EXPECT_EQ(Row(year, 0)["qualities"]["yeu_nuoc"], "T");
    EXPECT_EQ(Row(year, 1)["learning"], "Hoàn thành tốt");
    EXPECT_EQ(Row(year, 1)["award"], "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện");
    EXPECT_EQ(Row(year, 2)["learning"], "Chưa hoàn thành");
    EXPECT_EQ(Row(year, 2)["outcome"], "principal_decision");
    EXPECT_EQ(Row(year, 3)["learning"], "Hoàn thành");
    EXPECT_EQ(Row(year, 3)["qualities"]["giao_tiep"], "Đ");
    // The gradebook's results come from the same engine input.
    Reply results = Send("GET", "/api/v1/classes/401/results?period=year", nullptr, &homeroom_);
    ASSERT_EQ(results.status, 200) << results.body.dump();
    for (const auto& r : results.body["items"]) {
        for (std::size_t i = 0; i < 4; ++i) {
            if (r["student_id"] == students_[i]) {
                EXPECT_EQ(r["learning"], Row(year, i)["learning"]) << i;
            }
        }
    }

    // HK I: the end-of-term levels are there, the ratings of HK I are not yet.
    Reply refused = Send("POST", "/api/v1/classes/401/homeroom-confirmation", {{"period", "hk1"}}, &homeroom_);
    ASSERT_EQ(refused.code, "homeroom.incomplete") << refused.body.dump();
    EXPECT_EQ(refused.body["students"][0]["missing"], nlohmann::json({"qualities hk1 15"}));
    ASSERT_EQ(SaveRatings(1, Version(1), AllRatings()).status, 200);
    Reply confirmed = Send("POST", "/api/v1/classes/401/homeroom-confirmation", {{"period", "hk1"}}, &homeroom_);
    ASSERT_EQ(confirmed.status, 200) << confirmed.body.dump();
    ASSERT_EQ(Send("POST", "/api/v1/classes/401/homeroom-confirmation", {{"period", "hk2"}}, &homeroom_).status, 200);

    // The lists: TT27 has no re-assessment; the student who has not completed needs the principal's decision, which
    // the homeroom teacher proposes with a reason.
    Reply lists = Send("GET", "/api/v1/classes/401/year-close", nullptr, &homeroom_);
    ASSERT_EQ(lists.status, 200) << lists.body.dump();
    const std::int64_t base = lists.body["version"];
    Reply missing = Send("PUT", "/api/v1/classes/401/year-close", {{"base_version", base}}, &homeroom_);
    ASSERT_EQ(missing.code, "homeroom.incomplete") << missing.body.dump();
    EXPECT_EQ(missing.body["students"][0]["student_id"], students_[2]);
    Reply reassess = Send("PUT", "/api/v1/classes/401/year-close",
                          {{"base_version", base},
                           {"overrides", {{{"student_id", students_[2]}, {"reassess_subjects", {"DAODUC"}}, {"reason", "x"}}}}},
                          &homeroom_);
    EXPECT_EQ(reassess.code, "homeroom.override_not_allowed") << reassess.body.dump();
    Reply disability = Send("PUT", "/api/v1/classes/401/year-close",
                            {{"base_version", base},
                             {"overrides",
                              {{{"student_id", students_[0]}, {"outcome", "retained"}, {"basis", "disability"}, {"reason", "x"}},
                               {{"student_id", students_[2]}, {"outcome", "promoted"}, {"reason", "Đã đánh giá bổ sung"}}}}},
                            &homeroom_);
    EXPECT_EQ(disability.code, "homeroom.override_not_allowed") << disability.body.dump();
    Reply submitted = Send("PUT", "/api/v1/classes/401/year-close",
                           {{"base_version", base},
                            {"overrides",
                             {{{"student_id", students_[2]}, {"outcome", "retained"},
                               {"reason", "Đã được giúp đỡ, đánh giá bổ sung môn Đạo đức vẫn chưa hoàn thành"}}}}},
                           &homeroom_);
    ASSERT_EQ(submitted.status, 200) << submitted.body.dump();
    EXPECT_EQ(submitted.body["status"], "submitted");
    // Submitted lists freeze the ratings.
    EXPECT_EQ(SaveRatings(2, Version(2), nlohmann::json::array({AllRatings()[0]})).code, "homeroom.locked");
    Reply approved = Send("POST", "/api/v1/classes/401/year-close/decision",
                          {{"decision", "approve"}, {"base_version", submitted.body["version"]}}, &principal_);
    ASSERT_EQ(approved.status, 200) << approved.body.dump();
    int promoted = 0;
    for (const auto& item : approved.body["items"]) {
        const bool retained = item["student_id"] == students_[2];
        EXPECT_EQ(item["final"]["outcome"], retained ? "retained" : "promoted") << item.dump();
        EXPECT_EQ(item["final"]["done"], true) << item.dump();
        promoted += item["final"]["outcome"] == "promoted" ? 1 : 0;
    }
    EXPECT_EQ(promoted, 29);
    // No summer step under TT27.
    Reply summer = Send("PUT", "/api/v1/classes/401/summer-results",
                        {{"items", {{{"student_id", students_[2]}, {"conduct", "dat"}}}}}, &homeroom_);
    EXPECT_EQ(summer.code, "request.validation") << summer.body.dump();

    // The board's views: the class summary and the report card cover a primary class; the grade sheets by ĐĐGtx do not.
    Reply board = Send("GET", "/api/v1/reports/classes/401/year-classification", nullptr, &principal_);
    ASSERT_EQ(board.status, 200) << board.body.dump();
    EXPECT_EQ(board.body["levels"][0], "Hoàn thành xuất sắc");
    EXPECT_EQ(board.body["has_conduct"], false);
    Reply card = Send("GET", "/api/v1/reports/students/" + students_[1] + "/report-card?class_id=401&period=year", nullptr,
                      &principal_);
    ASSERT_EQ(card.status, 200) << card.body.dump();
    EXPECT_EQ(card.body["standing"]["learning"], "Hoàn thành tốt");
    EXPECT_EQ(card.body["standing"]["award"], "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện");
    EXPECT_EQ(Send("GET", "/api/v1/reports/classes/401/subjects/TOAN/grade-sheet", nullptr, &principal_).code, "request.validation");
}

HOCVU_ON_BOTH_ENGINES(PrimaryTest);

}  // namespace
}  // namespace hocvu::homeroom
