#pragma once

namespace hocvu::assessment::interpretation {

// The readings the product adopts where the circulars leave room (regulations.md, "Interpretations the product
// adopts" and §8). Each is named here so that a later regulation or a ruling changes it in one place; the
// explanation lines cite the same names.

/// A3: "điều chỉnh lên mức liền kề" when three levels are lost (would-be Tốt, raw Chưa đạt): raw + 1 (Đạt),
/// following TT58 Điều 13 khoản 6, rather than would-be − 1 (Khá).
enum class AdjacentLevel : unsigned char { kRawPlusOne, kWouldBeMinusOne };
inline constexpr AdjacentLevel kA3AdjacentLevel = AdjacentLevel::kRawPlusOne;

/// A4: the single subject that causes the drop may be a comment subject (counted as Đạt for the would-be level).
inline constexpr bool kA4CommentSubjectMayCauseDrop = true;

/// A6: a student whose year conduct and year learning are both Chưa đạt is not eligible for the Điều 14
/// re-assessment (literal reading: the year conduct before summer must be Đạt or above).
inline constexpr bool kA6ConductMustPassForReassessment = true;

/// A18: a student over the 45-absence limit is retained and gets no re-assessment or summer remedy.
inline constexpr bool kA18AbsencesEndTheYear = true;

/// A19: the TT58/TT26 overall average (ĐTBhk, ĐTBcn) is rounded half-up to one decimal before the thresholds.
inline constexpr bool kA19RoundOverallAverage = true;

/// A20: TT58 Điều 13 khoản 6 read literally: a Giỏi-level average dragged down to Kém is not adjusted.
inline constexpr bool kA20AdjustGoodToWeakest = false;

/// S1: a subject taught in one semester only takes that semester's result as its year result (TT58 Điều 10
/// says so; TT22 is silent and the same reading is used).
inline constexpr bool kS1OneSemesterSubjectKeepsItsResult = true;

}  // namespace hocvu::assessment::interpretation
