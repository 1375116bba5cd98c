// spend_gen: a deterministic generator of realistic invoice-line CSV files
// for the spend benchmark, with the matching agreements.csv and
// categories.csv.
//
//   spend_gen --out-dir DIR --lines N [--file invoices.csv] [--seed S]
//             [--universe-seed U] [--year Y] [--dialect comma|semicolon]
//             [--suppliers K] [--buyers B] [--open-quote-at-end] [--no-reference]
//
// The universe (buyers, suppliers, product areas, accounts, agreements) comes
// from --universe-seed, --suppliers (default 8000) and --buyers (default 40)
// alone, so several invoice files (different --seed, dialects) share one
// agreements.csv/categories.csv. Output is byte-for-byte the same for the
// same arguments. A fifth of the suppliers are national (sell to every
// buyer), the rest local (a few neighbouring buyers); a few big suppliers
// get most lines; a line is ~3 500 NOK on average.
//
// What the lines contain: the six Kongsvinger-region municipalities and more
// MOD11-valid buyers; Norwegian supplier names with æøå, commas and quotes;
// credit notes; quoted descriptions with commas, quotes and newlines;
// organisation numbers with spaces, NO/MVA affixes; amounts like "1 234,56"
// (also with no-break spaces); and dirty lines: bad buyer numbers, impossible
// dates, bad and overflowing amounts, wrong field counts, blank lines. The
// comma dialect uses '.' decimals and ISO dates (mostly); the semicolon
// dialect "1 234,56", DD.MM.YYYY and CRLF.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

// splitmix64: small, fast, deterministic.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 12345) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint32_t Below(std::uint32_t n) {
    return static_cast<std::uint32_t>((Next() >> 32) * n >> 32);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  bool Chance(double p) { return Unit() < p; }

 private:
  std::uint64_t state_;
};

int CheckDigit(const char* d8) {
  static constexpr int kWeights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (int idx = 0; idx < 8; ++idx) sum += (d8[idx] - '0') * kWeights[idx];
  return (11 - sum % 11) % 11;
}

std::string RandomOrgnr(Rng& rng) {
  while (true) {
    char d[10];
    d[0] = static_cast<char>('8' + rng.Below(2));
    for (int idx = 1; idx < 8; ++idx) d[idx] = static_cast<char>('0' + rng.Below(10));
    const int check = CheckDigit(d);
    if (check == 10) continue;
    d[8] = static_cast<char>('0' + check);
    d[9] = '\0';
    return d;
  }
}

std::string BreakCheckDigit(const std::string& orgnr) {
  std::string bad = orgnr;
  bad[8] = static_cast<char>('0' + (bad[8] - '0' + 1) % 10);
  return bad;
}

struct Area {
  std::string name;
  std::vector<std::string> accounts;
};

struct Supplier {
  std::string orgnr;
  std::string name;
  std::uint32_t main_area;
  std::uint32_t second_area;
  double scale;  // typical invoice size, NOK
  // Who buys from it: national suppliers sell to every buyer, local ones to
  // a handful of neighbouring buyers (buyers[first_buyer .. +n_buyers)).
  bool national;
  std::uint32_t first_buyer, n_buyers;
};

struct Agreement {
  std::string id, supplier, area, buyers, from, to;
};

struct Universe {
  std::vector<std::string> buyers;  // first six: the Kongsvinger region
  std::vector<Area> areas;
  std::vector<std::string> unmapped_accounts;
  std::vector<Supplier> suppliers;
  std::vector<Agreement> agreements;
};

const char* kAreaNames[] = {"Kontorrekvisita",
                            "IKT-utstyr",
                            "Møbler og inventar",
                            "Matvarer",
                            "Renhold og hygiene",
                            "Transport og skyss",
                            "Byggevarer",
                            "Elektro",
                            "Rørleggertjenester",
                            "Medisinsk forbruksmateriell",
                            "Konsulenttjenester",
                            "Vikartjenester",
                            "Arbeidsklær",
                            "Drivstoff",
                            "Snøbrøyting og strøing",
                            "Trykksaker",
                            "Reise og opphold",
                            "Telefoni",
                            "Programvare og lisenser",
                            "Skolemateriell",
                            "Leker og barnehageutstyr",
                            "Tekniske hjelpemidler",
                            "Vaktmestertjenester",
                            "Avfallshåndtering"};

