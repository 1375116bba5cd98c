// What every module's routes use, so that a handler is a few lines: parse,
// one service call, reply. Path parameters, query parameters with field
// errors, paging, and replies from a Shape.
#ifndef SAMKJOP_CORE_HTTP_ROUTE_KIT_H_
#define SAMKJOP_CORE_HTTP_ROUTE_KIT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error/status.h"
#include "core/export/table_export.h"
#include "core/http/http.h"
#include "core/http/router.h"
#include "core/http/shape.h"

namespace samkjop::core::http {

// A positive integer id from path parameter `name`; 400 http.invalid_id
// otherwise (also for ids beyond int64).
Result<std::int64_t> PathId(const Context& ctx, const std::string& name = "id");
// An organisation number from path parameter `name` (spaces allowed);
// 400 http.invalid_orgnr when it is not a valid one.
Result<std::string> PathOrgnr(const Context& ctx, const std::string& name = "orgnr");

// One page of a list: `page` from 1 (not an integer or below 1 answers 400),
// `page_size` default 50, any integer clamped to 1–500 (never refused).
struct Page {
  int page = 1;
  int page_size = 50;
  std::int64_t offset() const { return static_cast<std::int64_t>(page - 1) * page_size; }
};
inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// Reads query parameters, collecting every error; Finish() returns the 400.
class QueryReader {
 public:
  explicit QueryReader(const Request& req) : req_(req) {}
  // The text value ("" when absent), trimmed; at most `max_chars` characters.
  std::string Text(const std::string& key, std::size_t max_chars = 200);
  // An organisation number ("" when absent).
  std::string Orgnr(const std::string& key);
  // A YYYY-MM-DD date ("" when absent).
  std::string Date(const std::string& key);
  std::optional<std::int64_t> Int(const std::string& key, std::int64_t min, std::int64_t max);
  std::optional<bool> Bool(const std::string& key);
  // One of `values` ("" when absent).
  std::string OneOf(const std::string& key, const std::vector<std::string>& values);
  // page and page_size.
  Page ReadPage();
  void AddError(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }
  // OK, or 400 `code` naming each bad parameter.
  Status Finish(const std::string& code = "http.invalid_query");

 private:
  const Request& req_;
  std::vector<FieldError> errors_;
};

// The OpenAPI query parameters of a paged list.
std::vector<RouteDoc::Param> PageParams();
// Schema of a paged list of NAME: {items, total, page, page_size}.
nlohmann::json PageOf(const std::string& schema_name);
// {items, total, page, page_size}; `total` counted before paging.
nlohmann::json PageJson(nlohmann::json items, std::int64_t total, const Page& page);
// The body of a short list that is never paged: {items, total} (schema:
// ListOf in router.h).
nlohmann::json ItemsJson(nlohmann::json items);

// The JSON of a service result by its Shape, or its error.
template <typename T>
Result<Response> Reply(const Result<T>& r, const Shape<T>& shape, int status = 200) {
  if (!r.ok()) return r.status();
  return Response::Json(shape.ToJson(*r), status);
}
// A service Status: 204 when OK.
inline Result<Response> ReplyNoContent(const Status& st) {
  if (!st.ok()) return st;
  return Response::NoContent();
}

// Export of a list route: `?format=json` (the default: the JSON page),
// `csv` or `xlsx` (every row matching the filters, as a download).
//
//   auto fmt = http::ReadListFormat(q);                 // with the other parameters
//   if (fmt != http::ListFormat::kJson)                 // after Finish()
//     return http::Export(PeopleTable(all_rows), fmt, "personer");
enum class ListFormat { kJson, kCsv, kXlsx };
// Reads `format`; an unknown value is a field error on `q`.
ListFormat ReadListFormat(QueryReader& q);
// Adds the `format` parameter and the CSV and xlsx content types to `doc`.
void OfferExport(RouteDoc& doc);
// At most this many rows in one export; more answers 400 export.too_many_rows.
inline constexpr std::int64_t kMaxExportRows = 100000;
// 400 export.too_many_rows when `total` exceeds kMaxExportRows.
Status CheckExportSize(std::int64_t total);
// `table` as a CSV or xlsx download named `stem`.csv / `stem`.xlsx.
Result<Response> Export(const exporting::Table& table, ListFormat format, const std::string& stem);

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_ROUTE_KIT_H_
