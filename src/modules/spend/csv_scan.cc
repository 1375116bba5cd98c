#include "modules/spend/csv_scan.h"

#include <tmmintrin.h>  // SSSE3, used only after a CPU check

#include <algorithm>
#include <cstring>

#include "modules/spend/field_parse.h"

namespace samkjop::spend {
namespace {

inline bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

// The scalar validator: exact, and the one that finds the offending offset.
bool ValidateUtf8Scalar(const char* data, size_t len, size_t* bad_offset) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data);
  size_t idx = 0;
  while (idx < len) {
    // ASCII fast path, 16 bytes at a time.
    if (idx + 16 <= len) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + idx));
      if (_mm_movemask_epi8(v) == 0) {
        idx += 16;
        continue;
      }
    }
    // A block with non-ASCII bytes: check it byte by byte (a sequence may
    // run past the block end), then go back to the fast path.
    const size_t block_end = std::min(idx + 16, len);
    while (idx < block_end) {
      const unsigned char c = p[idx];
      if (c < 0x80) {
        ++idx;
        continue;
      }
      size_t need;
      std::uint32_t cp;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
      } else {
        *bad_offset = idx;
        return false;
      }
      if (idx + need >= len) {  // truncated sequence
        *bad_offset = idx;
        return false;
      }
      for (size_t k = 1; k <= need; ++k) {
        if (!IsCont(p[idx + k])) {
          *bad_offset = idx;
          return false;
        }
        cp = (cp << 6) | (p[idx + k] & 0x3F);
      }
      if (need > 1) {
        const bool overlong = (need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000);
        const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        if (overlong || surrogate || cp > 0x10FFFF) {
          *bad_offset = idx;
          return false;
        }
      }
      idx += need + 1;
    }
  }
  return true;
}

namespace {

// Keiser and Lemire, "Validating UTF-8 in less than one instruction per byte"
// (2021), with 16-byte SSSE3 vectors. Only says valid or not.
constexpr std::uint8_t kTooShort = 1 << 0;
constexpr std::uint8_t kTooLong = 1 << 1;
constexpr std::uint8_t kOverlong3 = 1 << 2;
constexpr std::uint8_t kTooLarge = 1 << 3;
constexpr std::uint8_t kSurrogate = 1 << 4;
constexpr std::uint8_t kOverlong2 = 1 << 5;
constexpr std::uint8_t kTooLarge1000 = 1 << 6;
constexpr std::uint8_t kOverlong4 = 1 << 6;
constexpr std::uint8_t kTwoConts = 1 << 7;
constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

#define SPEND_U8(x) static_cast<char>(x)

__attribute__((target("ssse3"))) inline __m128i HighNibbles(__m128i v) {
  return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F));
}

// Error bits of the 16 bytes `input` given the 16 bytes before them.
__attribute__((target("ssse3"))) inline __m128i Utf8BlockErrors(__m128i input, __m128i prev_input) {
  const __m128i prev1 = _mm_alignr_epi8(input, prev_input, 15);
  const __m128i byte_1_high = _mm_shuffle_epi8(
      _mm_setr_epi8(SPEND_U8(kTooLong), SPEND_U8(kTooLong), SPEND_U8(kTooLong), SPEND_U8(kTooLong),
                    SPEND_U8(kTooLong), SPEND_U8(kTooLong), SPEND_U8(kTooLong), SPEND_U8(kTooLong),
                    SPEND_U8(kTwoConts), SPEND_U8(kTwoConts), SPEND_U8(kTwoConts),
                    SPEND_U8(kTwoConts), SPEND_U8(kTooShort | kOverlong2), SPEND_U8(kTooShort),
                    SPEND_U8(kTooShort | kOverlong3 | kSurrogate),
                    SPEND_U8(kTooShort | kTooLarge | kTooLarge1000 | kOverlong4)),
      HighNibbles(prev1));
  const __m128i byte_1_low = _mm_shuffle_epi8(
      _mm_setr_epi8(SPEND_U8(kCarry | kOverlong3 | kOverlong2 | kOverlong4),
                    SPEND_U8(kCarry | kOverlong2), SPEND_U8(kCarry), SPEND_U8(kCarry),
                    SPEND_U8(kCarry | kTooLarge), SPEND_U8(kCarry | kTooLarge | kTooLarge1000),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000 | kSurrogate),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000),
                    SPEND_U8(kCarry | kTooLarge | kTooLarge1000)),
      _mm_and_si128(prev1, _mm_set1_epi8(0x0F)));
  const __m128i byte_2_high = _mm_shuffle_epi8(
      _mm_setr_epi8(
          SPEND_U8(kTooShort), SPEND_U8(kTooShort), SPEND_U8(kTooShort), SPEND_U8(kTooShort),
          SPEND_U8(kTooShort), SPEND_U8(kTooShort), SPEND_U8(kTooShort), SPEND_U8(kTooShort),
          SPEND_U8(kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4),
          SPEND_U8(kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge),
          SPEND_U8(kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge),
          SPEND_U8(kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge), SPEND_U8(kTooShort),
          SPEND_U8(kTooShort), SPEND_U8(kTooShort), SPEND_U8(kTooShort)),
      HighNibbles(input));
  const __m128i special = _mm_and_si128(_mm_and_si128(byte_1_high, byte_1_low), byte_2_high);
  // Third and fourth bytes of 3- and 4-byte sequences must be continuations.
  const __m128i prev2 = _mm_alignr_epi8(input, prev_input, 14);
  const __m128i prev3 = _mm_alignr_epi8(input, prev_input, 13);
  const __m128i is_third = _mm_subs_epu8(prev2, _mm_set1_epi8(SPEND_U8(0xE0 - 0x80)));
  const __m128i is_fourth = _mm_subs_epu8(prev3, _mm_set1_epi8(SPEND_U8(0xF0 - 0x80)));
  const __m128i must23_80 =
      _mm_and_si128(_mm_or_si128(is_third, is_fourth), _mm_set1_epi8(SPEND_U8(0x80)));
  return _mm_xor_si128(must23_80, special);
}

