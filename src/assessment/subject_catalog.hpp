#pragma once

#include <string_view>

namespace hocvu::assessment {

/// The part a subject plays in a rule, beyond being scored or commented.
enum class SubjectRole : unsigned char {
    kOther,
    kMath,            ///< Toán (TT58 Điều 13 condition, TT27 test)
    kLiterature,      ///< Ngữ văn (TT58 Điều 13 condition)
    kForeignLanguage, ///< Ngoại ngữ (TT26 adds it to the TT58 Điều 13 condition)
};

/// What the engine knows about a subject code.
struct SubjectInfo {
    std::string_view name;  ///< Vietnamese name for explanations; empty for an unknown code
    SubjectRole role = SubjectRole::kOther;
    /// TT27 Điều 7 khoản 1: the lowest grade in which the subject has end-of-year periodic tests, 0 if never.
    int primary_test_from_grade = 0;
};

/// Looks up a subject code ("TOAN", "VAN", "NN1", …). Codes are matched exactly; an unknown code gets an
/// empty name and no role. The codes are listed in subject_catalog.cpp.
[[nodiscard]] SubjectInfo LookUpSubject(std::string_view code);

}  // namespace hocvu::assessment
