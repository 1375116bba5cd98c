// The HTTP server: the only code that sees Boost.Beast. Reads each request's
// header first, asks the Pipeline how to read its body (limit, memory or
// temporary file), then runs the Pipeline on a small thread pool until SIGINT
// or SIGTERM; then it stops accepting, lets in-flight requests finish and
// returns.
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
  // Threads running the one io_context; handlers run on them and may block.
  std::size_t threads = 4;

  // Timeouts. A connection that passes one is closed (no answer is owed).
  int idle_timeout_seconds = 30;    // keep-alive: waiting for a request's first byte
  int header_timeout_seconds = 10;  // first byte to the end of the header (slowloris)
  int body_timeout_seconds = 30;    // longest pause between two reads of the body
  int write_timeout_seconds = 30;   // writing one response
  // After SIGINT/SIGTERM, requests in flight get this long before the pool stops.
  int shutdown_grace_seconds = 30;

  // Limits, each answered with problem+json and a closed connection.
  std::size_t max_target_bytes = 8 * 1024;   // request target; 414 above
  std::size_t max_header_bytes = 32 * 1024;  // request line and header fields; 431 above
  // Request-body bytes held in memory across all connections at once; a body
  // that would pass it is answered 503 with Retry-After instead of being read.
  std::uint64_t max_buffered_body_bytes = 64ull * 1024 * 1024;
  int busy_retry_after_seconds = 5;

  // Folder for bodies of BodyPolicy::stream_to_file routes (the data folder's
  // tmp/); created if missing. "" = the system's temporary folder.
  std::string temp_dir;
};

// Blocks SIGINT/SIGTERM, starts the server, calls on_started, waits for a
// signal, stops. Errors: kUnavailable when the address cannot be bound.
Status RunServer(const Pipeline& pipeline, const ServerOptions& options,
                 const std::function<void()>& on_started);

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_SERVER_H_