const char* kPlaces[] = {"Kongsvinger", "Glåmdal",      "Eidskog", "Grue",      "Åsnes",
                         "Odal",        "Solør",        "Hedmark", "Innlandet", "Østlandet",
                         "Vinger",      "Skarnes",      "Flisa",   "Magnor",    "Kirkenær",
                         "Sætre",       "Årnes",        "Hamar",   "Elverum",   "Nord-Odal",
                         "Brårud",      "Øvre Glåmdal", "Bøn",     "Sjøli"};
const char* kTrades[] = {"Bygg",      "Rør",    "Elektro", "Kontor", "Transport", "Renhold",
                         "Mat",       "Data",   "Møbel",   "Skog",   "Maskin",    "Trykk",
                         "Glass",     "Maling", "Kjøkken", "Vakt",   "Bil",       "Helse",
                         "Sikkerhet", "Grønt",  "Snø",     "Brønn",  "Tak",       "Ventilasjon"};
const char* kSurnames[] = {"Hansen",  "Johansen",    "Olsen",  "Larsen",  "Andersen", "Pedersen",
                           "Nilsen",  "Kristiansen", "Jensen", "Karlsen", "Johnsen",  "Pettersen",
                           "Eriksen", "Berg",        "Haugen", "Hagen",   "Bråten",   "Sæther",
                           "Løken",   "Kjærnes",     "Østby",  "Lie",     "Dahl",     "Bakken"};
const char* kForms[] = {"AS", "AS", "AS", "ASA", "ANS", "DA", "Sønner AS", "og Co AS"};

std::string SupplierName(Rng& rng) {
  const std::uint32_t kind = rng.Below(10);
  std::string place = kPlaces[rng.Below(std::size(kPlaces))];
  std::string trade = kTrades[rng.Below(std::size(kTrades))];
  std::string surname = kSurnames[rng.Below(std::size(kSurnames))];
  std::string form = kForms[rng.Below(std::size(kForms))];
  switch (kind) {
    case 0: return surname + ", " + kSurnames[rng.Below(std::size(kSurnames))] + " " + form;
    case 1: return trade + "huset \"" + place + "\" " + form;
    case 2: return "Brødrene " + surname + " " + form;
    case 3: return place + " " + trade + " & " + surname + " " + form;
    default: return place + " " + trade + " " + form;
  }
}

