// The password policy (NIST SP 800-63B-4 for a password that is the only
// factor): a table of accepted and refused passwords, each with its reason.
#include "core/auth/password_policy.h"

#include <gtest/gtest.h>

namespace samkjop::core::auth {
namespace {

// 1024 printable bytes that look random (a fixed linear congruential sequence).
std::string LongPassword() {
  std::string out;
  unsigned state = 12345;
  while (out.size() < PasswordPolicy::kMaxBytes) {
    state = state * 1103515245u + 12345u;
    out.push_back(static_cast<char>(' ' + (state >> 16) % 95));
  }
  return out;
}

class PasswordPolicyTest : public ::testing::Test {
 protected:
  PasswordPolicy policy_;
};

TEST_F(PasswordPolicyTest, TheDictionaryIsInstalled) {
  std::string path;
  EXPECT_TRUE(policy_.DictionaryAvailable(&path)) << path << " (install cracklib-runtime)";
}

TEST_F(PasswordPolicyTest, Accepted) {
  struct Case {
    std::string password;
    const char* why;
  };
  const Case cases[] = {
      {"Samkjop-demo-2026", "the demo password: 17 characters, not in the dictionary"},
      {"korrekt hest batteri stift", "a passphrase with spaces"},
      {"blåbær sykkel regn fjord", "non-ASCII letters count as one character each"},
      {"Ærlig talt, øl på Åsnes", "upper- and lower-case æøå"},
      {"æøå ÆØÅ er norske bokstaver", "15+ characters counted as characters, not bytes"},
      {"Ti små {rare} tegn: @#%&!", "symbols and spaces, nothing required or forbidden"},
      {"et helt vanlig langt passord", "no composition rules: lower case only"},
      {"KUN STORE BOKSTAVER HER", "no composition rules: upper case only"},
      {"Trines-eget-passord", "a password from the API tests"},
      {LongPassword(), "1024 bytes, the maximum"},
      {"innkjøpskontoret i kongsvinger", "a long phrase of real words"},
  };
  for (const auto& c : cases) {
    Status st = policy_.Check(c.password, "kari.nordmann", "password");
    EXPECT_TRUE(st.ok()) << c.why << ": «" << c.password << "» refused: " << st.message();
  }
}

TEST_F(PasswordPolicyTest, Refused) {
  struct Case {
    std::string password;
    std::string username;
    const char* message_part;  // what the Norwegian message must say
    const char* why;
  };
  const Case cases[] = {
      {"", "kari", "minst 15 tegn", "empty"},
      {"kort", "kari", "minst 15 tegn", "short"},
      {"ti tegn !!", "kari", "minst 15 tegn", "the old policy's ten characters"},
      {"aaaaaaaaaa", "kari", "minst 15 tegn", "the issue's example"},
      {"fjorten tegn!!", "kari", "minst 15 tegn", "14 characters"},
      {"æøåæøåæøåæøåæø", "kari", "minst 15 tegn", "14 characters, 28 bytes: counted as characters"},
      {std::string(1025, 'x'), "kari", "høyst 1024 byte", "too long"},
      {"aaaaaaaaaaaaaaaa", "kari", "forlengs og baklengs", "one letter repeated (a palindrome)"},
      {"               ", "kari", "forlengs og baklengs", "fifteen spaces"},
      {"          x     ", "kari", "for få forskjellige tegn", "ten spaces and an x, padded"},
      {"aaaaaaaaaaaaaaab", "kari", "for få forskjellige tegn", "almost one letter"},
      {"password1234567", "kari", "systematisk", "common password + digits"},
      {"1234567890123456", "kari", "systematisk", "a digit run"},
      {"abcdefghijklmnopq", "kari", "systematisk", "the alphabet"},
      {"Password123456!", "kari", "systematisk", "common password, dressed up"},
      {"administrator123", "kari", "ordlisten", "a dictionary word and digits"},
      {"innkjop.kongsvinger", "innkjop.kongsvinger", "det samme som brukernavnet", "the username"},
      {"INNKJOP.KONGSVINGER", "innkjop.kongsvinger", "det samme som brukernavnet",
       "the username, other case"},
      {"kari.nordmann-2026!", "kari.nordmann", "inneholde brukernavnet", "contains the username"},
      {"mitt passord er KARI.NORDMANN", "kari.nordmann", "inneholde brukernavnet",
       "contains it, other case"},
      {"nnamdron.irak-2026-sommer", "kari.nordmann", "baklengs", "the username reversed"},
      {"tab\tinside this password", "kari", "kontrolltegn", "a tab"},
      {"line\nbreak inside this one", "kari", "kontrolltegn", "a newline"},
      {std::string("nul\0 inside this password", 26), "kari", "kontrolltegn",
       "a NUL (would cut the password short for the checker)"},
      {"del\x7f inside this password", "kari", "kontrolltegn", "DEL"},
      {"c1 \xc2\x85 inside this password", "kari", "kontrolltegn", "a C1 control (NEL)"},
      {"latin1 \xe6\xf8\xe5 is not utf-8 at all", "kari", "ugyldige tegn", "invalid UTF-8"},
      {"overlong \xc0\xaf slash in here", "kari", "ugyldige tegn", "an overlong encoding"},
      {"surrogate \xed\xa0\x80 in this one", "kari", "ugyldige tegn", "an encoded surrogate"},
      {"cut short at the end \xe2\x82", "kari", "ugyldige tegn", "a truncated sequence"},
  };
  for (const auto& c : cases) {
    Status st = policy_.Check(c.password, c.username, "new_password");
    ASSERT_FALSE(st.ok()) << c.why << ": «" << c.password << "» accepted";
    EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument) << c.why;
    EXPECT_EQ(st.code_name(), "auth.weak_password") << c.why;
    ASSERT_EQ(st.fields().size(), 1u) << c.why;
    EXPECT_EQ(st.fields()[0].field, "new_password") << c.why;
    EXPECT_NE(st.message().find(c.message_part), std::string::npos)
        << c.why << ": message «" << st.message() << "» lacks «" << c.message_part << "»";
  }
}

TEST_F(PasswordPolicyTest, NamesTheFieldItWasGiven) {
  EXPECT_EQ(policy_.Check("kort", "kari", "password").fields()[0].field, "password");
  EXPECT_EQ(policy_.Check("kort", "kari", "new_password").fields()[0].field, "new_password");
}

}  // namespace
}  // namespace samkjop::core::auth
