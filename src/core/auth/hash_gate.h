// A bound on password hashing (argon2id: ~77 ms of CPU and 64 MiB per hash
// at interactive cost). Every hash and every verification — login, password
// change, user creation, reset, the CLI — passes the gate. At most `permits`
// run at once; up to `max_waiting` more wait (at most `max_wait`); beyond
// that a request is refused at once (503 auth.busy, Retry-After 1), so
// hashing never ties up every worker thread and /api/health and the rest of
// the API keep answering during a burst of logins. serve sizes it from the
// cores and --threads (src/app/main.cc) so one worker thread always stays
// free of hashing.
//
// The number running is the gauge "auth.hashes_running" (and those waiting
// "auth.hashes_waiting"); serve --test-gauges shows them at
// GET /api/test/gauges.
#ifndef SAMKJOP_CORE_AUTH_HASH_GATE_H_
#define SAMKJOP_CORE_AUTH_HASH_GATE_H_

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace samkjop::core::auth {

class HashGate {
 public:
  HashGate(int permits, int max_waiting, std::chrono::milliseconds max_wait);
  HashGate(const HashGate&) = delete;
  HashGate& operator=(const HashGate&) = delete;

  // Holds one permit while alive; ok() is false when none was given.
  class Permit {
   public:
    Permit(Permit&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;
    ~Permit();
    bool ok() const { return gate_ != nullptr; }

   private:
    friend class HashGate;
    explicit Permit(HashGate* gate) : gate_(gate) {}
    HashGate* gate_;
  };

  // A permit now, or after waiting if there is room among the waiters; a
  // refused permit (ok() false) when the waiters are full or the wait runs
  // out. Thread-safe.
  Permit Acquire();

  int permits() const { return permits_; }
  int max_waiting() const { return max_waiting_; }

 private:
  void Release();

  const int permits_;
  const int max_waiting_;
  const std::chrono::milliseconds max_wait_;
  std::mutex mu_;
  std::condition_variable freed_;
  int running_ = 0;  // guarded by mu_
  int waiting_ = 0;  // guarded by mu_
};

}  // namespace samkjop::core::auth

#endif  // SAMKJOP_CORE_AUTH_HASH_GATE_H_
