#pragma once

#include <cstdint>
#include <string_view>

#include "app/context.hpp"
#include "common/tenths.hpp"
#include "org/model.hpp"
#include "reports/model.hpp"

/// The principal board's views (GB-5), each read in one snapshot and checked against the actor's grants. The
/// board views need statistics (report.read) and scores (score.read) on the school: the principal, the vice
/// principals and the authorities above the school for inspection. A report card is also open to whoever may read
/// that student's scores in the class (the student, the parents, the homeroom teacher).
namespace hocvu::reports {

/// Bảng điểm học sinh theo môn: one student of a class, every subject, every score and average.
StudentGradeSheet GetStudentGradeSheet(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                       std::int64_t student_id);

/// Bảng điểm lớp theo môn: one class × subject.
ClassGradeSheet GetClassGradeSheet(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                   std::string_view subject);

/// Tổng hợp kết quả lớp: every student's subject averages of `period` (hk1, hk2, year) with learning and conduct
/// levels, absences, outcome, award and rank.
ClassSummary GetClassSummary(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                             std::string_view period);

/// Phiếu báo điểm of a student in `period`. `class_id` 0: the class the student is enrolled in now.
ReportCard GetReportCard(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::int64_t student_id,
                         std::string_view period);

/// Tỉ lệ xếp loại theo môn và theo khối of a school. `year` is the year's id or name ("2026-2027"); empty: the
/// school's open year (the latest one when none is open).
ClassificationRates GetClassificationRates(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                           std::string_view year, std::string_view period);

/// Rule R1 (README): the level of a scored subject's average for the rates, by TT22 Điều 9's thresholds:
/// 0 Tốt (≥ 8.0), 1 Khá (≥ 6.5), 2 Đạt (≥ 5.0), 3 Chưa đạt.
int ScoreBand(Tenths average);

/// Tenths of a percent of `count` in `total`, rounded half up; 0 when `total` is 0.
std::int64_t PercentTenths(std::int64_t count, std::int64_t total);

}  // namespace hocvu::reports
