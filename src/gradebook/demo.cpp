#include "gradebook/demo.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "gradebook/queries.hpp"
#include "gradebook/service.hpp"
#include "org/service.hpp"

namespace hocvu::gradebook {
namespace {

constexpr std::string_view kClasses =
    "SELECT c.id, c.name, c.unit_id FROM classes c JOIN units u ON u.id = c.unit_id JOIN school_years y ON y.unit_id = "
    "c.unit_id AND y.id = c.year_id WHERE u.code = 'thptchuvanan' AND y.name = '2026-2027' AND c.name IN ('11A2', "
    "'12A2') ORDER BY c.name";
/// Each subject of the class in the first semester with its teacher's account (none: the principal enters it).
constexpr std::string_view kTeachers =
    "SELECT t.subject_code, s.account_id FROM teaching_assignments t JOIN staff s ON s.unit_id = t.unit_id AND s.id = "
    "t.staff_id WHERE t.unit_id = $1 AND t.class_id = $2 AND t.semester = 1 ORDER BY t.subject_code";
constexpr std::string_view kPrincipal =
    "SELECT g.account_id FROM grants g JOIN classes c ON c.unit_id = g.unit_id WHERE c.id = $1 AND g.role = "
    "'principal' ORDER BY g.account_id LIMIT 1";

/// A fixed-seed generator (the demo is the same on every run).
struct Random {
    std::uint64_t state;
    std::uint64_t Next(std::uint64_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % bound;
    }
};

/// A student's general level in tenths, 5.2–9.1, the same in every subject's sheet (splitmix64 of the id).
int Ability(std::int64_t student_id) {
    std::uint64_t z = static_cast<std::uint64_t>(student_id) + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return 52 + static_cast<int>(z % 40);
}

/// A score in tenths around a student's level in a subject: level ± 1.0, within 0–10.
std::string Score(Random& random, int level_tenths) {
    int tenths = level_tenths + static_cast<int>(random.Next(21)) - 10;
    tenths = std::max(0, std::min(100, tenths));
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

}  // namespace

void CreateDemoScores(app::Context& ctx) {
    struct Job {
        std::int64_t class_id;
        bool complete;
        std::string subject;
        std::int64_t account_id;
    };
    std::vector<Job> jobs;
    ctx.db.Read([&](storage::Tx& tx) {
        for (const storage::Row& c : tx.Query(kClasses)) {
            const std::int64_t class_id = c.Int(0);
            auto principal = tx.QueryOne(kPrincipal, {class_id});
            for (const storage::Row& t : tx.Query(kTeachers, {c.Int(2), class_id})) {
                std::optional<std::int64_t> account = t.OptInt(1);
                if (!account && principal) account = principal->Int(0);
                if (account) jobs.push_back({class_id, c.Text(1) == "12A2", t.Text(0), *account});
            }
        }
        return 0;
    });
    Random random{20261206};
    for (const Job& job : jobs) {
        const org::Actor actor = ctx.db.Read([&](storage::Tx& tx) { return org::LoadActor(tx, job.account_id); });
        Sheet sheet;
        try {
            sheet = GetSheet(ctx, actor, job.class_id, job.subject, 1);
        } catch (const Error& e) {
            if (e.code() == Code::kNotFound) continue;  // a chuyên đề: its result is a column of its subject's sheet
            throw;
        }
        SaveInput input{job.class_id, job.subject, 1, sheet.version, {}};
        for (const SheetRow& row : sheet.rows) {
            if (row.exempt) continue;
            // The student's level in this subject: their general level ± 0.8.
            const int level = Ability(row.student_id) + static_cast<int>(random.Next(17)) - 8;
            int regular = 0;
            for (const Column& column : sheet.columns) {
                if (column.optional) continue;
                if (!job.complete) {
                    if (column.kind == ItemKind::kRegular && ++regular > 2) continue;
                    if (column.kind == ItemKind::kFinal) continue;
                }
                std::string value;
                if (column.type == CellType::kComment) {
                    value = Ability(row.student_id) < 60 && random.Next(4) == 0 ? "CĐ" : "Đ";
                } else if (column.type == CellType::kScore) {
                    value = Score(random, level);
                } else {
                    continue;  // TT27 levels and tests: not in these classes
                }
                input.changes.push_back({row.student_id, column.item, value, CellStatus::kEntered, ""});
            }
        }
        if (input.changes.empty()) continue;
        const SaveOutcome outcome = SaveScores(ctx, actor, input, "demo");
        if (outcome.status != SaveOutcome::Status::kSaved) {
            throw Error(Code::kInternal, "demo scores of " + job.subject + " were not saved");
        }
    }
}

}  // namespace hocvu::gradebook