Universe MakeUniverse(std::uint64_t seed, std::uint32_t n_suppliers, std::uint32_t n_buyers,
                      int year) {
  Rng rng(seed);
  Universe u;
  u.buyers = {"944117784", "874602752", "964948143", "964950768", "874602612", "974602970"};
  while (u.buyers.size() < n_buyers) u.buyers.push_back(RandomOrgnr(rng));
  std::uint32_t next_account = 1100;
  for (const char* name : kAreaNames) {
    Area a{name, {}};
    const std::uint32_t n = 3 + rng.Below(6);
    for (std::uint32_t idx = 0; idx < n; ++idx) {
      a.accounts.push_back(std::to_string(next_account));
      next_account += 1 + rng.Below(9);
    }
    // Some municipalities post with a six-digit account (art + sub-account).
    if (rng.Chance(0.3)) a.accounts.push_back(std::to_string(next_account++) + "01");
    u.areas.push_back(std::move(a));
  }
  u.unmapped_accounts = {"1010", "1099", "1429", "1470", "1990", "2700", "5000", "9999"};
  for (std::uint32_t idx = 0; idx < n_suppliers; ++idx) {
    Supplier s;
    s.orgnr = RandomOrgnr(rng);
    s.name = SupplierName(rng);
    s.main_area = rng.Below(static_cast<std::uint32_t>(u.areas.size()));
    s.second_area = rng.Below(static_cast<std::uint32_t>(u.areas.size()));
    s.scale = std::exp(std::log(50.0) + rng.Unit() * std::log(400.0));  // 50 .. 20 000 NOK
    s.national = rng.Chance(0.2);
    s.n_buyers = 1 + rng.Below(8);
    s.first_buyer = rng.Below(static_cast<std::uint32_t>(u.buyers.size()));
    u.suppliers.push_back(std::move(s));
  }
  char date[40];
  std::uint32_t agreement_no = 0;
  for (const Supplier& s : u.suppliers) {
    if (!rng.Chance(0.45)) continue;
    const int n = rng.Chance(0.15) ? 2 : 1;
    for (int k = 0; k < n; ++k) {
      Agreement a;
      std::snprintf(date, sizeof date, "RA-%d-%04u", year - 1 + static_cast<int>(rng.Below(2)),
                    ++agreement_no);
      a.id = date;
      // The supplier's number as a register would export it, sometimes with affixes.
      a.supplier = rng.Chance(0.1) ? "NO" + s.orgnr + "MVA" : s.orgnr;
      a.area = u.areas[k == 0 ? s.main_area : s.second_area].name;
      std::string buyers;
      for (std::uint32_t b = 0; b < u.buyers.size(); ++b) {
        const bool customer =
            s.national || (b + u.buyers.size() - s.first_buyer) % u.buyers.size() < s.n_buyers;
        if (!customer || !rng.Chance(b < 6 ? 0.8 : 0.5)) continue;
        if (!buyers.empty()) buyers += "|";
        buyers += u.buyers[b];
      }
      if (buyers.empty()) buyers = u.buyers[s.first_buyer];
      a.buyers = buyers;
      switch (rng.Below(6)) {
        case 0:  // the whole year
          std::snprintf(date, sizeof date, "%d-01-01", year);
          a.from = date;
          std::snprintf(date, sizeof date, "%d-12-31", year);
          a.to = date;
          break;
        case 1:  // starts in the spring
          std::snprintf(date, sizeof date, "%d-04-01", year);
          a.from = date;
          std::snprintf(date, sizeof date, "%d-03-31", year + 4);
          a.to = date;
          break;
        case 2:  // expired mid-year
          std::snprintf(date, sizeof date, "%d-07-01", year - 4);
          a.from = date;
          std::snprintf(date, sizeof date, "30.06.%d", year);
          a.to = date;
          break;
        case 3:  // open-ended
          std::snprintf(date, sizeof date, "01.09.%d", year - 2);
          a.from = date;
          a.to = "";
          break;
        default:  // running over the year
          std::snprintf(date, sizeof date, "%d-%02u-01", year - 1, 1 + rng.Below(12));
          a.from = date;
          std::snprintf(date, sizeof date, "%d-%02u-%02u", year + 1, 1 + rng.Below(12),
                        1 + rng.Below(28));
          a.to = date;
      }
      u.agreements.push_back(std::move(a));
    }
  }
  return u;
}

// A growing output buffer flushed to a FILE in large writes.
class Out {
 public:
  explicit Out(std::FILE* f) : f_(f) { buf_.reserve(kFlush + 4096); }
  ~Out() { Flush(); }
  void Put(const std::string& s) {
    buf_.append(s);
    Check();
  }
  void Put(const char* s) {
    buf_.append(s);
    Check();
  }
  void Put(char c) { buf_.push_back(c); }
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) {
      std::perror("spend_gen: write");
      std::exit(1);
    }
    buf_.clear();
  }

 private:
  static constexpr size_t kFlush = size_t{4} << 20;
  void Check() {
    if (buf_.size() >= kFlush) Flush();
  }
  std::FILE* f_;
  std::string buf_;
};

// CSV-quotes `s` when it holds the delimiter, a quote or a line break.
std::string Csv(const std::string& s, char delim) {
  if (s.find_first_of(std::string("\"\r\n") + delim) == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += "\"\"";
    else
      out += c;
  }
  return out + "\"";
}

std::string Spaced(const std::string& orgnr, const char* sep) {
  return orgnr.substr(0, 3) + sep + orgnr.substr(3, 3) + sep + orgnr.substr(6, 3);
}

