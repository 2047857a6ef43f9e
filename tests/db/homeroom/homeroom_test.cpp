// Homeroom work and year close on SQLite and PostgreSQL (issue 7: GB-3, GB-4, GB-8, GB-9, A10, A17, SCH-7):
// roll-call conflicts and audited late corrections, the TT22 conduct year table, comments and records, the class
// summary from the engine, the homeroom confirmation, proposal / rejection / approval with the book lock, the summer
// results and the year carry-over refusing unapproved lists; permission checks throughout.
#include "gradebook/register.hpp"
#include "gradebook/setup.hpp"
#include "homeroom/register.hpp"
#include "homeroom/summary.hpp"
#include "org/tokens.hpp"
#include "schooling_harness.hpp"

namespace hocvu::homeroom {
namespace {

using org::testing::Reply;
using org::testing::Session;
using org::testing::Str;

constexpr Micros kDay = 24LL * 3600 * 1000000;
// 2026-10-15 03:00 UTC = 10:00 in Vietnam, a Thursday of the first semester.
constexpr Micros kOctober15 = 1792033200000000;

class HomeroomTest : public schooling::testing::SchoolingApiTest {
protected:
    void SetUp() override {
        SchoolingApiTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        gradebook::Register(router_, ctx());
        homeroom::Register(router_, ctx());
        clock_.Set(kOctober15);
        Relogin();
        Reply roll = Send("GET", "/api/v1/classes/101/attendance?date=2026-10-15", nullptr, &homeroom_);
        ASSERT_EQ(roll.status, 200) << roll.body.dump();
        for (const auto& s : roll.body["students"]) students_.push_back(s["student_id"].get<std::string>());
    }

    /// Signs everyone in again (after the clock moved past the sessions' lifetime).
    void Relogin() {
        homeroom_ = Login("toannv2.thptchuvanan");
        teacher_ = Login("haptt.thptchuvanan");
        principal_ = Login("toannv.thptchuvanan");
        parent_ = Login("maibt.thptchuvanan");
    }

    static std::string Roll(const std::string& date) { return "/api/v1/classes/101/attendance?date=" + date; }

    static nlohmann::json Mark(const std::string& student, const std::string& status, int period = 0,
                               const std::string& session = "morning") {
        return {{"student_id", student}, {"session", session}, {"period", period}, {"status", status}};
    }

    std::string LastAudit(const std::string& action) {
        return db().Read([&](storage::Tx& tx) {
            auto row = tx.QueryOne("SELECT details FROM audit_log WHERE action = $1 ORDER BY id DESC", {action});
            return row ? row->Text(0) : std::string();
        });
    }

    /// Every cell of every subject of 10A1 in both semesters, written as the gradebook stores them, each sheet
    /// confirmed by its teacher unless `confirm` is false. `score(student_index, subject)` gives the tenths of
    /// every cell of a scored subject; comment subjects are Đ.
    void FillGradebook(const std::function<int(std::size_t, const std::string&)>& score, bool confirm = true) {
        const std::int64_t teacher = AccountId("haptt.thptchuvanan");
        db().Write([&](storage::Tx& tx) {
            gradebook::detail::ClassSetup setup = gradebook::detail::LoadClassSetup(tx, 101);
            const std::int64_t unit = setup.cls.unit_id;
            for (const auto& s : setup.subjects) {
                for (int semester = 1; semester <= 2; ++semester) {
                    tx.Exec("INSERT INTO gradebook_sheets (unit_id, class_id, subject_code, semester, version, "
                            "confirmed_by, confirmed_at, updated_at) VALUES ($1, 101, $2, $3, 1, $4, $5, $5)",
                            {unit, s.code, std::int64_t{semester},
                             confirm ? storage::Value(teacher) : storage::Value(nullptr), clock_.Now()});
                    for (std::size_t i = 0; i < students_.size(); ++i) {
                        std::string sql =
                            "INSERT INTO gradebook_scores (unit_id, class_id, subject_code, semester, student_id, item, "
                            "score, pass, status, version, updated_by, updated_at) VALUES ";
                        storage::Params params;
                        for (std::size_t k = 0; k < s.columns.size(); ++k) {
                            const std::size_t base = params.size();
                            params.insert(params.end(),
                                          {unit, s.code, std::int64_t{semester}, std::stoll(students_[i]),
                                           s.columns[k].item,
                                           s.scored ? storage::Value(std::int64_t{score(i, s.code)}) : storage::Value(nullptr),
                                           s.scored ? storage::Value(nullptr) : storage::Value(std::int64_t{1}), teacher,
                                           clock_.Now()});
                            auto ph = [&](std::size_t p) { return "$" + std::to_string(base + p); };
                            sql += std::string(k ? ", (" : "(") + ph(1) + ", 101, " + ph(2) + ", " + ph(3) + ", " +
                                   ph(4) + ", " + ph(5) + ", " + ph(6) + ", " + ph(7) + ", 'entered', 1, " + ph(8) +
                                   ", " + ph(9) + ")";
                        }
                        tx.Exec(sql, params);
                    }
                }
            }
        });
    }

