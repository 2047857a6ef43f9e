#include "org/tokens.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <cstring>
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

constexpr std::string_view kSealed = "sb1:";
constexpr std::string_view kPlain = "plain:";

/// The key from HOCVU_TOTP_KEY, or nullopt when unset.
std::optional<std::string> TotpKey() {
    const char* hex = std::getenv("HOCVU_TOTP_KEY");
    if (hex == nullptr || *hex == '\0') return std::nullopt;
    std::string key(crypto_secretbox_KEYBYTES, '\0');
    std::size_t len = 0;
    if (std::string_view(hex).size() != crypto_secretbox_KEYBYTES * 2 ||
        sodium_hex2bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), hex, std::strlen(hex), nullptr, &len,
                       nullptr) != 0 ||
        len != crypto_secretbox_KEYBYTES) {
        throw Error(Code::kInternal, "HOCVU_TOTP_KEY must be 64 hexadecimal digits");
    }
    return key;
}

}  // namespace

std::string SealTotpSecret(std::string_view base32_secret) {
    EnsureSodium();
    auto key = TotpKey();
    if (!key) return std::string(kPlain) + std::string(base32_secret);
    std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + base32_secret.size(), '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(box.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(base32_secret.data()), base32_secret.size(), nonce,
                          reinterpret_cast<const unsigned char*>(key->data()));
    std::string out(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), nonce, box.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return std::string(kSealed) + out;
}

std::string OpenTotpSecret(std::string_view stored) {
    EnsureSodium();
    if (stored.starts_with(kPlain)) return std::string(stored.substr(kPlain.size()));
    if (!stored.starts_with(kSealed)) throw Error(Code::kInternal, "unknown TOTP secret format");
    auto key = TotpKey();
    if (!key) throw Error(Code::kInternal, "a sealed TOTP secret needs HOCVU_TOTP_KEY");
    std::string b64(stored.substr(kSealed.size()));
    std::string box(b64.size(), '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), b64.c_str(), b64.size(), nullptr,
                          &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
        throw Error(Code::kInternal, "damaged TOTP secret");
    }
    const auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
    std::string secret(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(secret.data()), nonce + crypto_secretbox_NONCEBYTES,
                                   len - crypto_secretbox_NONCEBYTES, nonce,
                                   reinterpret_cast<const unsigned char*>(key->data())) != 0) {
        throw Error(Code::kInternal, "the TOTP secret does not open with HOCVU_TOTP_KEY");
    }
    return secret;
}

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
