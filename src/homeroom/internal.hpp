#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/context.hpp"
#include "assessment/model.hpp"
#include "common/error.hpp"
#include "gradebook/setup.hpp"
#include "homeroom/model.hpp"
#include "org/model.hpp"
#include "people/model.hpp"
#include "schooling/model.hpp"
#include "storage/database.hpp"

/// What the homeroom services share: the class they work on, who may do what, audit, dates, conduct words and the
/// engine's input built from the gradebook, attendance and conduct. Not part of the domain's interface.
namespace hocvu::homeroom::detail {

/// A refusal carrying extra problem members (conflicts, violations, sheets…); the API adds them to the problem.
class Refused : public Error {
public:
    Refused(Code code, const std::string& detail, nlohmann::json extra)
        : Error(code, detail), extra_(std::move(extra)) {}
    const nlohmann::json& extra() const { return extra_; }

private:
    nlohmann::json extra_;
};

/// A class with its school, year and regulation.
struct ClassRef {
    schooling::ClassInfo cls;
    org::Unit school;
    schooling::SchoolYear year;
    assessment::Regulation regulation = assessment::Regulation::kTt22;
    std::string main_session;  ///< A10: the session of the one-session plan (morning for full-day classes)
};

/// Throws kNotFound for an unknown class.
ClassRef LoadClass(storage::Tx& tx, std::int64_t class_id);

org::Scope ClassScope(const ClassRef& c);
bool IsBoard(const org::Actor& actor, const ClassRef& c);
bool IsHomeroom(const org::Actor& actor, const ClassRef& c);
/// A subject teacher of the class for `subject` (score.enter on the class and subject).
bool Teaches(const org::Actor& actor, const ClassRef& c, std::string_view subject);
/// Any grant narrowed to the class (a subject teacher of the class).
bool TeachesAny(const org::Actor& actor, const ClassRef& c);
/// Homeroom teacher, principal board, school office or inspectors (report.read), or a teacher of the class.
void RequireRead(const org::Actor& actor, const ClassRef& c);
/// Homeroom teacher of the class or principal board; kHomeroomNotHomeroom otherwise.
void RequireHomeroom(const org::Actor& actor, const ClassRef& c);

/// Appends an audit entry in the caller's transaction.
std::int64_t Audit(storage::Tx& tx, app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                   std::string_view action, std::string target, std::string_view client_address,
                   const nlohmann::json& details);

/// Today in Vietnam (UTC+7), YYYY-MM-DD.
std::string Today(const Clock& clock);
/// Whether `text` is a valid calendar date YYYY-MM-DD.
bool ValidDate(std::string_view text);
/// Students enrolled in the class now, in Vietnamese order.
std::vector<people::Student> Roster(storage::Tx& tx, const schooling::ClassInfo& cls);
std::string AccountName(storage::Tx& tx, std::int64_t account_id);

/// The date range of hk1, hk2 or the year (semester dates of the year, or its start/end).
std::pair<std::string, std::string> PeriodRange(const ClassRef& c, std::string_view period);

/// Conduct words: "tot", "kha", "dat"/"trung_binh", "chua_dat"/"yeu" → rank 3…0; nothing for other text.
std::optional<int> ParseConduct(std::string_view word);
/// The word of a rank in the class's regulation.
std::string ConductWord(assessment::Regulation regulation, int rank);
std::string ConductLevelName(assessment::Regulation regulation, int rank);

/// The year-close row of a class, if any.
struct YearCloseState {
    std::string status = "draft";
    std::int64_t version = 0;
    std::int64_t conduct_version = 0;
    std::string note;
    std::optional<std::int64_t> submitted_by;
    std::optional<Micros> submitted_at;
    std::optional<std::int64_t> decided_by;
    std::optional<Micros> decided_at;
    std::string decision_note;
    bool exists = false;
};
YearCloseState LoadYearClose(storage::Tx& tx, const ClassRef& c);
/// Inserts the row when missing, then bumps `version` (and `conduct_version` when `conduct`); returns the state
/// after, with the row locked for the rest of the transaction.
YearCloseState BumpYearClose(storage::Tx& tx, app::Context& ctx, const ClassRef& c, bool conduct);
/// Approved lists lock the class's attendance, conduct and comments of the year.
bool Approved(const YearCloseState& s);

/// A10: main-session absences (excused or not) per student between `from` and `to` inclusive.
std::map<std::int64_t, int> MainAbsences(storage::Tx& tx, const ClassRef& c, const std::string& from,
                                         const std::string& to);

/// One student assessed by the engine from the gradebook's input (gradebook::detail::ClassInputs: cells, and for
/// TT27 the quality and competence ratings), conduct, absences and (when `summer`) the summer re-assessment and
/// re-evaluated conduct. TT27 has no conduct, absence limit or summer step.
struct Assessed {
    people::Student student;
    assessment::StudentYear input;
    assessment::Assessment result;
    std::map<std::string, std::string> reassessment_given;  ///< code → text
    std::vector<std::string> hk1_levels;  ///< TT27: each subject's end-of-HK I level ("T", "H", "C", "")
};
/// The class's students assessed. `setup` from gradebook::detail::LoadClassSetup.
std::vector<Assessed> AssessClass(storage::Tx& tx, const ClassRef& c, const gradebook::detail::ClassSetup& setup,
                                  bool summer);

/// "7.4", "Đ", "CĐ" or "".
std::string MarkText(assessment::Mark mark);
std::vector<std::string> ReassessSubjects(const Assessed& a);
std::string AwardText(assessment::Award award);
/// The engine's missing entries as lines ("TOAN hk1 tx 2", "conduct hk2 1").
std::vector<std::string> MissingLines(const Assessed& a, std::optional<assessment::Period> period);

/// GB-8: the subject sheets of the class not yet confirmed by their teachers (semester 0: both).
std::vector<UnconfirmedSheet> UnconfirmedSheets(storage::Tx& tx, const ClassRef& c,
                                                const gradebook::detail::ClassSetup& setup, int semester);

}  // namespace hocvu::homeroom::detail
