#include "core/auth/password_policy.h"

#include <libintl.h>
#include <pwquality.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace samkjop::core::auth {
namespace {

constexpr char kCode[] = "auth.weak_password";

// Decodes UTF-8 strictly (no overlongs, surrogates or values past U+10FFFF).
// Returns the number of code points, or -1 when invalid; `*control` is set
// when a C0 control, DEL or a C1 control occurs.
long CountCodePoints(std::string_view s, bool* control) {
  long n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp;
    int extra;
    if (c < 0x80) {
      cp = c;
      extra = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      cp = c & 0x1F;
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      cp = c & 0x0F;
      extra = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      cp = c & 0x07;
      extra = 3;
    } else {
      return -1;
    }
    if (i + extra >= s.size()) return -1;  // cut short
    for (int k = 1; k <= extra; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return -1;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return -1;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) *control = true;
    i += extra + 1;
  }
  return n;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// cracklib's reasons (its message ids; FascistCheck returns them translated
// for the process's locale, so they are compared through the same lookup)
// and what we say instead.
struct CracklibReason {
  const char* msgid;
  const char* message;
};
constexpr CracklibReason kCracklibReasons[] = {
    {"it is based on a dictionary word",
     "Passordet bygger på et ord fra ordlisten over vanlige ord og passord. Bruk gjerne flere "
     "ord som ikke hører sammen."},
    {"it is based on a (reversed) dictionary word",
     "Passordet bygger på et ord fra ordlisten over vanlige ord og passord, baklengs."},
    {"it is too simplistic/systematic",
     "Passordet er for enkelt eller systematisk (for eksempel tallrekker eller tegn etter "
     "hverandre på tastaturet)."},
    {"it does not contain enough DIFFERENT characters", "Passordet har for få forskjellige tegn."},
    {"it is all whitespace", "Passordet kan ikke bare være mellomrom."},
};

}  // namespace

PasswordPolicy::PasswordPolicy() : settings_(pwquality_default_settings()) {
  if (!settings_) throw std::runtime_error("pwquality: out of memory");
  // Our own checks count length in characters; pwquality counts bytes and
  // cannot go below 6, so its length check never decides.
  const std::pair<int, int> settings[] = {
      {PWQ_SETTING_MIN_LENGTH, 6},
      // No composition rules (NIST SP 800-63B-4: SHALL NOT impose them).
      {PWQ_SETTING_DIG_CREDIT, 0},
      {PWQ_SETTING_UP_CREDIT, 0},
      {PWQ_SETTING_LOW_CREDIT, 0},
      {PWQ_SETTING_OTH_CREDIT, 0},
      {PWQ_SETTING_MIN_CLASS, 0},
      {PWQ_SETTING_MAX_REPEAT, 0},
      {PWQ_SETTING_MAX_CLASS_REPEAT, 0},
      {PWQ_SETTING_MAX_SEQUENCE, 0},
      // Blocklist: cracklib's dictionary, and the username (also reversed).
      {PWQ_SETTING_DICT_CHECK, 1},
      {PWQ_SETTING_USER_CHECK, 1},
      {PWQ_SETTING_USER_SUBSTR, 0},
      // Not ours to read: the server's system accounts (GECOS).
      {PWQ_SETTING_GECOS_CHECK, 0},
  };
  for (const auto& [setting, value] : settings)
    if (pwquality_set_int_value(settings_, setting, value) != 0)
      throw std::runtime_error("pwquality: cannot set setting " + std::to_string(setting));
}

PasswordPolicy::~PasswordPolicy() { pwquality_free_settings(settings_); }

bool PasswordPolicy::DictionaryAvailable(std::string* path) const {
  const char* dict = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (pwquality_get_str_value(settings_, PWQ_SETTING_DICT_PATH, &dict) != 0) dict = nullptr;
  }
  std::string p = dict ? dict : "";
  if (path) *path = p;
  if (p.empty()) return false;
  for (const char* ext : {".pwd", ".pwi", ".hwm"})
    if (access((p + ext).c_str(), R_OK) != 0) return false;
  return true;
}

Status PasswordPolicy::Check(std::string_view password, std::string_view username,
                             const std::string& field) const {
  auto refuse = [&](std::string message) {
    return Status::InvalidField(kCode, field, std::move(message));
  };
  if (password.size() > kMaxBytes)
    return refuse("Passordet kan ha høyst " + std::to_string(kMaxBytes) + " byte.");
  bool control = false;
  long chars = CountCodePoints(password, &control);
  if (chars < 0) return refuse("Passordet inneholder ugyldige tegn.");
  if (control)
    return refuse("Passordet kan ikke inneholde kontrolltegn (som linjeskift eller tabulator).");
  if (chars < kMinCharacters)
    return refuse("Passordet må ha minst " + std::to_string(kMinCharacters) + " tegn (det har " +
                  std::to_string(chars) +
                  "). Flere ord med mellomrom er lettere å huske enn tegnsalat.");
  std::string user = AsciiLower(username), lower = AsciiLower(password);
  if (!user.empty() && lower == user)
    return refuse("Passordet kan ikke være det samme som brukernavnet.");
  if (!user.empty() && lower.find(user) != std::string::npos)
    return refuse("Passordet kan ikke inneholde brukernavnet.");

  std::string dict;
  if (!DictionaryAvailable(&dict))
    return Status(ErrorCode::kUnavailable, "auth.password_check_unavailable",
                  "Passordet kan ikke kontrolleres nå (ordlisten mangler). Kontakt administrator.",
                  {}, "cracklib dictionary not readable: " + dict);
  std::string pw(password), name(username);
  void* aux = nullptr;
  int rc;
  {
    std::lock_guard<std::mutex> lock(mu_);
    rc = pwquality_check(settings_, pw.c_str(), nullptr, name.empty() ? nullptr : name.c_str(),
                         &aux);
  }
  if (rc >= 0) return Status::Ok();
  switch (rc) {
    case PWQ_ERROR_PALINDROME: return refuse("Passordet kan ikke være likt forlengs og baklengs.");
    case PWQ_ERROR_USER_CHECK:
      return refuse("Passordet kan ikke inneholde brukernavnet, heller ikke baklengs.");
    case PWQ_ERROR_CRACKLIB_CHECK: {
      const char* reason = static_cast<const char*>(aux);
      if (reason && std::strcmp(reason, dgettext("cracklib", "error loading dictionary")) == 0)
        return Status(ErrorCode::kUnavailable, "auth.password_check_unavailable",
                      "Passordet kan ikke kontrolleres nå (ordlisten mangler). Kontakt "
                      "administrator.",
                      {}, "cracklib: error loading dictionary " + dict);
      for (const auto& r : kCracklibReasons)
        if (reason && std::strcmp(reason, dgettext("cracklib", r.msgid)) == 0)
          return refuse(r.message);
      return refuse("Passordet er for lett å gjette.");
    }
    case PWQ_ERROR_MEM_ALLOC:
    case PWQ_ERROR_FATAL_FAILURE: return Status::Internal("pwquality_check failed");
    default: return refuse("Passordet er for lett å gjette.");
  }
}

}  // namespace samkjop::core::auth
