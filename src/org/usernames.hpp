#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace hocvu::org {

/// A Vietnamese name in its parts: họ (family), tên lót (middle, possibly several words or none) and tên
/// (given, possibly compound, e.g. "Ánh Tuyết" when the person's records say so).
struct PersonName {
    std::string family;
    std::string middle;
    std::string given;
};

/// Splits "Nguyễn Văn Toàn" into family "Nguyễn", middle "Văn", given "Toàn": first word, last word, the rest.
PersonName SplitFullName(std::string_view full_name);

/// "<tên><initials of họ and tên lót>" in lower-case ASCII (seed Điều 3.2a, ORG-2):
/// Nguyễn Văn Toàn → "toannv"; Đặng Thị Ánh Tuyết → "tuyetdta". Empty when the name has no given part.
std::string StaffUsernameStem(const PersonName& name);

/// The staff username for `stem` at `unit_code`; the n-th person with the same stem gets n appended
/// (n ≥ 2): "toannv.thptchuvanan", "toannv2.thptchuvanan".
std::string StaffUsername(std::string_view stem, std::string_view unit_code, int n = 1);

/// The first staff username not `taken`.
std::string PickStaffUsername(const PersonName& name, std::string_view unit_code,
                              const std::function<bool(const std::string&)>& taken);

/// "<district code>_<unit code>", lower-case ASCII (seed Điều 3.2b, ORG-3): "gianghia_thptchuvanan".
std::string AdminUsername(std::string_view district_code, std::string_view unit_code);

/// Lower-case ASCII letters and digits only: the form of unit and district codes.
bool IsValidCode(std::string_view code);

}  // namespace hocvu::org
