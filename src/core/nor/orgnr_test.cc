#include "core/nor/orgnr.h"

#include <gtest/gtest.h>

namespace samkjop::core::nor {
namespace {

TEST(OrgnrTest, ValidNumbers) {
  for (const char* v : {"944117784", "974760673", "123456785", "874602752", "964948143"}) {
    EXPECT_TRUE(IsValidOrgnr(v)) << v;
  }
}

TEST(OrgnrTest, InvalidNumbers) {
  const char* cases[] = {"944117785", "94411778", "9441177840", "94411778a", "", "123456789",
                         // check digit would be 10: never issued
                         "100000130", "100000131"};
  for (const char* v : cases) EXPECT_FALSE(IsValidOrgnr(v)) << v;
}

TEST(OrgnrTest, NormalizeStripsSpacesAndAffixes) {
  EXPECT_EQ(NormalizeOrgnr("944 117 784").value_or(""), "944117784");
  EXPECT_EQ(NormalizeOrgnr("NO944117784MVA").value_or(""), "944117784");
  EXPECT_EQ(NormalizeOrgnr("no 944 117 784 mva").value_or(""), "944117784");
  EXPECT_EQ(NormalizeOrgnr("944\xC2\xA0"
                           "117\xC2\xA0"
                           "784")
                .value_or(""),
            "944117784");
  EXPECT_FALSE(NormalizeOrgnr("944 117 785").has_value());
  EXPECT_FALSE(NormalizeOrgnr("NO").has_value());
}

TEST(OrgnrTest, Format) {
  EXPECT_EQ(FormatOrgnr("944117784"), "944 117 784");
  EXPECT_EQ(FormatOrgnr("12"), "12");
}

}  // namespace
}  // namespace samkjop::core::nor
