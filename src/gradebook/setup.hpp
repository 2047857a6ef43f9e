#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assessment/model.hpp"
#include "gradebook/model.hpp"
#include "org/model.hpp"
#include "people/model.hpp"
#include "schooling/model.hpp"
#include "storage/database.hpp"

/// What the gradebook reads about a class inside a transaction: its school, year, regulation and sheet subjects,
/// roster and exemptions, and its own stored cells, windows and locks. Not part of the domain's interface.
namespace hocvu::gradebook::detail {

/// A subject of a class that has a score sheet (a chuyên đề has none: it is one ĐĐGtx of its subject).
struct SubjectSetup {
    std::string code;
    std::string name;
    bool scored = true;
    int periods_per_year = 0;
    int topics = 0;
    std::vector<Column> columns;
};

struct ClassSetup {
    schooling::ClassInfo cls;
    org::Unit school;
    schooling::SchoolYear year;
    assessment::Regulation regulation = assessment::Regulation::kTt22;
    assessment::SchoolLevel level = assessment::SchoolLevel::kLowerSecondary;
    int school_year_start = 0;
    std::vector<SubjectSetup> subjects;

    /// Throws kNotFound when the class has no sheet for `code`.
    const SubjectSetup& Subject(std::string_view code) const;
};

/// Throws kNotFound for an unknown class; kValidation for a regulation the gradebook does not shape yet.
ClassSetup LoadClassSetup(storage::Tx& tx, std::int64_t class_id);

/// The scope of a sheet (class and subject narrowing).
org::Scope SheetScope(const ClassSetup& setup, std::string_view subject);

/// Whether the actor may save the sheet: its subject teacher (score.enter on the class and subject) or the principal
/// board (score.approve on the school).
bool MayEnter(const org::Actor& actor, const ClassSetup& setup, std::string_view subject);
bool IsPrincipalBoard(const org::Actor& actor, const ClassSetup& setup);

/// The ids of the students enrolled now (no names, no ordering: what a save checks against).
std::set<std::int64_t> RosterIds(storage::Tx& tx, const schooling::ClassInfo& cls);
/// The students enrolled now, in Vietnamese order.
std::vector<people::Student> Roster(storage::Tx& tx, const schooling::ClassInfo& cls);
/// A student as a sheet lists them: id, code and the names that order the list.
struct RosterName {
    std::int64_t id = 0;
    std::string code;
    std::string family_name;
    std::string middle_name;
    std::string given_name;
    std::string full_name;
};
/// The students enrolled now, in Vietnamese order (ties by id), read in one query without the rest of their records:
/// what a sheet shows after every save.
std::vector<RosterName> RosterNames(storage::Tx& tx, const schooling::ClassInfo& cls);
/// Students exempt from `subject` in `semester` of the class's year.
std::set<std::int64_t> Exempt(storage::Tx& tx, const schooling::ClassInfo& cls, std::string_view subject,
                              int semester);

/// The stored cells of a sheet by student; only the columns in `items` when given (a save reads what it changes).
std::map<std::int64_t, std::vector<Cell>> LoadCells(storage::Tx& tx, std::int64_t unit_id, std::int64_t class_id,
                                                    std::string_view subject, int semester,
                                                    const std::set<std::string>* items = nullptr);

struct SheetState {
    std::int64_t version = 0;
    std::optional<std::int64_t> confirmed_by;
    std::optional<Micros> confirmed_at;
};
std::optional<SheetState> LoadSheetState(storage::Tx& tx, std::int64_t unit_id, std::int64_t class_id,
                                         std::string_view subject, int semester);

std::vector<EntryWindow> Windows(storage::Tx& tx, std::int64_t unit_id, std::int64_t year_id, int semester);
/// The column kinds whose window is set and closed at `now`.
std::vector<std::string> ClosedKinds(const std::vector<EntryWindow>& windows, Micros now);

/// The score lock or book lock that covers the sheet, if any.
std::optional<Lock> CoveringLock(storage::Tx& tx, std::int64_t unit_id, std::int64_t class_id,
                                 std::string_view subject, int semester);

/// An account's full name, or its username; "" when unknown.
std::string AccountName(storage::Tx& tx, std::int64_t account_id);

/// Builds the sheet (cells, averages from the engine, explanations) as `actor` sees it now.
Sheet BuildSheet(storage::Tx& tx, const ClassSetup& setup, const SubjectSetup& subject, int semester,
                 const org::Actor& actor, Micros now);

/// The value of `item` among `cells`, or null.
const CellValue* FindValue(const std::vector<Cell>& cells, std::string_view item);
/// TT27: a subject's year level and end-of-year test from its semester-2 cells (ck_muc, ck_kt).
void FillPrimaryYear(const std::vector<Cell>& year_end_cells, assessment::SubjectInput& input);

/// A correction request by id; throws kNotFound.
Correction LoadCorrection(storage::Tx& tx, std::int64_t id);
/// Correction requests selected by `sql`, whose columns are store::kCorrectionColumns.
std::vector<Correction> ReadCorrections(storage::Tx& tx, std::string_view sql, const storage::Params& params);

}  // namespace hocvu::gradebook::detail
