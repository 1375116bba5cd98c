// BodyBudget: leases never pass the cap together, and the gauge follows them.
#include "core/http/body_budget.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace samkjop::core::http {
namespace {

TEST(BodyBudgetTest, LeasesShareTheCap) {
  BodyBudget budget(100);
  auto& gauge = metrics::NamedGauge("http.body_bytes_buffered");
  std::int64_t before = gauge.current();
  BodyBudget::Lease a(&budget), b(&budget);
  EXPECT_TRUE(a.GrowTo(60));
  EXPECT_EQ(gauge.current() - before, 60);
  EXPECT_FALSE(b.GrowTo(41));  // 60 + 41 > 100
  EXPECT_EQ(b.bytes(), 0u);
  EXPECT_TRUE(b.GrowTo(40));
  EXPECT_TRUE(a.GrowTo(50));  // never shrinks
  EXPECT_EQ(a.bytes(), 60u);
  EXPECT_EQ(budget.used(), 100u);
  a.Release();
  EXPECT_EQ(budget.used(), 40u);
  EXPECT_TRUE(b.GrowTo(100));
  EXPECT_FALSE(b.GrowTo(101));
  EXPECT_EQ(gauge.current() - before, 100);
}

TEST(BodyBudgetTest, LeaseGivesBackOnDestruction) {
  BodyBudget budget(10);
  {
    BodyBudget::Lease a(&budget);
    EXPECT_TRUE(a.GrowTo(10));
  }
  EXPECT_EQ(budget.used(), 0u);
  BodyBudget::Lease none;
  EXPECT_FALSE(none.GrowTo(1));
  EXPECT_TRUE(none.GrowTo(0));
}

TEST(BodyBudgetTest, ManyThreadsNeverPassTheCap) {
  BodyBudget budget(1000);
  std::vector<std::thread> threads;
  std::atomic<bool> over{false};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int idx = 0; idx < 2000; ++idx) {
        BodyBudget::Lease lease(&budget);
        if (lease.GrowTo(300) && budget.used() > 1000) over = true;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_FALSE(over);
  EXPECT_EQ(budget.used(), 0u);
}

}  // namespace
}  // namespace samkjop::core::http
