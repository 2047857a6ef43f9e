#include "org/vn_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "common/error.hpp"

namespace hocvu::org {
namespace {

/// ICU transliterators are not safe to share between threads, so each thread builds its own once.
icu::Transliterator& Folder() {
    thread_local std::unique_ptr<icu::Transliterator> folder = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t) {
            throw Error(Code::kInternal, std::string("ICU transliterator unavailable: ") + u_errorName(status));
        }
        return t;
    }();
    return *folder;
}

}  // namespace

std::string Nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(Code::kInternal, "ICU NFC unavailable");
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString normal = nfc->normalize(source, status);
    if (U_FAILURE(status)) throw Error(Code::kInternal, "ICU NFC failed");
    std::string out;
    normal.toUTF8String(out);
    return out;
}

std::string FoldAscii(std::string_view text) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    Folder().transliterate(s);
    std::string out;
    s.toUTF8String(out);
    std::string ascii;
    ascii.reserve(out.size());
    for (char c : out) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x80) ascii.push_back(c);
    }
    return ascii;
}

std::vector<std::string> Words(std::string_view text) {
    std::string normal = Nfc(text);
    std::vector<std::string> words;
    std::string current;
    for (char c : normal) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!current.empty()) words.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

std::string CollapseSpaces(std::string_view text) {
    std::string out;
    for (const std::string& w : Words(text)) {
        if (!out.empty()) out.push_back(' ');
        out += w;
    }
    return out;
}

}  // namespace hocvu::org
