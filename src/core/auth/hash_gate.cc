#include "core/auth/hash_gate.h"

#include <algorithm>

#include "core/metrics/gauge.h"

namespace samkjop::core::auth {
namespace {

metrics::Gauge& Running() {
  static metrics::Gauge& g = metrics::NamedGauge("auth.hashes_running");
  return g;
}
metrics::Gauge& Waiting() {
  static metrics::Gauge& g = metrics::NamedGauge("auth.hashes_waiting");
  return g;
}

}  // namespace

HashGate::HashGate(int permits, int max_waiting, std::chrono::milliseconds max_wait)
    : permits_(std::max(1, permits)), max_waiting_(std::max(0, max_waiting)), max_wait_(max_wait) {
  Running();  // listed at /api/test/gauges from the start
  Waiting();
}

HashGate::Permit::~Permit() {
  if (gate_) gate_->Release();
}

HashGate::Permit HashGate::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  if (running_ >= permits_) {
    if (waiting_ >= max_waiting_) return Permit(nullptr);
    ++waiting_;
    Waiting().Add(1);
    bool got = freed_.wait_for(lock, max_wait_, [this] { return running_ < permits_; });
    --waiting_;
    Waiting().Add(-1);
    if (!got) return Permit(nullptr);
  }
  ++running_;
  Running().Add(1);
  return Permit(this);
}

void HashGate::Release() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    --running_;
    Running().Add(-1);
  }
  freed_.notify_one();
}

}  // namespace samkjop::core::auth
