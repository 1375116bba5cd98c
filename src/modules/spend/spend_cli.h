// The batch command `samkjop spend analyze`: reads invoice files (CSV and
// PEPPOL XML, files, folders or standard input), agreements.csv and
// categories.csv, runs the spend engine and writes the JSON (and optionally
// xlsx) report.
#ifndef SAMKJOP_MODULES_SPEND_SPEND_CLI_H_
#define SAMKJOP_MODULES_SPEND_SPEND_CLI_H_

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "modules/spend/thresholds.h"

namespace samkjop::spend {

// Adds the `spend` subcommand tree (`spend analyze ...`) to `app`; callbacks set exit_code (0 ran,
// 2 bad input/run-stopping error).
// `load_table` opens the database named by --db and returns its legal table
// (without --db, the built-in table is used; without a loader, --db is refused).
using TableLoader = std::function<core::Result<std::shared_ptr<const rules::LegalTable>>(
    const std::string& db_url)>;
void RegisterCli(CLI::App& app, int& exit_code, TableLoader load_table = {});

// The arguments of `spend analyze`.
struct AnalyzeArgs {
  std::vector<std::string> invoices;  // files, folders (all *.csv/*.tsv/*.txt/*.xml
                                      // inside, recursively, sorted) or "-" (stdin)
  std::string agreements;
  std::string categories;
  int year = 0;
  ThresholdOverrides thresholds;
  std::string db;  // --db: read the thresholds from this database's legal table
  TableLoader load_table;
  std::string out;       // JSON report path; empty or "-": standard output
  std::string xlsx;      // optional xlsx report path
  unsigned threads = 0;  // 0: all cores; more than the cores is clamped to them,
                         // with a note on stderr (even with quiet)
  bool quiet = false;    // no progress or summary on stderr
};

// Runs the analysis. Writes the JSON to args.out (or `out` when it is empty
// or "-"), messages and progress to `err`. Returns 0 when the run completed
// (whatever it rejected; a PEPPOL file that cannot be used, e.g. one over
// kMaxPeppolBytes, is a file error and the run goes on), 2 when bad input
// stopped it (unreadable file, missing column, invalid UTF-8, bad
// agreements/categories, agreements or categories file over
// kMaxReferenceFileBytes, bad flag).
int RunAnalyze(const AnalyzeArgs& args, std::FILE* out, std::FILE* err);

}  // namespace samkjop::spend

#endif  // SAMKJOP_MODULES_SPEND_SPEND_CLI_H_
