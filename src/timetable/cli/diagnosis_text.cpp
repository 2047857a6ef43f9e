#include "timetable/cli/diagnosis_text.hpp"

#include <cstddef>
#include <set>
#include <sstream>
#include <utility>

namespace hocvu::timetable {

namespace {

std::size_t Idx(int value) { return static_cast<std::size_t>(value); }

std::string TeacherName(const Instance& instance, int teacher) {
    const Teacher& t = instance.teachers[Idx(teacher)];
    return "GV " + t.name + " (" + t.id + ")";
}

std::string DayName(const Instance& instance, int day) { return instance.days[Idx(day)].name; }

std::string LessonName(const Instance& instance, int lesson) {
    const Lesson& l = instance.lessons[Idx(lesson)];
    return instance.subjects[Idx(l.subject_index)].name + " lớp " + instance.classes[Idx(l.class_index)].id;
}

std::string TeacherClasses(const Instance& instance, int teacher) {
    std::set<std::pair<std::string, std::string>> taught;
    for (const Lesson& lesson : instance.lessons) {
        if (lesson.teacher_index == teacher) {
            taught.emplace(instance.classes[Idx(lesson.class_index)].id, instance.subjects[Idx(lesson.subject_index)].name);
        }
    }
    std::string out;
    for (const auto& [class_id, subject] : taught) {
        out += (out.empty() ? "" : ", ") + subject + " " + class_id;
    }
    return out;
}

std::string RequestText(const Instance& instance, const TeacherRequest& request) {
    const std::string who = TeacherName(instance, request.teacher);
    const Rules& rules = instance.rules;
    switch (request.kind) {
        case RequestKind::kDayUnavailable:
            return "lịch nghỉ/bận " + DayName(instance, request.day) + " của " + who;
        case RequestKind::kMaxDays:
            return "giới hạn " + std::to_string(instance.teachers[Idx(request.teacher)].max_days.value_or(0)) +
                   " ngày dạy/tuần của " + who;
        case RequestKind::kMaxPeriodsPerDay:
            return "quy định tối đa " + std::to_string(rules.teacher_max_periods_per_day.value_or(0)) +
                   " tiết/ngày, áp dụng cho " + who;
        case RequestKind::kMinPeriodsPerDay:
            return "quy định tối thiểu " + std::to_string(rules.teacher_min_periods_per_teaching_day.value_or(0)) +
                   " tiết mỗi ngày có dạy, áp dụng cho " + who;
        case RequestKind::kMaxGapsPerDay:
            return "quy định tối đa " + std::to_string(rules.teacher_max_gaps_per_day.value_or(0)) +
                   " tiết trống/ngày, áp dụng cho " + who;
        case RequestKind::kMaxGapsPerWeek:
            return "quy định tối đa " + std::to_string(rules.teacher_max_gaps_per_week.value_or(0)) +
                   " tiết trống/tuần, áp dụng cho " + who;
    }
    return who;
}

}  // namespace

std::string DiagnosisText(const Instance& instance, const Diagnosis& diagnosis) {
    std::ostringstream out;
    out << "Không xếp được thời khóa biểu thỏa mọi ràng buộc.\n";
    bool has_requests = false;
    for (const Finding& f : diagnosis.findings) {
        has_requests = has_requests || f.kind == FindingKind::kRequest;
    }
    if (has_requests) {
        out << "Bộ xếp không tìm được TKB đáp ứng cùng lúc các yêu cầu dưới đây"
            << (diagnosis.verified ? "; đã kiểm chứng: nới lỏng " : "; có thể nới lỏng ")
            << (diagnosis.findings.size() > 1 ? "tất cả các yêu cầu này" : "yêu cầu này") << " thì xếp được TKB"
            << (diagnosis.minimal ? "" : " (danh sách có thể chưa tối giản)") << ":\n";
    }
    for (const Finding& f : diagnosis.findings) {
        out << "  - ";
        switch (f.kind) {
            case FindingKind::kClassOverfull:
                out << "Lớp " << instance.classes[Idx(f.class_index)].id << " cần " << f.load << " tiết/tuần nhưng tuần chỉ có "
                    << f.available << " tiết. Cần giảm số tiết của lớp hoặc thêm tiết/buổi.";
                break;
            case FindingKind::kClassRulesConflict:
                out << "Lớp " << instance.classes[Idx(f.class_index)].id;
                if (f.lesson >= 0) {
                    out << ": " << LessonName(instance, f.lesson) << " và " << LessonName(instance, f.other_lesson)
                        << " cùng bị cố định vào " << DayName(instance, f.slot.day) << " tiết " << f.slot.period + 1 << '.';
                } else {
                    out << ": các quy định của lớp (tách tiết khác ngày, tiết đôi không qua giờ ra chơi, môn không "
                           "xếp tiết cuối, tiết cố định, không trống tiết và bắt đầu từ tiết 1) không thể cùng thỏa "
                           "với số tiết của lớp. Cần xem lại phân phối tiết hoặc các quy định này.";
                }
                break;
            case FindingKind::kFixedSlotsClash:
                out << TeacherName(instance, f.teacher) << " phải dạy cùng lúc " << LessonName(instance, f.lesson) << " và "
                    << LessonName(instance, f.other_lesson) << " (cố định " << DayName(instance, f.slot.day) << " tiết "
                    << f.slot.period + 1 << "). Cần phân công GV khác cho một trong hai lớp.";
                break;
            case FindingKind::kFixedSlotUnavailable:
                out << TeacherName(instance, f.teacher) << " đăng ký nghỉ/bận " << DayName(instance, f.slot.day) << " tiết "
                    << f.slot.period + 1 << " nhưng " << LessonName(instance, f.lesson)
                    << " cố định vào đúng tiết đó. Cần bỏ lịch nghỉ này hoặc đổi GV.";
                break;
            case FindingKind::kTeacherOverloaded:
                out << TeacherName(instance, f.teacher) << " dạy " << f.load << " tiết/tuần ("
                    << TeacherClasses(instance, f.teacher) << ") nhưng chỉ có thể dạy " << f.available
                    << " tiết theo lịch nghỉ/bận và giới hạn đã đăng ký. Cần bớt ngày nghỉ hoặc chuyển bớt tiết cho GV khác.";
                break;
            case FindingKind::kRequest:
                out << RequestText(instance, f.request) << " (dạy " << TeacherClasses(instance, f.teacher) << ")";
                break;
            case FindingKind::kUnknown:
                out << "Không tìm ra nguyên nhân cụ thể trong thời gian cho phép; hãy thử tăng --time-limit.";
                break;
        }
        out << '\n';
    }
    if (diagnosis.findings.empty()) {
        out << "  - Không tìm ra nguyên nhân cụ thể; hãy thử tăng --time-limit.\n";
    }
    return out.str();
}

}  // namespace hocvu::timetable
