// The `samkjop rules` command: assess, standstill, deadline, price-score,
// climate-check and thresholds. assess, standstill and thresholds read the
// database's legal table when given --db, the built-in one otherwise. Prints JSON on stdout. On bad
// input it prints
// {"error": {"code", "message"}} on stdout and the message on stderr, and
// sets the exit code to 2.
#ifndef SAMKJOP_MODULES_RULES_RULES_CLI_H_
#define SAMKJOP_MODULES_RULES_RULES_CLI_H_

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/error/status.h"
#include "modules/rules/legal_table.h"

namespace CLI {
class App;
}  // namespace CLI

namespace samkjop::rules {

// Adds the `rules` subcommand tree to `app`. Callbacks write JSON to stdout and set `exit_code` (0
// ok, 2 bad input). `exit_code` must outlive `app`. Every option is read as text and validated by
// the rules code, so a missing or malformed option gives the JSON error too (CLI11's own errors,
// e.g. an unknown option, stay with the caller).
void RegisterCli(CLI::App& app, int& exit_code);

// Opens the database at `db_url` (with `today` pinned when not empty) and
// returns its legal table.
using TableLoader = std::function<core::Result<std::shared_ptr<const LegalTable>>(
    const std::string& db_url, const std::string& today)>;

// As above, writing to `out` (JSON) and `err` (messages) instead of
// stdout/stderr; both must outlive `app`. `load_table` serves --db (without
// it, --db is refused). For tests and embedding.
void RegisterCli(CLI::App& app, int& exit_code, std::ostream& out, std::ostream& err,
                 TableLoader load_table = {});

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_RULES_CLI_H_