// Formats øre as an amount in the requested style.
std::string Amount(std::int64_t ore, bool comma_decimal, const char* group) {
  const bool negative = ore < 0;
  const std::uint64_t m = static_cast<std::uint64_t>(negative ? -ore : ore);
  std::string whole = std::to_string(m / 100);
  if (group) {
    std::string grouped;
    const size_t n = whole.size();
    for (size_t idx = 0; idx < n; ++idx) {
      if (idx && (n - idx) % 3 == 0) grouped += group;
      grouped += whole[idx];
    }
    whole = grouped;
  }
  const unsigned cents = static_cast<unsigned>(m % 100);
  std::string out = negative ? "-" : "";
  out += whole;
  if (cents) {
    char buf[8];
    if (cents % 10 == 0)
      std::snprintf(buf, sizeof buf, "%c%u", comma_decimal ? ',' : '.', cents / 10);
    else
      std::snprintf(buf, sizeof buf, "%c%02u", comma_decimal ? ',' : '.', cents);
    out += buf;
  }
  return out;
}

const char* kDescriptions[] = {
    "Varer iht. avtale",       "Levering uke 12",        "Service og vedlikehold",
    "Timer, konsulent",        "Innkjøp til skole",      "Frakt og emballasje",
    "Lisens, årlig",           "Reparasjon etter skade", "Kurs og opplæring",
    "Rekvisita til barnehage", "Diverse småinnkjøp",     "Brøyting, januar"};

