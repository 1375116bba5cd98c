// The one set of rules for request bodies: characters not bytes, trimming,
// controls and bidi overrides, duplicate keys, numbers out of range, deep
// nesting, content types, merge patches, and the capped error list.
#include "core/http/json_body.h"

#include <gtest/gtest.h>

namespace samkjop::core::http {
namespace {

Request Body(std::string body, std::string type = "application/json") {
  Request r;
  r.headers = {{"content-type", std::move(type)}};
  r.body = std::move(body);
  return r;
}

const BodySpec& Spec() {
  static const auto* s = &(*new BodySpec())
                              .Text("name", 10, Presence::kRequired)
                              .Text("note", 20, Presence::kOptional)
                              .Int("n", Presence::kOptional)
                              .Orgnr("orgnr", Presence::kOptional)
                              .Date("on", Presence::kOptional);
  return *s;
}

TEST(ValidateTextTest, CountsCharactersTrimsAndRefusesControls) {
  std::string error;
  EXPECT_EQ(ValidateText("  Ærlig  ", 10, false, &error), "Ærlig");
  EXPECT_TRUE(ValidateText("æøåæøåæøåÆ", 10, false, &error)) << "10 characters, 20 bytes";
  EXPECT_FALSE(ValidateText("æøåæøåæøåÆØ", 10, false, &error));
  for (std::string bad :
       {std::string("a\x01b"), std::string("a\0b", 3), std::string("a\nb"), std::string("a\x7f"),
        std::string("a\u0085b"), std::string("a\u202Eb"), std::string("a\u2066b")})
    EXPECT_FALSE(ValidateText(bad, 100, false, &error)) << bad;
  EXPECT_TRUE(ValidateText("line 1\nline 2\ttab", 100, true, &error));
  EXPECT_FALSE(ValidateText("bidi \u202E", 100, true, &error));
}

TEST(JsonFieldsTest, CreateAndPatchApplyTheSameRules) {
  // A 10-character name with æ/ø/å passes both (it failed PATCH when bytes were counted).
  auto obj = ParseJsonObject(Body(R"({"name": "Ærlig Øyås "})"));
  ASSERT_TRUE(obj.ok());
  JsonFields create(*obj, Spec());
  EXPECT_EQ(create.Text("name"), "Ærlig Øyås");
  EXPECT_TRUE(create.Finish().ok());
  JsonFields patch(*obj, Spec());
  EXPECT_EQ(patch.PatchText("name"), "Ærlig Øyås");
  EXPECT_TRUE(patch.Finish().ok());
  // A blank required name is refused by both.
  auto blank = ParseJsonObject(Body(R"({"name": "   "})"));
  JsonFields c2(*blank, Spec());
  c2.Text("name");
  EXPECT_FALSE(c2.Finish().ok());
  JsonFields p2(*blank, Spec());
  p2.PatchText("name");
  EXPECT_FALSE(p2.Finish().ok());
  // Null clears an optional field in a patch and is refused for a required one.
  auto nulls = ParseJsonObject(Body(R"({"name": null, "note": null})"));
  JsonFields p3(*nulls, Spec());
  EXPECT_FALSE(p3.PatchText("name"));
  EXPECT_EQ(p3.PatchText("note"), "");
  Status st = p3.Finish();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.fields()[0].field, "name");
  // Absent in a patch: untouched.
  auto empty = ParseJsonObject(Body("{}"));
  JsonFields p4(*empty, Spec());
  EXPECT_FALSE(p4.PatchText("note").has_value());
}

TEST(ParseJsonObjectTest, RefusesWhatIsNotOneCleanObject) {
  struct Case {
    std::string body, type, code;
  } cases[] = {
      {R"({"a": 1, "a": 2})", "application/json", "http.duplicate_key"},
      {R"({"o": {"k": 1, "k": 1}})", "application/json", "http.duplicate_key"},
      {R"({"n": 1e309})", "application/json", "http.malformed_json"},
      {R"({"s": "\ud800"})", "application/json", "http.malformed_json"},
      {std::string(40, '[') + std::string(40, ']'), "application/json", "http.too_deep"},
      {"[1]", "application/json", "http.not_an_object"},
      {"{}", "application/jsonx", "http.unsupported_media_type"},
      {"{}", "text/plain", "http.unsupported_media_type"},
      {"{}", "application/merge-patch+json", "http.unsupported_media_type"},
  };
  for (const auto& c : cases) {
    auto r = ParseJsonObject(Body(c.body, c.type));
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_EQ(r.status().code_name(), c.code) << c.body;
  }
  EXPECT_TRUE(ParseJsonObject(Body("{}", "APPLICATION/JSON; charset=UTF-8")).ok());
  EXPECT_TRUE(ParseJsonObject(Body("{}", "application/merge-patch+json"), true).ok());
  EXPECT_TRUE(ParseJsonObject(Body(R"([{"a":1},{"a":2}])"
                                   "",
                                   "application/json"))
                  .status()
                  .code_name() == "http.not_an_object")
      << "the same key in sibling objects is not a duplicate";
}

TEST(JsonFieldsTest, NumbersOrgnrsAndDates) {
  auto obj = ParseJsonObject(Body(
      R"({"name": "x", "n": 9223372036854775808, "orgnr": "944 117 785", "on": "2026-02-30"})"));
  ASSERT_TRUE(obj.ok());
  JsonFields f(*obj, Spec());
  f.Text("name");
  EXPECT_FALSE(f.Int("n").has_value()) << "2^63 is not read as a negative number";
  f.Orgnr("orgnr");
  f.Date("on");
  Status st = f.Finish();
  ASSERT_FALSE(st.ok());
  ASSERT_EQ(st.fields().size(), 3u);
  EXPECT_EQ(st.fields()[0].field, "n");
  EXPECT_EQ(st.fields()[1].field, "orgnr");
  EXPECT_EQ(st.fields()[2].field, "on");
  auto good = ParseJsonObject(Body(R"({"name": "x", "orgnr": "944 117 784"})"));
  JsonFields g(*good, Spec());
  g.Text("name");
  EXPECT_EQ(g.Orgnr("orgnr"), "944117784");
  EXPECT_TRUE(g.Finish().ok());
}

TEST(JsonFieldsTest, TheErrorListIsCapped) {
  std::string body = R"({"name": "x")";
  for (int idx = 0; idx < 5000; ++idx) body += ",\"unknown" + std::to_string(idx) + "\": 1";
  body += "}";
  auto obj = ParseJsonObject(Body(body));
  ASSERT_TRUE(obj.ok());
  JsonFields f(*obj, Spec());
  f.Text("name");
  Status st = f.Finish();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.fields().size(), kMaxFieldErrors);
  EXPECT_NE(st.message().find("5000"), std::string::npos) << st.message();
}

TEST(JsonFieldsTest, ReadingAFieldTheSpecDoesNotDeclareIsABug) {
  auto obj = ParseJsonObject(Body("{}"));
  JsonFields f(*obj, Spec());
  EXPECT_THROW(f.Text("undeclared"), std::logic_error);
  EXPECT_THROW(f.Date("name"), std::logic_error) << "declared with another type";
}

}  // namespace
}  // namespace samkjop::core::http
