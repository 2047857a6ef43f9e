// ORG-6: password policy, hashing, tokens and TOTP.
#include <gtest/gtest.h>

#include <cstdlib>

#include "common/error.hpp"
#include "org/passwords.hpp"
#include "org/tokens.hpp"

namespace hocvu::org {
namespace {

TEST(PasswordPolicy, LengthCommonAndUsername) {
    EXPECT_FALSE(CheckPasswordPolicy("Hocvu-Demo-2026", "toannv.thptchuvanan"));
    EXPECT_TRUE(CheckPasswordPolicy("short1!", "x"));             // < 10
    EXPECT_TRUE(CheckPasswordPolicy("ÁÀẢÃẠáàảã", "x"));           // 9 code points, 27 bytes
    EXPECT_FALSE(CheckPasswordPolicy("ÁÀẢÃẠáàảãạ", "x"));         // 10 code points
    EXPECT_TRUE(CheckPasswordPolicy("1234567890", "x"));          // common
    EXPECT_TRUE(CheckPasswordPolicy("MatKhau123", "x"));          // common, case-insensitive
    EXPECT_TRUE(CheckPasswordPolicy("anhyeuem2026!!", "x"));      // common word + trailing digits
    EXPECT_TRUE(CheckPasswordPolicy("xx-toannv.thptchuvanan", "toannv.thptchuvanan"));
    EXPECT_TRUE(CheckPasswordPolicy("Toannv#2026-secure", "toannv.thptchuvanan"));  // the name part
    EXPECT_TRUE(CheckPasswordPolicy("gianghia_thptchuvanan!", "gianghia_thptchuvanan"));
}

TEST(PasswordPolicy, ShippedListIsLoaded) {
    EXPECT_TRUE(IsCommonPassword("password"));
    EXPECT_TRUE(IsCommonPassword("matkhau123"));
    EXPECT_FALSE(IsCommonPassword("# common passwords refused by the password policy"));
}

TEST(PasswordHash, Argon2idRoundTrip) {
    std::string hash = HashPassword("Hocvu-Demo-2026");
    EXPECT_TRUE(hash.starts_with("$argon2id$"));
    EXPECT_TRUE(VerifyPassword(hash, "Hocvu-Demo-2026"));
    EXPECT_FALSE(VerifyPassword(hash, "Hocvu-Demo-2027"));
    EXPECT_NE(HashPassword("Hocvu-Demo-2026"), hash);  // salted
}

TEST(RandomPassword, PassesThePolicy) {
    for (int i = 0; i < 20; ++i) {
        std::string p = RandomPassword();
        EXPECT_EQ(p.size(), 14u);
        EXPECT_FALSE(CheckPasswordPolicy(p, "toannv.thptchuvanan"));
    }
}

TEST(Tokens, RandomAndHashed) {
    std::string a = RandomToken();
    EXPECT_EQ(a.size(), 43u);
    EXPECT_NE(a, RandomToken());
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_TRUE(SafeEqual("abc", "abc"));
    EXPECT_FALSE(SafeEqual("abc", "abd"));
    EXPECT_FALSE(SafeEqual("abc", "abcd"));
}

TEST(Totp, MatchesOathtoolFixture) {
    // `oathtool --totp -b --now '2023-11-14 22:13:20 UTC' JBSWY3DPEHPK3PXP` prints 324550.
    constexpr std::int64_t kAt = 1700000000;
    EXPECT_EQ(TotpCode("JBSWY3DPEHPK3PXP", kAt), "324550");
    auto counter = MatchTotp("JBSWY3DPEHPK3PXP", kAt, "324550");
    ASSERT_TRUE(counter);
    EXPECT_EQ(*counter, kAt / 30);
    EXPECT_TRUE(MatchTotp("JBSWY3DPEHPK3PXP", kAt + 30, "324550"));   // one step of drift is accepted
    EXPECT_FALSE(MatchTotp("JBSWY3DPEHPK3PXP", kAt + 90, "324550"));  // three steps is not
    EXPECT_FALSE(MatchTotp("JBSWY3DPEHPK3PXP", kAt, "32455"));
    EXPECT_FALSE(MatchTotp("JBSWY3DPEHPK3PXP", kAt, "abcdef"));
    std::string secret = NewTotpSecret();
    EXPECT_EQ(secret.size(), 32u);
    EXPECT_TRUE(MatchTotp(secret, kAt, TotpCode(secret, kAt)));
}

TEST(Totp, SecretsAreSealedWhenAKeyIsConfigured) {
    unsetenv("HOCVU_TOTP_KEY");
    EXPECT_EQ(SealTotpSecret("JBSWY3DPEHPK3PXP"), "plain:JBSWY3DPEHPK3PXP");
    EXPECT_EQ(OpenTotpSecret("plain:JBSWY3DPEHPK3PXP"), "JBSWY3DPEHPK3PXP");
    setenv("HOCVU_TOTP_KEY", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", 1);
    std::string sealed = SealTotpSecret("JBSWY3DPEHPK3PXP");
    EXPECT_TRUE(sealed.starts_with("sb1:"));
    EXPECT_EQ(sealed.find("JBSWY3DPEHPK3PXP"), std::string::npos);
    EXPECT_NE(SealTotpSecret("JBSWY3DPEHPK3PXP"), sealed);  // a fresh nonce each time
    EXPECT_EQ(OpenTotpSecret(sealed), "JBSWY3DPEHPK3PXP");
    setenv("HOCVU_TOTP_KEY", "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", 1);
    EXPECT_THROW(OpenTotpSecret(sealed), Error);  // another key
    setenv("HOCVU_TOTP_KEY", "short", 1);
    EXPECT_THROW(SealTotpSecret("JBSWY3DPEHPK3PXP"), Error);
    unsetenv("HOCVU_TOTP_KEY");
    EXPECT_THROW(OpenTotpSecret(sealed), Error);  // the key is gone
}

}  // namespace
}  // namespace hocvu::org
