// Strict reading of JSON request bodies: malformed JSON, wrong types,
// missing and unknown fields all become one 400 problem naming each field.
#ifndef SAMKJOP_CORE_HTTP_JSON_BODY_H_
#define SAMKJOP_CORE_HTTP_JSON_BODY_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error/status.h"
#include "core/http/http.h"

namespace samkjop::core::http {

// Parses the body as a JSON object. Errors: 415 when Content-Type is not
// application/json, 400 "http.malformed_json" (with the byte offset) or
// "http.not_an_object".
Result<nlohmann::json> ParseJsonObject(const Request& req);

// Reads fields of one JSON object, remembering which were read and every
// error. Call Finish() last: it adds "unknown field" errors and returns the
// 400 status when anything was wrong.
class JsonFields {
 public:
  explicit JsonFields(const nlohmann::json& obj) : obj_(obj) {}

  // A required non-empty string (trimmed), at most max_len characters.
  std::string RequiredString(const std::string& key, size_t max_len = 200);
  // Absent or null -> nullopt; "" is returned as "" (callers decide).
  std::optional<std::string> OptionalString(const std::string& key, size_t max_len = 200);
  bool RequiredBool(const std::string& key);
  std::optional<bool> OptionalBool(const std::string& key);
  std::optional<std::int64_t> OptionalInt(const std::string& key);
  std::int64_t RequiredInt(const std::string& key);
  // A "YYYY-MM-DD" date; absent/null -> nullopt.
  std::optional<std::string> OptionalDate(const std::string& key);
  std::string RequiredDate(const std::string& key);

  // True if the key is present (even null). Marks it as known.
  bool Has(const std::string& key);
  // True if the key is present with a null value.
  bool IsNull(const std::string& key) const;
  void AddError(std::string field, std::string message);
  bool HasErrors() const { return !errors_.empty(); }

  // OK, or 400 `code` listing every field error.
  Status Finish(const std::string& code = "validation.invalid_body");

 private:
  const nlohmann::json& obj_;
  std::set<std::string> known_;
  std::vector<FieldError> errors_;
};

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_JSON_BODY_H_
