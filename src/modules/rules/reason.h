// A reason: one step of a rules answer, with the paragraph and the source it
// rests on. Every answer of the rules engine carries a list of these, so the
// user can see why, and whether the value behind it is confirmed.
#ifndef SAMKJOP_MODULES_RULES_REASON_H_
#define SAMKJOP_MODULES_RULES_REASON_H_

#include <string>

namespace samkjop::rules {

struct Reason {
  std::string text_nb;    // the reason in Norwegian (bokmål), for the user
  std::string text_en;    // the same in English
  std::string paragraph;  // legal basis, e.g. "FOA § 5-1" or "LOA § 2"
  std::string source;     // where the fact was found (DOMAIN.md section + source)
  bool confirmed = true;  // false when DOMAIN.md marks the fact UNCONFIRMED
};

// The marker appended to user texts built on unconfirmed facts.
inline constexpr const char* kUnconfirmedNb = " (IKKE BEKREFTET)";
inline constexpr const char* kUnconfirmedEn = " (UNCONFIRMED)";

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_REASON_H_
