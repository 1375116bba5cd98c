#include "modules/spend/engine.h"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <new>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "modules/spend/csv_scan.h"
#include "modules/spend/field_parse.h"

namespace samkjop::spend {
namespace {

using core::Status;

constexpr size_t kMaxRejectedExamples = 100;

inline std::uint64_t Mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

inline std::uint64_t Hash3(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  return Mix64(((static_cast<std::uint64_t>(a) << 32) | b) ^
               (static_cast<std::uint64_t>(c) * 0x9E3779B97F4A7C15ull));
}

// A covered date range of one (buyer, supplier, area), inclusive.
struct Interval {
  std::int32_t from, to;
};

struct Key3 {
  std::uint32_t buyer, supplier, area;
  bool operator==(const Key3&) const = default;
};
struct Key3Hash {
  size_t operator()(const Key3& k) const { return Hash3(k.buyer, k.supplier, k.area); }
};

// Memory for big tables and buffers: 2 MiB-aligned and marked for
// transparent huge pages, which cuts TLB misses (dear under virtualisation).
// Release with std::free.
void* AllocHuge(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  void* p;
  if (bytes < kHuge) {
    p = std::malloc(bytes);
  } else {
    bytes = (bytes + kHuge - 1) & ~(kHuge - 1);
    p = std::aligned_alloc(kHuge, bytes);
    if (p) ::madvise(p, bytes, MADV_HUGEPAGE);
  }
  if (!p) throw std::bad_alloc();
  return p;
}

// One aggregate cell: (buyer, supplier or kNoOrgnr, area) -> sums. 32 bytes,
// two to a cache line. The sums wrap; a carry goes to Partial::carries.
struct AggSlot {
  std::uint32_t buyer, supplier;
  std::uint32_t area;   // kEmptyArea: free slot
  std::uint32_t cover;  // 1 + index into the coverage lists; 0: never covered
  std::int64_t total, covered;
};
static_assert(sizeof(AggSlot) == 32);
constexpr std::uint32_t kEmptyArea = UINT32_MAX;

// Open-addressing (linear probing) table of AggSlot, load factor <= 1/2.
class AggTable {
 public:
  AggTable() { Reset(size_t{1} << 14); }
  ~AggTable() { std::free(slots_); }
  AggTable(const AggTable&) = delete;
  AggTable& operator=(const AggTable&) = delete;

  void Prefetch(std::uint64_t hash) const { __builtin_prefetch(slots_ + (hash & mask_), 1); }

  // The slot of the key; a new one is zeroed and passed to init(slot).
  template <typename Init>
  AggSlot& FindOrInsert(std::uint64_t hash, std::uint32_t buyer, std::uint32_t supplier,
                        std::uint32_t area, Init&& init) {
    size_t pos = hash & mask_;
    while (true) {
      AggSlot& s = slots_[pos];
      if (s.area == area && s.buyer == buyer && s.supplier == supplier) return s;
      if (s.area == kEmptyArea) break;
      pos = (pos + 1) & mask_;
    }
    if ((size_ + 1) * 2 > capacity_) {
      Grow();
      return FindOrInsert(hash, buyer, supplier, area, init);
    }
    AggSlot& s = slots_[pos];
    s = AggSlot{buyer, supplier, area, 0, 0, 0};
    init(s);
    ++size_;
    return s;
  }

  template <typename F>
  void ForEach(F&& f) const {
    for (size_t idx = 0; idx < capacity_; ++idx)
      if (slots_[idx].area != kEmptyArea) f(slots_[idx]);
  }

 private:
  void Reset(size_t capacity) {
    slots_ = static_cast<AggSlot*>(AllocHuge(capacity * sizeof(AggSlot)));
    std::memset(static_cast<void*>(slots_), 0xFF, capacity * sizeof(AggSlot));  // all empty
    capacity_ = capacity;
    mask_ = capacity - 1;
    size_ = 0;
  }
  void Grow() {
    AggSlot* old = slots_;
    const size_t old_capacity = capacity_;
    Reset(old_capacity * 2);
    for (size_t idx = 0; idx < old_capacity; ++idx) {
      const AggSlot& s = old[idx];
      if (s.area == kEmptyArea) continue;
      size_t pos = Hash3(s.buyer, s.supplier, s.area) & mask_;
      while (slots_[pos].area != kEmptyArea) pos = (pos + 1) & mask_;
      slots_[pos] = s;
      ++size_;
    }
    std::free(old);
  }
  AggSlot* slots_ = nullptr;
  size_t capacity_ = 0;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// (buyer, supplier, area) -> uint32, built once, read by every thread.
// Open addressing; far fewer cache misses than a node-based map.
class Key3Map {
 public:
  void Build(const std::vector<std::pair<Key3, std::uint32_t>>& entries) {
    size_t capacity = 16;
    while (capacity < entries.size() * 2) capacity *= 2;
    slots_.assign(capacity, Slot{Key3{0, 0, kEmptyArea}, 0});
    mask_ = capacity - 1;
    for (const auto& [key, value] : entries) {
      size_t pos = Hash3(key.buyer, key.supplier, key.area) & mask_;
      while (slots_[pos].key.area != kEmptyArea) pos = (pos + 1) & mask_;
      slots_[pos] = Slot{key, value};
    }
  }
  // The value of the key, or 0.
  std::uint32_t Find(std::uint64_t hash, const Key3& key) const {
    size_t pos = hash & mask_;
    while (true) {
      const Slot& s = slots_[pos];
      if (s.key == key) return s.value;
      if (s.key.area == kEmptyArea) return 0;
      pos = (pos + 1) & mask_;
    }
  }