// Non-zero when the block ends inside a multi-byte sequence.
__attribute__((target("ssse3"))) inline __m128i Utf8Incomplete(__m128i input) {
  const __m128i max = _mm_setr_epi8(
      SPEND_U8(255), SPEND_U8(255), SPEND_U8(255), SPEND_U8(255), SPEND_U8(255), SPEND_U8(255),
      SPEND_U8(255), SPEND_U8(255), SPEND_U8(255), SPEND_U8(255), SPEND_U8(255), SPEND_U8(255),
      SPEND_U8(255), SPEND_U8(0xF0 - 1), SPEND_U8(0xE0 - 1), SPEND_U8(0xC0 - 1));
  return _mm_subs_epu8(input, max);
}

#undef SPEND_U8

__attribute__((target("ssse3"))) bool IsUtf8Ssse3(const unsigned char* p, size_t len) {
  __m128i prev_input = _mm_setzero_si128();
  __m128i prev_incomplete = _mm_setzero_si128();
  __m128i error = _mm_setzero_si128();
  size_t idx = 0;
  for (; idx + 16 <= len; idx += 16) {
    const __m128i input = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + idx));
    if (_mm_movemask_epi8(input) == 0) {  // ASCII: only a sequence left open before can fail
      error = _mm_or_si128(error, prev_incomplete);
      prev_incomplete = _mm_setzero_si128();
    } else {
      error = _mm_or_si128(error, Utf8BlockErrors(input, prev_input));
      prev_incomplete = Utf8Incomplete(input);
    }
    prev_input = input;
  }
  if (idx < len) {  // the tail, zero-padded: a cut sequence meets a 0 and fails
    alignas(16) unsigned char tail[16] = {};
    std::memcpy(tail, p + idx, len - idx);
    const __m128i input = _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
    error = _mm_or_si128(error, Utf8BlockErrors(input, prev_input));
  } else {
    error = _mm_or_si128(error, prev_incomplete);
  }
  return _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) == 0xFFFF;
}

const bool kHaveSsse3 = __builtin_cpu_supports("ssse3");

}  // namespace

bool ValidateUtf8(const char* data, size_t len, size_t* bad_offset) {
  if (kHaveSsse3 && IsUtf8Ssse3(reinterpret_cast<const unsigned char*>(data), len)) return true;
  return ValidateUtf8Scalar(data, len, bad_offset);  // finds where (or the SSSE3-less path)
}

__attribute__((target_clones("popcnt", "default"))) std::uint64_t CountNewlines(const char* data,
                                                                                size_t len) {
  std::uint64_t count = 0;
  size_t idx = 0;
  const __m128i n = _mm_set1_epi8('\n');
  for (; idx + 16 <= len; idx += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + idx));
    count += static_cast<std::uint64_t>(
        __builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, n)))));
  }
  for (; idx < len; ++idx) count += data[idx] == '\n';
  return count;
}

