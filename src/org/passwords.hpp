#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hocvu::org {

/// Why a password is refused, or nullopt when it passes the policy: at least 10 characters (code points),
/// not in the shipped list of common passwords (also after stripping trailing digits and symbols), and not
/// containing the username or its name part. The reason is a Vietnamese sentence for the user.
std::optional<std::string> CheckPasswordPolicy(std::string_view password, std::string_view username);

/// argon2id (libsodium `crypto_pwhash_str`, INTERACTIVE limits). At most four hashes run at once so a burst
/// of sign-ins cannot exhaust memory; the others wait.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view hash, std::string_view password);

/// A hash of a random password, verified against when the username is unknown so that unknown and known
/// usernames take the same time.
const std::string& DummyHash();

/// A random password that passes the policy, for admin-issued passwords: 14 characters from an alphabet
/// without look-alikes (no 0/O, 1/l/I).
std::string RandomPassword();

/// Whether the list shipped in data/common_passwords.txt holds `password` (lower-cased).
bool IsCommonPassword(std::string_view password);

}  // namespace hocvu::org
