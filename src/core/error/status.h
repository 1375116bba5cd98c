// Errors as values: Status (a code, a user-safe Norwegian message, a log-only
// detail and the fields at fault) and Result<T> (a value or a Status).
// Mapped to HTTP once, in core/http (see problem.cc); to CLI exit codes by app/.
#ifndef SAMKJOP_CORE_ERROR_STATUS_H_
#define SAMKJOP_CORE_ERROR_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace samkjop::core {

// When adding a code, also update HttpStatusFor() in core/http/problem.cc.
enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,     // 400: the input is wrong (bad field, bad JSON)
  kUnauthenticated,     // 401: no valid session
  kPermissionDenied,    // 403: signed in, but not allowed (role, scope, CSRF)
  kNotFound,            // 404: no such entity or route
  kMethodNotAllowed,    // 405: the route exists for other methods
  kConflict,            // 409: clashes with existing data (second host, duplicate)
  kFailedPrecondition,  // 409: not allowed in the current state
  kPayloadTooLarge,     // 413
  kUriTooLong,          // 414: the request target is too long (the transport)
  kHeadersTooLarge,     // 431: the request's header fields are too large (the transport)
  kUnsupportedMedia,    // 415
  kTooManyRequests,     // 429: throttled; retry_after_seconds is set
  kUnavailable,         // 503: database down, shutting down
  kInternal,            // 500: a bug; detail goes to the log only
};

// One field at fault. `field` is a JSON pointer-ish dotted path ("orgnr",
// "roles[0].role") or a CSV "line 12"; `message` is Norwegian, user-safe.
struct FieldError {
  std::string field;
  std::string message;
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }

  // `code_name` is the machine code, dotted: "org.invalid_orgnr".
  // `message` is Norwegian and safe to show; `detail` is for the log only.
  Status(ErrorCode code, std::string code_name, std::string message,
         std::vector<FieldError> fields = {}, std::string detail = {})
      : code_(code),
        code_name_(std::move(code_name)),
        message_(std::move(message)),
        fields_(std::move(fields)),
        detail_(std::move(detail)) {}

  static Status Invalid(std::string code_name, std::string message,
                        std::vector<FieldError> fields = {}) {
    return Status(ErrorCode::kInvalidArgument, std::move(code_name), std::move(message),
                  std::move(fields));
  }
  // A single bad field: message doubles as the field message.
  static Status InvalidField(std::string code_name, std::string field, std::string message) {
    std::vector<FieldError> f{{std::move(field), message}};
    return Status(ErrorCode::kInvalidArgument, std::move(code_name), std::move(message),
                  std::move(f));
  }
  static Status NotFound(std::string code_name, std::string message) {
    return Status(ErrorCode::kNotFound, std::move(code_name), std::move(message));
  }
  static Status Conflict(std::string code_name, std::string message,
                         std::vector<FieldError> fields = {}) {
    return Status(ErrorCode::kConflict, std::move(code_name), std::move(message),
                  std::move(fields));
  }
  static Status Precondition(std::string code_name, std::string message) {
    return Status(ErrorCode::kFailedPrecondition, std::move(code_name), std::move(message));
  }
  static Status Forbidden(std::string code_name = "auth.forbidden",
                          std::string message = "Du har ikke tilgang til dette.") {
    return Status(ErrorCode::kPermissionDenied, std::move(code_name), std::move(message));
  }
  static Status Unauthenticated(std::string message = "Du må logge inn.") {
    return Status(ErrorCode::kUnauthenticated, "auth.unauthenticated", std::move(message));
  }
  static Status Internal(std::string detail) {
    return Status(ErrorCode::kInternal, "internal", "Det oppstod en intern feil.", {},
                  std::move(detail));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& code_name() const { return code_name_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  const std::string& detail() const { return detail_; }
  std::optional<int> retry_after_seconds() const { return retry_after_; }
  Status& WithRetryAfter(int seconds) {
    retry_after_ = seconds;
    return *this;
  }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string code_name_;
  std::string message_;
  std::vector<FieldError> fields_;
  std::string detail_;
  std::optional<int> retry_after_;
};

// A value or an error. Construct from either; check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be OK
  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // The error; OK when the result holds a value.
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace samkjop::core

// Propagate a non-OK Status from an expression returning Status.
#define SAMKJOP_RETURN_IF_ERROR(expr)     \
  do {                                    \
    ::samkjop::core::Status _st = (expr); \
    if (!_st.ok()) return _st;            \
  } while (0)

#endif  // SAMKJOP_CORE_ERROR_STATUS_H_