 private:
  struct Slot {
    Key3 key;
    std::uint32_t value;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(1, Slot{Key3{0, 0, kEmptyArea}, 0});
  size_t mask_ = 0;
};

// uint32 key (never kNoOrgnr) -> uint32 value; open addressing.
class U32Map {
 public:
  U32Map() { Reset(256); }
  const std::uint32_t* Find(std::uint32_t key) const {
    size_t pos = Mix64(key) & mask_;
    while (keys_[pos] != kNoOrgnr) {
      if (keys_[pos] == key) return &values_[pos];
      pos = (pos + 1) & mask_;
    }
    return nullptr;
  }
  void Insert(std::uint32_t key, std::uint32_t value) {  // key must be absent
    if ((size_ + 1) * 2 > keys_.size()) {
      std::vector<std::uint32_t> old_keys = std::move(keys_), old_values = std::move(values_);
      Reset(old_keys.size() * 2);
      for (size_t idx = 0; idx < old_keys.size(); ++idx)
        if (old_keys[idx] != kNoOrgnr) Insert(old_keys[idx], old_values[idx]);
    }
    size_t pos = Mix64(key) & mask_;
    while (keys_[pos] != kNoOrgnr) pos = (pos + 1) & mask_;
    keys_[pos] = key;
    values_[pos] = value;
    ++size_;
  }

 private:
  void Reset(size_t capacity) {
    keys_.assign(capacity, kNoOrgnr);
    values_.assign(capacity, 0);
    mask_ = capacity - 1;
    size_ = 0;
  }
  std::vector<std::uint32_t> keys_, values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Account text -> area id. Accounts of up to 7 bytes (the usual KOSTRA art
// codes) are packed into one integer; longer ones go to a string map.
class AccountIndex {
 public:
  explicit AccountIndex(const AccountMap& map) {
    size_t capacity = 64;
    while (capacity < map.accounts().size() * 2) capacity *= 2;
    keys_.assign(capacity, 0);
    values_.assign(capacity, -1);
    mask_ = capacity - 1;
    for (const auto& [account, area] : map.accounts()) {
      if (account.size() <= 7) {
        const std::uint64_t key = Pack(account);
        size_t pos = Mix64(key) & mask_;
        while (keys_[pos] != 0) pos = (pos + 1) & mask_;
        keys_[pos] = key;
        values_[pos] = static_cast<std::int32_t>(area);
      } else {
        long_.emplace(account, static_cast<std::int32_t>(area));
      }
    }
  }

  // The area id of `account` (trimmed), or -1.
  std::int32_t Find(std::string_view account) const {
    if (account.size() <= 7) {
      const std::uint64_t key = Pack(account);
      size_t pos = Mix64(key) & mask_;
      while (keys_[pos] != 0) {
        if (keys_[pos] == key) return values_[pos];
        pos = (pos + 1) & mask_;
      }
      return -1;
    }
    if (long_.empty()) return -1;
    auto it = long_.find(std::string(account));
    return it == long_.end() ? -1 : it->second;
  }

 private:
  static std::uint64_t Pack(std::string_view s) {  // s.size() <= 7; never 0
    std::uint64_t key = static_cast<std::uint64_t>(s.size() + 1) << 56;
    for (size_t idx = 0; idx < s.size(); ++idx)
      key |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[idx])) << (8 * idx);
    return key;
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::int32_t> values_;
  size_t mask_ = 0;
  std::unordered_map<std::string, std::int32_t> long_;
};

struct SourceInfo {
  std::string name;
  char delim = ',';
  std::uint32_t n_fields = 0;
  std::uint32_t col_buyer = 0, col_date = 0, col_supplier = 0, col_account = 0, col_amount = 0;
  std::int32_t col_name = -1;
};

struct RejectSeen {
  std::uint64_t seq, line;
  std::uint32_t source;
  RejectReason reason;
};

struct NameSeen {
  std::uint64_t seq, line;
  std::uint32_t supplier;
  std::string name;
};

// Everything one thread accumulates. Each state sees its chunks in
// increasing sequence order, so its first names and first rejections are
// the earliest of that state; merging by (seq, line) makes them global.
// An in-scope record waiting in a small batch, so the slots of a batch are
// prefetched together (the aggregate table is far bigger than the caches).
struct Pending {
  std::uint64_t hash;
  std::uint32_t buyer, supplier, area;
  std::int32_t day;
  std::int64_t amount;
};
constexpr int kBatch = 16;

struct Partial {
  SpendCounts counts;
  AggTable agg;
  // Carries of wrapped 64-bit sums: key -> (total, covered) multiples of 2^64.
  std::unordered_map<Key3, std::pair<OreSum, OreSum>, Key3Hash> carries;
  Pending batch[kBatch];
  int batch_size = 0;
  U32Map name_index;  // supplier -> index in names
  std::vector<NameSeen> names;
  std::vector<RejectSeen> rejects;
  RecordFields fields;
  std::string scratch[6];
};

struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};

struct Buffer {
  std::unique_ptr<char, FreeDeleter> data;
  size_t capacity = 0;
  explicit Buffer(size_t cap) { Reset(cap); }
  void Reset(size_t cap) {
    data.reset(static_cast<char*>(AllocHuge(cap + kScanPadding)));
    std::memset(data.get() + cap, 0, kScanPadding);
    capacity = cap;
  }
  void Grow(size_t new_cap, size_t keep) {
    std::unique_ptr<char, FreeDeleter> old = std::move(data);
    Reset(new_cap);
    std::memcpy(data.get(), old.get(), keep);
  }
};

struct Task {
  const SourceInfo* info;  // stable: sources live in a deque
  Buffer* buffer;
  size_t len;
  std::uint64_t first_line;
  std::uint64_t seq;
  std::uint32_t source;
};

struct ChunkError {
  std::uint64_t seq, line;
  std::uint32_t source;
};

Status Cancelled() {
  return Status(core::ErrorCode::kFailedPrecondition, "spend.cancelled", "Analysen ble avbrutt.");
}

}  // namespace

struct SpendEngine::Impl {
  EngineOptions opt;
  std::int32_t year_lo = 0, year_hi = 0;
  std::vector<std::string> areas;
  AccountIndex accounts;
  // Coverage: (buyer, supplier, area) -> 1 + index into cover_lists, whose
  // entries are [begin, begin + count) ranges of cover_intervals.
  Key3Map coverage;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cover_lists;
  std::vector<Interval> cover_intervals;
  std::deque<SourceInfo> sources;
  std::vector<std::unique_ptr<Partial>> partials;  // one per worker, then the caller's
  std::vector<std::thread> workers;

