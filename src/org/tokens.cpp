#include "org/tokens.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <mutex>

#include "common/error.hpp"

namespace hocvu::org {
namespace {

void EnsureOath() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (oath_init() != OATH_OK) throw Error(Code::kInternal, "liboath failed to initialise");
    });
}

std::string DecodeSecret(std::string_view base32_secret) {
    EnsureOath();
    char* raw = nullptr;
    std::size_t raw_len = 0;
    std::string in(base32_secret);
    if (oath_base32_decode(in.c_str(), in.size(), &raw, &raw_len) != OATH_OK) return {};
    std::string out(raw, raw_len);
    std::free(raw);
    return out;
}

}  // namespace

void EnsureSodium() {
    static const int result = sodium_init();
    if (result < 0) throw Error(Code::kInternal, "libsodium failed to initialise");
}

std::string RandomToken() {
    EnsureSodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::string Sha256Hex(std::string_view text) {
    EnsureSodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool SafeEqual(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string NewTotpSecret() {
    EnsureSodium();
    EnsureOath();
    char bytes[20];
    randombytes_buf(bytes, sizeof bytes);
    char* out = nullptr;
    std::size_t out_len = 0;
    if (oath_base32_encode(bytes, sizeof bytes, &out, &out_len) != OATH_OK) {
        throw Error(Code::kInternal, "base32 encoding failed");
    }
    std::string secret(out, out_len);
    std::free(out);
    while (!secret.empty() && secret.back() == '=') secret.pop_back();
    return secret;
}

std::optional<std::int64_t> MatchTotp(std::string_view base32_secret, std::int64_t unix_seconds,
                                      std::string_view code) {
    if (code.size() != 6) return std::nullopt;
    for (char c : code) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    std::string raw = DecodeSecret(base32_secret);
    if (raw.empty()) return std::nullopt;
    std::string otp(code);
    int position = 0;
    std::uint64_t counter = 0;
    int rc = oath_totp_validate3(raw.data(), raw.size(), static_cast<time_t>(unix_seconds), 30, 0, 1, &position,
                                 &counter, otp.c_str());
    if (rc < 0) return std::nullopt;
    return static_cast<std::int64_t>(counter);
}

std::string TotpCode(std::string_view base32_secret, std::int64_t unix_seconds) {
    std::string raw = DecodeSecret(base32_secret);
    char otp[7] = {};
    if (oath_totp_generate(raw.data(), raw.size(), static_cast<time_t>(unix_seconds), 30, 0, 6, otp) != OATH_OK) {
        throw Error(Code::kInternal, "TOTP generation failed");
    }
    return otp;
}

}  // namespace hocvu::org
