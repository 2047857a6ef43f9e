#include "homeroom/demo.hpp"

#include <chrono>
#include <cstdio>

#include "homeroom/internal.hpp"
#include "homeroom/store.hpp"

namespace hocvu::homeroom {
namespace {

constexpr int kDemoDays = 28;

std::string Format(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

std::chrono::sys_days Parse(const std::string& date) {
    return std::chrono::sys_days{std::chrono::year{std::atoi(date.substr(0, 4).c_str())} /
                                 std::chrono::month{static_cast<unsigned>(std::atoi(date.substr(5, 2).c_str()))} /
                                 std::chrono::day{static_cast<unsigned>(std::atoi(date.substr(8, 2).c_str()))}};
}

constexpr const char* kComments[] = {
    "Ngoan, lễ phép, tích cực tham gia các hoạt động của lớp.",
    "Chăm chỉ, có ý thức tự giác trong học tập; cần mạnh dạn phát biểu hơn.",
    "Thực hiện tốt nội quy; đôi khi còn nói chuyện riêng trong giờ học.",
    "Hòa đồng với bạn bè, nhiệt tình giúp đỡ bạn học yếu.",
};

}  // namespace

void CreateDemo(storage::Tx& tx, app::Context& ctx) {
    const std::string today = detail::Today(ctx.clock);
    const Micros now = ctx.clock.Now();
    std::uint64_t seed = 20262027;
    auto next = [&](std::uint64_t bound) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return (seed >> 33) % bound;
    };
    for (const storage::Row& row : tx.Query("SELECT c.id, s.account_id FROM classes c JOIN school_years y ON "
                                            "y.unit_id = c.unit_id AND y.id = c.year_id LEFT JOIN homeroom_assignments "
                                            "h ON h.unit_id = c.unit_id AND h.class_id = c.id LEFT JOIN staff s ON "
                                            "s.unit_id = h.unit_id AND s.id = h.staff_id WHERE y.name = '2026-2027' "
                                            "ORDER BY c.id")) {
        detail::ClassRef c = detail::LoadClass(tx, row.Int(0));
        if (today <= c.year.starts_on || today > c.year.ends_on) continue;
        const std::int64_t teacher = row.OptInt(1).value_or(0);
        std::vector<people::Student> roster = detail::Roster(tx, c.cls);
        if (roster.empty()) continue;
        const std::chrono::sys_days end = Parse(today);
        for (std::chrono::sys_days d = end - std::chrono::days{kDemoDays}; d < end; d += std::chrono::days{1}) {
            const std::chrono::weekday wd{d};
            if (wd == std::chrono::Sunday || wd == std::chrono::Saturday) continue;
            const std::string day = Format(std::chrono::year_month_day{d});
            if (day < c.year.starts_on) continue;
            tx.Exec("INSERT INTO homeroom_attendance_days (unit_id, class_id, day, version, updated_at) VALUES ($1, "
                    "$2, $3, 1, $4)",
                    {c.cls.unit_id, c.cls.id, day, now});
            const std::uint64_t marks = next(3);  // 0–2 students marked a day
            for (std::uint64_t m = 0; m < marks; ++m) {
                const people::Student& s = roster[next(roster.size())];
                const std::uint64_t kind = next(10);
                const char* status = kind < 5 ? "excused" : kind < 7 ? "unexcused" : "late";
                const char* note = kind < 5 ? "Ốm, phụ huynh xin phép" : kind < 7 ? "" : "Đến muộn 10 phút";
                tx.Exec("INSERT INTO homeroom_attendance (unit_id, class_id, day, student_id, session, period, status, "
                        "note, version, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $7, 1, $8, $9) "
                        "ON CONFLICT (unit_id, class_id, day, student_id, session, period) DO NOTHING",
                        {c.cls.unit_id, c.cls.id, day, s.id, c.main_session, std::string(status), std::string(note),
                         teacher, now});
            }
        }
        if (c.cls.name != "10A1" && c.cls.name != "6A1") continue;
        tx.Exec(store::kEnsureYearClose, {c.cls.unit_id, c.cls.id, c.cls.year_id, now});
        tx.Exec(store::kBumpConductVersion, {c.cls.unit_id, c.cls.id, now});
        for (const people::Student& s : roster) {
            const std::int64_t level = next(10) < 6 ? 3 : next(10) < 8 ? 2 : 1;
            tx.Exec(store::kUpsertConduct, {c.cls.unit_id, c.cls.id, s.id, std::string("hk1"), level,
                                            std::string(kComments[next(4)]), std::int64_t{1}, teacher, now});
        }
    }
}

}  // namespace hocvu::homeroom
