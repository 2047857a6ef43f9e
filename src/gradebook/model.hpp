#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/tenths.hpp"

/// Scores, entry windows, locks, corrections and confirmations: plain structs.
namespace hocvu::gradebook {

/// The kind of a score column: ĐĐGtx, ĐĐGgk, ĐĐGck. Entry windows are set per kind.
enum class ItemKind { kRegular, kMidterm, kFinal };

/// "tx", "gk", "ck".
std::string_view ItemKindCode(ItemKind kind);
std::optional<ItemKind> ParseItemKind(std::string_view code);

/// What a column's cells hold.
enum class CellType {
    kScore,       ///< 0–10 with at most one decimal (TT22, TT26, TT58)
    kComment,     ///< Đ / CĐ (a comment subject)
    kLevel,       ///< TT27 Điều 7 khoản 1: HTT (Hoàn thành tốt) / HT (Hoàn thành) / CHT (Chưa hoàn thành)
    kWholeScore,  ///< TT27 periodic test (bài kiểm tra định kì): a whole number 0–10
};
/// "score", "comment", "level", "whole_score".
std::string_view CellTypeCode(CellType type);

/// One column of a sheet. `item`: TT22/TT26 "tx1"…"txN", "gk", "ck"; TT58 "tx1"…, "gk1"…, "ck"; TT27 "gk_muc",
/// "gk_kt", "ck_muc", "ck_kt" (level and test at mid-term and end of term).
struct Column {
    std::string item;
    ItemKind kind = ItemKind::kRegular;
    std::string label;      ///< as the grid shows it: "TX1", "TX4 (CĐ)", "GK", "CK", "HS2-1", "Mức CK"
    bool topic = false;     ///< TT22 Điều 6 khoản 3: the chuyên đề result counted as one ĐĐGtx
    CellType type = CellType::kScore;
    bool optional = false;  ///< TT58 (2011) counts are minimums: a test beyond them; empty is not missing
};

/// How a cell is filled (regulations.md A5).
enum class CellStatus {
    kEntered,    ///< an assessment's result
    kMakeup,     ///< the result of a make-up assessment (kiểm tra bù)
    kNoMakeup,   ///< TT22 Điều 7 khoản 4: no make-up, so 0 (scored) or CĐ (comment), with a reason
    kPending,    ///< waiting for the make-up: no value yet; blocks closing the semester
};
std::string_view CellStatusCode(CellStatus status);
std::optional<CellStatus> ParseCellStatus(std::string_view code);

/// A cell's value: a score, a comment result, a TT27 level, or nothing (empty cell or pending).
struct CellValue {
    std::optional<Tenths> score;
    std::optional<bool> pass;  ///< Đ when true, CĐ when false
    std::optional<int> level;  ///< TT27: 2 HTT, 1 HT, 0 CHT

