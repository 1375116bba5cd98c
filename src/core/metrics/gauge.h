// Gauges: a current value and its high-water mark, kept with two atomics.
// The transport records the body bytes it buffers and the auth service the
// password hashes it runs at once; `serve --test-gauges` exposes every gauge
// at GET /api/test/gauges so black-box tests can prove a bound holds.
// Recording is always on; only the route is test-only.
#ifndef SAMKJOP_CORE_METRICS_GAUGE_H_
#define SAMKJOP_CORE_METRICS_GAUGE_H_

#include <atomic>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace samkjop::core::metrics {

class Gauge {
 public:
  // Adds n (may be negative) and updates the peak. Thread-safe.
  void Add(std::int64_t n);
  std::int64_t current() const { return current_.load(std::memory_order_relaxed); }
  std::int64_t peak() const { return peak_.load(std::memory_order_relaxed); }
  // Sets the peak to the current value (tests measure one phase at a time).
  void ResetPeak();

 private:
  std::atomic<std::int64_t> current_{0};
  std::atomic<std::int64_t> peak_{0};
};

// The gauge with this name, created on first use; lives for the process.
// Names are fixed strings in code, e.g. "http.body_bytes_buffered".
Gauge& NamedGauge(const std::string& name);

// {"name": {"current": n, "peak": n}, ...} for every gauge created so far.
nlohmann::json GaugesJson();
// ResetPeak() on every gauge.
void ResetAllPeaks();

}  // namespace samkjop::core::metrics

#endif  // SAMKJOP_CORE_METRICS_GAUGE_H_
