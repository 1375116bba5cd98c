// Inline part of csv_scan.h: the 64-byte block classifier and ForEachRecord.
// Include csv_scan.h, not this file.
#ifndef SAMKJOP_MODULES_SPEND_CSV_SCAN_INL_H_
#define SAMKJOP_MODULES_SPEND_CSV_SCAN_INL_H_

#include <emmintrin.h>  // SSE2: part of the x86-64 baseline

#include <cstdint>

namespace samkjop::spend {
namespace scan_detail {

struct BlockMasks {
  std::uint64_t quote, delim, newline;
};

inline std::uint64_t EqMask(__m128i v, __m128i c) {
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, c)));
}

// Bit k of each mask is set when byte p[k] is '"', the delimiter or '\n'.
inline BlockMasks Classify(const char* p, char delim) {
  const __m128i q = _mm_set1_epi8('"');
  const __m128i d = _mm_set1_epi8(delim);
  const __m128i n = _mm_set1_epi8('\n');
  BlockMasks m{0, 0, 0};
  for (int part = 0; part < 4; ++part) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
    m.quote |= EqMask(v, q) << (16 * part);
    m.delim |= EqMask(v, d) << (16 * part);
    m.newline |= EqMask(v, n) << (16 * part);
  }
  return m;
}

// Bit k = parity of the set bits 0..k of x (inclusive prefix XOR).
inline std::uint64_t PrefixXor(std::uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

inline bool IsBlankBytes(const char* p, const char* end) {
  for (; p < end; ++p)
    if (*p != ' ' && *p != '\t' && *p != '\r') return false;
  return true;
}

}  // namespace scan_detail

template <typename OnRecord>
void ForEachRecord(const char* data, size_t len, char delim, std::uint64_t first_line,
                   std::uint32_t capacity, RecordFields* fields, OnRecord&& on_record) {
  using scan_detail::BlockMasks;
  if (fields->starts.size() < capacity) {
    fields->starts.resize(capacity);
    fields->ends.resize(capacity);
  }
  std::uint32_t* starts = fields->starts.data();
  std::uint32_t* ends = fields->ends.data();
  std::uint64_t line = first_line;
  std::uint64_t quoted_newlines = 0;  // inside the current record
  std::uint32_t field_idx = 0;
  std::uint32_t field_start = 0;
  std::uint32_t record_start = 0;
  std::uint64_t in_quote = 0;   // all ones while inside quotes
  bool quote_in_field = false;  // the open field had a '"' in an earlier block
  fields->quoted = 0;

  // Closes the current record at `end` (exclusive, line end removed).
  auto finish_record = [&](std::uint32_t end, bool unclosed) {
    fields->count = field_idx;
    const bool maybe_blank =
        field_idx == 1 || (delim == '\t' && field_idx > 0 &&
                           scan_detail::IsBlankBytes(data + starts[0], data + ends[0]));
    if (!(maybe_blank && !unclosed && scan_detail::IsBlankBytes(data + record_start, data + end))) {
      on_record(static_cast<const RecordFields&>(*fields), line, unclosed);
    }
    fields->quoted = 0;
  };

  for (size_t base = 0; base < len; base += 64) {
    BlockMasks m = scan_detail::Classify(data + base, delim);
    if (len - base < 64) {
      const std::uint64_t valid = (std::uint64_t{1} << (len - base)) - 1;
      m.quote &= valid;
      m.delim &= valid;
      m.newline &= valid;
    }
    const std::uint64_t inside = scan_detail::PrefixXor(m.quote) ^ in_quote;
    in_quote = static_cast<std::uint64_t>(static_cast<std::int64_t>(inside) >> 63);
    std::uint64_t events = ((m.delim | m.newline) & ~inside) | (m.newline & inside);
    while (events) {
      const int bit = __builtin_ctzll(events);
      events &= events - 1;
      const std::uint64_t b = std::uint64_t{1} << bit;
      const std::uint32_t pos = static_cast<std::uint32_t>(base + static_cast<size_t>(bit));
      if (inside & b) {  // a newline inside quotes: data, but it is a line
        ++quoted_newlines;
        continue;
      }
      // Did the field [field_start, pos) contain a quote?
      const unsigned lo = field_start > base ? static_cast<unsigned>(field_start - base) : 0;
      const std::uint64_t range = (b - 1) & ~((std::uint64_t{1} << lo) - 1);
      if ((quote_in_field || (m.quote & range)) && field_idx < 64)
        fields->quoted |= std::uint64_t{1} << field_idx;
      quote_in_field = false;
      std::uint32_t end = pos;
      const bool is_newline = (m.newline & b) != 0;
      if (is_newline && end > field_start && data[end - 1] == '\r') --end;
      if (field_idx < capacity) {
        starts[field_idx] = field_start;
        ends[field_idx] = end;
      }
      ++field_idx;
      field_start = pos + 1;
      if (is_newline) {
        finish_record(end, false);
        line += 1 + quoted_newlines;
        quoted_newlines = 0;
        field_idx = 0;
        record_start = pos + 1;
      }
    }
    // Quotes after the last field start in this block belong to the open field.
    if (field_start < base + 64) {
      const unsigned lo = field_start > base ? static_cast<unsigned>(field_start - base) : 0;
      if (m.quote & ~((std::uint64_t{1} << lo) - 1)) quote_in_field = true;
    }
  }
  if (record_start < len) {  // the last record has no '\n'
    std::uint32_t end = static_cast<std::uint32_t>(len);
    if (!in_quote && end > field_start && data[end - 1] == '\r') --end;
    if (field_idx < capacity) {
      starts[field_idx] = field_start;
      ends[field_idx] = end;
    }
    if (quote_in_field && field_idx < 64) fields->quoted |= std::uint64_t{1} << field_idx;
    ++field_idx;
    finish_record(end, in_quote != 0);
  }
}

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_CSV_SCAN_INL_H_
