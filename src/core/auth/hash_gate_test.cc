// The hash gate: never more than `permits` at once, a bounded queue, and a
// refusal instead of an unbounded wait.
#include "core/auth/hash_gate.h"

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/metrics/gauge.h"

namespace samkjop::core::auth {
namespace {

using std::chrono::milliseconds;

TEST(HashGateTest, NeverMoreThanThePermitsAtOnce) {
  HashGate gate(2, 100, milliseconds(10'000));
  metrics::Gauge& running = metrics::NamedGauge("auth.hashes_running");
  running.ResetPeak();
  std::atomic<int> inside{0}, most{0}, got{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 12; ++t)
    threads.emplace_back([&] {
      HashGate::Permit p = gate.Acquire();
      if (!p.ok()) return;
      ++got;
      int now = ++inside;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(milliseconds(20));
      --inside;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(got.load(), 12) << "the queue had room for everyone";
  EXPECT_EQ(most.load(), 2);
  EXPECT_LE(running.peak(), 2);
  EXPECT_EQ(running.current(), 0);
}

TEST(HashGateTest, RefusesAtOnceWhenTheQueueIsFull) {
  HashGate gate(1, 1, milliseconds(10'000));
  HashGate::Permit first = gate.Acquire();
  ASSERT_TRUE(first.ok());
  std::thread waiter([&] { EXPECT_TRUE(gate.Acquire().ok()); });  // waits for `first`
  while (metrics::NamedGauge("auth.hashes_waiting").current() < 1)
    std::this_thread::sleep_for(milliseconds(1));
  auto started = std::chrono::steady_clock::now();
  HashGate::Permit third = gate.Acquire();
  EXPECT_FALSE(third.ok());
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(1000)) << "no waiting";
  { HashGate::Permit released = std::move(first); }
  waiter.join();
}

TEST(HashGateTest, AWaitThatRunsOutIsRefused) {
  HashGate gate(1, 5, milliseconds(30));
  HashGate::Permit first = gate.Acquire();
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(gate.Acquire().ok());
}

}  // namespace
}  // namespace samkjop::core::auth