  std::mutex mu;
  std::condition_variable cv_task, cv_done, cv_buffer;
  std::deque<Task> tasks;                            // guarded by mu
  size_t in_flight = 0;                              // guarded by mu
  bool shutting_down = false;                        // guarded by mu
  std::vector<Buffer*> free_buffers;                 // guarded by mu
  std::vector<std::unique_ptr<Buffer>> all_buffers;  // constant after construction
  std::vector<ChunkError> chunk_errors;              // guarded by mu
  std::atomic<std::uint64_t> error_seq{UINT64_MAX};  // smallest seq with an error

  Status fatal;  // sticky run-stopping error (caller thread only)
  std::vector<FileError> file_errors;
  std::uint64_t next_seq = 0;
  std::atomic<std::uint64_t> records_done{0};
  bool finished = false;

  Impl(const AgreementSet& agreements, const AccountMap& account_map, EngineOptions options)
      : opt(std::move(options)), areas(account_map.areas()), accounts(account_map) {
    year_lo = DaysFromCivil(opt.year, 1, 1);
    year_hi = DaysFromCivil(opt.year, 12, 31);
    if (opt.chunk_bytes < 4096) opt.chunk_bytes = 4096;
    if (opt.max_record_bytes < opt.chunk_bytes) opt.max_record_bytes = opt.chunk_bytes;
    BuildCoverage(agreements, account_map);
    unsigned n = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    for (unsigned idx = 0; idx <= n; ++idx) partials.push_back(std::make_unique<Partial>());
    for (unsigned idx = 0; idx < n + 2; ++idx) {
      all_buffers.push_back(std::make_unique<Buffer>(opt.chunk_bytes));
      free_buffers.push_back(all_buffers.back().get());
    }
    for (unsigned idx = 0; idx < n; ++idx) workers.emplace_back([this, idx] { WorkerLoop(idx); });
  }

  ~Impl() {
    {
      std::lock_guard<std::mutex> lock(mu);
      shutting_down = true;
    }
    cv_task.notify_all();
    for (std::thread& t : workers) t.join();
  }

  void BuildCoverage(const AgreementSet& agreements, const AccountMap& account_map) {
    std::unordered_map<std::string, std::uint32_t> area_ids;
    for (size_t idx = 0; idx < areas.size(); ++idx)
      area_ids.emplace(areas[idx], static_cast<std::uint32_t>(idx));
    std::unordered_map<Key3, std::vector<Interval>, Key3Hash> lists;
    for (const Agreement& a : agreements.agreements()) {
      auto it = area_ids.find(a.product_area);
      if (it == area_ids.end()) continue;  // an area no account maps to: never matches
      for (std::uint32_t buyer : a.buyers)
        lists[Key3{buyer, a.supplier, it->second}].push_back({a.valid_from, a.valid_to});
    }
    cover_lists.emplace_back(0, 0);  // index 0: not covered
    std::vector<std::pair<Key3, std::uint32_t>> index;
    for (auto& [key, list] : lists) {
      std::sort(list.begin(), list.end(),
                [](const Interval& x, const Interval& y) { return x.from < y.from; });
      const std::uint32_t begin = static_cast<std::uint32_t>(cover_intervals.size());
      for (const Interval& iv : list) {
        if (cover_intervals.size() > begin &&
            static_cast<std::int64_t>(iv.from) <=
                static_cast<std::int64_t>(cover_intervals.back().to) + 1)
          cover_intervals.back().to = std::max(cover_intervals.back().to, iv.to);
        else
          cover_intervals.push_back(iv);
      }
      index.emplace_back(key, static_cast<std::uint32_t>(cover_lists.size()));
      cover_lists.emplace_back(begin, static_cast<std::uint32_t>(cover_intervals.size()) - begin);
    }
    coverage.Build(index);
  }

