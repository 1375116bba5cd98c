// The route table refuses what start-up must refuse: two routes with the same method and path
// (parameter names aside), and a route naming a permission no grant table declares.
#include "core/http/router.h"

#include <gtest/gtest.h>

namespace samkjop::core::http {
namespace {

Handler Ok() {
  return [](Context&) -> Result<Response> { return Response::NoContent(); };
}

auth::AccessControl Access1() {
  auth::AccessControl ac;
  EXPECT_TRUE(ac.Add("m", {{{"m.things.read", false, "Lese", "Read"}}, {}}).ok());
  return ac;
}

TEST(RouterTest, ValidateRefusesDuplicateRoutes) {
  auto ac = Access1();
  Router r;
  r.Get("/api/things/{id}", Access::Permission("m.things.read"), {"one", "m", nullptr, nullptr},
        Ok());
  r.Post("/api/things/{id}", Access::Permission("m.things.read"), {"post", "m", nullptr, nullptr},
         Ok());
  EXPECT_TRUE(r.Validate(ac).ok());
  r.Get("/api/things/{thing}", Access::Permission("m.things.read"), {"dup", "m", nullptr, nullptr},
        Ok());
  Status st = r.Validate(ac);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.detail().find("duplicate route GET /api/things/{thing}"), std::string::npos)
      << st.detail();
}

TEST(RouterTest, ValidateRefusesUndeclaredPermissions) {
  auto ac = Access1();
  Router r;
  r.Get("/api/things", Access::Permission("m.things.list"), {"list", "m", nullptr, nullptr}, Ok());
  r.Get("/api/open", Access::Public(), {"open", "m", nullptr, nullptr}, Ok());
  Status st = r.Validate(ac);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.detail().find("undeclared permission «m.things.list»"), std::string::npos)
      << st.detail();
}

TEST(RouterTest, LiteralSegmentsWinAndHeadMatchesGet) {
  Router r;
  r.Get("/api/things/{id}", Access::Public(), {"one", "m", nullptr, nullptr}, Ok());
  r.Get("/api/things/special", Access::Public(), {"special", "m", nullptr, nullptr}, Ok());
  auto m = r.Find(Method::kGet, "/api/things/special");
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.route->doc.summary, "special");
  EXPECT_EQ(r.Find(Method::kGet, "/api/things/7").params.at("id"), "7");
  EXPECT_TRUE(r.Find(Method::kHead, "/api/things/7").route);
  auto wrong = r.Find(Method::kPost, "/api/things/7");
  EXPECT_FALSE(wrong.route);
  EXPECT_TRUE(wrong.path_known) << "405, not 404";
}

}  // namespace
}  // namespace samkjop::core::http
