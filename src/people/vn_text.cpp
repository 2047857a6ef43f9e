#include "people/vn_text.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

#include "org/vn_text.hpp"

namespace hocvu::people {
namespace {

/// One collator per thread: ICU collators are cheap to compare with but are not shared across threads here.
icu::Collator& VietnameseCollator() {
    thread_local std::unique_ptr<icu::Collator> collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
        if (U_FAILURE(status) || !c)
            throw std::runtime_error("ICU has no Vietnamese collation");
        c->setStrength(icu::Collator::TERTIARY);
        return c;
    }();
    return *collator;
}

int Compare(std::string_view a, std::string_view b) {
    UErrorCode status = U_ZERO_ERROR;
    auto result =
        VietnameseCollator().compareUTF8(icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
                                         icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
    if (U_FAILURE(status))
        return a.compare(b);
    return result == UCOL_LESS ? -1 : (result == UCOL_GREATER ? 1 : 0);
}

bool Digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

bool IsLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

std::optional<std::string> MakeDate(int y, int m, int d) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
        return std::nullopt;
    int days = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
    if (d > days)
        return std::nullopt;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
}

}  // namespace

int CompareVietnameseNames(std::string_view given_a, std::string_view family_a, std::string_view middle_a,
                           std::string_view given_b, std::string_view family_b, std::string_view middle_b) {
    if (int c = Compare(given_a, given_b); c != 0)
        return c;
    if (int c = Compare(family_a, family_b); c != 0)
        return c;
    return Compare(middle_a, middle_b);
}

std::optional<std::string> ParseDate(std::string_view text) {
    std::string t = org::CollapseSpaces(text);
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
        std::string_view v(t);
        if (Digits(v.substr(0, 4)) && Digits(v.substr(5, 2)) && Digits(v.substr(8, 2))) {
            return MakeDate(ToInt(v.substr(0, 4)), ToInt(v.substr(5, 2)), ToInt(v.substr(8, 2)));
        }
        return std::nullopt;
    }
    char sep = t.find('/') != std::string::npos ? '/' : (t.find('-') != std::string::npos ? '-' : '.');
    std::size_t p1 = t.find(sep);
    if (p1 == std::string::npos)
        return std::nullopt;
    std::size_t p2 = t.find(sep, p1 + 1);
    if (p2 == std::string::npos)
        return std::nullopt;
    std::string_view v(t);
    std::string_view d = v.substr(0, p1), m = v.substr(p1 + 1, p2 - p1 - 1), y = v.substr(p2 + 1);
    if (!Digits(d) || !Digits(m) || !Digits(y) || d.size() > 2 || m.size() > 2 || y.size() != 4)
        return std::nullopt;
    return MakeDate(ToInt(y), ToInt(m), ToInt(d));
}

std::optional<std::string> ParseGender(std::string_view text) {
    std::string folded = org::FoldAscii(org::CollapseSpaces(text));
    if (folded == "nam" || folded == "male" || folded == "m")
        return "male";
    if (folded == "nu" || folded == "female" || folded == "f")
        return "female";
    return std::nullopt;
}

bool LooksLikeFormula(std::string_view text) {
    if (text.empty())
        return false;
    char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string CleanText(std::string_view text) {
    std::string kept;
    kept.reserve(text.size());
    for (unsigned char c : std::string_view(text)) {
        if (c < 0x20 || c == 0x7f) {
            kept.push_back(' ');
        } else {
            kept.push_back(static_cast<char>(c));
        }
    }
    std::string clean = org::CollapseSpaces(org::Nfc(kept));
    if (LooksLikeFormula(clean))
        clean.insert(clean.begin(), '\'');
    return clean;
}

}  // namespace hocvu::people
