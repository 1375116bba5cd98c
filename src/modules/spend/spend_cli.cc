#include "modules/spend/spend_cli.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <thread>

#include "modules/spend/engine.h"
#include "modules/spend/invoice_source.h"
#include "modules/spend/peppol.h"
#include "modules/spend/reference_data.h"
#include "modules/spend/report.h"

namespace samkjop::spend {
namespace {

namespace fs = std::filesystem;
using core::Status;

constexpr size_t kPeekBytes = 4096;

// Replays bytes already read from `inner` before reading on.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> inner)
      : prefix_(std::move(prefix)), inner_(std::move(inner)) {}
  core::Result<size_t> Read(char* buffer, size_t capacity) override {
    if (pos_ < prefix_.size()) {
      const size_t n = std::min(capacity, prefix_.size() - pos_);
      std::memcpy(buffer, prefix_.data() + pos_, n);
      pos_ += n;
      return n;
    }
    return inner_->Read(buffer, capacity);
  }
  std::int64_t SizeHint() const override { return inner_->SizeHint(); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> inner_;
};

bool IsInvoiceFileName(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return ext == ".csv" || ext == ".tsv" || ext == ".txt" || ext == ".xml";
}

// Expands the --invoices arguments into an ordered list of inputs.
core::Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  for (const std::string& arg : args) {
    if (arg == "-") {
      inputs.push_back(arg);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      return Status::InvalidField("spend.unreadable", arg,
                                  "finner ikke " + arg + (ec ? ": " + ec.message() : ""));
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(arg, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        if (it->is_regular_file() && IsInvoiceFileName(it->path()))
          found.push_back(it->path().string());
      }
      if (ec) {
        return Status::InvalidField("spend.unreadable", arg,
                                    "kan ikke lese mappen " + arg + ": " + ec.message());
      }
      std::sort(found.begin(), found.end());
      inputs.insert(inputs.end(), found.begin(), found.end());
    } else {
      inputs.push_back(arg);
    }
  }
  return inputs;
}

std::string HumanBytes(double bytes) {
  char buf[32];
  if (bytes >= 1e9)
    std::snprintf(buf, sizeof buf, "%.2f GB", bytes / 1e9);
  else
    std::snprintf(buf, sizeof buf, "%.0f MB", bytes / 1e6);
  return buf;
}

int Fail(std::FILE* err, const Status& st) {
  std::fprintf(err, "samkjop spend: %s\n", st.message().c_str());
  return 2;
}

unsigned Cores() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace

int RunAnalyze(const AnalyzeArgs& args, std::FILE* out, std::FILE* err) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  std::shared_ptr<const rules::LegalTable> table(&rules::LegalTable::Builtin(),
                                                 [](const rules::LegalTable*) {});
  if (!args.db.empty()) {
    if (!args.load_table) {
      return Fail(err, Status::InvalidField("spend.invalid_option", "--db",
                                            "--db kan ikke brukes her (ingen database)"));
    }
    core::Result<std::shared_ptr<const rules::LegalTable>> loaded = args.load_table(args.db);
    if (!loaded.ok()) return Fail(err, loaded.status());
    table = *loaded;
  }
  core::Result<Thresholds> thresholds = ResolveThresholds(args.year, args.thresholds, *table);
  if (!thresholds.ok()) return Fail(err, thresholds.status());

  core::Result<std::string> agreements_text = ReadSmallFile(args.agreements);
  if (!agreements_text.ok()) return Fail(err, agreements_text.status());
  core::Result<AgreementSet> agreements = ParseAgreementsCsv(*agreements_text, args.agreements);
  if (!agreements.ok()) return Fail(err, agreements.status());
  core::Result<std::string> categories_text = ReadSmallFile(args.categories);
  if (!categories_text.ok()) return Fail(err, categories_text.status());
  core::Result<AccountMap> accounts = ParseCategoriesCsv(*categories_text, args.categories);
  if (!accounts.ok()) return Fail(err, accounts.status());

