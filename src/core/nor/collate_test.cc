#include "core/nor/collate.h"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

namespace samkjop::core::nor {
namespace {

TEST(CollateTest, AeOeAaSortLast) {
  std::vector<std::string> names = {"Åsnes", "Sør-Odal", "Ørsta", "Eidskog",
                                    "Ærø",   "Zeta",     "grue",  "Kongsvinger"};
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return NorwegianLess(a, b); });
  std::vector<std::string> want = {"Eidskog", "grue", "Kongsvinger", "Sør-Odal",
                                   "Zeta",    "Ærø",  "Ørsta",       "Åsnes"};
  EXPECT_EQ(names, want);
}

TEST(CollateTest, CaseInsensitiveAndAccents) {
  EXPECT_TRUE(NorwegianLess("abc", "ABD"));
  EXPECT_TRUE(NorwegianLess("café", "cafg"));
  EXPECT_FALSE(NorwegianLess("Å", "Z"));
}

}  // namespace
}  // namespace samkjop::core::nor
