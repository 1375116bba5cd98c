// Folded search over N people (default 100,000): the real people store
// (org::store::ListPeople: COUNT plus a ranked page of 20) on a database that
// `samkjop migrate` (or seed-demo) prepared. Fills org_people up to N rows
// with generated Norwegian names, e-mails and titles spread over the
// municipalities present, then runs a mix of queries (3+ characters, short
// prefixes, rare and common terms, region and one-municipality scope),
// single-threaded, and prints per query the hits and p50/p99/max latency.
//
//   search_bench --db URL [--rows N] [--iterations I] [--max-p99-ms M]
//
// Exits 1 when some query's p99 exceeds --max-p99-ms (default 5).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/auth/grants.h"
#include "core/storage/database.h"
#include "core/storage/sql.h"
#include "modules/org/people_store.h"

using samkjop::core::auth::Scope;
namespace storage = samkjop::core::storage;
namespace store = samkjop::org::store;

namespace {

const char* kFirst[] = {"Ola",   "Kari",  "Per",    "Anne",  "Lars",  "Ingrid", "Øystein", "Åse",
                        "Bjørn", "Marit", "Jørgen", "Sølvi", "Håkon", "Tone",   "Ærling",  "Eva",
                        "Nils",  "Siri",  "Trond",  "Liv",   "Geir",  "Hilde",  "Knut",    "Randi",
                        "Arne",  "Berit", "Odd",    "Gunn",  "Tor",   "Wenche", "Jan",     "Bodil"};
const char* kLast[] = {
    "Hansen",    "Johansen",      "Olsen",      "Larsen",     "Andersen",    "Pedersen",
    "Nilsen",    "Kristiansen",   "Jensen",     "Karlsen",    "Johnsen",     "Pettersen",
    "Eriksen",   "Berg",          "Haugen",     "Hagen",      "Johannessen", "Andreassen",
    "Jacobsen",  "Dahl",          "Jørgensen",  "Halvorsen",  "Henriksen",   "Lund",
    "Sørensen",  "Jakobsen",      "Moen",       "Gundersen",  "Iversen",     "Strand",
    "Solberg",   "Svendsen",      "Eide",       "Knutsen",    "Martinsen",   "Paulsen",
    "Bakken",    "Kristoffersen", "Mathisen",   "Lie",        "Amundsen",    "Nguyen",
    "Rasmussen", "Ali",           "Lunde",      "Solheim",    "Berge",       "Moe",
    "Nygård",    "Bakke",         "Kristensen", "Fredriksen", "Holm",        "Lien",
    "Hauge",     "Christensen",   "Andresen",   "Nielsen",    "Knudsen",     "Evensen",
    "Sæther",    "Aas",           "Myhre",      "Hanssen",    "Ahmed",       "Haugland",
    "Thomassen", "Sivertsen",     "Simonsen",   "Danielsen",  "Berntsen",    "Sandvik",
    "Rønning",   "Arnesen",       "Antonsen",   "Næss",       "Vik",         "Haug",
    "Ellingsen", "Thorsen",       "Edvardsen",  "Birkeland",  "Isaksen",     "Gulbrandsen",
    "Ruud",      "Aasen",         "Strøm",      "Myklebust",  "Tangen",      "Ødegård",
    "Eliassen",  "Helland",       "Bøe",        "Jenssen",    "Aune",        "Mikkelsen",
    "Tveit",     "Brekke",        "Abrahamsen", "Madsen"};
const char* kTitle[] = {"Innkjøper",        "Rådgiver innkjøp",
                        "Kjøkkensjef",      "Rektor",
                        "Styrer barnehage", "Enhetsleder",
                        "Økonomisjef",      "Konsulent",
                        "Driftsleder bygg", "Innkjøpsleder møbler",
                        "Saksbehandler",    "Helsesykepleier",
                        "IKT-ansvarlig",    "Renholdsleder",
                        "Kommunalsjef",     "Avdelingsleder",
                        "Vaktmester",       "Lærer",
                        "Miljøterapeut",    "Sekretær"};

template <size_t N>
const char* Pick(const char* (&a)[N], unsigned long long& seed) {
  seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  return a[(seed >> 33) % N];
}

std::string Ascii(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[++i]);
      out += (d == 0x86 || d == 0xA6) ? "ae" : (d == 0x98 || d == 0xB8) ? "o" : "a";
    }
  }
  return out;
}

