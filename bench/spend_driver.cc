// spend_driver: `samkjop spend ...` without the rest of the binary, for
// profiling the engine and running the benchmark before/without the server
// build. Same command line as `samkjop`: spend_driver spend analyze ...
#include <CLI/CLI.hpp>

#include "modules/spend/spend_cli.h"

int main(int argc, char** argv) {
  CLI::App app{"spend engine driver"};
  app.require_subcommand(1);
  int exit_code = 0;
  samkjop::spend::RegisterCli(app, exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