  // --- Per-record rules (the definitions of issue 3). ---

  static void Reject(Partial& p, std::uint64_t seq, std::uint64_t line, std::uint32_t source,
                     RejectReason reason) {
    ++p.counts.rejected;
    if (p.rejects.size() < kMaxRejectedExamples) p.rejects.push_back({seq, line, source, reason});
  }

  template <typename NameFn>
  void Tally(Partial& p, std::string_view buyer_s, std::string_view date_s,
             std::string_view supplier_s, std::string_view account_s, std::string_view amount_s,
             NameFn&& name_fn, std::uint64_t seq, std::uint64_t line, std::uint32_t source) {
    const std::uint32_t buyer = ParseOrgnr(buyer_s);
    if (buyer == kNoOrgnr) return Reject(p, seq, line, source, RejectReason::kInvalidBuyer);
    std::int32_t day;
    if (!ParseDate(date_s, &day)) return Reject(p, seq, line, source, RejectReason::kInvalidDate);
    std::int64_t amount;
    switch (ParseAmount(amount_s, &amount)) {
      case AmountParse::kOk: break;
      case AmountParse::kInvalid: return Reject(p, seq, line, source, RejectReason::kInvalidAmount);
      case AmountParse::kOverflow:
        return Reject(p, seq, line, source, RejectReason::kAmountOverflow);
    }
    const std::uint32_t supplier = supplier_s.empty() ? kNoOrgnr : ParseOrgnr(supplier_s);
    if (supplier != kNoOrgnr && !p.name_index.Find(supplier)) {
      const std::string_view name = name_fn();
      if (!name.empty()) {
        p.name_index.Insert(supplier, static_cast<std::uint32_t>(p.names.size()));
        p.names.push_back({seq, line, supplier, std::string(name)});
      }
    }
    if (day < year_lo || day > year_hi) {
      ++p.counts.out_of_year;
      return;
    }
    const std::int32_t area = account_s.empty() ? -1 : accounts.Find(account_s);
    if (area < 0) {
      ++p.counts.unmapped_account;
      return;
    }
    ++p.counts.in_scope;
    if (supplier == kNoOrgnr) ++p.counts.unknown_supplier;
    Pending& r = p.batch[p.batch_size++];
    r = Pending{Hash3(buyer, supplier, static_cast<std::uint32_t>(area)),
                buyer,
                supplier,
                static_cast<std::uint32_t>(area),
                day,
                amount};
    if (p.batch_size == kBatch) FlushBatch(p);
  }

  // Adds `amount` to a wrapping 64-bit sum, carrying overflow into p.carries.
  static void AddWrapping(Partial& p, const AggSlot& s, std::int64_t* sum, std::int64_t amount,
                          bool covered) {
    if (__builtin_add_overflow(*sum, amount, sum)) [[unlikely]] {
      const OreSum carry = amount > 0 ? (OreSum{1} << 64) : -(OreSum{1} << 64);
      auto& c = p.carries[Key3{s.buyer, s.supplier, s.area}];
      (covered ? c.second : c.first) += carry;
    }
  }

  void Accumulate(Partial& p, const Pending& r) {
    AggSlot& slot = p.agg.FindOrInsert(r.hash, r.buyer, r.supplier, r.area, [&](AggSlot& s) {
      if (r.supplier == kNoOrgnr) return;  // an unknown supplier is never covered
      s.cover = coverage.Find(r.hash, Key3{r.buyer, r.supplier, r.area});
    });
    AddWrapping(p, slot, &slot.total, r.amount, false);
    if (slot.cover) {
      const auto [begin, count] = cover_lists[slot.cover];
      for (std::uint32_t idx = begin; idx < begin + count; ++idx) {
        if (r.day >= cover_intervals[idx].from && r.day <= cover_intervals[idx].to) {
          AddWrapping(p, slot, &slot.covered, r.amount, true);
          break;
        }
      }
    }
  }

  void FlushBatch(Partial& p) {
    for (int idx = 0; idx < p.batch_size; ++idx) p.agg.Prefetch(p.batch[idx].hash);
    for (int idx = 0; idx < p.batch_size; ++idx) Accumulate(p, p.batch[idx]);
    p.batch_size = 0;
  }

  // --- Workers. ---

  void WorkerLoop(unsigned idx) {
    Partial& p = *partials[idx];
    while (true) {
      Task t;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv_task.wait(lock, [&] { return shutting_down || !tasks.empty(); });
        if (tasks.empty()) return;
        t = tasks.front();
        tasks.pop_front();
      }
      ProcessChunk(p, t);
      {
        std::lock_guard<std::mutex> lock(mu);
        ReleaseLocked(t.buffer);
        --in_flight;
      }
      cv_buffer.notify_one();
      cv_done.notify_all();
    }
  }

