// Micro-benchmarks of the spend engine's hot path: field parsers, record
// splitting and the whole engine on an in-memory CSV.
#include <benchmark/benchmark.h>

#include <string>

#include "modules/spend/csv_scan.h"
#include "modules/spend/engine.h"
#include "modules/spend/field_parse.h"

namespace samkjop::spend {
namespace {

std::string MakeCsv(int lines) {
  std::string csv =
      "buyer_orgnr,invoice_date,invoice_no,supplier_orgnr,supplier_name,account,amount,"
      "description\n";
  for (int idx = 0; idx < lines; ++idx) {
    csv += "944117784,2025-03-";
    csv += std::to_string(10 + idx % 18);
    csv += ",F-2025-" + std::to_string(1000000 + idx) + ",123456785,\"Hansen, Olsen AS\",";
    csv += idx % 3 ? "1200" : "1300";
    csv += "," + std::to_string(idx % 9999) + ".50,Varer iht. avtale\n";
  }
  return csv;
}

void BM_ParseOrgnr(benchmark::State& state) {
  const std::string_view inputs[] = {"944117784", "NO 944 117 784 MVA", "123456785", "874602752"};
  size_t idx = 0;
  for (auto _ : state) benchmark::DoNotOptimize(ParseOrgnr(inputs[idx++ & 3]));
}
BENCHMARK(BM_ParseOrgnr);

void BM_ParseAmount(benchmark::State& state) {
  const std::string_view inputs[] = {"1234.56", "1 234,56", "-99.5", "120000"};
  size_t idx = 0;
  std::int64_t ore;
  for (auto _ : state) benchmark::DoNotOptimize(ParseAmount(inputs[idx++ & 3], &ore));
}
BENCHMARK(BM_ParseAmount);

void BM_ParseDate(benchmark::State& state) {
  const std::string_view inputs[] = {"2025-03-14", "14.03.2025"};
  size_t idx = 0;
  std::int32_t days;
  for (auto _ : state) benchmark::DoNotOptimize(ParseDate(inputs[idx++ & 1], &days));
}
BENCHMARK(BM_ParseDate);

void BM_ForEachRecord(benchmark::State& state) {
  std::string csv = MakeCsv(100000);
  const size_t len = csv.size();
  csv.append(kScanPadding, '\0');
  RecordFields fields;
  for (auto _ : state) {
    std::uint64_t n = 0;
    ForEachRecord(csv.data(), len, ',', 1, 9, &fields,
                  [&](const RecordFields& f, std::uint64_t, bool) { n += f.count; });
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * len));
}
BENCHMARK(BM_ForEachRecord);

void BM_Engine(benchmark::State& state) {
  const std::string csv = MakeCsv(200000);
  core::Result<AgreementSet> agreements = ParseAgreementsCsv(
      "agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n"
      "A,123456785,Kontor,944117784,2025-01-01,2025-03-20\n",
      "a");
  core::Result<AccountMap> accounts =
      ParseCategoriesCsv("account,product_area\n1200,Kontor\n1300,IKT\n", "c");
  for (auto _ : state) {
    EngineOptions opt;
    opt.year = 2025;
    opt.threads = static_cast<unsigned>(state.range(0));
    SpendEngine engine(*agreements, *accounts, opt);
    MemoryByteSource source(csv);
    benchmark::DoNotOptimize(engine.AddCsv("x.csv", source));
    benchmark::DoNotOptimize(engine.Finish());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * csv.size()));
}
BENCHMARK(BM_Engine)->Arg(1)->Arg(2)->UseRealTime();

}  // namespace
}  // namespace samkjop::spend

BENCHMARK_MAIN();
