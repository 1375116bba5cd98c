// The one place where an error value becomes an HTTP response (RFC 9457).
#include "core/http/http.h"

namespace samkjop::core::http {

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return 200;
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kMethodNotAllowed: return 405;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kFailedPrecondition: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kUriTooLong: return 414;
    case ErrorCode::kHeadersTooLarge: return 431;
    case ErrorCode::kUnsupportedMedia: return 415;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

namespace {
const char* TitleFor(int status) {
  switch (status) {
    case 400: return "Ugyldig forespørsel";
    case 401: return "Ikke innlogget";
    case 403: return "Ingen tilgang";
    case 404: return "Finnes ikke";
    case 405: return "Metoden er ikke tillatt";
    case 409: return "Konflikt";
    case 413: return "For stor forespørsel";
    case 414: return "For lang adresse";
    case 431: return "For store hodefelt";
    case 415: return "Feil innholdstype";
    case 429: return "For mange forsøk";
    case 503: return "Tjenesten er utilgjengelig";
    default: return "Intern feil";
  }
}
}  // namespace

Response Response::Problem(const Status& st, const std::string& instance) {
  int code = HttpStatusFor(st.code());
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& f : st.fields()) errors.push_back({{"field", f.field}, {"message", f.message}});
  nlohmann::json body = {
      {"type", "https://samkjop.no/problems/" + st.code_name()},
      {"title", TitleFor(code)},
      {"status", code},
      {"detail", st.message()},
      {"code", st.code_name()},
      {"errors", errors},
  };
  if (!instance.empty()) body["instance"] = instance;
  Response r = Json(body, code);
  r.content_type = "application/problem+json";
  if (st.retry_after_seconds())
    r.headers.emplace_back("Retry-After", std::to_string(*st.retry_after_seconds()));
  return r;
}

}  // namespace samkjop::core::http
