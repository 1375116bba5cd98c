#include "core/http/body_budget.h"

namespace samkjop::core::http {

BodyBudget::BodyBudget(std::uint64_t cap)
    : cap_(cap), gauge_(metrics::NamedGauge("http.body_bytes_buffered")) {}

bool BodyBudget::TryTake(std::uint64_t n) {
  std::uint64_t seen = used_.load(std::memory_order_relaxed);
  do {
    if (n > cap_ || seen > cap_ - n) return false;
  } while (!used_.compare_exchange_weak(seen, seen + n, std::memory_order_relaxed));
  gauge_.Add(static_cast<std::int64_t>(n));
  return true;
}

void BodyBudget::Give(std::uint64_t n) {
  used_.fetch_sub(n, std::memory_order_relaxed);
  gauge_.Add(-static_cast<std::int64_t>(n));
}

bool BodyBudget::Lease::GrowTo(std::uint64_t bytes) {
  if (bytes <= bytes_) return true;
  if (!budget_ || !budget_->TryTake(bytes - bytes_)) return false;
  bytes_ = bytes;
  return true;
}

void BodyBudget::Lease::Release() {
  if (budget_ && bytes_ > 0) budget_->Give(bytes_);
  bytes_ = 0;
}

}  // namespace samkjop::core::http
