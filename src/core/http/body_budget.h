// The request-body bytes held in memory across all connections, with a cap:
// the transport takes a Lease before it buffers body bytes and answers 503
// when the cap would be passed. Every byte leased is also added to the gauge
// "http.body_bytes_buffered" (and subtracted when the lease ends).
#ifndef SAMKJOP_CORE_HTTP_BODY_BUDGET_H_
#define SAMKJOP_CORE_HTTP_BODY_BUDGET_H_

#include <atomic>
#include <cstdint>

#include "core/metrics/gauge.h"

namespace samkjop::core::http {

class BodyBudget {
 public:
  // `cap` bytes in total; the gauge is NamedGauge("http.body_bytes_buffered").
  explicit BodyBudget(std::uint64_t cap);
  BodyBudget(const BodyBudget&) = delete;
  BodyBudget& operator=(const BodyBudget&) = delete;

  // Bytes that one connection holds. Not thread-safe itself (one connection
  // uses it at a time); the budget it draws on is.
  class Lease {
   public:
    explicit Lease(BodyBudget* budget = nullptr) : budget_(budget) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { Release(); }

    // Makes the lease at least `bytes` large. False (and unchanged) when the
    // budget cannot give the difference.
    bool GrowTo(std::uint64_t bytes);
    // Gives every byte back.
    void Release();
    std::uint64_t bytes() const { return bytes_; }

   private:
    BodyBudget* budget_;
    std::uint64_t bytes_ = 0;
  };

  std::uint64_t cap() const { return cap_; }
  std::uint64_t used() const { return used_.load(std::memory_order_relaxed); }

 private:
  bool TryTake(std::uint64_t n);
  void Give(std::uint64_t n);

  const std::uint64_t cap_;
  std::atomic<std::uint64_t> used_{0};
  metrics::Gauge& gauge_;
};

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_BODY_BUDGET_H_