__attribute__((target_clones("popcnt", "default"))) Boundary FindLastBoundary(const char* data,
                                                                              size_t len) {
  Boundary result;
  std::uint64_t in_quote = 0;
  std::uint64_t newlines_before_block = 0;
  for (size_t base = 0; base < len; base += 64) {
    scan_detail::BlockMasks m = scan_detail::Classify(data + base, '\n');
    if (len - base < 64) {
      const std::uint64_t valid = (std::uint64_t{1} << (len - base)) - 1;
      m.quote &= valid;
      m.newline &= valid;
    }
    const std::uint64_t inside = scan_detail::PrefixXor(m.quote) ^ in_quote;
    in_quote = static_cast<std::uint64_t>(static_cast<std::int64_t>(inside) >> 63);
    const std::uint64_t outside_nl = m.newline & ~inside;
    if (outside_nl) {
      const int bit = 63 - __builtin_clzll(outside_nl);
      result.found = true;
      result.end = base + static_cast<size_t>(bit) + 1;
      const std::uint64_t below =
          bit == 63 ? ~std::uint64_t{0} >> 1 : (std::uint64_t{1} << bit) - 1;
      result.newlines = newlines_before_block +
                        static_cast<std::uint64_t>(__builtin_popcountll(m.newline & below)) + 1;
    }
    newlines_before_block += static_cast<std::uint64_t>(__builtin_popcountll(m.newline));
  }
  return result;
}

__attribute__((target_clones("popcnt", "default"))) size_t FindFirstBoundary(
    const char* data, size_t len, SkipState* state, std::uint64_t* newlines) {
  std::uint64_t in_quote = state->in_quotes ? ~std::uint64_t{0} : 0;
  std::uint64_t count = 0;
  for (size_t base = 0; base < len; base += 64) {
    scan_detail::BlockMasks m = scan_detail::Classify(data + base, '\n');
    if (len - base < 64) {
      const std::uint64_t valid = (std::uint64_t{1} << (len - base)) - 1;
      m.quote &= valid;
      m.newline &= valid;
    }
    const std::uint64_t inside = scan_detail::PrefixXor(m.quote) ^ in_quote;
    in_quote = static_cast<std::uint64_t>(static_cast<std::int64_t>(inside) >> 63);
    const std::uint64_t outside_nl = m.newline & ~inside;
    if (outside_nl) {
      const int bit = __builtin_ctzll(outside_nl);
      const std::uint64_t below = (std::uint64_t{1} << bit) - 1;
      *newlines = count + static_cast<std::uint64_t>(__builtin_popcountll(m.newline & below));
      state->in_quotes = false;
      return base + static_cast<size_t>(bit) + 1;
    }
    count += static_cast<std::uint64_t>(__builtin_popcountll(m.newline));
  }
  state->in_quotes = in_quote != 0;
  *newlines = count;
  return 0;
}

std::vector<CsvRow> ParseSmallCsv(std::string_view text, char delim) {
  std::string padded(text);
  padded.append(kScanPadding, '\0');
  std::vector<CsvRow> rows;
  RecordFields fields;
  std::string scratch;
  constexpr std::uint32_t kCapacity = 1024;
  ForEachRecord(padded.data(), text.size(), delim, 1, kCapacity, &fields,
                [&](const RecordFields& f, std::uint64_t line, bool unclosed) {
                  CsvRow row;
                  row.line = line;
                  row.unclosed_quote = unclosed;
                  const std::uint32_t n = std::min(f.count, kCapacity);
                  row.fields.reserve(n);
                  for (std::uint32_t idx = 0; idx < n; ++idx) {
                    std::string_view raw(padded.data() + f.starts[idx],
                                         f.ends[idx] - f.starts[idx]);
                    row.fields.emplace_back(FieldValue(raw, &scratch));
                  }
                  rows.push_back(std::move(row));
                });
  return rows;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

char DetectDelimiter(std::string_view header_record,
                     const std::vector<std::string_view>& required) {
  static constexpr char kCandidates[3] = {',', ';', '\t'};
  char best = ',';
  size_t best_fields = 0;
  for (char delim : kCandidates) {
    std::vector<CsvRow> rows = ParseSmallCsv(header_record, delim);
    if (rows.empty()) continue;
    const std::vector<std::string>& names = rows.front().fields;
    bool all = true;
    for (std::string_view want : required) {
      bool found = false;
      for (const std::string& name : names)
        if (AsciiLower(name) == want) found = true;
      if (!found) all = false;
    }
    if (all) return delim;
    if (names.size() > best_fields) {
      best_fields = names.size();
      best = delim;
    }
  }
  return best;
}

std::string_view StripBom(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
    text.remove_prefix(3);
  return text;
}

}  // namespace samkjop::spend
