#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hocvu::org {

/// Initialises libsodium once; throws when it cannot.
void EnsureSodium();

/// 256 random bits from libsodium's CSPRNG, base64url without padding (43 characters).
std::string RandomToken();

/// SHA-256 of `text`, lower-case hex. Session and CSRF tokens are stored only as this.
std::string Sha256Hex(std::string_view text);

/// Constant-time equality of two strings of the same length.
bool SafeEqual(std::string_view a, std::string_view b);

/// A new TOTP secret: 20 random bytes, base32 (RFC 4648, no padding).
std::string NewTotpSecret();

/// Checks a 6-digit TOTP code (RFC 6238, 30 s step, ±1 step) for `base32_secret` at `unix_seconds`.
/// Returns the matched time-step counter, or nullopt. Callers reject counters at or below the last one used,
/// so each code works once.
std::optional<std::int64_t> MatchTotp(std::string_view base32_secret, std::int64_t unix_seconds,
                                      std::string_view code);

/// A TOTP secret as stored: with env HOCVU_TOTP_KEY set (64 hex digits, 256 bits, kept outside the database
/// and the same on every server process) it is sealed with libsodium `crypto_secretbox` ("sb1:" + base64 of
/// nonce and box); without it, it is stored as "plain:" + the secret.
std::string SealTotpSecret(std::string_view base32_secret);
/// The secret back; throws kInternal when a sealed secret meets a missing or different key.
std::string OpenTotpSecret(std::string_view stored);

/// The code for `base32_secret` at `unix_seconds` (tests and the demo).
std::string TotpCode(std::string_view base32_secret, std::int64_t unix_seconds);

}  // namespace hocvu::org
