#pragma once

namespace hocvu::timetable {

/// A hard rule about one teacher that a school can choose to relax when no timetable exists.
enum class RequestKind {
    kDayUnavailable,     ///< the teacher's day off or busy periods on `day`
    kMaxDays,            ///< the teacher's cap on teaching days per week
    kMaxPeriodsPerDay,   ///< rules.teacher_max_periods_per_day, for this teacher
    kMinPeriodsPerDay,   ///< rules.teacher_min_periods_per_teaching_day, for this teacher
    kMaxGapsPerDay,      ///< rules.teacher_max_gaps_per_day, for this teacher
    kMaxGapsPerWeek,     ///< rules.teacher_max_gaps_per_week, for this teacher
};

/// One relaxable request: its kind, the teacher index and, for kDayUnavailable, the day index.
struct TeacherRequest {
    RequestKind kind = RequestKind::kDayUnavailable;
    int teacher = 0;
    int day = -1;

    friend bool operator==(const TeacherRequest&, const TeacherRequest&) = default;
};

}  // namespace hocvu::timetable
