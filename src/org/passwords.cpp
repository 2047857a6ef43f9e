#include "org/passwords.hpp"

#include <sodium.h>

#include <algorithm>
#include <semaphore>
#include <string>
#include <unordered_set>

#include "common/error.hpp"
#include "org/tokens.hpp"

namespace hocvu::org {

std::string_view CommonPasswordsText();  // generated from data/common_passwords.txt

namespace {

std::counting_semaphore<4>& HashSlots() {
    static std::counting_semaphore<4> slots(4);
    return slots;
}

struct SlotGuard {
    SlotGuard() { HashSlots().acquire(); }
    ~SlotGuard() { HashSlots().release(); }
    SlotGuard(const SlotGuard&) = delete;
    SlotGuard& operator=(const SlotGuard&) = delete;
};

const std::unordered_set<std::string>& CommonPasswords() {
    static const std::unordered_set<std::string> set = [] {
        std::unordered_set<std::string> words;
        std::string_view text = CommonPasswordsText();
        while (!text.empty()) {
            std::size_t nl = text.find('\n');
            std::string_view line = text.substr(0, nl);
            text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.empty() || line.front() == '#') continue;
            words.emplace(line);
        }
        return words;
    }();
    return set;
}

std::string Lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

std::size_t CodePoints(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

bool IsCommonPassword(std::string_view password) { return CommonPasswords().contains(Lower(password)); }

std::optional<std::string> CheckPasswordPolicy(std::string_view password, std::string_view username) {
    if (CodePoints(password) < 10) return "Mật khẩu phải có ít nhất 10 ký tự.";
    if (password.size() > 256) return "Mật khẩu quá dài (tối đa 256 byte).";
    std::string lower = Lower(password);
    std::string stripped = lower;
    while (!stripped.empty() && !std::isalpha(static_cast<unsigned char>(stripped.back()))) stripped.pop_back();
    if (IsCommonPassword(lower) || (stripped.size() >= 4 && IsCommonPassword(stripped))) {
        return "Mật khẩu quá phổ biến, dễ bị đoán.";
    }
    std::string user = Lower(username);
    std::string name_part = user.substr(0, user.find_first_of("._"));
    if ((!user.empty() && lower.find(user) != std::string::npos) ||
        (name_part.size() >= 3 && lower.find(name_part) != std::string::npos)) {
        return "Mật khẩu không được chứa tên đăng nhập.";
    }
    return std::nullopt;
}

std::string HashPassword(std::string_view password) {
    EnsureSodium();
    char out[crypto_pwhash_STRBYTES];
    SlotGuard slot;
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw Error(Code::kUnavailable, "out of memory while hashing a password");
    }
    return out;
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
    EnsureSodium();
    std::string h(hash);
    SlotGuard slot;
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyHash() {
    static const std::string hash = HashPassword(RandomToken());
    return hash;
}

std::string RandomPassword() {
    EnsureSodium();
    static constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (;;) {
        std::string password;
        for (int i = 0; i < 14; ++i) {
            password.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
        }
        if (!CheckPasswordPolicy(password, "")) return password;
    }
}

}  // namespace hocvu::org
