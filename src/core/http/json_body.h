// Strict reading of JSON request bodies. A BodySpec describes a body once —
// its fields, their types and limits — and is both the route's OpenAPI
// request schema and the parser's rules, so the two cannot drift. JsonFields
// reads a body by its spec: malformed JSON, duplicate keys, wrong types,
// missing and unknown fields all become one 400 naming each field. Every text
// field obeys one rule (ValidateText): trimmed, counted in characters, no
// control or bidi-override characters; create and update share it.
#ifndef SAMKJOP_CORE_HTTP_JSON_BODY_H_
#define SAMKJOP_CORE_HTTP_JSON_BODY_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error/status.h"
#include "core/http/http.h"

namespace samkjop::core::http {

// At most this many field errors are listed in one answer (the count of all is in `detail`).
inline constexpr std::size_t kMaxFieldErrors = 20;
// Deeper nesting of arrays/objects is refused before parsing.
inline constexpr int kMaxJsonDepth = 32;

// Parses the body as a JSON object. Errors: 415 http.unsupported_media_type
// unless Content-Type is application/json (any case, parameters allowed) —
// or, when `merge_patch`, also application/merge-patch+json; 400
// http.malformed_json (with the byte offset; also numbers out of range),
// http.too_deep, http.duplicate_key (naming the key), http.not_an_object.
Result<nlohmann::json> ParseJsonObject(const Request& req, bool merge_patch = false);

// The one rule for text input: `in` trimmed of spaces, tabs and line breaks
// at both ends; nullopt with `*error` set (Norwegian) when it holds C0/C1
// control characters (line breaks and tabs inside are allowed only when
// `multiline`), bidi overrides or isolates (U+202A–U+202E, U+2066–U+2069), or
// more than `max_chars` characters (code points, not bytes).
std::optional<std::string> ValidateText(std::string_view in, std::size_t max_chars, bool multiline,
                                        std::string* error);

enum class Presence { kRequired, kOptional };

// The fields of one request body: types, limits, whether required. Build it
// once (function-local static) per body and use it for the route's doc and
// in the handler.
class BodySpec {
 public:
  enum class Kind { kText, kMultilineText, kSecret, kDate, kInt, kBool, kOrgnr };
  struct Field {
    std::string name;
    Kind kind = Kind::kText;
    Presence presence = Presence::kOptional;
    std::size_t max = 0;  // characters for text, bytes for secrets
    std::string description;
  };

  BodySpec& Text(std::string name, std::size_t max_chars, Presence p, std::string description = {});
  // Text with line breaks allowed (descriptions, minutes).
  BodySpec& MultilineText(std::string name, std::size_t max_chars, Presence p,
                          std::string description = {});
  // A password: not trimmed, only its type and size are checked here.
  BodySpec& Secret(std::string name, std::size_t max_bytes, Presence p,
                   std::string description = {});
  BodySpec& Date(std::string name, Presence p, std::string description = {});
  BodySpec& Int(std::string name, Presence p, std::string description = {});
  BodySpec& Bool(std::string name, Presence p, std::string description = {});
  // An organisation number: nine digits, spaces allowed, MOD11-checked;
  // read as the nine digits.
  BodySpec& Orgnr(std::string name, Presence p, std::string description = {});

  // Schema of a create body: required fields listed, no other fields.
  nlohmann::json Schema() const;
  // Schema of a JSON merge patch (RFC 7396) of the same fields: none
  // required; optional fields may be null (cleared).
  nlohmann::json PatchSchema() const;

  const Field* Find(std::string_view name) const;
  const std::vector<Field>& fields() const { return fields_; }

 private:
  BodySpec& Add(Field f);
  std::vector<Field> fields_;
};

// Reads the fields of one JSON object by a BodySpec, remembering every error.
// Reading a field the spec does not declare is a programmer error (throws
// std::logic_error). Call Finish() last: it adds "unknown field" errors and
// returns the 400 when anything was wrong.
//
// Create bodies: Text/Date/Int/Bool/Orgnr return the value, or ""/0/false/
// nullopt when an optional field is absent or null. Merge-patch bodies:
// Patch* return nullopt when the field is absent; null clears an optional
// field (returned as "") and is an error for a required one; a blank
// required text is an error, exactly as on create.
class JsonFields {
 public:
  JsonFields(const nlohmann::json& obj, const BodySpec& spec) : obj_(obj), spec_(spec) {}

  std::string Text(const std::string& key);
  std::string Secret(const std::string& key);
  std::string Date(const std::string& key);
  std::string Orgnr(const std::string& key);
  std::optional<std::int64_t> Int(const std::string& key);
  std::optional<bool> Bool(const std::string& key);

  std::optional<std::string> PatchText(const std::string& key);
  std::optional<std::string> PatchDate(const std::string& key);
  std::optional<std::string> PatchOrgnr(const std::string& key);
  std::optional<std::int64_t> PatchInt(const std::string& key);
  std::optional<bool> PatchBool(const std::string& key);

  void AddError(std::string field, std::string message);
  bool HasErrors() const { return !errors_.empty(); }

  // OK, or 400 `code` listing the first kMaxFieldErrors field errors.
  Status Finish(const std::string& code = "validation.invalid_body");

 private:
  const BodySpec::Field& Spec(const std::string& key, BodySpec::Kind expected);
  // The value if present and not null, else null; marks the key as read.
  const nlohmann::json* Value(const std::string& key);
  std::optional<std::string> ReadText(const BodySpec::Field& f, const nlohmann::json& v);
  std::optional<std::string> ReadDate(const BodySpec::Field& f, const nlohmann::json& v);
  std::optional<std::string> ReadOrgnr(const BodySpec::Field& f, const nlohmann::json& v);
  std::optional<std::int64_t> ReadInt(const BodySpec::Field& f, const nlohmann::json& v);
  // A merge-patch string field: absent → nullopt; null (or blank, when
  // `blank_is_null`) → "" for an optional field, an error for a required one;
  // else `read`.
  template <typename Read>
  std::optional<std::string> PatchString(const std::string& key, BodySpec::Kind kind,
                                         bool blank_is_null, Read read);

  const nlohmann::json& obj_;
  const BodySpec& spec_;
  std::set<std::string> known_;
  std::vector<FieldError> errors_;
  std::size_t error_count_ = 0;
};

// Parses the body, then reads it with `read(JsonFields&)` and Finish(`code`).
// For handlers: `auto body = ReadBody(ctx.req, spec, "org.invalid_person", [&](auto& f) {...});`
template <typename Fn>
Status ReadBody(const Request& req, const BodySpec& spec, const std::string& code, Fn read,
                bool merge_patch = false) {
  auto obj = ParseJsonObject(req, merge_patch);
  if (!obj.ok()) return obj.status();
  JsonFields f(*obj, spec);
  read(f);
  return f.Finish(code);
}

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_JSON_BODY_H_