    /// Conduct of every student: hk1 and hk2 as given by `level(i)` ("tot" unless overridden).
    void FillConduct(const std::map<std::size_t, std::pair<std::string, std::string>>& special) {
        nlohmann::json changes = nlohmann::json::array();
        for (std::size_t i = 0; i < students_.size(); ++i) {
            auto it = special.find(i);
            const std::string hk1 = it == special.end() ? "tot" : it->second.first;
            const std::string hk2 = it == special.end() ? "tot" : it->second.second;
            changes.push_back({{"student_id", students_[i]}, {"period", "hk1"}, {"level", hk1}});
            changes.push_back({{"student_id", students_[i]}, {"period", "hk2"}, {"level", hk2}});
        }
        Reply saved = Send("PUT", "/api/v1/classes/101/conduct", {{"base_version", ConductVersion()}, {"changes", changes}},
                           &homeroom_);
        ASSERT_EQ(saved.status, 200) << saved.body.dump();
    }

    std::int64_t ConductVersion() {
        return Send("GET", "/api/v1/classes/101/conduct", nullptr, &homeroom_).body["version"].get<std::int64_t>();
    }

    /// `count` days of main-session absence for a student, recorded directly (the roll-calls of past days).
    void Absences(const std::string& student, int count) {
        db().Write([&](storage::Tx& tx) {
            const std::int64_t unit = tx.QueryOne("SELECT unit_id FROM classes WHERE id = 101")->Int(0);
            for (int d = 0; d < count; ++d) {
                char day[32];
                std::snprintf(day, sizeof day, "2026-%02d-%02d", 9 + d / 25, 6 + d % 25);
                tx.Exec("INSERT INTO homeroom_attendance (unit_id, class_id, day, student_id, session, period, status, "
                        "note, version, updated_by, updated_at) VALUES ($1, 101, $2, $3, 'morning', 0, 'excused', '', 1, "
                        "0, 0)",
                        {unit, std::string(day), std::stoll(student)});
            }
        });
    }