  core::Result<std::vector<std::string>> inputs = ExpandInputs(args.invoices);
  if (!inputs.ok()) return Fail(err, inputs.status());
  if (inputs->empty()) {
    return Fail(err, Status::Invalid("spend.no_input",
                                     "fant ingen fakturafiler (*.csv, *.tsv, *.txt, *.xml)"));
  }

  // More workers than cores only cost memory (each has its buffers and its
  // aggregates: 5 000 threads took 12.9 GB), so --threads stops at the cores.
  unsigned threads = args.threads;
  if (threads > Cores()) {
    std::fprintf(err, "samkjop spend: --threads %u er flere enn maskinens %u kjerner; bruker %u\n",
                 threads, Cores(), Cores());
    threads = Cores();
  }
  EngineOptions options;
  options.year = args.year;
  options.thresholds = *thresholds;
  options.threads = threads;
  auto last_report = started;
  if (!args.quiet) {
    options.on_progress = [&, err](const Progress& p) {
      const auto now = Clock::now();
      if (now - last_report < std::chrono::seconds(2)) return;
      last_report = now;
      const double secs = std::chrono::duration<double>(now - started).count();
      std::string size = HumanBytes(static_cast<double>(p.bytes_read));
      if (p.bytes_total > 0) {
        size += " av " + HumanBytes(static_cast<double>(p.bytes_total));
      }
      std::fprintf(err, "samkjop spend: %.*s: %s lest, %.1f mill. poster, %.0f s\n",
                   static_cast<int>(p.source.size()), p.source.data(), size.c_str(),
                   static_cast<double>(p.records) / 1e6, secs);
    };
  }
  SpendEngine engine(*agreements, *accounts, std::move(options));

  for (const std::string& input : *inputs) {
    std::unique_ptr<ByteSource> source;
    if (input == "-") {
      source = FdByteSource::Stdin();
    } else {
      core::Result<std::unique_ptr<FdByteSource>> opened = FdByteSource::Open(input);
      if (!opened.ok()) return Fail(err, opened.status());
      source = std::move(*opened);
    }
    // Peek at the start: XML (PEPPOL) or CSV?
    std::string head(kPeekBytes, '\0');
    size_t got = 0;
    while (got < kPeekBytes) {
      core::Result<size_t> n = source->Read(head.data() + got, kPeekBytes - got);
      if (!n.ok()) return Fail(err, n.status());
      if (*n == 0) break;
      got += *n;
    }
    head.resize(got);
    if (LooksLikeXml(head)) {
      // One document at a time, refused by its size before it is read, its
      // rows streamed to the engine in batches: the limit bounds the memory
      // of PEPPOL input, whatever the number of files.
      core::Result<std::string> xml = ReadPeppolDocument(std::move(head), *source, input);
      Status engine_error;
      core::Result<PeppolDocument> doc =
          xml.ok() ? ParsePeppolRows(*xml, input,
                                     [&](std::span<const InvoiceRow> rows) {
                                       engine_error = engine.AddRows(input, rows);
                                       return engine_error;
                                     })
                   : core::Result<PeppolDocument>(xml.status());
      if (!engine_error.ok()) return Fail(err, engine_error);
      if (!doc.ok()) {
        std::fprintf(err, "samkjop spend: %s (filen hoppes over)\n",
                     doc.status().message().c_str());
        engine.AddFileError({input, doc.status().message()});
      }
      continue;
    }
    PrefixedSource csv(std::move(head), std::move(source));
    Status st = engine.AddCsv(input, csv);
    if (!st.ok()) return Fail(err, st);
  }