  void ProcessChunk(Partial& p, const Task& t) {
    if (opt.stop.stop_requested() || t.seq > error_seq.load(std::memory_order_relaxed)) return;
    const char* data = t.buffer->data.get();
    size_t bad = 0;
    if (!ValidateUtf8(data, t.len, &bad)) {
      const std::uint64_t line = t.first_line + CountNewlines(data, bad);
      std::lock_guard<std::mutex> lock(mu);
      chunk_errors.push_back({t.seq, line, t.source});
      if (t.seq < error_seq.load()) error_seq.store(t.seq);
      return;
    }
    const SourceInfo& src = *t.info;
    const std::uint64_t before = static_cast<std::uint64_t>(p.counts.lines_read);
    ForEachRecord(
        data, t.len, src.delim, t.first_line, src.n_fields + 1, &p.fields,
        [&](const RecordFields& f, std::uint64_t line, bool unclosed) {
          ++p.counts.lines_read;
          if (unclosed) return Reject(p, t.seq, line, t.source, RejectReason::kUnclosedQuote);
          if (f.count != src.n_fields)
            return Reject(p, t.seq, line, t.source, RejectReason::kFieldCount);
          auto value = [&](std::uint32_t col, int slot) {
            return FieldValue(std::string_view(data + f.starts[col], f.ends[col] - f.starts[col]),
                              f.MayBeQuoted(col), &p.scratch[slot]);
          };
          Tally(
              p, value(src.col_buyer, 0), value(src.col_date, 1), value(src.col_supplier, 2),
              value(src.col_account, 3), value(src.col_amount, 4),
              [&]() -> std::string_view {
                return src.col_name < 0 ? std::string_view()
                                        : value(static_cast<std::uint32_t>(src.col_name), 5);
              },
              t.seq, line, t.source);
        });
    FlushBatch(p);
    records_done.fetch_add(static_cast<std::uint64_t>(p.counts.lines_read) - before,
                           std::memory_order_relaxed);
  }

  // --- Buffers and dispatch (caller thread). ---

  Buffer* Acquire() {
    std::unique_lock<std::mutex> lock(mu);
    cv_buffer.wait(lock, [&] { return !free_buffers.empty(); });
    Buffer* b = free_buffers.back();
    free_buffers.pop_back();
    return b;
  }

  void ReleaseLocked(Buffer* b) {
    if (b->capacity > opt.chunk_bytes) b->Reset(opt.chunk_bytes);  // grown for a long record
    free_buffers.push_back(b);
  }

  void Release(Buffer* b) {
    {
      std::lock_guard<std::mutex> lock(mu);
      ReleaseLocked(b);
    }
    cv_buffer.notify_one();
  }

  void Dispatch(Buffer* b, size_t len, std::uint64_t first_line, std::uint32_t source) {
    {
      std::lock_guard<std::mutex> lock(mu);
      tasks.push_back({&sources[source], b, len, first_line, next_seq++, source});
      ++in_flight;
    }
    cv_task.notify_one();
  }

  void WaitIdle() {
    std::unique_lock<std::mutex> lock(mu);
    cv_done.wait(lock, [&] { return in_flight == 0; });
  }

  Status Utf8Error(const std::string& name, std::uint64_t line) {
    const std::string where = name + " linje " + std::to_string(line);
    return Status::InvalidField(
        "spend.invalid_utf8", where,
        where +
            ": filen er ikke gyldig UTF-8 (kanskje Latin-1 eller Windows-1252). Lagre den "
            "som UTF-8 og kjør på nytt.");
  }

