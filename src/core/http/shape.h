// An entity's JSON, described once: the fields, each with its JSON Schema and
// how to read it from the value. ToJson() and Schema() come from the same
// list, so the OpenAPI document and the responses cannot drift apart (the API
// suite also validates every 2xx body against the schema). Build a Shape once,
// in a function-local static, and register it with Router::AddShape.
//
//   const http::Shape<Person>& PersonShape() {
//     static const auto* s = &(*new http::Shape<Person>("Person"))
//         .Int("id", &Person::id)
//         .Text("name", &Person::name)
//         .OptText("email", &Person::email);  // "" is sent as null
//     return *s;
//   }
#ifndef SAMKJOP_CORE_HTTP_SHAPE_H_
#define SAMKJOP_CORE_HTTP_SHAPE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace samkjop::core::http {

namespace schema {
inline nlohmann::json Str() { return {{"type", "string"}}; }
inline nlohmann::json NStr() { return {{"type", {"string", "null"}}}; }
inline nlohmann::json Int() { return {{"type", "integer"}}; }
inline nlohmann::json NInt() { return {{"type", {"integer", "null"}}}; }
inline nlohmann::json Bool() { return {{"type", "boolean"}}; }
inline nlohmann::json Date() { return {{"type", "string"}, {"format", "date"}}; }
inline nlohmann::json NDate() { return {{"type", {"string", "null"}}, {"format", "date"}}; }
inline nlohmann::json Enum(std::vector<std::string> values) {
  return {{"type", "string"}, {"enum", std::move(values)}};
}
inline nlohmann::json Array(nlohmann::json items) {
  return {{"type", "array"}, {"items", std::move(items)}};
}
// A closed object: these properties, these required.
inline nlohmann::json Obj(nlohmann::json props, std::vector<std::string> required) {
  return {{"type", "object"},
          {"properties", std::move(props)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}
// {"$ref": "#/components/schemas/NAME"}.
inline nlohmann::json Ref(const std::string& name) {
  return {{"$ref", "#/components/schemas/" + name}};
}
// A value of schema `s` or null.
inline nlohmann::json Nullable(nlohmann::json s) {
  return {{"oneOf", {nlohmann::json{{"type", "null"}}, std::move(s)}}};
}
}  // namespace schema

template <typename T>
class Shape {
 public:
  using Getter = std::function<nlohmann::json(const T&)>;

  explicit Shape(std::string name) : name_(std::move(name)) {}

  // A field of any schema; `get` returns its JSON value.
  Shape& Field(std::string key, nlohmann::json field_schema, Getter get) {
    fields_.push_back({std::move(key), std::move(field_schema), std::move(get)});
    return *this;
  }
  // A string field (member pointer or callable returning std::string).
  template <typename G>
  Shape& Text(std::string key, G get) {
    return Field(std::move(key), schema::Str(),
                 [get](const T& v) { return nlohmann::json(std::invoke(get, v)); });
  }
  // A string field sent as null when empty.
  template <typename G>
  Shape& OptText(std::string key, G get) {
    return Field(std::move(key), schema::NStr(),
                 [get](const T& v) { return OrNull(std::invoke(get, v)); });
  }
  // A YYYY-MM-DD date.
  template <typename G>
  Shape& Date(std::string key, G get) {
    return Field(std::move(key), schema::Date(),
                 [get](const T& v) { return nlohmann::json(std::invoke(get, v)); });
  }
  // A date sent as null when empty.
  template <typename G>
  Shape& OptDate(std::string key, G get) {
    return Field(std::move(key), schema::NDate(),
                 [get](const T& v) { return OrNull(std::invoke(get, v)); });
  }
  template <typename G>
  Shape& Int(std::string key, G get) {
    return Field(std::move(key), schema::Int(), [get](const T& v) {
      return nlohmann::json(static_cast<std::int64_t>(std::invoke(get, v)));
    });
  }
  // An integer sent as null when 0 (ids that may be absent).
  template <typename G>
  Shape& OptId(std::string key, G get) {
    return Field(std::move(key), schema::NInt(), [get](const T& v) {
      auto id = static_cast<std::int64_t>(std::invoke(get, v));
      return id ? nlohmann::json(id) : nlohmann::json();
    });
  }
  template <typename G>
  Shape& Bool(std::string key, G get) {
    return Field(std::move(key), schema::Bool(), [get](const T& v) {
      return nlohmann::json(static_cast<bool>(std::invoke(get, v)));
    });
  }
  // A string from a fixed set.
  template <typename G>
  Shape& Enum(std::string key, std::vector<std::string> values, G get) {
    return Field(std::move(key), schema::Enum(std::move(values)),
                 [get](const T& v) { return nlohmann::json(std::invoke(get, v)); });
  }
  // A nested object described by another Shape, or null (`get` returns
  // std::optional<U> or a U).
  template <typename U, typename G>
  Shape& Object(std::string key, const Shape<U>& inner, G get, bool nullable) {
    const Shape<U>* in = &inner;
    return Field(std::move(key),
                 nullable ? schema::Nullable(schema::Ref(inner.name())) : schema::Ref(inner.name()),
                 [in, get](const T& v) -> nlohmann::json {
                   const auto& x = std::invoke(get, v);
                   if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::optional<U>>) {
                     return x ? in->ToJson(*x) : nlohmann::json();
                   } else {
                     return in->ToJson(x);
                   }
                 });
  }
  // An array of objects described by another Shape.
  template <typename U, typename G>
  Shape& List(std::string key, const Shape<U>& inner, G get) {
    const Shape<U>* in = &inner;
    return Field(std::move(key), schema::Array(schema::Ref(inner.name())), [in, get](const T& v) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& x : std::invoke(get, v)) out.push_back(in->ToJson(x));
      return out;
    });
  }

  const std::string& name() const { return name_; }

  nlohmann::json ToJson(const T& v) const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& f : fields_) out[f.key] = f.get(v);
    return out;
  }
  template <typename Range>
  nlohmann::json ToJsonArray(const Range& values) const {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : values) out.push_back(ToJson(v));
    return out;
  }
  // Every field is required (nullable fields may be null); no other fields.
  nlohmann::json Schema() const {
    nlohmann::json props = nlohmann::json::object();
    std::vector<std::string> required;
    for (const auto& f : fields_) {
      props[f.key] = f.schema;
      required.push_back(f.key);
    }
    return schema::Obj(std::move(props), std::move(required));
  }

 private:
  static nlohmann::json OrNull(const std::string& s) {
    return s.empty() ? nlohmann::json() : nlohmann::json(s);
  }

  struct FieldDef {
    std::string key;
    nlohmann::json schema;
    Getter get;
  };
  std::string name_;
  std::vector<FieldDef> fields_;
};

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_SHAPE_H_
