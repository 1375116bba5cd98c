#include "core/http/json_body.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "core/nor/civil_date.h"
#include "core/nor/orgnr.h"

namespace samkjop::core::http {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view TrimView(std::string_view s, std::string_view chars) {
  size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(chars);
  return s.substr(b, e - b + 1);
}

// The media type of a Content-Type header, lower-case, without parameters.
std::string MediaType(const std::string& header) {
  std::string_view v = header;
  v = v.substr(0, v.find(';'));
  return Lower(TrimView(v, " \t"));
}

// Deepest nesting of arrays and objects in `body`, strings skipped. Stops
// counting once past `limit`.
int NestingDepth(std::string_view body, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}')
      --depth;
  }
  return deepest;
}

struct DuplicateKey {
  std::string key;
};

// Decodes one UTF-8 code point at s[*pos] (the parser already checked UTF-8).
char32_t NextCodePoint(std::string_view s, size_t* pos) {
  unsigned char c = static_cast<unsigned char>(s[*pos]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int idx = 1; idx < len && *pos + idx < s.size(); ++idx)
    cp = (cp << 6) | (static_cast<unsigned char>(s[*pos + idx]) & 0x3F);
  *pos += len;
  return cp;
}

const char* kFillIn = "Må fylles ut.";

}  // namespace

Result<nlohmann::json> ParseJsonObject(const Request& req, bool merge_patch) {
  auto ct = req.Header("content-type");
  std::string type = ct ? MediaType(*ct) : "";
  if (type != "application/json" && !(merge_patch && type == "application/merge-patch+json")) {
    return Status(ErrorCode::kUnsupportedMedia, "http.unsupported_media_type",
                  merge_patch ? "Forespørselen må ha Content-Type: application/json eller "
                                "application/merge-patch+json."
                              : "Forespørselen må ha Content-Type: application/json.");
  }
  if (NestingDepth(req.body, kMaxJsonDepth) > kMaxJsonDepth)
    return Status::Invalid(
        "http.too_deep",
        "JSON-en er nøstet for dypt (maks " + std::to_string(kMaxJsonDepth) + " nivåer).",
        {{"body", "For dyp nøsting."}});
  // One set of keys per open object, by depth, to refuse duplicate keys.
  std::vector<std::set<std::string>> keys;
  auto on_event = [&keys](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    size_t level = static_cast<size_t>(depth);
    if (event == E::object_start) {
      if (keys.size() <= level) keys.resize(level + 1);
      keys[level].clear();
    } else if (event == E::key) {
      size_t owner = level == 0 ? 0 : level - 1;
      if (keys.size() <= owner) keys.resize(owner + 1);
      if (!keys[owner].insert(parsed.get<std::string>()).second)
        throw DuplicateKey{parsed.get<std::string>()};
    }
    return true;
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(req.body, on_event);
  } catch (const DuplicateKey& d) {
    return Status::Invalid("http.duplicate_key", "Feltet «" + d.key + "» står to ganger.",
                           {{d.key, "Står to ganger."}});
  } catch (const nlohmann::json::parse_error& e) {
    std::string msg = "Ugyldig JSON ved tegn " + std::to_string(e.byte) + ".";
    return Status::Invalid("http.malformed_json", msg, {{"body", msg}});
  } catch (const nlohmann::json::exception& e) {
    // out_of_range (a number such as 1e309) and the like.
    return Status::Invalid("http.malformed_json", "Ugyldig JSON: et tall er utenfor gyldig område.",
                           {{"body", "Et tall er utenfor gyldig område."}});
  }
  if (!j.is_object())
    return Status::Invalid("http.not_an_object", "Forespørselen må være et JSON-objekt.",
                           {{"body", "Må være et JSON-objekt."}});
  return j;
}

