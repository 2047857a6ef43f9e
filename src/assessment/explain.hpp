#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assessment/model.hpp"

namespace hocvu::assessment {

/// Short machine name of a regulation: "tt22", "tt27", "tt58", "tt26".
[[nodiscard]] std::string_view RegulationCode(Regulation regulation);

/// Vietnamese name of a learning level of the regulation ("Khá", "Trung bình", "Hoàn thành tốt"…), or
/// "incomplete" for kRankIncomplete; empty for kRankNone.
[[nodiscard]] std::string_view LearningName(Regulation regulation, Rank rank);

/// Vietnamese name of a conduct level: TT22 Tốt/Khá/Đạt/Chưa đạt, TT58/TT26 Tốt/Khá/Trung bình/Yếu; "incomplete"
/// for kRankIncomplete; empty for kRankNone.
[[nodiscard]] std::string_view ConductName(Regulation regulation, Rank rank);

/// The title as shown ("Học sinh Giỏi"…), "incomplete", or empty for Award::kNone.
[[nodiscard]] std::string_view AwardName(Award award);

/// The contract's outcome word: "promoted", "retained", "reassessment", "summer_training",
/// "principal_decision", "incomplete".
[[nodiscard]] std::string_view OutcomeCode(Outcome outcome);

/// "HTT", "HT", "CHT" (empty when missing).
[[nodiscard]] std::string_view PrimaryLevelCode(PrimaryLevel level);

/// The contract's `item` word of a missing entry: "tx", "gk", "ck", "conduct", "absences", "reassessment",
/// "year_level", "year_test", "qualities".
[[nodiscard]] std::string_view MissingItemCode(MissingItem item);

/// The contract's `period` word: "hk1", "hk2", "year".
[[nodiscard]] std::string_view PeriodCode(Period period);

/// Renders the Vietnamese explanation lines of an assessment: each names the rule (article and interpretation)
/// and the inputs that decided it, e.g. "Kết quả học tập cả năm: Khá, chưa đạt Tốt: Tin học 6,4 < 6,5
/// (TT22 Điều 9 khoản 2)". Appends to `lines`.
void Explain(const StudentYear& student, const Assessment& result, std::vector<std::string>& lines);

}  // namespace hocvu::assessment