void Fill(storage::Database& db, long long want) {
  auto s = db.Acquire();
  long long have = storage::ScalarInt(s.sql(), "SELECT COUNT(*) FROM org_people");
  std::vector<std::string> munis;
  {
    std::string orgnr;
    soci::statement st = (s.sql().prepare << "SELECT orgnr FROM org_municipalities ORDER BY orgnr",
                          soci::into(orgnr));
    st.execute(false);
    while (st.fetch()) munis.push_back(orgnr);
  }
  if (munis.empty()) {
    std::cerr << "search_bench: no municipalities; run `samkjop seed-demo` first\n";
    std::exit(2);
  }
  unsigned long long seed = 42 + static_cast<unsigned long long>(have);
  const long long batch = 5000;
  for (long long n = have; n < want;) {
    storage::WriteTx tx(s);
    for (long long i = 0; i < batch && n < want; ++i, ++n) {
      samkjop::org::Person p;
      std::string first = Pick(kFirst, seed), last = Pick(kLast, seed);
      p.name = first + " " + last;
      p.email = Ascii(first) + "." + Ascii(last) + "." + std::to_string(n) + "@kommune.no";
      p.title = Pick(kTitle, seed);
      p.municipality = munis[n % munis.size()];
      store::InsertPerson(s.sql(), p);
    }
    tx.Commit();
  }
  if (db.kind() == storage::DbKind::kPostgres) s.sql() << "ANALYZE org_people";
}

// CPU time of this thread in ms: the in-process cost (SQLite), not the wait
// for a busy machine or for the PostgreSQL server.
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  long long rows = 100000;
  int iterations = 200;
  double max_p99 = 5.0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--db")
      url = argv[i + 1];
    else if (a == "--rows")
      rows = std::atoll(argv[i + 1]);
    else if (a == "--iterations")
      iterations = std::atoi(argv[i + 1]);
    else if (a == "--max-p99-ms")
      max_p99 = std::atof(argv[i + 1]);
  }
  if (url.empty()) {
    std::cerr << "usage: search_bench --db URL [--rows N] [--iterations I] [--max-p99-ms M]\n";
    return 2;
  }
  auto opened = storage::Database::Open(url, 1);
  if (!opened.ok()) {
    std::cerr << "search_bench: cannot open " << url << "\n";
    return 2;
  }
  auto& db = **opened;
  Fill(db, rows);
  std::string one_muni;
  {
    auto s = db.Acquire();
    s.sql() << "SELECT MIN(orgnr) FROM org_municipalities", soci::into(one_muni);
  }
  struct Case {
    const char* label;
    const char* q;
    bool own_municipality;
  };
  const Case cases[] = {
      {"common surname", "hansen", false},
      {"common, folded", "sorensen", false},
      {"title word", "kjokken", false},
      {"title substring", "mobler", false},
      {"rare (one e-mail)", "ola.hansen.4242@", false},
      {"no hit", "zqxw", false},
      {"short prefix 2", "ka", false},
      {"short prefix 1", "s", false},
      {"short prefix æ", "æ", false},
      {"very common 3", "sen", false},
      {"domain (every row)", "kommune.no", false},
      {"common, own municipality", "hansen", true},
      {"short, own municipality", "ka", true},
  };
  auto s = db.Acquire();
  bool ok = true;
  std::vector<double> all;
  std::printf("%s, %lld rows, %d iterations per query, page of 20 plus total\n",
              db.KindName().c_str(), rows, iterations);
  std::printf("%-26s %-20s %8s %8s %8s %8s %10s\n", "query", "q", "hits", "p50 ms", "p99 ms",
              "max ms", "cpu p99 ms");
  for (const auto& c : cases) {
    Scope scope = c.own_municipality ? Scope::Municipalities({one_muni}) : Scope::Region();
    store::PeopleFilter f{c.q, ""};
    std::vector<double> ms, cpu;
    long long hits = 0;
    for (int i = 0; i < iterations + 5; ++i) {
      double c0 = ThreadCpuMs();
      auto t0 = std::chrono::steady_clock::now();
      auto page = store::ListPeople(s.sql(), scope, f, 0, 20);
      auto t1 = std::chrono::steady_clock::now();
      double c1 = ThreadCpuMs();
      hits = page.total;
      if (i >= 5) {
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        cpu.push_back(c1 - c0);
      }
    }
    double p99 = Percentile(ms, 0.99);
    std::printf("%-26s %-20s %8lld %8.3f %8.3f %8.3f %10.3f\n", c.label, c.q, hits,
                Percentile(ms, 0.5), p99, *std::max_element(ms.begin(), ms.end()),
                Percentile(cpu, 0.99));
    all.insert(all.end(), ms.begin(), ms.end());
    if (p99 > max_p99) ok = false;
  }
  std::printf("%-26s %-20s %8s %8.3f %8.3f %8.3f\n", "all queries", "", "", Percentile(all, 0.5),
              Percentile(all, 0.99), *std::max_element(all.begin(), all.end()));
  if (!ok) std::printf("FAIL: some query's p99 exceeds %.1f ms\n", max_p99);
  return ok ? 0 : 1;
}