    Session homeroom_, teacher_, principal_, parent_;
    std::vector<std::string> students_;
};

TEST_P(HomeroomTest, GB3RollCallSavesMergesAndRefusesConflicts) {
    ASSERT_EQ(students_.size(), 30u);
    Reply first = Send("PUT", Roll("2026-10-15"),
                       {{"base_version", 0}, {"changes", {Mark(students_[0], "excused"), Mark(students_[1], "unexcused")}}},
                       &homeroom_);
    ASSERT_EQ(first.status, 200) << first.body.dump();
    EXPECT_EQ(first.body["version"], 1);
    EXPECT_EQ(first.body["students"][0]["marks"][0]["status"], "excused");
    EXPECT_FALSE(first.body["reason_required"]);

    // Someone still on version 0 changes the same mark: refused, nothing written.
    Reply stale = Send("PUT", Roll("2026-10-15"),
                       {{"base_version", 0}, {"changes", {Mark(students_[0], "present"), Mark(students_[5], "late")}}},
                       &principal_);
    EXPECT_EQ(stale.status, 409) << stale.body.dump();
    EXPECT_EQ(stale.code, "homeroom.conflict");
    ASSERT_EQ(stale.body["conflicts"].size(), 1u);
    EXPECT_EQ(stale.body["conflicts"][0]["theirs"], "excused");
    EXPECT_EQ(stale.body["conflicts"][0]["yours"], "present");
    Reply now = Send("GET", Roll("2026-10-15"), nullptr, &homeroom_);
    EXPECT_EQ(now.body["version"], 1);
    EXPECT_TRUE(now.body["students"][5]["marks"].empty());

    // Other marks merge.
    Reply merged = Send("PUT", Roll("2026-10-15"), {{"base_version", 0}, {"changes", {Mark(students_[5], "late")}}},
                        &principal_);
    ASSERT_EQ(merged.status, 200) << merged.body.dump();
    EXPECT_EQ(merged.body["version"], 2);

    // Bad input.
    EXPECT_EQ(Send("PUT", Roll("2026-10-16"), {{"base_version", 0}, {"changes", {Mark(students_[0], "excused")}}},
                   &homeroom_).status, 422);  // a day still to come
    EXPECT_EQ(Send("PUT", Roll("2026-10-15"), {{"base_version", 2}, {"changes", {Mark(students_[0], "sick")}}},
                   &homeroom_).status, 422);
    EXPECT_EQ(Send("PUT", Roll("2026-10-15"), {{"base_version", 2}, {"changes", {Mark("9999999", "excused")}}},
                   &homeroom_).status, 422);
    EXPECT_EQ(Send("PUT", Roll("2025-10-15"), {{"base_version", 0}, {"changes", {Mark(students_[0], "excused")}}},
                   &homeroom_).status, 422);  // outside the year
}

TEST_P(HomeroomTest, GB3RollCallPermissions) {
    // A subject teacher marks periods, not whole sessions; parents do not mark and do not read the class.
    Reply session = Send("PUT", Roll("2026-10-15"), {{"base_version", 0}, {"changes", {Mark(students_[0], "excused")}}},
                         &teacher_);
    EXPECT_EQ(session.code, "homeroom.not_homeroom");
    Reply period = Send("PUT", Roll("2026-10-15"),
                        {{"base_version", 0}, {"changes", {Mark(students_[0], "unexcused", 3)}}}, &teacher_);
    ASSERT_EQ(period.status, 200) << period.body.dump();
    EXPECT_EQ(Send("GET", Roll("2026-10-15"), nullptr, &teacher_).status, 200);
    EXPECT_EQ(Send("GET", Roll("2026-10-15"), nullptr, &parent_).status, 403);
    EXPECT_EQ(Send("PUT", Roll("2026-10-15"), {{"base_version", 1}, {"changes", {Mark(students_[0], "excused")}}},
                   &parent_).status, 403);
    Session other = Login("duclm.thcsledinhchinh");
    EXPECT_EQ(Send("GET", Roll("2026-10-15"), nullptr, &other).status, 403);

    // The parent reads their own child's records.
    const std::string nam = "9001";
    Reply child = Send("GET", "/api/v1/students/" + nam + "/homeroom", nullptr, &parent_);
    ASSERT_EQ(child.status, 200) << child.body.dump();
    EXPECT_EQ(child.body["class_name"], "10A1");
    EXPECT_EQ(Send("GET", "/api/v1/students/" + (students_[0] == nam ? students_[1] : students_[0]) + "/homeroom",
                   nullptr, &parent_).status, 403);
}

TEST_P(HomeroomTest, GB3CorrectionsAfterTheDayNeedAReasonAndAreAudited) {
    ASSERT_EQ(Send("PUT", Roll("2026-10-15"), {{"base_version", 0}, {"changes", {Mark(students_[2], "unexcused")}}},
                   &homeroom_).status, 200);
    EXPECT_EQ(AuditCount("homeroom.attendance_saved"), 1);
    clock_.Advance(kDay);
    Relogin();
    Reply old = Send("GET", Roll("2026-10-15"), nullptr, &homeroom_);
    EXPECT_TRUE(old.body["reason_required"]);
    Reply no_reason = Send("PUT", Roll("2026-10-15"), {{"base_version", 1}, {"changes", {Mark(students_[2], "excused")}}},
                           &homeroom_);
    EXPECT_EQ(no_reason.status, 422);
    Reply fixed = Send("PUT", Roll("2026-10-15"),
                       {{"base_version", 1}, {"reason", "Phụ huynh gửi giấy xin phép"},
                        {"changes", {Mark(students_[2], "excused")}}},
                       &homeroom_);
    ASSERT_EQ(fixed.status, 200) << fixed.body.dump();
    EXPECT_EQ(AuditCount("homeroom.attendance_corrected"), 1);
    nlohmann::json details = nlohmann::json::parse(LastAudit("homeroom.attendance_corrected"));
    EXPECT_EQ(details["reason"], "Phụ huynh gửi giấy xin phép");
    EXPECT_EQ(details["changes"][0]["old"], "unexcused");
    EXPECT_EQ(details["changes"][0]["new"], "excused");
    EXPECT_EQ(details["changes"][0]["student_id"], students_[2]);

    // Totals: one excused session in the month and semester, counted for A10; the late and period marks are not.
    ASSERT_EQ(Send("PUT", Roll("2026-10-16"),
                   {{"base_version", 0}, {"changes", {Mark(students_[2], "late"), Mark(students_[2], "excused", 2, "afternoon"),
                                                      Mark(students_[2], "unexcused", 0, "afternoon")}}},
                   &homeroom_).status, 200);
    for (const char* period : {"2026-10", "hk1", "year"}) {
        Reply totals = Send("GET", std::string("/api/v1/classes/101/attendance/totals?period=") + period, nullptr, &homeroom_);
        ASSERT_EQ(totals.status, 200) << totals.body.dump();
        const auto& row = totals.body["items"][2];
        EXPECT_EQ(row["student_id"], students_[2]);
        EXPECT_EQ(row["excused"], 1) << period;
        EXPECT_EQ(row["unexcused"], 1) << period;  // the afternoon session (not the class's main session)
        EXPECT_EQ(row["late"], 1) << period;
        EXPECT_EQ(row["periods_absent"], 1) << period;
        EXPECT_EQ(row["absences"], 1) << period;
    }
    Reply hk2 = Send("GET", "/api/v1/classes/101/attendance/totals?period=hk2", nullptr, &homeroom_);
    EXPECT_EQ(hk2.body["items"][2]["absences"], 0);
    EXPECT_EQ(Send("GET", "/api/v1/classes/101/attendance/totals?period=autumn", nullptr, &homeroom_).status, 422);
}

TEST_P(HomeroomTest, GB3ConductYearLevelFollowsTheTt22Table) {
    // regulations.md §1.10: rows HK I, columns HK II.
    const std::vector<std::string> words = {"tot", "kha", "dat", "chua_dat"};
    const std::vector<std::vector<std::string>> table = {{"Tốt", "Khá", "Khá", "Chưa đạt"},
                                                         {"Tốt", "Khá", "Đạt", "Chưa đạt"},
                                                         {"Khá", "Khá", "Đạt", "Chưa đạt"},
                                                         {"Khá", "Đạt", "Đạt", "Chưa đạt"}};
    nlohmann::json changes = nlohmann::json::array();
    for (std::size_t a = 0; a < 4; ++a) {
        for (std::size_t b = 0; b < 4; ++b) {
            const std::string& s = students_[a * 4 + b];
            changes.push_back({{"student_id", s}, {"period", "hk1"}, {"level", words[a]}, {"comment", "Ngoan"}});
            changes.push_back({{"student_id", s}, {"period", "hk2"}, {"level", words[b]}});
        }
    }
    Reply saved = Send("PUT", "/api/v1/classes/101/conduct", {{"base_version", 0}, {"changes", changes}}, &homeroom_);
    ASSERT_EQ(saved.status, 200) << saved.body.dump();
    for (std::size_t a = 0; a < 4; ++a) {
        for (std::size_t b = 0; b < 4; ++b) {
            const auto& row = saved.body["items"][a * 4 + b];
            EXPECT_EQ(row["year"]["level_name"], table[a][b]) << words[a] << "/" << words[b];
            EXPECT_TRUE(row["year"]["computed"]);
            EXPECT_FALSE(row["explanation"].empty());
        }
    }
    EXPECT_EQ(saved.body["items"][0]["hk1"]["comment"], "Ngoan");
    EXPECT_TRUE(saved.body["items"][20]["year"].is_null());
    // Under TT22 the year level is not entered; a stale save is refused; a subject teacher does not grade conduct.
    EXPECT_EQ(Send("PUT", "/api/v1/classes/101/conduct",
                   {{"base_version", 1}, {"changes", {{{"student_id", students_[0]}, {"period", "year"}, {"level", "tot"}}}}},
                   &homeroom_).status, 422);
    Reply stale = Send("PUT", "/api/v1/classes/101/conduct",
                       {{"base_version", 0}, {"changes", {{{"student_id", students_[0]}, {"period", "hk1"}, {"level", "kha"}}}}},
                       &principal_);
    EXPECT_EQ(stale.code, "homeroom.conflict") << stale.body.dump();
    EXPECT_EQ(Send("PUT", "/api/v1/classes/101/conduct",
                   {{"base_version", 1}, {"changes", {{{"student_id", students_[0]}, {"period", "hk1"}, {"level", "kha"}}}}},
                   &teacher_).code, "homeroom.not_homeroom");
    EXPECT_EQ(AuditCount("homeroom.conduct_saved"), 1);
}

TEST_P(HomeroomTest, GB3GB9CommentsAndRecords) {
    const std::string week = "/api/v1/classes/101/comments?kind=week&period=2026-10-12&subject_code=TOAN";
    Reply t = Send("PUT", week, {{"items", {{{"student_id", students_[0]}, {"text", "Chưa làm bài tập về nhà"}}}}},
                   &teacher_);
    ASSERT_EQ(t.status, 200) << t.body.dump();
    EXPECT_EQ(t.body["items"][0]["text"], "Chưa làm bài tập về nhà");
    // Not the teacher of another subject, nor the homeroom teacher's monthly comment.
    EXPECT_EQ(Send("PUT", "/api/v1/classes/101/comments?kind=week&period=2026-10-12&subject_code=VAN",
                   {{"items", {{{"student_id", students_[0]}, {"text", "x"}}}}}, &teacher_).status, 403);
    EXPECT_EQ(Send("PUT", "/api/v1/classes/101/comments?kind=month&period=2026-10",
                   {{"items", {{{"student_id", students_[0]}, {"text", "x"}}}}}, &teacher_).code, "homeroom.not_homeroom");
    ASSERT_EQ(Send("PUT", "/api/v1/classes/101/comments?kind=month&period=2026-10",
                   {{"items", {{{"student_id", students_[0]}, {"text", "Tiến bộ rõ rệt"}}}}}, &homeroom_).status, 200);
    EXPECT_EQ(Send("GET", "/api/v1/classes/101/comments?kind=month&period=2026-13", nullptr, &homeroom_).status, 422);

    Reply added = Send("POST", "/api/v1/classes/101/student-records",
                       {{"student_id", students_[1]}, {"kind", "reward"}, {"date", "2026-10-10"},
                        {"title", "Khen trước lớp"}, {"note", "Giải nhất hội thi"}},
                       &homeroom_);
    ASSERT_EQ(added.status, 201) << added.body.dump();
    EXPECT_EQ(Send("POST", "/api/v1/classes/101/student-records",
                   {{"student_id", students_[1]}, {"kind", "prize"}, {"date", "2026-10-10"}, {"title", "x"}}, &homeroom_)
                  .status, 422);
    EXPECT_EQ(Send("POST", "/api/v1/classes/101/student-records",
                   {{"student_id", students_[1]}, {"kind", "discipline"}, {"date", "2026-10-10"}, {"title", "Khiển trách"}},
                   &teacher_).code, "homeroom.not_homeroom");
    Reply list = Send("GET", "/api/v1/classes/101/student-records", nullptr, &homeroom_);
    ASSERT_EQ(list.body["items"].size(), 1u);
    EXPECT_EQ(list.body["students"].size(), 30u);
    const std::string id = added.body["id"];
    EXPECT_EQ(Send("DELETE", "/api/v1/student-records/" + id, {{"reason", ""}}, &homeroom_).status, 422);
    EXPECT_EQ(Send("DELETE", "/api/v1/student-records/" + id, {{"reason", "Nhập nhầm học sinh"}}, &homeroom_).status, 204);
    EXPECT_EQ(AuditCount("homeroom.reward_added"), 1);
    EXPECT_EQ(AuditCount("homeroom.record_removed"), 1);
    EXPECT_EQ(AuditCount("homeroom.comments_saved"), 2);
}

TEST_P(HomeroomTest, GB4YearCloseFromProposalToSummer) {
    // Student 0 fails Toán (3,0) and Ngữ văn (4,0): Chưa đạt with two subjects, so no one-subject adjustment, and
    // re-assessment of both; student 1 has conduct Chưa đạt (summer training); student 2 is absent 46 times (retained,
    // A10); students 3–5 score 9 everywhere (Xuất sắc), 6–7 score 8 (Giỏi), the others 7 (Khá).
    FillGradebook([](std::size_t i, const std::string& subject) {
        if (i == 0 && subject == "TOAN") return 30;
        if (i == 0 && subject == "VAN") return 40;
        return i >= 3 && i <= 5 ? 90 : i <= 7 && i >= 6 ? 80 : 70;
    }, false);
    FillConduct({{1, {"dat", "chua_dat"}}});
    Absences(students_[2], 46);
    clock_.Set(kOctober15 + 230 * kDay);  // 2027-06-02
    Relogin();

    const std::string close = "/api/v1/classes/101/year-close";
    Reply draft = Send("GET", close, nullptr, &homeroom_);
    ASSERT_EQ(draft.status, 200) << draft.body.dump();
    EXPECT_EQ(draft.body["status"], "draft");
    EXPECT_FALSE(draft.body["unconfirmed_sheets"].empty());
    // GB-8: the subject sheets are not confirmed yet.
    Reply early = Send("PUT", close, {{"base_version", 0}}, &homeroom_);
    EXPECT_EQ(early.code, "homeroom.unconfirmed_sheets") << early.body.dump();
    EXPECT_EQ(Send("POST", "/api/v1/classes/101/homeroom-confirmation", {{"period", "hk1"}}, &homeroom_).code,
              "homeroom.unconfirmed_sheets");
    db().Write([&](storage::Tx& tx) {
        tx.Exec("UPDATE gradebook_sheets SET confirmed_by = 1, confirmed_at = 1 WHERE class_id = 101");
    });
    Reply confirmed = Send("POST", "/api/v1/classes/101/homeroom-confirmation", {{"period", "hk1"}}, &homeroom_);
    ASSERT_EQ(confirmed.status, 200) << confirmed.body.dump();
    EXPECT_EQ(confirmed.body["items"][0]["period"], "hk1");
    EXPECT_EQ(Send("POST", "/api/v1/classes/101/homeroom-confirmation", {{"period", "hk1"}}, &teacher_).code,
              "homeroom.not_homeroom");

    // The summary comes from the engine.
    Reply summary = Send("GET", "/api/v1/classes/101/summary?period=year", nullptr, &homeroom_);
    ASSERT_EQ(summary.status, 200) << summary.body.dump();
    const auto& items = summary.body["items"];
    EXPECT_EQ(items[0]["outcome"], "reassessment");
    std::vector<std::string> reassess = items[0]["reassess_subjects"];
    std::sort(reassess.begin(), reassess.end());
    EXPECT_EQ(reassess, (std::vector<std::string>{"TOAN", "VAN"}));
    EXPECT_EQ(items[1]["outcome"], "summer_training");
    EXPECT_EQ(items[2]["outcome"], "retained");
    EXPECT_TRUE(items[2]["retained_for_absences"]);
    EXPECT_EQ(items[2]["absences"], 46);
    EXPECT_EQ(items[3]["outcome"], "promoted");
    EXPECT_EQ(items[3]["award"], "Học sinh Xuất sắc");
    EXPECT_EQ(items[3]["rank"], 1);
    EXPECT_EQ(items[4]["rank"], 1);
    EXPECT_EQ(items[6]["award"], "Học sinh Giỏi");
    EXPECT_EQ(items[6]["rank"], 4);
    EXPECT_FALSE(items[0]["explanation"].empty());
    EXPECT_EQ(Send("GET", "/api/v1/classes/101/summary?period=hk3", nullptr, &homeroom_).status, 422);
    EXPECT_EQ(Send("GET", "/api/v1/classes/101/summary?period=year", nullptr, &parent_).status, 403);
    // The in-transaction form the principal-board views use gives the same.
    ClassSummary direct = db().Read([&](storage::Tx& tx) { return BuildClassSummary(tx, 101, "year"); });
    EXPECT_EQ(direct.items[0].outcome, "reassessment");
    EXPECT_EQ(direct.items[3].rank, 1);

    // Overrides only where the regulation allows.
    Reply bad = Send("PUT", close,
                     {{"base_version", 0},
                      {"overrides", {{{"student_id", students_[2]}, {"outcome", "promoted"}, {"reason", "Hoàn cảnh khó khăn"}},
                                     {{"student_id", students_[0]}, {"reassess_subjects", {"VAN"}}, {"reason", "x"}}}}},
                     &homeroom_);
    EXPECT_EQ(bad.code, "homeroom.override_not_allowed") << bad.body.dump();
    EXPECT_EQ(bad.body["violations"].size(), 2u);
    EXPECT_EQ(Send("PUT", close, {{"base_version", 0}}, &teacher_).code, "homeroom.not_homeroom");
    Reply submitted = Send("PUT", close,
                           {{"base_version", 0},
                            {"note", "Đề nghị duyệt"},
                            {"overrides", {{{"student_id", students_[7]}, {"award", "extraordinary"},
                                            {"reason", "Giải nhì học sinh giỏi cấp tỉnh"}}}}},
                           &homeroom_);
    ASSERT_EQ(submitted.status, 200) << submitted.body.dump();
    EXPECT_EQ(submitted.body["status"], "submitted");
    EXPECT_EQ(submitted.body["lists"]["reassessment"], nlohmann::json({students_[0]}));
    EXPECT_EQ(submitted.body["lists"]["summer_training"], nlohmann::json({students_[1]}));
    EXPECT_EQ(submitted.body["items"][7]["proposed"]["award"], "Học sinh Giỏi; Khen thưởng thành tích đột xuất");
    EXPECT_EQ(AuditCount("homeroom.year_close_submitted"), 1);
    // Conduct is frozen while the lists are submitted.
    EXPECT_EQ(Send("PUT", "/api/v1/classes/101/conduct",
                   {{"base_version", ConductVersion()},
                    {"changes", {{{"student_id", students_[1]}, {"period", "hk2"}, {"level", "dat"}}}}},
                   &homeroom_).code, "homeroom.locked");

    // The principal rejects with a note, the homeroom teacher submits again, the principal approves.
    const std::string decide = close + "/decision";
    std::int64_t version = submitted.body["version"];
    EXPECT_EQ(Send("POST", decide, {{"decision", "approve"}, {"base_version", version}}, &homeroom_).status, 403);
    EXPECT_EQ(Send("POST", decide, {{"decision", "reject"}, {"base_version", version}}, &principal_).status, 422);
    Reply rejected = Send("POST", decide, {{"decision", "reject"}, {"base_version", version}, {"note", "Xem lại em số 8"}},
                          &principal_);
    ASSERT_EQ(rejected.status, 200) << rejected.body.dump();
    EXPECT_EQ(rejected.body["status"], "rejected");
    EXPECT_EQ(Send("POST", decide, {{"decision", "approve"}, {"base_version", rejected.body["version"]}}, &principal_).code,
              "homeroom.not_submitted");
    Reply again = Send("PUT", close, {{"base_version", rejected.body["version"]}}, &homeroom_);
    ASSERT_EQ(again.status, 200) << again.body.dump();
    EXPECT_TRUE(again.body["items"][7]["override"].is_null());
    EXPECT_EQ(Send("POST", decide, {{"decision", "approve"}, {"base_version", 1}}, &principal_).code, "homeroom.conflict");
    Reply approved = Send("POST", decide, {{"decision", "approve"}, {"base_version", again.body["version"]}}, &principal_);
    ASSERT_EQ(approved.status, 200) << approved.body.dump();
    EXPECT_EQ(approved.body["status"], "approved");
    EXPECT_TRUE(approved.body["locked"]);
    EXPECT_EQ(AuditCount("homeroom.year_close_approved"), 1);
    EXPECT_EQ(AuditCount("homeroom.year_close_rejected"), 1);

    // Results lock: the gradebook's book lock for the year, attendance and comments refused.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM gradebook_locks WHERE class_id = 101 AND subject_code = '*' AND semester = 0"), 1);
    Reply score = Send("PUT", "/api/v1/classes/101/subjects/TOAN/scores?semester=2",
                       {{"base_version", 1}, {"changes", {{{"student_id", students_[0]}, {"item", "ck"}, {"value", "9"}}}}},
                       &principal_);
    EXPECT_EQ(score.code, "gradebook.locked") << score.body.dump();
    EXPECT_EQ(Send("PUT", Roll("2027-05-20"), {{"base_version", 0}, {"changes", {Mark(students_[0], "excused")}}},
                   &homeroom_).code, "homeroom.locked");
    EXPECT_EQ(Send("PUT", close, {{"base_version", approved.body["version"]}}, &homeroom_).code, "homeroom.locked");

    // The year carry-over refuses while lists are missing or outcomes pending.
    Session admin = Login(kThptAdmin);
    const std::string year = Str(db().Read([&](storage::Tx& tx) {
        return tx.QueryOne("SELECT year_id FROM classes WHERE id = 101")->Int(0);
    }));
    EXPECT_EQ(Send("POST", "/api/v1/years/" + year + "/carry-over", {{"to_year", "2027-2028"}, {"dry_run", true}}, &admin)
                  .code, "homeroom.not_approved");

    // After the summer: the re-assessment and the re-evaluated conduct decide, by the engine (A17).
    const std::string summer = "/api/v1/classes/101/summer-results";
    EXPECT_EQ(Send("PUT", summer, {{"items", {{{"student_id", students_[3]}, {"reassessment", {{"TOAN", "6"}}}}}}},
                   &homeroom_).status, 422);  // not on the list
    EXPECT_EQ(Send("PUT", summer, {{"items", {{{"student_id", students_[0]}, {"reassessment", {{"TOAN", "11"}}}}}}},
                   &homeroom_).status, 422);
    Reply after = Send("PUT", summer,
                       {{"items", {{{"student_id", students_[0]}, {"reassessment", {{"TOAN", "6,5"}, {"VAN", "6"}}}},
                                   {{"student_id", students_[1]}, {"conduct", "dat"}}}}},
                       &homeroom_);
    ASSERT_EQ(after.status, 200) << after.body.dump();
    const auto& s0 = after.body["items"][0];
    EXPECT_EQ(s0["summer"]["reassessment"]["TOAN"], "6.5");
    EXPECT_EQ(s0["final"]["outcome"], "promoted");
    EXPECT_TRUE(s0["final"]["done"]);
    EXPECT_EQ(after.body["items"][1]["final"]["outcome"], "promoted");
    EXPECT_EQ(after.body["items"][2]["final"]["outcome"], "retained");
    // The year's results stay as recorded (A17): the summary's outcome is still the year-end one.
    Reply year_summary = Send("GET", "/api/v1/classes/101/summary?period=year", nullptr, &principal_);
    EXPECT_EQ(year_summary.body["items"][0]["outcome"], "reassessment");
    EXPECT_EQ(year_summary.body["items"][0]["after_summer"]["outcome"], "promoted");
    EXPECT_EQ(year_summary.body["items"][0]["subjects"]["TOAN"], "3.0");
    EXPECT_EQ(AuditCount("homeroom.summer_results_saved"), 1);
    nlohmann::json details = nlohmann::json::parse(LastAudit("homeroom.summer_results_saved"));
    EXPECT_EQ(details["final_outcomes"].size(), 2u);
    // A failed re-assessment retains.
    Reply failed = Send("PUT", summer,
                        {{"items", {{{"student_id", students_[0]}, {"reassessment", {{"TOAN", "3"}, {"VAN", "3"}}}}}}},
                        &homeroom_);
    EXPECT_EQ(failed.body["items"][0]["final"]["outcome"], "retained");
    // The other classes of the school are still open, so the carry-over still refuses.
    EXPECT_EQ(Send("POST", "/api/v1/years/" + year + "/carry-over", {{"to_year", "2027-2028"}, {"dry_run", true}}, &admin)
                  .code, "homeroom.not_approved");
}

TEST_P(HomeroomTest, GB4IncompleteResultsCannotBeSubmitted) {
    clock_.Set(kOctober15 + 230 * kDay);
    Relogin();
    FillGradebook([](std::size_t, const std::string&) { return 80; });
    // No conduct yet: every student is incomplete.
    Reply r = Send("PUT", "/api/v1/classes/101/year-close", {{"base_version", 0}}, &homeroom_);
    EXPECT_EQ(r.code, "homeroom.incomplete") << r.body.dump();
    ASSERT_EQ(r.body["students"].size(), 30u);
    EXPECT_NE(r.body["students"][0]["missing"].dump().find("conduct"), std::string::npos);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM homeroom_year_close_items"), 0);
}

TEST_P(HomeroomTest, GB4ApprovalNeedsTheTotpCodeOfAnEnrolledPrincipal) {
    setenv("HOCVU_TOTP_KEY", "8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", 1);
    FillGradebook([](std::size_t, const std::string&) { return 80; });
    FillConduct({});
    clock_.Set(kOctober15 + 230 * kDay);
    Relogin();
    Reply submitted = Send("PUT", "/api/v1/classes/101/year-close", {{"base_version", 0}}, &homeroom_);
    ASSERT_EQ(submitted.status, 200) << submitted.body.dump();
    Reply enrol = Send("POST", "/api/v1/auth/totp/enrol", nullptr, &principal_);
    ASSERT_EQ(enrol.status, 200) << enrol.body.dump();
    const std::string secret = enrol.body["secret"];
    const std::int64_t now = clock_.Now() / 1000000;
    ASSERT_EQ(Send("POST", "/api/v1/auth/totp/confirm", {{"code", org::TotpCode(secret, now)}}, &principal_).status, 200);
    EXPECT_TRUE(Send("GET", "/api/v1/classes/101/year-close", nullptr, &principal_).body["totp_required"]);
    const std::string decide = "/api/v1/classes/101/year-close/decision";
    nlohmann::json body = {{"decision", "approve"}, {"base_version", submitted.body["version"]}};
    EXPECT_EQ(Send("POST", decide, body, &principal_).code, "auth.step_up_required");
    body["totp"] = "000000";
    EXPECT_EQ(Send("POST", decide, body, &principal_).code, "auth.totp_invalid");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM gradebook_locks"), 0);
    clock_.Advance(30 * 1000000);
    body["totp"] = org::TotpCode(secret, now + 30);
    Reply approved = Send("POST", decide, body, &principal_);
    ASSERT_EQ(approved.status, 200) << approved.body.dump();
    EXPECT_EQ(approved.body["status"], "approved");
}

TEST_P(HomeroomTest, GB4SchoolListGivesEveryClassesState) {
    // Student 0 fails Toán and Ngữ văn (re-assessment, pending until the summer); the others are promoted.
    FillGradebook([](std::size_t i, const std::string& subject) {
        if (i == 0 && subject == "TOAN") return 30;
        if (i == 0 && subject == "VAN") return 40;
        return 80;
    });
    FillConduct({});
    clock_.Set(kOctober15 + 230 * kDay);
    Relogin();
    const std::string unit = Str(db().Read([&](storage::Tx& tx) {
        return tx.QueryOne("SELECT unit_id FROM classes WHERE id = 101")->Int(0);
    }));
    const std::int64_t classes = Count("SELECT COUNT(*) FROM classes WHERE unit_id = " + unit);
    const std::string list = "/api/v1/schools/" + unit + "/year-close";
    auto row_of = [](const Reply& r, const std::string& class_id) {
        for (const auto& item : r.body["items"]) {
            if (item["class_id"] == class_id) return item;
        }
        return nlohmann::json();
    };

    Reply before = Send("GET", list, nullptr, &principal_);
    ASSERT_EQ(before.status, 200) << before.body.dump();
    EXPECT_TRUE(before.body["may_decide"]);
    EXPECT_EQ(static_cast<std::int64_t>(before.body["items"].size()), classes);
    for (const auto& item : before.body["items"]) EXPECT_EQ(item["status"], "draft") << item.dump();
    EXPECT_EQ(row_of(before, "101")["lists"]["promoted"], 0);

    Reply submitted = Send("PUT", "/api/v1/classes/101/year-close", {{"base_version", 0}}, &homeroom_);
    ASSERT_EQ(submitted.status, 200) << submitted.body.dump();
    nlohmann::json waiting = row_of(Send("GET", list, nullptr, &principal_), "101");
    EXPECT_EQ(waiting["status"], "submitted");
    EXPECT_EQ(waiting["version"], submitted.body["version"]);
    EXPECT_EQ(waiting["lists"]["promoted"], static_cast<int>(students_.size()) - 1);
    EXPECT_EQ(waiting["lists"]["reassessment"], 1);
    EXPECT_EQ(waiting["lists"]["retained"], 0);
    EXPECT_EQ(waiting["final"]["pending"], 1);
    EXPECT_EQ(waiting["submitted_by_name"], submitted.body["submitted_by_name"]);
    EXPECT_FALSE(waiting["submitted_at"].is_null());
    EXPECT_TRUE(waiting["decided_at"].is_null());

    Reply approved = Send("POST", "/api/v1/classes/101/year-close/decision",
                          {{"decision", "approve"}, {"base_version", submitted.body["version"]}}, &principal_);
    ASSERT_EQ(approved.status, 200) << approved.body.dump();
    Reply after = Send("GET", list + "?year=" + submitted.body["year"].get<std::string>(), nullptr, &principal_);
    ASSERT_EQ(after.status, 200) << after.body.dump();
    nlohmann::json done = row_of(after, "101");
    EXPECT_EQ(done["status"], "approved");
    EXPECT_EQ(done["decided_by_name"], approved.body["decided_by_name"]);
    EXPECT_EQ(done["final"]["promoted"], static_cast<int>(students_.size()) - 1);
    EXPECT_EQ(done["final"]["pending"], 1);
    for (const auto& item : after.body["items"]) {
        if (item["class_id"] != "101") {
            EXPECT_EQ(item["status"], "draft") << item.dump();
        }
    }

    // Only the school's report readers: not the homeroom teacher, a subject teacher or a parent.
    EXPECT_EQ(Send("GET", list, nullptr, &homeroom_).status, 403);
    EXPECT_EQ(Send("GET", list, nullptr, &teacher_).status, 403);
    EXPECT_EQ(Send("GET", list, nullptr, &parent_).status, 403);
    EXPECT_EQ(Send("GET", list + "?year=1999-2000", nullptr, &principal_).status, 404);
}

HOCVU_ON_BOTH_ENGINES(HomeroomTest);

}  // namespace
}  // namespace hocvu::homeroom