std::optional<std::string> ValidateText(std::string_view in, std::size_t max_chars, bool multiline,
                                        std::string* error) {
  std::string_view v = TrimView(in, " \t\r\n");
  size_t pos = 0, chars = 0;
  while (pos < v.size()) {
    char32_t cp = NextCodePoint(v, &pos);
    ++chars;
    bool allowed_break = multiline && (cp == '\n' || cp == '\t' || cp == '\r');
    if ((cp < 0x20 && !allowed_break) || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
        (!multiline && (cp == 0x2028 || cp == 0x2029))) {
      *error = "Inneholder kontrolltegn som ikke er tillatt.";
      return std::nullopt;
    }
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      *error = "Inneholder tegn som snur tekstretningen, som ikke er tillatt.";
      return std::nullopt;
    }
  }
  if (chars > max_chars) {
    *error = "Kan ikke være lengre enn " + std::to_string(max_chars) + " tegn.";
    return std::nullopt;
  }
  return std::string(v);
}

// ---------------- BodySpec ----------------

BodySpec& BodySpec::Add(Field f) {
  if (Find(f.name)) throw std::logic_error("BodySpec: field declared twice: " + f.name);
  fields_.push_back(std::move(f));
  return *this;
}

BodySpec& BodySpec::Text(std::string name, std::size_t max, Presence p, std::string d) {
  return Add({std::move(name), Kind::kText, p, max, std::move(d)});
}
BodySpec& BodySpec::MultilineText(std::string name, std::size_t max, Presence p, std::string d) {
  return Add({std::move(name), Kind::kMultilineText, p, max, std::move(d)});
}
BodySpec& BodySpec::Secret(std::string name, std::size_t max, Presence p, std::string d) {
  return Add({std::move(name), Kind::kSecret, p, max, std::move(d)});
}
BodySpec& BodySpec::Date(std::string name, Presence p, std::string d) {
  return Add({std::move(name), Kind::kDate, p, 10, std::move(d)});
}
BodySpec& BodySpec::Int(std::string name, Presence p, std::string d) {
  return Add({std::move(name), Kind::kInt, p, 0, std::move(d)});
}
BodySpec& BodySpec::Bool(std::string name, Presence p, std::string d) {
  return Add({std::move(name), Kind::kBool, p, 0, std::move(d)});
}
BodySpec& BodySpec::Orgnr(std::string name, Presence p, std::string d) {
  return Add({std::move(name), Kind::kOrgnr, p, 20, std::move(d)});
}

const BodySpec::Field* BodySpec::Find(std::string_view name) const {
  for (const auto& f : fields_)
    if (f.name == name) return &f;
  return nullptr;
}

namespace {
nlohmann::json FieldSchema(const BodySpec::Field& f, bool nullable) {
  using K = BodySpec::Kind;
  nlohmann::json s;
  switch (f.kind) {
    case K::kText:
    case K::kMultilineText: s = {{"type", "string"}, {"maxLength", f.max}}; break;
    case K::kSecret: s = {{"type", "string"}}; break;
    case K::kDate: s = {{"type", "string"}, {"format", "date"}}; break;
    case K::kInt: s = {{"type", "integer"}}; break;
    case K::kBool: s = {{"type", "boolean"}}; break;
    case K::kOrgnr:
      s = {{"type", "string"},
           {"description", "Organisasjonsnummer, ni sifre (mellomrom tillatt)"}};
      break;
  }
  if (nullable) s["type"] = {s["type"], "null"};
  if (!f.description.empty()) s["description"] = f.description;
  return s;
}
}  // namespace

nlohmann::json BodySpec::Schema() const {
  nlohmann::json props = nlohmann::json::object();
  std::vector<std::string> required;
  for (const auto& f : fields_) {
    props[f.name] = FieldSchema(f, f.presence == Presence::kOptional);
    if (f.presence == Presence::kRequired) required.push_back(f.name);
  }
  nlohmann::json s = {{"type", "object"}, {"properties", props}, {"additionalProperties", false}};
  if (!required.empty()) s["required"] = required;
  return s;
}

nlohmann::json BodySpec::PatchSchema() const {
  nlohmann::json props = nlohmann::json::object();
  for (const auto& f : fields_) props[f.name] = FieldSchema(f, f.presence == Presence::kOptional);
  return {{"type", "object"}, {"properties", props}, {"additionalProperties", false}};
}

// ---------------- JsonFields ----------------