  core::Result<SpendReport> report = engine.Finish();
  if (!report.ok()) return Fail(err, report.status());
  if (args.out.empty() || args.out == "-") {
    Status st = WriteJson(*report, out, "standard ut");
    if (!st.ok()) return Fail(err, st);
  } else {
    std::FILE* f = std::fopen(args.out.c_str(), "wb");
    if (!f) {
      return Fail(err, Status::InvalidField(
                           "spend.write_failed", args.out,
                           "kan ikke skrive rapporten " + args.out + ": " + std::strerror(errno)));
    }
    Status st = WriteJson(*report, f, args.out);
    if (std::fclose(f) != 0 && st.ok()) {
      st = Status::InvalidField("spend.write_failed", args.out,
                                "kan ikke skrive rapporten " + args.out);
    }
    if (!st.ok()) return Fail(err, st);
  }
  if (!args.xlsx.empty()) {
    Status st = WriteXlsx(*report, args.xlsx);
    if (!st.ok()) return Fail(err, st);
  }
  if (!args.quiet) {
    const double secs = std::chrono::duration<double>(Clock::now() - started).count();
    const SpendCounts& c = report->counts;
    std::fprintf(err,
                 "samkjop spend: %lld poster lest, %lld avvist, %lld utenfor året, %lld uten "
                 "produktområde, %lld i analysen (%lld ukjent leverandør); %zu risikofunn; "
                 "%.2f s\n",
                 static_cast<long long>(c.lines_read), static_cast<long long>(c.rejected),
                 static_cast<long long>(c.out_of_year), static_cast<long long>(c.unmapped_account),
                 static_cast<long long>(c.in_scope), static_cast<long long>(c.unknown_supplier),
                 report->risks.size(), secs);
  }
  return 0;
}

void RegisterCli(CLI::App& app, int& exit_code, TableLoader load_table) {
  CLI::App* spend = app.add_subcommand(
      "spend", "Innkjøpsanalyse: avtalelojalitet og mulige ulovlige direkte anskaffelser");
  spend->require_subcommand(1);
  CLI::App* analyze = spend->add_subcommand(
      "analyze",
      "Analyser fakturalinjer (CSV eller PEPPOL/EHF XML) mot avtaler og kontoplan for ett år");
  auto args = std::make_shared<AnalyzeArgs>();
  analyze
      ->add_option("--invoices", args->invoices,
                   "Fakturafiler, mapper eller - for standard inn (CSV eller PEPPOL XML)")
      ->required();
  analyze->add_option("--agreements", args->agreements, "agreements.csv")->required();
  analyze->add_option("--categories", args->categories, "categories.csv (account,product_area)")
      ->required();
  analyze->add_option("--year", args->year, "Kalenderåret som analyseres")
      ->required()
      ->check(CLI::Range(1000, 9999));
  analyze->add_option_function<std::string>(
      "--national-threshold", [args](const std::string& v) { args->thresholds.national = v; },
      "Nasjonal terskelverdi i NOK (overstyrer tabellen)");
  analyze->add_option_function<std::string>(
      "--eea-threshold", [args](const std::string& v) { args->thresholds.eea = v; },
      "EØS-terskelverdi for varer og tjenester i NOK (overstyrer tabellen)");
  analyze->add_option_function<std::string>(
      "--protocol-threshold", [args](const std::string& v) { args->thresholds.protocol = v; },
      "Grensen for protokollplikt i NOK (overstyrer tabellen)");
  analyze->add_option("--db", args->db,
                      "Les terskelverdiene fra databasens regeltabell (standard: den innebygde)");
  args->load_table = std::move(load_table);
  analyze->add_option("--out", args->out, "JSON-rapport (standard: standard ut)");
  analyze->add_option("--xlsx", args->xlsx, "Regneark med ett ark per del av rapporten");
  analyze->add_option("--threads", args->threads,
                      "Antall arbeidstråder, høyst antall kjerner (her " + std::to_string(Cores()) +
                          "; et større tall settes ned, med en merknad); standard: alle kjerner");
  analyze->add_flag("--quiet,-q", args->quiet, "Ingen fremdrift på standard feil");
  analyze->callback([args, &exit_code] { exit_code = RunAnalyze(*args, stdout, stderr); });
}

}  // namespace samkjop::spend
