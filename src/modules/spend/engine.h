// The spend engine: measures agreement loyalty and screens for likely illegal
// direct procurements from invoice lines (issue 3's definitions). Columnar and
// multi-threaded: CSV input is read in large chunks cut at record boundaries,
// parsed in place by worker threads into per-thread aggregates keyed by small
// integers, and merged at the end. Memory is the chunk buffers plus the
// aggregates; it does not grow with the number of lines.
//
// Typical use (see spend_cli.cc):
//   SpendEngine engine(agreements, accounts, options);
//   SAMKJOP_RETURN_IF_ERROR(engine.AddCsv("fakturaer.csv", source));
//   SAMKJOP_RETURN_IF_ERROR(engine.AddRows("faktura.xml", rows));
//   core::Result<SpendReport> report = engine.Finish();
#ifndef SAMKJOP_MODULES_SPEND_ENGINE_H_
#define SAMKJOP_MODULES_SPEND_ENGINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <stop_token>
#include <string_view>

#include "core/error/status.h"
#include "modules/spend/invoice_source.h"
#include "modules/spend/reference_data.h"
#include "modules/spend/report.h"

namespace samkjop::spend {

// How far a run has come. Passed to EngineOptions::on_progress.
struct Progress {
  std::uint64_t bytes_read = 0;   // of the current source
  std::int64_t bytes_total = -1;  // of the current source; -1 when unknown
  std::uint64_t records = 0;      // records parsed so far, all sources
  std::string_view source;        // name of the current source
};

struct EngineOptions {
  int year = 0;           // the analysed calendar year
  Thresholds thresholds;  // in øre; resolve them with ResolveThresholds()
  unsigned threads = 0;   // worker threads; 0 = std::thread::hardware_concurrency()
  // CSV read size; a source of known size gets smaller chunks (at least
  // 1 MiB) so each worker gets about four of them.
  size_t chunk_bytes = size_t{8} << 20;
  size_t max_record_bytes = size_t{64} << 20;  // longer records: "record_too_long"
  // Called on the thread that calls AddCsv, after each chunk. Must be quick.
  std::function<void(const Progress&)> on_progress;
  // Cancels the run: AddCsv/AddRows/Finish return "spend.cancelled".
  std::stop_token stop;
};

class SpendEngine {
 public:
  // Indexes `agreements` and `accounts` (copied; the arguments may go away)
  // and starts the worker threads.
  SpendEngine(const AgreementSet& agreements, const AccountMap& accounts, EngineOptions options);
  ~SpendEngine();  // stops and joins the workers
  SpendEngine(const SpendEngine&) = delete;
  SpendEngine& operator=(const SpendEngine&) = delete;

  // Streams one CSV source (header row first) through the workers and returns
  // when all of it is aggregated. `name` is the file name used in rejected
  // examples and messages. Bad records are counted and never stop the run.
  // Run-stopping errors (InvalidArgument, Norwegian message naming the file
  // and, where there is one, the line); after one, the engine accepts no
  // more input and Finish() returns the same error:
  //   "spend.missing_column" — empty file, or a required column missing;
  //   "spend.invalid_utf8"   — not valid UTF-8 (names the first bad line);
  //   "spend.unreadable"     — the source failed to read;
  //   "spend.cancelled"      — options.stop was requested.
  core::Status AddCsv(std::string_view name, ByteSource& source);

  // Adds rows whose fields a source has already separated (PEPPOL, the
  // register), in their order, on the calling thread. Errors: "spend.cancelled".
  core::Status AddRows(std::string_view name, std::span<const InvoiceRow> rows);

  // Records a source that could not be used while the run goes on.
  void AddFileError(FileError error);

  // Merges the per-thread aggregates into the report. Call once, after the
  // last Add*. Returns the run-stopping error if there was one.
  core::Result<SpendReport> Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_ENGINE_H_
