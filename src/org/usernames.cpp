#include "org/usernames.hpp"

#include "common/error.hpp"
#include "org/vn_text.hpp"

namespace hocvu::org {
namespace {

/// Folded to ASCII and stripped to [a-z0-9].
std::string Slug(std::string_view text) {
    std::string out;
    for (char c : FoldAscii(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    }
    return out;
}

}  // namespace

PersonName SplitFullName(std::string_view full_name) {
    std::vector<std::string> words = Words(full_name);
    PersonName name;
    if (words.empty()) return name;
    if (words.size() == 1) {
        name.given = words[0];
        return name;
    }
    name.family = words.front();
    name.given = words.back();
    for (std::size_t i = 1; i + 1 < words.size(); ++i) {
        if (!name.middle.empty()) name.middle.push_back(' ');
        name.middle += words[i];
    }
    return name;
}

std::string StaffUsernameStem(const PersonName& name) {
    std::string stem;
    for (const std::string& word : Words(name.given)) stem += Slug(word);
    if (stem.empty()) return {};
    for (const std::string* part : {&name.family, &name.middle}) {
        for (const std::string& word : Words(*part)) {
            std::string slug = Slug(word);
            if (!slug.empty()) stem.push_back(slug[0]);
        }
    }
    return stem;
}

std::string StaffUsername(std::string_view stem, std::string_view unit_code, int n) {
    std::string out(stem);
    if (n >= 2) out += std::to_string(n);
    out.push_back('.');
    out += unit_code;
    return out;
}

std::string PickStaffUsername(const PersonName& name, std::string_view unit_code,
                              const std::function<bool(const std::string&)>& taken) {
    std::string stem = StaffUsernameStem(name);
    if (stem.empty()) throw Error(Code::kValidation, "the given name (tên) is empty");
    for (int n = 1;; ++n) {
        std::string candidate = StaffUsername(stem, unit_code, n);
        if (!taken(candidate)) return candidate;
    }
}

std::string AdminUsername(std::string_view district_code, std::string_view unit_code) {
    return Slug(district_code) + "_" + Slug(unit_code);
}

bool IsValidCode(std::string_view code) {
    if (code.empty() || code.size() > 40) return false;
    for (char c : code) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

}  // namespace hocvu::org