const BodySpec::Field& JsonFields::Spec(const std::string& key, BodySpec::Kind expected) {
  const BodySpec::Field* f = spec_.Find(key);
  bool text_ok =
      expected == BodySpec::Kind::kText && f && f->kind == BodySpec::Kind::kMultilineText;
  if (!f || (f->kind != expected && !text_ok))
    throw std::logic_error("JsonFields: field «" + key +
                           "» is not in the body spec with that type");
  known_.insert(key);
  return *f;
}

const nlohmann::json* JsonFields::Value(const std::string& key) {
  auto it = obj_.find(key);
  if (it == obj_.end() || it->is_null()) return nullptr;
  return &*it;
}

void JsonFields::AddError(std::string field, std::string message) {
  ++error_count_;
  if (errors_.size() < kMaxFieldErrors) errors_.push_back({std::move(field), std::move(message)});
}

std::optional<std::string> JsonFields::ReadText(const BodySpec::Field& f, const nlohmann::json& v) {
  if (!v.is_string()) {
    AddError(f.name, "Må være tekst.");
    return std::nullopt;
  }
  std::string error;
  auto text = ValidateText(v.get_ref<const std::string&>(), f.max,
                           f.kind == BodySpec::Kind::kMultilineText, &error);
  if (!text) {
    AddError(f.name, error);
    return std::nullopt;
  }
  if (f.presence == Presence::kRequired && text->empty()) {
    AddError(f.name, kFillIn);
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> JsonFields::ReadDate(const BodySpec::Field& f, const nlohmann::json& v) {
  if (!v.is_string() || !nor::ParseIsoDate(TrimView(v.get_ref<const std::string&>(), " "))) {
    AddError(f.name, "Må være en gyldig dato på formen ÅÅÅÅ-MM-DD.");
    return std::nullopt;
  }
  return std::string(TrimView(v.get_ref<const std::string&>(), " "));
}

std::optional<std::string> JsonFields::ReadOrgnr(const BodySpec::Field& f,
                                                 const nlohmann::json& v) {
  if (!v.is_string()) {
    AddError(f.name, "Må være tekst.");
    return std::nullopt;
  }
  const std::string& in = v.get_ref<const std::string&>();
  if (in.size() > f.max) {
    AddError(f.name, "Organisasjonsnummeret må ha ni sifre.");
    return std::nullopt;
  }
  if (auto n = nor::NormalizeOrgnr(in)) return n;
  size_t digits = std::count_if(in.begin(), in.end(), [](char c) { return c >= '0' && c <= '9'; });
  AddError(f.name, digits != 9
                       ? "Organisasjonsnummeret må ha ni sifre."
                       : "Organisasjonsnummeret er ugyldig (kontrollsifferet stemmer ikke).");
  return std::nullopt;
}

std::optional<std::int64_t> JsonFields::ReadInt(const BodySpec::Field& f, const nlohmann::json& v) {
  if (v.is_number_unsigned() &&
      v.get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    AddError(f.name, "Tallet er for stort.");
    return std::nullopt;
  }
  if (!v.is_number_integer()) {
    AddError(f.name, "Må være et heltall.");
    return std::nullopt;
  }
  return v.get<std::int64_t>();
}

std::string JsonFields::Text(const std::string& key) {
  const auto& f = Spec(key, BodySpec::Kind::kText);
  const nlohmann::json* v = Value(key);
  if (!v) {
    if (f.presence == Presence::kRequired) AddError(key, kFillIn);
    return "";
  }
  return ReadText(f, *v).value_or("");
}

std::string JsonFields::Secret(const std::string& key) {
  const auto& f = Spec(key, BodySpec::Kind::kSecret);
  const nlohmann::json* v = Value(key);
  if (!v || (v->is_string() && v->get_ref<const std::string&>().empty())) {
    if (f.presence == Presence::kRequired) AddError(key, kFillIn);
    return "";
  }
  if (!v->is_string()) {
    AddError(key, "Må være tekst.");
    return "";
  }
  if (v->get_ref<const std::string&>().size() > f.max) {
    AddError(key, "Er for langt (maks " + std::to_string(f.max) + " byte).");
    return "";
  }
  return v->get<std::string>();
}

std::string JsonFields::Date(const std::string& key) {
  const auto& f = Spec(key, BodySpec::Kind::kDate);
  const nlohmann::json* v = Value(key);
  if (!v) {
    if (f.presence == Presence::kRequired) AddError(key, kFillIn);
    return "";
  }
  return ReadDate(f, *v).value_or("");
}

std::string JsonFields::Orgnr(const std::string& key) {
  const auto& f = Spec(key, BodySpec::Kind::kOrgnr);
  const nlohmann::json* v = Value(key);
  if (!v || (v->is_string() && TrimView(v->get_ref<const std::string&>(), " ").empty())) {
    if (f.presence == Presence::kRequired) AddError(key, kFillIn);
    return "";
  }
  return ReadOrgnr(f, *v).value_or("");
}

std::optional<std::int64_t> JsonFields::Int(const std::string& key) {
  const auto& f = Spec(key, BodySpec::Kind::kInt);
  const nlohmann::json* v = Value(key);
  if (!v) {
    if (f.presence == Presence::kRequired) AddError(key, kFillIn);
    return std::nullopt;
  }
  return ReadInt(f, *v);
}

std::optional<bool> JsonFields::Bool(const std::string& key) {
  const auto& f = Spec(key, BodySpec::Kind::kBool);
  const nlohmann::json* v = Value(key);
  if (!v) {
    if (f.presence == Presence::kRequired) AddError(key, kFillIn);
    return std::nullopt;
  }
  if (!v->is_boolean()) {
    AddError(key, "Må være true eller false.");
    return std::nullopt;
  }
  return v->get<bool>();
}

template <typename Read>
std::optional<std::string> JsonFields::PatchString(const std::string& key, BodySpec::Kind kind,
                                                   bool blank_is_null, Read read) {
  const auto& f = Spec(key, kind);
  auto it = obj_.find(key);
  if (it == obj_.end()) return std::nullopt;  // absent: unchanged
  bool blank =
      blank_is_null && it->is_string() && TrimView(it->get_ref<const std::string&>(), " ").empty();
  if (it->is_null() || blank) {
    if (f.presence == Presence::kRequired) {
      AddError(key, "Kan ikke være tom.");
      return std::nullopt;
    }
    return std::string();  // null: cleared
  }
  return (this->*read)(f, *it);
}

std::optional<std::string> JsonFields::PatchText(const std::string& key) {
  return PatchString(key, BodySpec::Kind::kText, false, &JsonFields::ReadText);
}

std::optional<std::string> JsonFields::PatchDate(const std::string& key) {
  return PatchString(key, BodySpec::Kind::kDate, false, &JsonFields::ReadDate);
}

std::optional<std::string> JsonFields::PatchOrgnr(const std::string& key) {
  return PatchString(key, BodySpec::Kind::kOrgnr, true, &JsonFields::ReadOrgnr);
}

std::optional<std::int64_t> JsonFields::PatchInt(const std::string& key) {
  const auto& f = Spec(key, BodySpec::Kind::kInt);
  auto it = obj_.find(key);
  if (it == obj_.end()) return std::nullopt;
  if (it->is_null()) {
    AddError(key, "Kan ikke være tom.");
    return std::nullopt;
  }
  return ReadInt(f, *it);
}

std::optional<bool> JsonFields::PatchBool(const std::string& key) {
  Spec(key, BodySpec::Kind::kBool);
  auto it = obj_.find(key);
  if (it == obj_.end()) return std::nullopt;
  if (!it->is_boolean()) {
    AddError(key, "Må være true eller false.");
    return std::nullopt;
  }
  return it->get<bool>();
}

Status JsonFields::Finish(const std::string& code) {
  for (auto it = obj_.begin(); it != obj_.end(); ++it)
    if (!known_.count(it.key())) AddError(it.key(), "Ukjent felt.");
  if (error_count_ == 0) return Status::Ok();
  std::string msg;
  if (error_count_ == 1) {
    msg = "Feltet «" + errors_[0].field + "»: " + errors_[0].message;
  } else {
    msg = "Skjemaet har " + std::to_string(error_count_) + " feil";
    msg += error_count_ > errors_.size()
               ? " (de " + std::to_string(errors_.size()) + " første vises)."
               : ".";
  }
  return Status::Invalid(code, msg, errors_);
}

}  // namespace samkjop::core::http
