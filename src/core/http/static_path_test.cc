// Static files: which URL paths map into the web folder, and the
// component-wise containment check.
#include "core/http/static_path.h"

#include <gtest/gtest.h>

namespace samkjop::core::http {
namespace {

TEST(SafeRelativePathTest, MapsOrRefuses) {
  struct Case {
    std::string in;
    std::optional<std::string> want;
  } cases[] = {
      {"/", ""},
      {"", ""},
      {"/index.html", "index.html"},
      {"/assets/app.js", "assets/app.js"},
      {"//assets///app.js/", "assets/app.js"},
      {"/..", std::nullopt},
      {"/../dist-private/secret.txt", std::nullopt},
      {"/assets/../../etc/passwd", std::nullopt},
      {"/./index.html", std::nullopt},
      {"/a/..", std::nullopt},
      {"/..a/b..", "..a/b.."},  // dots inside a name are a name
      {"/a\\..\\b", std::nullopt},
      {std::string("/a\0b", 4), std::nullopt},
      {"/" + std::string(255, 'a'), std::string(255, 'a')},
      {"/" + std::string(256, 'a'), std::nullopt},
      {"/x/" + std::string(300, 'a') + "/y", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(SafeRelativePath(c.in), c.want) << "input: " << c.in;
}

TEST(HasOverlongSegmentTest, CountsBytesBetweenSlashes) {
  EXPECT_FALSE(HasOverlongSegment("/api/health"));
  EXPECT_FALSE(HasOverlongSegment("/" + std::string(255, 'x') + "/" + std::string(255, 'y')));
  EXPECT_TRUE(HasOverlongSegment("/" + std::string(256, 'x')));
  EXPECT_TRUE(HasOverlongSegment("/abcd", 3));
  EXPECT_FALSE(HasOverlongSegment("/abc/def", 3));
}

TEST(IsWithinRootTest, ComparesWholeComponents) {
  using std::filesystem::path;
  EXPECT_TRUE(IsWithinRoot(path("/srv/dist"), path("/srv/dist")));
  EXPECT_TRUE(IsWithinRoot(path("/srv/dist"), path("/srv/dist/index.html")));
  EXPECT_TRUE(IsWithinRoot(path("/srv/dist/"), path("/srv/dist/assets/app.js")));
  EXPECT_TRUE(IsWithinRoot(path("/srv/dist"), path("/srv/dist/")));
  // The old string-prefix test let these through.
  EXPECT_FALSE(IsWithinRoot(path("/srv/dist"), path("/srv/dist-private/secret.txt")));
  EXPECT_FALSE(IsWithinRoot(path("/srv/dist"), path("/srv/dist.bak/index.html")));
  EXPECT_FALSE(IsWithinRoot(path("/srv/dist/"), path("/srv/distx")));
  EXPECT_FALSE(IsWithinRoot(path("/srv/dist"), path("/srv")));
  EXPECT_FALSE(IsWithinRoot(path("/srv/dist"), path("/etc/passwd")));
}

}  // namespace
}  // namespace samkjop::core::http
