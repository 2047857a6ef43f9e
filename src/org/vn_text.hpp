#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hocvu::org {

/// Unicode NFC form of UTF-8 text: "Nguyễn" typed as NFD and as NFC compare equal afterwards.
/// Invalid UTF-8 becomes U+FFFD.
std::string Nfc(std::string_view text);

/// Lower-case ASCII with Vietnamese diacritics removed (ICU transliteration; đ/Đ become d):
/// "Đặng Thị Ánh Tuyết" → "dang thi anh tuyet". Used for usernames and diacritics-insensitive search.
std::string FoldAscii(std::string_view text);

/// NFC text split on whitespace.
std::vector<std::string> Words(std::string_view text);

/// Words joined by single spaces.
std::string CollapseSpaces(std::string_view text);

}  // namespace hocvu::org
