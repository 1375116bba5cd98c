#include "modules/rules/rules_cli.h"

#include <CLI/CLI.hpp>
#include <deque>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

#include "core/nor/civil_date.h"
#include "modules/rules/rules_json.h"

namespace samkjop::rules {
namespace {

using nlohmann::json;

// A text option and whether it was given.
struct TextOption {
  std::string text;
  CLI::Option* option = nullptr;
  std::optional<std::string> get() const {
    if (option == nullptr || option->count() == 0) return std::nullopt;
    return text;
  }
};

// The options of one subcommand. Owned by the subcommand's callback through a
// shared_ptr, so they live as long as the App; deque keeps addresses stable.
struct CommandOptions {
  std::deque<TextOption> texts;
  CLI::Option* flag = nullptr;  // --floor-zero; read with count(), as re-parsing keeps values

  TextOption* Add(CLI::App* cmd, const std::string& name, const std::string& help) {
    TextOption& t = texts.emplace_back();
    t.option = cmd->add_option(name, t.text, help);
    return &t;
  }
};

std::string Dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

// Runs `produce` and writes its JSON or its error; sets `exit_code`.
template <typename Produce>
void Emit(Produce produce, int& exit_code, std::ostream& out, std::ostream& err) {
  try {
    core::Result<json> result = produce();
    if (result.ok()) {
      out << Dump(*result) << '\n';
      exit_code = 0;
    } else {
      core::Status status = result.status();
      out << Dump(ErrorToJson(status)) << '\n';
      err << "samkjop rules: " << status.message() << '\n';
      exit_code = status.code() == core::ErrorCode::kInternal ? 1 : 2;
    }
  } catch (const std::exception& e) {
    core::Status status = core::Status::Internal(e.what());
    out << Dump(ErrorToJson(status)) << '\n';
    err << "samkjop rules: intern feil: " << e.what() << '\n';
    exit_code = 1;
  }
  out.flush();
}

// The table for a command: the database's when --db was given, else the
// built-in one.
core::Result<std::shared_ptr<const LegalTable>> TableFor(const TextOption* db,
                                                         const TextOption* today,
                                                         const TableLoader& load) {
  std::optional<std::string> url = db->get();
  std::optional<std::string> pinned = today != nullptr ? today->get() : std::nullopt;
  if (!url.has_value()) {
    if (pinned.has_value()) {
      std::optional<core::nor::Date> d = core::nor::ParseIsoDate(*pinned);
      if (!d.has_value()) {
        return core::Status::InvalidField("rules.invalid_date", "today",
                                          "«" + *pinned + "» er ikke en gyldig dato (ÅÅÅÅ-MM-DD).");
      }
      core::nor::PinToday(d);
    }
    return std::shared_ptr<const LegalTable>(&LegalTable::Builtin(), [](const LegalTable*) {});
  }
  if (!load) {
    return core::Status::InvalidField("rules.missing_option", "db",
                                      "--db kan ikke brukes her (ingen database tilgjengelig).");
  }
  return load(*url, pinned.value_or(""));
}

core::Result<json> ReadJsonInput(const std::optional<std::string>& path) {
  if (!path.has_value()) {
    return core::Status::InvalidField("rules.missing_option", "input",
                                      "Mangler påkrevd verdi «input» (en JSON-fil, eller - for "
                                      "standard inn).");
  }
  std::string text;
  if (*path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(*path, std::ios::binary);
    if (!in) {
      return core::Status::InvalidField("rules.unreadable", "input",
                                        "Kan ikke lese filen «" + *path + "».");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  json body = json::parse(text, nullptr, false);
  if (body.is_discarded()) {
    return core::Status::InvalidField("rules.invalid_body", "input",
                                      "Innholdet er ikke gyldig JSON.");
  }
  return body;
}

}  // namespace

void RegisterCli(CLI::App& app, int& exit_code) {
  RegisterCli(app, exit_code, std::cout, std::cerr);
}

void RegisterCli(CLI::App& app, int& exit_code, std::ostream& out, std::ostream& err,
                 TableLoader load_table) {
  auto load = std::make_shared<TableLoader>(std::move(load_table));
  CLI::App* rules = app.add_subcommand(
      "rules", "Regelmotoren: terskelverdier, frister, helligdager og prispoeng (JSON ut)");
  rules->require_subcommand(1);
  int* code = &exit_code;
  std::ostream* o = &out;
  std::ostream* e = &err;

  {
    CLI::App* cmd = rules->add_subcommand(
        "assess", "Hvilken del av forskriften gjelder, kunngjøring, protokoll, frister");
    auto opts = std::make_shared<CommandOptions>();
    TextOption* value = opts->Add(cmd, "--value", "Anslått verdi i NOK eks. mva (øre tillatt)");
    TextOption* kind = opts->Add(cmd, "--kind", "goods|services|works|special");
    TextOption* date = opts->Add(cmd, "--date", "Dato ÅÅÅÅ-MM-DD");
    TextOption* db = opts->Add(cmd, "--db", "Bruk databasens regeltabell (URL)");
    cmd->callback([=, keep = opts] {
      (void)keep;  // owns the options read below
      Emit(
          [&]() -> core::Result<json> {
            auto table = TableFor(db, nullptr, *load);
            if (!table.ok()) return table.status();
            return AssessJson(value->get(), kind->get(), date->get(), **table);
          },
          *code, *o, *e);
    });
  }
  {
    CLI::App* cmd = rules->add_subcommand("standstill", "Karensperiodens siste dag");
    auto opts = std::make_shared<CommandOptions>();
    TextOption* notified =
        opts->Add(cmd, "--notified", "Dato meldingen om valg av leverandør ble sendt");
    TextOption* days = opts->Add(cmd, "--days", "Lengde i dager (standard 10)");
    TextOption* db = opts->Add(cmd, "--db", "Bruk databasens regeltabell (URL)");
    cmd->callback([=, keep = opts] {
      (void)keep;  // owns the options read below
      Emit(
          [&]() -> core::Result<json> {
            auto table = TableFor(db, nullptr, *load);
            if (!table.ok()) return table.status();
            return StandstillJson(notified->get(), days->get(), **table);
          },
          *code, *o, *e);
    });
  }
  {
    CLI::App* cmd = rules->add_subcommand("deadline", "Siste dag av en frist på N dager");
    auto opts = std::make_shared<CommandOptions>();
    TextOption* from = opts->Add(cmd, "--from", "Hendelsens dato ÅÅÅÅ-MM-DD");
    TextOption* days = opts->Add(cmd, "--days", "Antall kalenderdager");
    cmd->callback([=, keep = opts] {
      (void)keep;  // owns the options read below
      Emit([&] { return DeadlineJson(from->get(), days->get()); }, *code, *o, *e);
    });
  }
  {
    CLI::App* cmd = rules->add_subcommand("price-score", "Pris omregnet til poeng (DFØ)");
    auto opts = std::make_shared<CommandOptions>();
    TextOption* model = opts->Add(cmd, "--model", "linear|proportional");
    TextOption* k = opts->Add(cmd, "--k", "Faktor k for lineær modell (standard 1)");
    TextOption* prices = opts->Add(cmd, "--prices", "Priser, kommaseparert: P1,P2,...");
    opts->flag = cmd->add_flag("--floor-zero")->description("Sett negative poeng til 0");
    cmd->callback([=, keep = opts] {
      (void)keep;  // owns the options read below
      Emit(
          [&] {
            return PriceScoreJson(model->get(), k->get(), opts->flag->count() > 0, prices->get());
          },
          *code, *o, *e);
    });
  }
  {
    CLI::App* cmd = rules->add_subcommand("thresholds", "Verdiene som gjelder på en dato");
    auto opts = std::make_shared<CommandOptions>();
    TextOption* date = opts->Add(cmd, "--date", "Dato ÅÅÅÅ-MM-DD (standard i dag)");
    TextOption* db = opts->Add(cmd, "--db", "Bruk databasens regeltabell (URL)");
    TextOption* today = opts->Add(cmd, "--today", "Bare for tester: dagens dato ÅÅÅÅ-MM-DD");
    opts->flag = cmd->add_flag("--history")->description("Alle rader, også rettede");
    cmd->callback([=, keep = opts] {
      (void)keep;  // owns the options read below
      Emit(
          [&]() -> core::Result<json> {
            auto table = TableFor(db, today, *load);
            if (!table.ok()) return table.status();
            return LegalValuesJson(date->get(), opts->flag->count() > 0, core::nor::TodayOslo(),
                                   **table);
          },
          *code, *o, *e);
    });
  }
  {
    CLI::App* cmd = rules->add_subcommand(
        "climate-check",
        "Klimakravet i FOA § 7-9 (JSON inn, samme som POST /api/rules/climate-check)");
    auto opts = std::make_shared<CommandOptions>();
    TextOption* input =
        opts->Add(cmd, "--input", "JSON-fil med kriteriene, eller - for standard inn");
    cmd->callback([=, keep = opts] {
      (void)keep;  // owns the options read below
      Emit(
          [&]() -> core::Result<json> {
            core::Result<json> body = ReadJsonInput(input->get());
            if (!body.ok()) return body.status();
            return ClimateCheckJson(*body);
          },
          *code, *o, *e);
    });
  }
}

}  // namespace samkjop::rules
