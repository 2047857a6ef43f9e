#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "gradebook/model.hpp"
#include "org/model.hpp"

/// Reads of the gradebook, each checked against the actor's grants.
namespace hocvu::gradebook {

/// The sheet of a class × subject × semester with the engine's averages (score.read on the class and subject).
Sheet GetSheet(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view subject,
               int semester);

/// One student's results of a period, with the engine's explanation.
struct StudentResult {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string full_name;
    std::vector<std::pair<std::string, std::string>> subjects;  ///< code → "7.4", "Đ", "CĐ", "" (incomplete)
    std::string learning;  ///< "Tốt"…, "incomplete"
    std::vector<std::string> missing;  ///< "TOAN hk1 tx 2"
    std::vector<std::string> explanation;
};
/// Every student's results in `period` ("hk1", "hk2", "year") (score.read on the class).
std::vector<StudentResult> GetResults(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                      std::string_view period);

/// The changes of one cell, oldest first.
std::vector<HistoryEntry> CellHistory(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                      std::string_view subject, int semester, std::int64_t student_id,
                                      std::string_view item);

/// The entry windows of a school year.
std::vector<EntryWindow> ListWindows(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                     std::int64_t year_id);

/// The locks of a class.
std::vector<Lock> ListLocks(app::Context& ctx, const org::Actor& actor, std::int64_t class_id);

/// Correction requests of a school: the principal board sees all, a teacher their own. `status` empty: all.
std::vector<Correction> ListCorrections(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                        std::string_view status);

/// SCH-10: per class × subject × semester of the school's year, required and entered scores, by month.
/// `year` is the year's id or name ("2026-2027").
std::vector<ProgressRow> Progress(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                  std::string_view year);

}  // namespace hocvu::gradebook
