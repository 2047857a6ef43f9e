#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hocvu::people {

/// OPS-5: Vietnamese order of people, by given name, then family name, then middle name, each compared with ICU's
/// Vietnamese collation (a < ă < â, d < đ, tones after the base letter). Returns <0, 0, >0.
int CompareVietnameseNames(std::string_view given_a, std::string_view family_a, std::string_view middle_a,
                           std::string_view given_b, std::string_view family_b, std::string_view middle_b);

/// Sorts `items` in Vietnamese name order; `T` has given_name, family_name and middle_name. Ties keep their order.
template <class T>
void SortVietnamese(std::vector<T>& items) {
    std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) {
        return CompareVietnameseNames(a.given_name, a.family_name, a.middle_name, b.given_name, b.family_name,
                                      b.middle_name) < 0;
    });
}

/// "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy" or "YYYY-MM-DD" as YYYY-MM-DD, when it is a real date.
std::optional<std::string> ParseDate(std::string_view text);

/// "Nam"/"Nữ" (any case, with or without diacritics), "male"/"female" as "male"/"female".
std::optional<std::string> ParseGender(std::string_view text);

/// Text from a person or a file, made safe to store and to export again: NFC, control characters removed, spaces
/// collapsed, and a leading '=', '+', '-', '@' (a spreadsheet formula) neutralised with a leading apostrophe.
std::string CleanText(std::string_view text);

/// Whether a cell looks like a spreadsheet formula or a CSV injection (=, +, -, @, tab or CR first).
bool LooksLikeFormula(std::string_view text);

}  // namespace hocvu::people