    [[nodiscard]] bool Empty() const { return !score && !pass && !level; }
    /// "7.5", "Đ", "CĐ", "HTT"/"HT"/"CHT" or "" (machine form, also stored in history and audit details).
    [[nodiscard]] std::string Text() const;
    friend bool operator==(const CellValue&, const CellValue&) = default;
};

/// A stored cell.
struct Cell {
    std::int64_t student_id = 0;
    std::string item;
    CellValue value;
    CellStatus status = CellStatus::kEntered;
    std::int64_t version = 0;
    std::int64_t updated_by = 0;
    std::string updated_by_name;
    Micros updated_at = 0;
};

/// A student's row of a sheet with the semester result the engine computed.
struct SheetRow {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string full_name;
    bool exempt = false;            ///< miễn môn this semester (SCH-8): no cells, no result
    std::vector<Cell> cells;        ///< entered cells only
    std::string average;            ///< ĐTBmhk ("7.4"), "Đ"/"CĐ", or "" when incomplete or exempt
    std::vector<std::string> missing;  ///< items still empty (A5)
    std::vector<std::string> explanation;  ///< the engine's lines for this subject
};

/// A score sheet: one class × subject × semester, shaped by the regulation of the class's grade and year.
struct Sheet {
    std::int64_t unit_id = 0;
    std::int64_t class_id = 0;
    std::string class_name;
    std::string subject_code;
    std::string subject_name;
    int semester = 1;
    std::string regulation;  ///< "tt22", …
    bool scored = true;      ///< false: Đ / CĐ
    int periods_per_year = 0;
    std::vector<Column> columns;
    std::vector<SheetRow> rows;
    std::int64_t version = 0;
    std::optional<std::int64_t> confirmed_by;
    std::optional<Micros> confirmed_at;
    bool locked = false;          ///< khóa điểm or khóa sổ
    std::string lock_reason;
    std::vector<std::string> closed_items;  ///< column kinds whose entry window is closed now
    bool may_edit = false;        ///< the actor may save (ignoring windows)
};

/// One change of a save: the cell and its new value.
struct CellChange {
    std::int64_t student_id = 0;
    std::string item;
    std::string value;  ///< "7.5", "7,5", "Đ", "CĐ", "" (clear)
    CellStatus status = CellStatus::kEntered;
    std::string reason;
};

struct SaveInput {
    std::int64_t class_id = 0;
    std::string subject_code;
    int semester = 1;
    std::int64_t base_version = 0;
    std::vector<CellChange> changes;
};

/// A change that cannot be saved as given (an expected outcome, returned).
struct Violation {
    std::int64_t student_id = 0;
    std::string item;
    std::string message;  ///< Vietnamese
};

/// A cell another person changed after the version the save was based on.
struct Conflict {
    std::int64_t student_id = 0;
    std::string item;
    std::string yours;
    std::string theirs;
    std::string changed_by;
    Micros changed_at = 0;
};

/// What a save did: saved (with the new sheet), or refused as a whole with the reasons.
struct SaveOutcome {
    enum class Status { kSaved, kInvalid, kConflict, kWindowClosed, kLocked };
    Status status = Status::kSaved;
    std::vector<Violation> violations;
    std::vector<Conflict> conflicts;
    std::vector<std::string> closed_items;
    std::string detail;
    std::int64_t version = 0;
    int changed = 0;
};

/// SCH-13: when entry of a kind of column is open in a semester.
struct EntryWindow {
    std::int64_t year_id = 0;
    int semester = 1;
    ItemKind kind = ItemKind::kRegular;
    Micros opens_at = 0;
    Micros closes_at = 0;
};

/// SCH-11: a score lock (subject) or a book lock (subject "*"); semester 0 is the whole year.
struct Lock {
    std::int64_t class_id = 0;
    std::string subject_code;
    int semester = 1;
    std::int64_t locked_by = 0;
    Micros locked_at = 0;
    std::string reason;
};

/// GB-7: a correction request.
struct Correction {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::int64_t class_id = 0;
    std::string subject_code;
    int semester = 1;
    std::int64_t student_id = 0;
    std::string item;
    std::string old_value;
    std::string new_value;
    std::string reason;
    std::string status;  ///< pending, approved, rejected
    std::int64_t requested_by = 0;
    Micros requested_at = 0;
    std::optional<std::int64_t> decided_by;
    std::optional<Micros> decided_at;
    std::string decision_note;
    std::vector<std::string> witnesses;
    /// Names for the inbox (filled by ListCorrections; empty elsewhere).
    std::string class_name;
    std::string subject_name;
    std::string student_name;
    std::string requested_by_name;
    std::string decided_by_name;
};

/// One line of a cell's history.
struct HistoryEntry {
    std::string old_value;
    std::string new_value;
    std::string reason;
    std::int64_t actor_id = 0;
    std::string actor_name;
    Micros at = 0;
    std::int64_t audit_id = 0;
    std::optional<std::int64_t> correction_id;
};

/// SCH-10: the required and entered cells of one column kind of a sheet, and its entry deadline.
struct ProgressKind {
    ItemKind kind = ItemKind::kRegular;
    std::int64_t required = 0;
    std::int64_t entered = 0;
    std::optional<Micros> closes_at;  ///< the kind's entry window in the semester, when set
    bool late = false;                ///< the window has closed with required cells still empty
};

/// SCH-10: cells of a sheet first entered in a month (Vietnam's time) and the running total by its end.
struct ProgressMonth {
    std::string month;  ///< "2026-10"
    std::int64_t entered = 0;
    std::int64_t cumulative = 0;
};

/// SCH-10: entry progress of one class × subject × semester and its teacher. Only required cells count: every
/// non-optional column for every student enrolled now and not exempt.
struct ProgressRow {
    std::int64_t class_id = 0;
    std::string class_name;
    std::string subject_code;
    std::string subject_name;
    int semester = 1;
    std::optional<std::int64_t> teacher_id;  ///< the staff member assigned to teach it this semester
    std::string teacher_name;
    std::int64_t required = 0;
    std::int64_t entered = 0;
    bool confirmed = false;
    bool late = false;  ///< some kind is late (see ProgressKind::late)
    std::vector<ProgressKind> kinds;  ///< tx, gk, ck: those the sheet has
    std::vector<ProgressMonth> by_month;
};

}  // namespace hocvu::gradebook