  Status AddCsv(std::string_view name, ByteSource& source);
  Status ReadHeader(SourceInfo* info, Buffer*& buf, size_t* len, bool* eof, std::uint64_t* line,
                    ByteSource& source, std::uint64_t* bytes_read);
  Status AddRows(std::string_view name, std::span<const InvoiceRow> rows);
  core::Result<SpendReport> Finish();
};

// Fills `buf` from `source` until it holds `limit` bytes (at most its
// capacity; SIZE_MAX: full) or the source ends.
static Status Fill(ByteSource& source, Buffer* buf, size_t* len, bool* eof,
                   std::uint64_t* bytes_read, size_t limit = SIZE_MAX) {
  limit = std::min(limit, buf->capacity);
  while (!*eof && *len < limit) {
    core::Result<size_t> n = source.Read(buf->data.get() + *len, limit - *len);
    if (!n.ok()) return n.status();
    if (*n == 0) *eof = true;
    *len += *n;
    *bytes_read += *n;
  }
  return Status::Ok();
}

Status SpendEngine::Impl::ReadHeader(SourceInfo* info, Buffer*& buf, size_t* len, bool* eof,
                                     std::uint64_t* line, ByteSource& source,
                                     std::uint64_t* bytes_read) {
  static const std::vector<std::string_view> kRequired = {"buyer_orgnr", "invoice_date",
                                                          "supplier_orgnr", "account", "amount"};
  bool bom_checked = false;
  size_t header_end = 0;  // one past the header's '\n' (or len at the end)
  std::uint64_t header_newlines = 0;
  while (true) {
    SAMKJOP_RETURN_IF_ERROR(Fill(source, buf, len, eof, bytes_read));
    char* data = buf->data.get();
    if (!bom_checked && (*len >= 3 || *eof)) {
      bom_checked = true;
      if (StripBom(std::string_view(data, *len)).size() != *len) {
        std::memmove(data, data + 3, *len - 3);
        *len -= 3;
        continue;  // refill the three bytes
      }
    }
    // Drop blank lines before the header.
    size_t off = 0;
    while (off < *len) {
      const char* nl = static_cast<const char*>(std::memchr(data + off, '\n', *len - off));
      if (!nl) break;
      bool blank = true;
      for (const char* p = data + off; p < nl; ++p)
        if (*p != ' ' && *p != '\t' && *p != '\r') blank = false;
      if (!blank) break;
      off = static_cast<size_t>(nl - data) + 1;
      ++*line;
    }
    if (off) {
      std::memmove(data, data + off, *len - off);
      *len -= off;
      continue;
    }
    SkipState state;
    const size_t k = FindFirstBoundary(data, *len, &state, &header_newlines);
    if (k) {
      header_end = k;
      break;
    }
    if (*eof) {
      header_end = *len;
      header_newlines = CountNewlines(data, *len);
      break;
    }
    if (buf->capacity >= opt.max_record_bytes) {
      return Status::InvalidField("spend.missing_column", info->name,
                                  info->name + ": overskriftsraden er for lang");
    }
    buf->Grow(std::min(buf->capacity * 2, opt.max_record_bytes), *len);
  }
  char* data = buf->data.get();
  std::string_view header(data, header_end);
  while (!header.empty() && (header.back() == '\n' || header.back() == '\r'))
    header.remove_suffix(1);
  if (TrimBlank(header).empty()) {
    return Status::InvalidField("spend.missing_column", info->name,
                                info->name + ": filen er tom (ingen overskriftsrad)");
  }
  size_t bad = 0;
  if (!ValidateUtf8(header.data(), header.size(), &bad))
    return Utf8Error(info->name, *line + CountNewlines(header.data(), bad));
  info->delim = DetectDelimiter(header, kRequired);
  std::vector<CsvRow> rows = ParseSmallCsv(header, info->delim);
  const std::vector<std::string>& names = rows.front().fields;
  info->n_fields = static_cast<std::uint32_t>(names.size());
  std::int64_t cols[5] = {-1, -1, -1, -1, -1};
  for (size_t idx = names.size(); idx-- > 0;) {  // the first of duplicate names wins
    const std::string lower = AsciiLower(names[idx]);
    for (size_t want = 0; want < kRequired.size(); ++want)
      if (lower == kRequired[want]) cols[want] = static_cast<std::int64_t>(idx);
    if (lower == "supplier_name") info->col_name = static_cast<std::int32_t>(idx);
  }
  std::string missing;
  for (size_t want = 0; want < kRequired.size(); ++want) {
    if (cols[want] >= 0) continue;
    if (!missing.empty()) missing += ", ";
    missing += kRequired[want];
  }
  if (!missing.empty() || rows.front().unclosed_quote) {
    const std::string where = info->name + " linje " + std::to_string(*line);
    return Status::InvalidField("spend.missing_column", where,
                                where + ": mangler påkrevd kolonne: " +
                                    (missing.empty() ? "(overskriften har et åpent "
                                                       "anførselstegn)"
                                                     : missing));
  }
  info->col_buyer = static_cast<std::uint32_t>(cols[0]);
  info->col_date = static_cast<std::uint32_t>(cols[1]);
  info->col_supplier = static_cast<std::uint32_t>(cols[2]);
  info->col_account = static_cast<std::uint32_t>(cols[3]);
  info->col_amount = static_cast<std::uint32_t>(cols[4]);
  *line += header_newlines + 1;
  std::memmove(data, data + header_end, *len - header_end);
  *len -= header_end;
  return Status::Ok();
}

Status SpendEngine::Impl::AddCsv(std::string_view name, ByteSource& source) {
  if (!fatal.ok()) return fatal;
  if (finished) return Status::Internal("SpendEngine::AddCsv after Finish");
  SourceInfo info;
  info.name = std::string(name);
  Buffer* buf = Acquire();
  size_t len = 0;
  bool eof = false;
  std::uint64_t line = 1;
  std::uint64_t bytes_read = 0;
  const std::uint32_t source_idx = static_cast<std::uint32_t>(sources.size());
  Partial& caller = *partials.back();
  Status st = ReadHeader(&info, buf, &len, &eof, &line, source, &bytes_read);
  if (st.ok()) {
    {
      std::lock_guard<std::mutex> lock(mu);  // workers read `sources` under their own tasks
      sources.push_back(std::move(info));
    }
    // Chunk size: the configured one, or smaller for a source of known, modest
    // size, so that every worker gets several chunks of it.
    const std::int64_t hint = source.SizeHint();
    const size_t workers_n = workers.size();
    size_t target = opt.chunk_bytes;
    if (hint > 0) {
      target = std::clamp<size_t>(static_cast<size_t>(hint) / (4 * workers_n), size_t{1} << 20,
                                  opt.chunk_bytes);
    }
    size_t want = target;  // grows while one record does not fit
    while (true) {
      if (opt.stop.stop_requested()) {
        st = Cancelled();
        break;
      }
      if (error_seq.load() != UINT64_MAX) break;
      st = Fill(source, buf, &len, &eof, &bytes_read, want);
      if (!st.ok()) break;
      if (eof) {
        if (len > 0) {
          Dispatch(buf, len, line, source_idx);
          buf = nullptr;
        }
        break;
      }
      const Boundary b = FindLastBoundary(buf->data.get(), len);
      if (!b.found) {
        if (len < buf->capacity) {  // a long record: read on into the rest of the buffer
          want = buf->capacity;
          continue;
        }
        if (buf->capacity < opt.max_record_bytes) {
          buf->Grow(std::min(buf->capacity * 2, opt.max_record_bytes), len);
          continue;
        }
        // One record longer than the limit: skip it, counting its lines.
        SkipState state;
        std::uint64_t newlines = 0;
        FindFirstBoundary(buf->data.get(), len, &state, &newlines);
        std::uint64_t record_newlines = newlines;
        size_t cut = 0;
        while (true) {
          len = 0;
          st = Fill(source, buf, &len, &eof, &bytes_read);
          if (!st.ok() || len == 0) break;
          cut = FindFirstBoundary(buf->data.get(), len, &state, &newlines);
          record_newlines += newlines;
          if (cut || eof) break;
        }
        if (!st.ok()) break;
        ++caller.counts.lines_read;
        Reject(
            caller, next_seq++, line, source_idx,
            !cut && state.in_quotes ? RejectReason::kUnclosedQuote : RejectReason::kRecordTooLong);
        if (!cut) {
          len = 0;
          break;
        }
        std::memmove(buf->data.get(), buf->data.get() + cut, len - cut);
        len -= cut;
        line += record_newlines + 1;
        continue;
      }
      Buffer* next = Acquire();
      const size_t tail = len - b.end;
      if (tail > next->capacity) next->Grow(buf->capacity, 0);  // buf had grown
      std::memcpy(next->data.get(), buf->data.get() + b.end, tail);
      Dispatch(buf, b.end, line, source_idx);
      line += b.newlines;
      buf = next;
      len = tail;
      want = std::max(target, len + 1);
      if (opt.on_progress) {
        opt.on_progress(Progress{bytes_read, source.SizeHint(),
                                 records_done.load(std::memory_order_relaxed),
                                 sources.back().name});
      }
    }
  }
  if (buf) Release(buf);
  WaitIdle();
  if (st.ok() && opt.stop.stop_requested()) st = Cancelled();
  if (st.ok() && !chunk_errors.empty()) {
    const ChunkError* first = &chunk_errors.front();
    for (const ChunkError& e : chunk_errors)
      if (e.seq < first->seq) first = &e;
    st = Utf8Error(sources[first->source].name, first->line);
  }
  if (!st.ok()) fatal = st;
  if (opt.on_progress && st.ok()) {
    opt.on_progress(Progress{bytes_read, source.SizeHint(),
                             records_done.load(std::memory_order_relaxed), name});
  }
  return st;
}

Status SpendEngine::Impl::AddRows(std::string_view name, std::span<const InvoiceRow> rows) {
  if (!fatal.ok()) return fatal;
  if (finished) return Status::Internal("SpendEngine::AddRows after Finish");
  const std::uint32_t source_idx = static_cast<std::uint32_t>(sources.size());
  {
    std::lock_guard<std::mutex> lock(mu);
    sources.push_back(SourceInfo{std::string(name)});
  }
  const std::uint64_t seq = next_seq++;
  Partial& p = *partials.back();
  for (const InvoiceRow& row : rows) {
    if (opt.stop.stop_requested()) return fatal = Cancelled();
    ++p.counts.lines_read;
    if (row.rejected) {
      Reject(p, seq, row.line, source_idx, *row.rejected);
      continue;
    }
    Tally(
        p, TrimBlank(row.buyer_orgnr), TrimBlank(row.invoice_date), TrimBlank(row.supplier_orgnr),
        TrimBlank(row.account), TrimBlank(row.amount), [&] { return TrimBlank(row.supplier_name); },
        seq, row.line, source_idx);
  }
  FlushBatch(p);
  records_done.fetch_add(rows.size(), std::memory_order_relaxed);
  return Status::Ok();
}

core::Result<SpendReport> SpendEngine::Impl::Finish() {
  WaitIdle();
  if (!fatal.ok()) return fatal;
  if (opt.stop.stop_requested()) return fatal = Cancelled();
  finished = true;
  SpendReport report;
  report.year = opt.year;
  report.thresholds = opt.thresholds;
  report.file_errors = file_errors;

  // Counts; the cells of every state merged into the first state's table.
  std::vector<RejectSeen> rejects;
  std::unordered_map<std::uint32_t, const NameSeen*> names;  // supplier -> first name
  Partial& into = *partials.front();
  for (size_t part_idx = 0; part_idx < partials.size(); ++part_idx) {
    const Partial& part = *partials[part_idx];
    SpendCounts& c = report.counts;
    c.lines_read += part.counts.lines_read;
    c.rejected += part.counts.rejected;
    c.out_of_year += part.counts.out_of_year;
    c.unmapped_account += part.counts.unmapped_account;
    c.in_scope += part.counts.in_scope;
    c.unknown_supplier += part.counts.unknown_supplier;
    if (part_idx > 0) {
      // Batches of kBatch, their destination slots prefetched together.
      const AggSlot* pending[kBatch];
      std::uint64_t hashes[kBatch];
      int n = 0;
      auto flush = [&] {
        for (int idx = 0; idx < n; ++idx) into.agg.Prefetch(hashes[idx]);
        for (int idx = 0; idx < n; ++idx) {
          const AggSlot& s = *pending[idx];
          AggSlot& d =
              into.agg.FindOrInsert(hashes[idx], s.buyer, s.supplier, s.area, [](AggSlot&) {});
          AddWrapping(into, d, &d.total, s.total, false);
          AddWrapping(into, d, &d.covered, s.covered, true);
        }
        n = 0;
      };
      part.agg.ForEach([&](const AggSlot& s) {
        pending[n] = &s;
        hashes[n++] = Hash3(s.buyer, s.supplier, s.area);
        if (n == kBatch) flush();
      });
      flush();
      for (const auto& [key, carry] : part.carries) {
        auto& c2 = into.carries[key];
        c2.first += carry.first;
        c2.second += carry.second;
      }
    }
    rejects.insert(rejects.end(), part.rejects.begin(), part.rejects.end());
    for (const NameSeen& n : part.names) {
      const NameSeen*& best = names[n.supplier];
      if (!best || n.seq < best->seq || (n.seq == best->seq && n.line < best->line)) best = &n;
    }
  }

  // First 100 rejected records in file order.
  std::sort(rejects.begin(), rejects.end(), [](const RejectSeen& x, const RejectSeen& y) {
    return x.seq != y.seq ? x.seq < y.seq : x.line < y.line;
  });
  for (size_t idx = 0; idx < rejects.size() && idx < kMaxRejectedExamples; ++idx) {
    report.rejected_examples.push_back(
        {sources[rejects[idx].source].name, rejects[idx].line, rejects[idx].reason});
  }

  // Loyalty per (buyer, area); risks per (buyer, valid supplier, area).
  std::unordered_map<std::uint64_t, std::pair<OreSum, OreSum>> loyalty;
  struct RawRisk {
    std::uint32_t buyer, supplier, area;
    OreSum uncovered, estimated;
    RiskLevel level;
  };
  std::vector<RawRisk> raw_risks;
  const Thresholds& th = opt.thresholds;
  into.agg.ForEach([&](const AggSlot& s) {
    OreSum total = s.total, covered = s.covered;
    if (!into.carries.empty()) {
      auto carry = into.carries.find(Key3{s.buyer, s.supplier, s.area});
      if (carry != into.carries.end()) {
        total += carry->second.first;
        covered += carry->second.second;
      }
    }
    auto& l = loyalty[(static_cast<std::uint64_t>(s.buyer) << 32) | s.area];
    l.first += total;
    l.second += covered;
    if (s.supplier == kNoOrgnr) return;
    const OreSum uncovered = total - covered;
    const OreSum estimated = uncovered * 4;
    RiskLevel level;
    if (estimated >= th.eea_ore)
      level = RiskLevel::kEea;
    else if (estimated >= th.national_ore)
      level = RiskLevel::kNational;
    else if (estimated >= th.protocol_ore)
      level = RiskLevel::kProtocol;
    else
      return;
    raw_risks.push_back({s.buyer, s.supplier, s.area, uncovered, estimated, level});
  });
  for (const auto& [key, sums] : loyalty) {
    LoyaltyRow row;
    row.buyer_orgnr = OrgnrToString(static_cast<std::uint32_t>(key >> 32));
    row.product_area = areas[static_cast<std::uint32_t>(key)];
    row.total = sums.first;
    row.covered = sums.second;
    if (row.total > 0) {
      const OreSum num = row.covered * 1000000;
      OreSum q = num / row.total;
      const OreSum rem = num % row.total;
      const OreSum twice = (rem < 0 ? -rem : rem) * 2;
      if (twice >= row.total) q += num < 0 ? -1 : 1;
      row.share_micro = static_cast<std::int64_t>(q);
    }
    report.loyalty.push_back(std::move(row));
  }
  std::sort(report.loyalty.begin(), report.loyalty.end(),
            [](const LoyaltyRow& x, const LoyaltyRow& y) {
              return x.buyer_orgnr != y.buyer_orgnr ? x.buyer_orgnr < y.buyer_orgnr
                                                    : x.product_area < y.product_area;
            });
  std::sort(raw_risks.begin(), raw_risks.end(), [&](const RawRisk& x, const RawRisk& y) {
    if (x.estimated != y.estimated) return x.estimated > y.estimated;
    if (x.buyer != y.buyer) return x.buyer < y.buyer;
    if (x.supplier != y.supplier) return x.supplier < y.supplier;
    return areas[x.area] < areas[y.area];
  });
  report.risks.reserve(raw_risks.size());
  for (const RawRisk& k : raw_risks) {
    RiskRow row;
    row.buyer_orgnr = OrgnrToString(k.buyer);
    row.supplier_orgnr = OrgnrToString(k.supplier);
    auto name = names.find(k.supplier);
    if (name != names.end()) row.supplier_name = name->second->name;
    row.product_area = areas[k.area];
    row.uncovered = k.uncovered;
    row.estimated_value = k.estimated;
    row.level = k.level;
    report.risks.push_back(std::move(row));
  }
  return report;
}

}  // namespace samkjop::spend

namespace samkjop::spend {

SpendEngine::SpendEngine(const AgreementSet& agreements, const AccountMap& accounts,
                         EngineOptions options)
    : impl_(std::make_unique<Impl>(agreements, accounts, std::move(options))) {}

SpendEngine::~SpendEngine() = default;

core::Status SpendEngine::AddCsv(std::string_view name, ByteSource& source) {
  return impl_->AddCsv(name, source);
}

core::Status SpendEngine::AddRows(std::string_view name, std::span<const InvoiceRow> rows) {
  return impl_->AddRows(name, rows);
}

void SpendEngine::AddFileError(FileError error) { impl_->file_errors.push_back(std::move(error)); }

core::Result<SpendReport> SpendEngine::Finish() { return impl_->Finish(); }

}  // namespace samkjop::spend
