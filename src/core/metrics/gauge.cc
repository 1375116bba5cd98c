#include "core/metrics/gauge.h"

#include <map>
#include <memory>
#include <mutex>

namespace samkjop::core::metrics {
namespace {

std::mutex g_mu;
// Guarded by g_mu; gauges are never removed, so references stay valid.
std::map<std::string, std::unique_ptr<Gauge>>& Registry() {
  static auto* r = new std::map<std::string, std::unique_ptr<Gauge>>();
  return *r;
}

}  // namespace

void Gauge::Add(std::int64_t n) {
  std::int64_t now = current_.fetch_add(n, std::memory_order_relaxed) + n;
  std::int64_t seen = peak_.load(std::memory_order_relaxed);
  while (now > seen && !peak_.compare_exchange_weak(seen, now, std::memory_order_relaxed)) {
  }
}

void Gauge::ResetPeak() { peak_.store(current(), std::memory_order_relaxed); }

Gauge& NamedGauge(const std::string& name) {
  std::lock_guard<std::mutex> lock(g_mu);
  auto& slot = Registry()[name];
  if (!slot) slot = std::make_unique<Gauge>();
  return *slot;
}

nlohmann::json GaugesJson() {
  std::lock_guard<std::mutex> lock(g_mu);
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, g] : Registry())
    out[name] = {{"current", g->current()}, {"peak", g->peak()}};
  return out;
}

void ResetAllPeaks() {
  std::lock_guard<std::mutex> lock(g_mu);
  for (auto& [name, g] : Registry()) g->ResetPeak();
}

}  // namespace samkjop::core::metrics
