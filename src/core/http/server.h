// The HTTP server: the only code that sees RESTinio. Runs the Pipeline on a
// small thread pool until SIGINT or SIGTERM, then stops accepting, lets
// in-flight requests finish and returns.
#ifndef SAMKJOP_CORE_HTTP_SERVER_H_
#define SAMKJOP_CORE_HTTP_SERVER_H_

#include <cstdint>
#include <functional>
#include <string>

#include "core/error/status.h"
#include "core/http/pipeline.h"

namespace samkjop::core::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t threads = 4;
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  int handle_timeout_seconds = 60;
  // RESTinio's own limit closes the connection silently, so it is set far
  // above the Pipeline's limit, which answers 413 problem+json.
  std::size_t transport_body_limit = 64u * 1024 * 1024;
};

// Blocks SIGINT/SIGTERM, starts the server, calls on_started, waits for a
// signal, stops. Errors: kUnavailable when the address cannot be bound.
Status RunServer(const Pipeline& pipeline, const ServerOptions& options,
                 const std::function<void()>& on_started);

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_SERVER_H_
