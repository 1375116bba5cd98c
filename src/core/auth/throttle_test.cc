// The throttle's rule (lock lengths, quiet reset) and its counting on an
// in-memory SQLite database.
#include "core/auth/throttle.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/module/module.h"

namespace samkjop::core::auth::throttle {
namespace {

TEST(ThrottleRuleTest, LockDoublesFromTheLimitUpTo900Seconds) {
  Rule r;  // limit 5, first lock 1 s, cap 900 s
  struct Case {
    int failures;
    std::int64_t lock_ms;
  };
  const Case cases[] = {{0, 0},       {4, 0},        {5, 1000},     {6, 2000},
                        {7, 4000},    {10, 32000},   {14, 512000},  {15, 900000},
                        {16, 900000}, {100, 900000}, {1000, 900000}};
  for (const auto& c : cases) EXPECT_EQ(LockMs(r, c.failures), c.lock_ms) << c.failures;
  Rule address;
  address.limit = 100;
  EXPECT_EQ(LockMs(address, 99), 0);
  EXPECT_EQ(LockMs(address, 100), 1000);
  EXPECT_EQ(LockMs(address, 103), 8000);
  Rule slow;
  slow.first_lock_ms = 60'000;
  EXPECT_EQ(LockMs(slow, 5), 60'000);
  EXPECT_EQ(LockMs(slow, 9), 900'000);  // 960 s, capped
}

class ThrottleDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::Database::Open("sqlite::memory:", 1);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Migrate(CoreModule().migrations()).ok());
  }
  Counted Count(const std::vector<Key>& keys, std::int64_t now) {
    auto s = db_->Acquire();
    storage::WriteTx tx(s);
    Counted c = CountAttempt(s.sql(), false, keys, now);
    tx.Commit();
    return c;
  }
  std::int64_t Locked(const Rule& r, const std::string& key, std::int64_t now) {
    auto s = db_->Acquire();
    return LockedFor(s.sql(), r, key, now);
  }
  int Rows() {
    auto s = db_->Acquire();
    int n = -1;
    s.sql() << "SELECT COUNT(*) FROM auth_throttle", soci::into(n);
    return n;
  }
  std::unique_ptr<storage::Database> db_;
  Rule rule_;
  const std::int64_t t0_ = 1'800'000'000'000;
};

TEST_F(ThrottleDbTest, CountsUntilLockedThenRefusesWithoutCounting) {
  std::vector<Key> keys = {{"u:kari", rule_}};
  for (int n = 1; n <= 5; ++n) {
    Counted c = Count(keys, t0_ + n);
    ASSERT_EQ(c.retry_after_ms, 0) << n;
    EXPECT_EQ(c.failures[0], n);
  }
  // The fifth counted attempt locked the key for 1 s from its time.
  Counted locked = Count(keys, t0_ + 500);
  EXPECT_EQ(locked.retry_after_ms, 505);
  EXPECT_TRUE(locked.failures.empty()) << "a refused attempt is not counted";
  EXPECT_EQ(Locked(rule_, "u:kari", t0_ + 500), 505);
  // After the lock, one more attempt is counted and locks for 2 s.
  Counted sixth = Count(keys, t0_ + 1005);
  ASSERT_EQ(sixth.retry_after_ms, 0);
  EXPECT_EQ(sixth.failures[0], 6);
  EXPECT_EQ(Count(keys, t0_ + 1006).retry_after_ms, 1999);
}

TEST_F(ThrottleDbTest, AQuietPeriodStartsTheCountAgain) {
  std::vector<Key> keys = {{"ip:203.0.113.7", rule_}};
  for (int n = 1; n <= 20; ++n) Count(keys, t0_ + n * 1'000'000);  // past every lock
  EXPECT_GT(Locked(rule_, "ip:203.0.113.7", t0_ + 20'000'001), 0);
  std::int64_t later = t0_ + 20'000'000 + rule_.quiet_ms + 1;
  EXPECT_EQ(Locked(rule_, "ip:203.0.113.7", later), 0);
  EXPECT_EQ(Count(keys, later).failures[0], 1);
}

TEST_F(ThrottleDbTest, EitherKeyLockedRefusesBoth) {
  Rule address = rule_;
  address.limit = 2;
  std::vector<Key> keys = {{"u:kari", rule_}, {"ip:203.0.113.7", address}};
  Count(keys, t0_);
  Count(keys, t0_ + 1);
  Counted c = Count(keys, t0_ + 2);
  EXPECT_GT(c.retry_after_ms, 0);
  // The account was not counted by the refused attempt: still 2.
  auto s = db_->Acquire();
  int failures = 0;
  s.sql() << "SELECT failures FROM auth_throttle WHERE key = 'u:kari'", soci::into(failures);
  EXPECT_EQ(failures, 2);
}

TEST_F(ThrottleDbTest, RefundGivesTheAttemptBackAndForgetsAnEmptyKey) {
  std::vector<Key> keys = {{"ip:198.51.100.1", rule_}};
  Counted c = Count(keys, t0_);
  {
    auto s = db_->Acquire();
    Refund(s.sql(), "ip:198.51.100.1", t0_, c.previous_last_ms[0]);
  }
  EXPECT_EQ(Rows(), 0) << "an address with only right passwords leaves no row";
  // An address at its limit with an expired lock: a right password must not re-arm it.
  for (int n = 0; n < 5; ++n) Count(keys, t0_ + n);
  std::int64_t later = t0_ + 10'000;
  EXPECT_EQ(Locked(rule_, "ip:198.51.100.1", later), 0);
  Counted right = Count(keys, later);
  ASSERT_EQ(right.retry_after_ms, 0);
  {
    auto s = db_->Acquire();
    Refund(s.sql(), "ip:198.51.100.1", later, right.previous_last_ms[0]);
  }
  EXPECT_EQ(Locked(rule_, "ip:198.51.100.1", later + 1), 0);
}

TEST_F(ThrottleDbTest, ClearForgetsTheKey) {
  std::vector<Key> keys = {{"u:kari", rule_}};
  for (int n = 0; n < 5; ++n) Count(keys, t0_);
  EXPECT_GT(Locked(rule_, "u:kari", t0_), 0);
  {
    auto s = db_->Acquire();
    Clear(s.sql(), "u:kari");
  }
  EXPECT_EQ(Locked(rule_, "u:kari", t0_), 0);
  EXPECT_EQ(Count(keys, t0_).failures[0], 1);
}

}  // namespace
}  // namespace samkjop::core::auth::throttle
