#include "core/http/json_body.h"

#include "core/nor/civil_date.h"

namespace samkjop::core::http {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Counts UTF-8 code points (the body was validated as UTF-8 by the parser).
size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

Result<nlohmann::json> ParseJsonObject(const Request& req) {
  auto ct = req.Header("content-type");
  if (!ct || ct->rfind("application/json", 0) != 0) {
    return Status(ErrorCode::kUnsupportedMedia, "http.unsupported_media_type",
                  "Forespørselen må ha Content-Type: application/json.");
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::parse_error& e) {
    return Status::Invalid("http.malformed_json",
                           "Ugyldig JSON ved tegn " + std::to_string(e.byte) + ".",
                           {{"body", "Ugyldig JSON ved tegn " + std::to_string(e.byte) + "."}});
  }
  if (!j.is_object())
    return Status::Invalid("http.not_an_object", "Forespørselen må være et JSON-objekt.",
                           {{"body", "Må være et JSON-objekt."}});
  return j;
}

bool JsonFields::Has(const std::string& key) {
  known_.insert(key);
  return obj_.contains(key);
}

bool JsonFields::IsNull(const std::string& key) const {
  auto it = obj_.find(key);
  return it != obj_.end() && it->is_null();
}

void JsonFields::AddError(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
}

std::optional<std::string> JsonFields::OptionalString(const std::string& key, size_t max_len) {
  known_.insert(key);
  auto it = obj_.find(key);
  if (it == obj_.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    AddError(key, "Må være tekst.");
    return std::nullopt;
  }
  std::string v = Trim(it->get<std::string>());
  if (Utf8Length(v) > max_len) {
    AddError(key, "Kan ikke være lengre enn " + std::to_string(max_len) + " tegn.");
    return std::nullopt;
  }
  return v;
}

std::string JsonFields::RequiredString(const std::string& key, size_t max_len) {
  known_.insert(key);
  if (!obj_.contains(key) || obj_.at(key).is_null()) {
    AddError(key, "Må fylles ut.");
    return "";
  }
  size_t before = errors_.size();
  auto v = OptionalString(key, max_len);
  if (errors_.size() != before) return "";
  if (!v || v->empty()) {
    AddError(key, "Må fylles ut.");
    return "";
  }
  return *v;
}

std::optional<bool> JsonFields::OptionalBool(const std::string& key) {
  known_.insert(key);
  auto it = obj_.find(key);
  if (it == obj_.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) {
    AddError(key, "Må være true eller false.");
    return std::nullopt;
  }
  return it->get<bool>();
}

bool JsonFields::RequiredBool(const std::string& key) {
  known_.insert(key);
  if (!obj_.contains(key) || obj_.at(key).is_null()) {
    AddError(key, "Må fylles ut.");
    return false;
  }
  return OptionalBool(key).value_or(false);
}

std::optional<std::int64_t> JsonFields::OptionalInt(const std::string& key) {
  known_.insert(key);
  auto it = obj_.find(key);
  if (it == obj_.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) {
    AddError(key, "Må være et heltall.");
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

std::int64_t JsonFields::RequiredInt(const std::string& key) {
  known_.insert(key);
  if (!obj_.contains(key) || obj_.at(key).is_null()) {
    AddError(key, "Må fylles ut.");
    return 0;
  }
  return OptionalInt(key).value_or(0);
}

std::optional<std::string> JsonFields::OptionalDate(const std::string& key) {
  size_t before = errors_.size();
  auto v = OptionalString(key, 10);
  if (errors_.size() != before) {
    errors_.back().message = "Må være en dato på formen ÅÅÅÅ-MM-DD.";
    return std::nullopt;
  }
  if (!v || v->empty()) return std::nullopt;
  if (!nor::ParseIsoDate(*v)) {
    AddError(key, "Må være en gyldig dato på formen ÅÅÅÅ-MM-DD.");
    return std::nullopt;
  }
  return v;
}

std::string JsonFields::RequiredDate(const std::string& key) {
  known_.insert(key);
  if (!obj_.contains(key) || obj_.at(key).is_null()) {
    AddError(key, "Må fylles ut.");
    return "";
  }
  return OptionalDate(key).value_or("");
}

Status JsonFields::Finish(const std::string& code) {
  for (auto it = obj_.begin(); it != obj_.end(); ++it)
    if (!known_.count(it.key())) AddError(it.key(), "Ukjent felt.");
  if (errors_.empty()) return Status::Ok();
  std::string msg = errors_.size() == 1
                        ? "Feltet «" + errors_[0].field + "»: " + errors_[0].message
                        : "Skjemaet har " + std::to_string(errors_.size()) + " feil.";
  return Status::Invalid(code, msg, errors_);
}

}  // namespace samkjop::core::http
