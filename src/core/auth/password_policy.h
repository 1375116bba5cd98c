// The password rule, for a password that is the only factor (NIST SP
// 800-63B-4, 3.1.1.2): at least 15 characters (Unicode code points) and at
// most 1024 bytes; every printable character and the space allowed, and no
// composition rules (no "one digit, one capital"); refused when it is the
// username or contains it (case-insensitive), and when libpwquality, with
// cracklib's dictionary, finds it a dictionary word, too systematic
// ("password1234567", "1234567890123456"), made of too few different
// characters, or a palindrome. Controls (C0, DEL, C1) and invalid UTF-8 are
// refused: they are not printable, and a NUL would cut the password short
// for the checker.
//
// The settings are pwquality's compiled-in defaults
// (pwquality_default_settings()) with each check we rely on set explicitly;
// the machine's /etc/security/pwquality.conf is never read, so the rule is
// the same on every machine. The dictionary is cracklib's (Debian package
// cracklib-runtime: /var/cache/cracklib/cracklib_dict.*, built from
// cracklib-small).
#ifndef SAMKJOP_CORE_AUTH_PASSWORD_POLICY_H_
#define SAMKJOP_CORE_AUTH_PASSWORD_POLICY_H_

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

#include "core/error/status.h"

struct pwquality_settings;

namespace samkjop::core::auth {

class PasswordPolicy {
 public:
  static constexpr int kMinCharacters = 15;
  static constexpr std::size_t kMaxBytes = 1024;

  PasswordPolicy();
  ~PasswordPolicy();
  PasswordPolicy(const PasswordPolicy&) = delete;
  PasswordPolicy& operator=(const PasswordPolicy&) = delete;

  // OK, or 400 auth.weak_password on `field` ("password", "new_password")
  // with a Norwegian message saying what is wrong. 503
  // auth.password_check_unavailable when the dictionary cannot be read.
  Status Check(std::string_view password, std::string_view username,
               const std::string& field) const;

  // Whether cracklib's dictionary is readable; `path` gets its path (without
  // the .pwd/.pwi/.hwm suffix). serve refuses to start without it.
  bool DictionaryAvailable(std::string* path = nullptr) const;

 private:
  pwquality_settings* settings_;  // constant after construction
  // pwquality and cracklib do not promise thread safety; a check takes a
  // few milliseconds, so one at a time is cheap.
  mutable std::mutex mu_;
};

}  // namespace samkjop::core::auth

#endif  // SAMKJOP_CORE_AUTH_PASSWORD_POLICY_H_