int Usage() {
  std::fprintf(stderr,
               "usage: spend_gen --out-dir DIR --lines N [--file NAME] [--seed S] "
               "[--universe-seed U] [--year Y] [--dialect comma|semicolon] [--suppliers K] "
               "[--buyers B] [--open-quote-at-end] [--no-reference]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir, file = "invoices.csv", dialect = "comma";
  std::uint64_t lines = 0, seed = 1, universe_seed = 1;
  int year = 2025;
  std::uint32_t n_suppliers = 8000, n_buyers = 40;
  bool open_quote = false, reference = true;
  for (int idx = 1; idx < argc; ++idx) {
    const std::string arg = argv[idx];
    auto value = [&]() -> std::string {
      if (idx + 1 >= argc) std::exit(Usage());
      return argv[++idx];
    };
    if (arg == "--out-dir")
      out_dir = value();
    else if (arg == "--lines")
      lines = std::strtoull(value().c_str(), nullptr, 10);
    else if (arg == "--file")
      file = value();
    else if (arg == "--seed")
      seed = std::strtoull(value().c_str(), nullptr, 10);
    else if (arg == "--universe-seed")
      universe_seed = std::strtoull(value().c_str(), nullptr, 10);
    else if (arg == "--year")
      year = std::atoi(value().c_str());
    else if (arg == "--dialect")
      dialect = value();
    else if (arg == "--suppliers")
      n_suppliers = static_cast<std::uint32_t>(std::atoi(value().c_str()));
    else if (arg == "--buyers")
      n_buyers = static_cast<std::uint32_t>(std::atoi(value().c_str()));
    else if (arg == "--open-quote-at-end")
      open_quote = true;
    else if (arg == "--no-reference")
      reference = false;
    else
      return Usage();
  }
  if (out_dir.empty() || (dialect != "comma" && dialect != "semicolon") || n_buyers < 6 ||
      n_suppliers < 1)
    return Usage();
  const bool semi = dialect == "semicolon";
  const char delim = semi ? ';' : ',';
  const char* eol = semi ? "\r\n" : "\n";
  const Universe u = MakeUniverse(universe_seed, n_suppliers, n_buyers, year);

  if (reference) {
    std::FILE* f = std::fopen((out_dir + "/categories.csv").c_str(), "wb");
    if (!f) return std::perror("spend_gen: categories.csv"), 1;
    {
      Out o(f);
      o.Put("account,product_area\n");
      for (const Area& a : u.areas)
        for (const std::string& acc : a.accounts) o.Put(acc + "," + Csv(a.name, ',') + "\n");
    }
    std::fclose(f);
    f = std::fopen((out_dir + "/agreements.csv").c_str(), "wb");
    if (!f) return std::perror("spend_gen: agreements.csv"), 1;
    {
      Out o(f);
      o.Put("agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n");
      for (const Agreement& a : u.agreements)
        o.Put(a.id + "," + a.supplier + "," + Csv(a.area, ',') + "," + a.buyers + "," + a.from +
              "," + a.to + "\n");
    }
    std::fclose(f);
  }

  std::FILE* f = std::fopen((out_dir + "/" + file).c_str(), "wb");
  if (!f) return std::perror("spend_gen: invoices"), 1;
  Rng rng(seed * 7919 + 17);
  {
    Out o(f);
    if (semi) {
      o.Put("\xEF\xBB\xBF");  // Excel's UTF-8 BOM
      o.Put(
          "Buyer_Orgnr;Supplier_Orgnr;Supplier_Name;Invoice_No;Invoice_Date;Account;Amount;"
          "Description\r\n");
    } else {
      o.Put(
          "buyer_orgnr,invoice_date,invoice_no,supplier_orgnr,supplier_name,account,amount,"
          "description\n");
    }
    const std::uint32_t n_sup = static_cast<std::uint32_t>(u.suppliers.size());
    char buf[64];
    for (std::uint64_t line_idx = 0; line_idx < lines; ++line_idx) {
      if (rng.Chance(0.001)) o.Put(eol);  // a blank line (not a record)
      // Supplier: a few big ones get most lines (popularity ~ u^3).
      const double su = rng.Unit();
      const Supplier& s = u.suppliers[static_cast<std::uint32_t>(su * su * su * n_sup) % n_sup];
      // Buyer: any for a national supplier, a neighbour for a local one.
      std::uint32_t b;
      if (s.national) {
        b = rng.Chance(0.5) ? rng.Below(6)
                            : 6 + rng.Below(static_cast<std::uint32_t>(u.buyers.size() - 6));
      } else {
        b = (s.first_buyer + rng.Below(s.n_buyers)) % static_cast<std::uint32_t>(u.buyers.size());
      }
      std::string buyer = u.buyers[b];
      const double buyer_roll = rng.Unit();
      if (buyer_roll < 0.003)
        buyer = BreakCheckDigit(buyer);  // dirty: rejected
      else if (buyer_roll < 0.004)
        buyer = "";  // dirty: rejected
      else if (buyer_roll < 0.03)
        buyer = Spaced(buyer, " ");
      else if (buyer_roll < 0.04)
        buyer = "NO" + buyer + "MVA";
      std::string supplier = s.orgnr;
      const double sup_roll = rng.Unit();
      if (sup_roll < 0.02)
        supplier = "";  // unknown
      else if (sup_roll < 0.03)
        supplier = BreakCheckDigit(supplier);  // unknown (invalid)
      else if (sup_roll < 0.06)
        supplier = "NO " + Spaced(supplier, " ") + " MVA";
      else if (sup_roll < 0.08)
        supplier = Spaced(supplier, semi ? "\xC2\xA0" : " ");
      else if (sup_roll < 0.10)
        supplier = supplier + "MVA";
      const std::string name = rng.Chance(0.08) ? "" : s.name;
      // Product area -> account.
      const double area_roll = rng.Unit();
      const Area& area =
          u.areas[area_roll < 0.88   ? s.main_area
                  : area_roll < 0.99 ? s.second_area
                                     : rng.Below(static_cast<std::uint32_t>(u.areas.size()))];
      std::string account =
          area.accounts[rng.Below(static_cast<std::uint32_t>(area.accounts.size()))];
      const double acc_roll = rng.Unit();
      if (acc_roll < 0.04)
        account =
            u.unmapped_accounts[rng.Below(static_cast<std::uint32_t>(u.unmapped_accounts.size()))];
      else if (acc_roll < 0.05)
        account = "";
      else if (acc_roll < 0.06)
        account = " " + account + " ";
      // Date.
      const double year_roll = rng.Unit();
      const int y = year_roll < 0.88 ? year : year_roll < 0.95 ? year - 1 : year + 1;
      const unsigned m = 1 + rng.Below(12);
      static constexpr unsigned kDim[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const unsigned d = 1 + rng.Below(kDim[m]);
      std::string date;
      const bool iso = semi ? rng.Chance(0.05) : !rng.Chance(0.05);
      if (iso)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
      else
        std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", d, m, y);
      date = buf;
      const double date_roll = rng.Unit();
      if (date_roll < 0.0007)
        date = std::to_string(y) + "-02-30";
      else if (date_roll < 0.0014)
        date = "31.04." + std::to_string(y);
      else if (date_roll < 0.002)
        date = std::to_string(y) + "/03/01";
      // Amount.
      std::int64_t ore = static_cast<std::int64_t>(s.scale * (0.05 + 2.0 * rng.Unit()) * 100.0);
      if (rng.Chance(0.3)) ore -= ore % 100;  // whole kroner
      if (rng.Chance(0.04)) ore = -ore;       // credit note
      std::string amount;
      const double style = rng.Unit();
      if (semi) {
        amount = style < 0.6    ? Amount(ore, true, " ")
                 : style < 0.8  ? Amount(ore, true, "\xC2\xA0")
                 : style < 0.95 ? Amount(ore, true, nullptr)
                                : Amount(ore, false, nullptr);
      } else {
        amount = style < 0.9    ? Amount(ore, false, nullptr)
                 : style < 0.97 ? Amount(ore, true, " ")  // quoted below: has a comma
                                : Amount(ore, false, " ");
      }
      const double amount_roll = rng.Unit();
      if (amount_roll < 0.0005)
        amount = "12,345.00";
      else if (amount_roll < 0.001)
        amount = "kr 100";
      else if (amount_roll < 0.0015)
        amount = "1.2.3";
      else if (amount_roll < 0.0018)
        amount = "";
      else if (amount_roll < 0.002)
        amount = "99999999999999999999";  // overflows øre
      // Invoice number and description.
      std::snprintf(buf, sizeof buf, "F-%d-%07llu", y, static_cast<unsigned long long>(line_idx));
      const std::string invoice_no = buf;
      std::string description;
      const double desc_roll = rng.Unit();
      if (desc_roll < 0.5) description = kDescriptions[rng.Below(std::size(kDescriptions))];
      if (desc_roll < 0.1) description += ", jf. ordre " + std::to_string(rng.Below(100000));
      if (desc_roll < 0.004)
        description += "\nLevert til " + std::string(kPlaces[rng.Below(std::size(kPlaces))]);
      if (desc_roll < 0.002) description += " (\"hastelevering\")";

      std::string fields[8];
      if (semi) {
        fields[0] = buyer;
        fields[1] = supplier;
        fields[2] = name;
        fields[3] = invoice_no;
        fields[4] = date;
        fields[5] = account;
        fields[6] = amount;
        fields[7] = description;
      } else {
        fields[0] = buyer;
        fields[1] = date;
        fields[2] = invoice_no;
        fields[3] = supplier;
        fields[4] = name;
        fields[5] = account;
        fields[6] = amount;
        fields[7] = description;
      }
      const double shape_roll = rng.Unit();
      int n_fields = 8;
      std::string extra;
      if (shape_roll < 0.001)
        n_fields = 7;  // dirty: a field missing
      else if (shape_roll < 0.002)
        extra = std::string(1, delim) + "ekstra";  // one too many
      for (int k = 0; k < n_fields; ++k) {
        if (k) o.Put(delim);
        o.Put(Csv(fields[k], delim));
      }
      if (!extra.empty()) o.Put(extra);
      o.Put(eol);
    }
    if (open_quote) {
      o.Put(u.buyers[0]);
      o.Put(semi ? ";" : ",");
      o.Put("\"Denne linjen har et anførselstegn som aldri lukkes");
      o.Put(eol);
    }
  }
  if (std::fclose(f) != 0) return std::perror("spend_gen: close"), 1;
  return 0;
}
