// The `samkjop rules` command: assess, standstill, deadline, price-score and
// thresholds. Prints JSON on stdout. On bad input it prints
// {"error": {"code", "message"}} on stdout and the message on stderr, and
// sets the exit code to 2.
#ifndef SAMKJOP_MODULES_RULES_RULES_CLI_H_
#define SAMKJOP_MODULES_RULES_RULES_CLI_H_

#include <iosfwd>

namespace CLI {
class App;
}  // namespace CLI

namespace samkjop::rules {

// Adds the `rules` subcommand tree to `app`. Callbacks write JSON to stdout and set `exit_code` (0
// ok, 2 bad input). `exit_code` must outlive `app`. Every option is read as text and validated by
// the rules code, so a missing or malformed option gives the JSON error too (CLI11's own errors,
// e.g. an unknown option, stay with the caller).
void RegisterCli(CLI::App& app, int& exit_code);

// As above, writing to `out` (JSON) and `err` (messages) instead of
// stdout/stderr; both must outlive `app`. For tests and embedding.
void RegisterCli(CLI::App& app, int& exit_code, std::ostream& out, std::ostream& err);

}  // namespace samkjop::rules

#endif  // SAMKJOP_MODULES_RULES_RULES_CLI_H_
