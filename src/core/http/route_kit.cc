#include "core/http/route_kit.h"

#include <algorithm>
#include <charconv>

#include "core/http/json_body.h"
#include "core/nor/civil_date.h"
#include "core/nor/orgnr.h"

namespace samkjop::core::http {
namespace {

// A decimal integer, the whole string; nullopt otherwise (also out of range).
std::optional<std::int64_t> ParseInt(const std::string& s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

Result<std::int64_t> PathId(const Context& ctx, const std::string& name) {
  const std::string& s = ctx.req.Param(name);
  auto v = s.find_first_not_of("0123456789") == std::string::npos ? ParseInt(s) : std::nullopt;
  if (!v || *v <= 0)
    return Status::InvalidField("http.invalid_id", name, "Id må være et positivt heltall.");
  return *v;
}

Result<std::string> PathOrgnr(const Context& ctx, const std::string& name) {
  const std::string& s = ctx.req.Param(name);
  auto n = s.size() <= 20 ? nor::NormalizeOrgnr(s) : std::nullopt;
  if (!n)
    return Status::InvalidField("http.invalid_orgnr", name,
                                "Ugyldig organisasjonsnummer i adressen.");
  return *n;
}

std::string QueryReader::Text(const std::string& key, std::size_t max_chars) {
  auto v = req_.Query(key);
  if (!v) return "";
  std::string error;
  auto text = ValidateText(*v, max_chars, false, &error);
  if (!text) {
    AddError(key, error);
    return "";
  }
  return *text;
}

std::string QueryReader::Orgnr(const std::string& key) {
  auto v = req_.Query(key);
  if (!v || v->empty()) return "";
  auto n = v->size() <= 20 ? nor::NormalizeOrgnr(*v) : std::nullopt;
  if (!n) {
    AddError(key, "Ugyldig organisasjonsnummer.");
    return "";
  }
  return *n;
}

std::string QueryReader::Date(const std::string& key) {
  auto v = req_.Query(key);
  if (!v || v->empty()) return "";
  if (!nor::ParseIsoDate(*v)) {
    AddError(key, "Må være en dato på formen ÅÅÅÅ-MM-DD.");
    return "";
  }
  return *v;
}

std::optional<std::int64_t> QueryReader::Int(const std::string& key, std::int64_t min,
                                             std::int64_t max) {
  auto v = req_.Query(key);
  if (!v || v->empty()) return std::nullopt;
  auto n = ParseInt(*v);
  if (!n || *n < min || *n > max) {
    AddError(key,
             "Må være et heltall fra " + std::to_string(min) + " til " + std::to_string(max) + ".");
    return std::nullopt;
  }
  return n;
}

std::optional<bool> QueryReader::Bool(const std::string& key) {
  auto v = req_.Query(key);
  if (!v || v->empty()) return std::nullopt;
  if (*v != "true" && *v != "false") {
    AddError(key, "Må være true eller false.");
    return std::nullopt;
  }
  return *v == "true";
}

std::string QueryReader::OneOf(const std::string& key, const std::vector<std::string>& values) {
  auto v = req_.Query(key);
  if (!v || v->empty()) return "";
  if (std::find(values.begin(), values.end(), *v) == values.end()) {
    std::string list;
    for (const auto& x : values) list += (list.empty() ? "" : ", ") + x;
    AddError(key, "Må være en av: " + list + ".");
    return "";
  }
  return *v;
}

Page QueryReader::ReadPage() {
  Page p;
  if (auto v = req_.Query("page"); v && !v->empty()) {
    auto n = ParseInt(*v);
    if (!n || *n < 1 || *n > 1000000000)
      AddError("page", "Må være et heltall fra 1.");
    else
      p.page = static_cast<int>(*n);
  }
  if (auto v = req_.Query("page_size"); v && !v->empty()) {
    // Any integer is clamped to 1–500; an integer too large for int64 counts as large.
    bool digits = v->find_first_not_of("0123456789", (*v)[0] == '-' ? 1 : 0) == std::string::npos &&
                  v->size() > ((*v)[0] == '-' ? 1u : 0u);
    if (!digits) {
      AddError("page_size", "Må være et heltall.");
    } else {
      auto n = ParseInt(*v);
      std::int64_t size = n ? *n : ((*v)[0] == '-' ? 1 : kMaxPageSize);
      p.page_size = static_cast<int>(std::clamp<std::int64_t>(size, 1, kMaxPageSize));
    }
  }
  return p;
}

Status QueryReader::Finish(const std::string& code) {
  if (errors_.empty()) return Status::Ok();
  std::string msg = errors_.size() == 1
                        ? "Parameteren «" + errors_[0].field + "»: " + errors_[0].message
                        : "Adressen har " + std::to_string(errors_.size()) + " feil.";
  return Status::Invalid(code, msg, errors_);
}

std::vector<RouteDoc::Param> PageParams() {
  return {{"page", "Side, fra 1", "integer"},
          {"page_size", "Rader per side (standard 50, 1–500)", "integer"}};
}

nlohmann::json PageOf(const std::string& schema_name) {
  return schema::Obj({{"items", schema::Array(schema::Ref(schema_name))},
                      {"total", schema::Int()},
                      {"page", schema::Int()},
                      {"page_size", schema::Int()}},
                     {"items", "total", "page", "page_size"});
}

nlohmann::json PageJson(nlohmann::json items, std::int64_t total, const Page& page) {
  return {{"items", std::move(items)},
          {"total", total},
          {"page", page.page},
          {"page_size", page.page_size}};
}

nlohmann::json ItemsJson(nlohmann::json items) {
  size_t n = items.size();
  return {{"items", std::move(items)}, {"total", n}};
}

ListFormat ReadListFormat(QueryReader& q) {
  std::string f = q.OneOf("format", {"json", "csv", "xlsx"});
  if (f == "csv") return ListFormat::kCsv;
  if (f == "xlsx") return ListFormat::kXlsx;
  return ListFormat::kJson;
}

void OfferExport(RouteDoc& doc) {
  doc.query.push_back({"format",
                       "json (standard: én side), csv eller xlsx (alle rader som passer filtrene, "
                       "som nedlasting; page og page_size gjelder ikke)"});
  doc.download_types = {"text/csv", exporting::kXlsxType};
}

Status CheckExportSize(std::int64_t total) {
  if (total <= kMaxExportRows) return Status::Ok();
  return Status::InvalidField("export.too_many_rows", "format",
                              "Utvalget har " + std::to_string(total) +
                                  " rader; en eksport kan ha "
                                  "høyst " +
                                  std::to_string(kMaxExportRows) + ". Snevre inn filtrene.");
}

Result<Response> Export(const exporting::Table& table, ListFormat format, const std::string& stem) {
  if (format == ListFormat::kCsv)
    return Response::Download(exporting::kCsvType, exporting::ToCsv(table), stem + ".csv");
  auto bytes = exporting::ToXlsx(table);
  if (!bytes.ok()) return bytes.status();
  return Response::Download(exporting::kXlsxType, std::move(bytes).value(), stem + ".xlsx");
}

}  // namespace samkjop::core::http
