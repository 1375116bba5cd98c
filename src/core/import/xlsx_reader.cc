#include "core/import/xlsx_reader.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include <pugixml.hpp>

namespace samkjop::core::import {

namespace {

// The local name of an element or attribute ("x:row" → "row").
const char* Local(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

pugi::xml_node Child(pugi::xml_node n, const char* local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && std::strcmp(Local(c.name()), local) == 0) return c;
  return {};
}

template <typename F>
void Children(pugi::xml_node n, const char* local, F f) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && std::strcmp(Local(c.name()), local) == 0) f(c);
}

// An attribute by local name (r:id, id).
pugi::xml_attribute Attr(pugi::xml_node n, const char* local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
    if (std::strcmp(Local(a.name()), local) == 0) return a;
  return {};
}

// The text of <t> children (a <si> or <is>): plain, or the runs of rich text,
// without phonetic runs (<rPh>).
std::string StringItem(pugi::xml_node si) {
  std::string out;
  for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const char* name = Local(c.name());
    if (std::strcmp(name, "t") == 0) {
      out += c.text().get();
    } else if (std::strcmp(name, "r") == 0) {
      if (pugi::xml_node t = Child(c, "t")) out += t.text().get();
    }
  }
  return out;
}

bool IsDateFormatCode(const std::string& code) {
  bool quoted = false, bracket = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') bracket = true;
    if (c == ']') bracket = false;
    if (bracket) continue;
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == 'd' || l == 'm' || l == 'y' || l == 'h' || l == 's') return true;
  }
  return false;
}

bool IsBuiltinDateFormat(int id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47); }

// "B7" → (7, 1); false when malformed.
bool ParseRef(const char* ref, int* row, int* col) {
  int c = 0, r = 0;
  const char* p = ref;
  int letters = 0;
  while (*p >= 'A' && *p <= 'Z') {
    c = c * 26 + (*p - 'A' + 1);
    ++p;
    if (++letters > 3) return false;
  }
  if (letters == 0) return false;
  int digits = 0;
  while (*p >= '0' && *p <= '9') {
    r = r * 10 + (*p - '0');
    ++p;
    if (++digits > 7) return false;
  }
  if (*p || digits == 0 || r == 0) return false;
  *row = r;
  *col = c - 1;
  return true;
}

std::string ResolveTarget(const std::string& base_dir, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string path = base_dir + target;
  // Collapse "a/../b" (targets such as "../worksheets/sheet1.xml").
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

Status Corrupt(const std::string& part, const std::string& what) {
  return Status::InvalidField("import.xlsx_invalid", part,
                              "Regnearket er skadet eller ikke en xlsx-fil: " + what + ".");
}

}  // namespace

std::string CellRef(int row, int column) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

bool SerialToIso(double serial, bool date1904, std::string* iso) {
  if (!std::isfinite(serial) || serial < 0) return false;
  double whole = std::floor(serial);
  long long days = static_cast<long long>(whole);
  double frac = serial - whole;
  long long seconds = std::llround(frac * 86400.0);
  if (seconds >= 86400) {
    ++days;
    seconds = 0;
  }
  std::chrono::sys_days base;
  if (date1904) {
    base = std::chrono::sys_days(std::chrono::year{1904} / 1 / 1);
  } else if (days == 60) {
    return false;  // 1900-02-29: Lotus 1-2-3's leap-year bug, no real day
  } else if (days < 60) {
    if (days < 1 && seconds == 0) return false;  // 1900-01-00
    base = std::chrono::sys_days(std::chrono::year{1899} / 12 / 31);
  } else {
    base = std::chrono::sys_days(std::chrono::year{1899} / 12 / 30);
  }
  std::chrono::year_month_day ymd{base + std::chrono::days{days}};
  int y = static_cast<int>(ymd.year());
  if (y > 9999) return false;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  *iso = buf;
  if (seconds > 0) {
    std::snprintf(buf, sizeof buf, "T%02lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60,
                  seconds % 60);
    *iso += buf;
  }
  return true;
}

Status XlsxReader::CellError(const std::string& code, const std::string& sheet, int row, int column,
                             const std::string& message) {
  std::string ref = CellRef(row, column);
  return Status::InvalidField(code, sheet + "!" + ref,
                              "Ark «" + sheet + "», celle " + ref + ": " + message);
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::FromBytes(std::string bytes, XlsxLimits limits) {
  auto zip = archive::ZipReader::FromBytes(std::move(bytes), limits.zip);
  if (!zip.ok()) return zip.status();
  std::unique_ptr<XlsxReader> r(new XlsxReader());
  r->zip_ = std::move(zip).value();
  r->limits_ = limits;
  SAMKJOP_RETURN_IF_ERROR(r->Load());
  return r;
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::FromFile(const std::string& path,
                                                         XlsxLimits limits) {
  auto zip = archive::ZipReader::FromFile(path, limits.zip);
  if (!zip.ok()) return zip.status();
  std::unique_ptr<XlsxReader> r(new XlsxReader());
  r->zip_ = std::move(zip).value();
  r->limits_ = limits;
  SAMKJOP_RETURN_IF_ERROR(r->Load());
  return r;
}

Result<std::string> XlsxReader::Part(const std::string& name) const {
  const archive::ZipEntry* e = zip_->Find(name);
  if (!e) return Corrupt(name, "delen " + name + " mangler");
  return zip_->Read(*e, limits_.max_part_bytes);
}

Status XlsxReader::Load() {
  // The workbook part, from the package relationships.
  std::string workbook = "xl/workbook.xml";
  if (zip_->Find("_rels/.rels")) {
    auto rels = Part("_rels/.rels");
    if (!rels.ok()) return rels.status();
    pugi::xml_document doc;
    if (!doc.load_buffer(rels->data(), rels->size()))
      return Corrupt("_rels/.rels", "relasjonene kan ikke leses");
    Children(doc.document_element(), "Relationship", [&](pugi::xml_node rel) {
      std::string type = Attr(rel, "Type").value();
      if (type.size() >= 15 && type.compare(type.size() - 15, 15, "/officeDocument") == 0)
        workbook = ResolveTarget("", Attr(rel, "Target").value());
    });
  }
  std::string dir = workbook.substr(0, workbook.rfind('/') + 1);
  std::string rels_name = dir + "_rels/" + workbook.substr(dir.size()) + ".rels";

  std::map<std::string, std::string> targets;  // relationship id → part
  std::string shared_part, styles_part;
  if (zip_->Find(rels_name)) {
    auto rels = Part(rels_name);
    if (!rels.ok()) return rels.status();
    pugi::xml_document doc;
    if (!doc.load_buffer(rels->data(), rels->size()))
      return Corrupt(rels_name, "relasjonene kan ikke leses");
    Children(doc.document_element(), "Relationship", [&](pugi::xml_node rel) {
      std::string type = Attr(rel, "Type").value();
      std::string target = ResolveTarget(dir, Attr(rel, "Target").value());
      targets[Attr(rel, "Id").value()] = target;
      auto ends = [&](const char* s) {
        size_t n = std::strlen(s);
        return type.size() >= n && type.compare(type.size() - n, n, s) == 0;
      };
      if (ends("/sharedStrings")) shared_part = target;
      if (ends("/styles")) styles_part = target;
    });
  }

  auto wb = Part(workbook);
  if (!wb.ok()) return wb.status();
  pugi::xml_document wdoc;
  if (!wdoc.load_buffer(wb->data(), wb->size()))
    return Corrupt(workbook, "arbeidsboken kan ikke leses");
  pugi::xml_node root = wdoc.document_element();
  if (pugi::xml_node pr = Child(root, "workbookPr")) {
    std::string d = Attr(pr, "date1904").value();
    date1904_ = d == "1" || d == "true";
  }
  int n = 0;
  Children(Child(root, "sheets"), "sheet", [&](pugi::xml_node s) {
    ++n;
    std::string id = Attr(s, "id").value();
    auto it = targets.find(id);
    std::string part =
        it != targets.end() ? it->second : dir + "worksheets/sheet" + std::to_string(n) + ".xml";
    sheets_.push_back({Attr(s, "name").value(), part});
  });
  if (sheets_.empty()) return Corrupt(workbook, "arbeidsboken har ingen ark");

  if (shared_part.empty() && zip_->Find(dir + "sharedStrings.xml"))
    shared_part = dir + "sharedStrings.xml";
  if (!shared_part.empty() && zip_->Find(shared_part)) {
    auto ss = Part(shared_part);
    if (!ss.ok()) return ss.status();
    pugi::xml_document doc;
    if (!doc.load_buffer(ss->data(), ss->size()))
      return Corrupt(shared_part, "de delte tekstene kan ikke leses");
    Children(doc.document_element(), "si",
             [&](pugi::xml_node si) { shared_.push_back(StringItem(si)); });
  }

  if (styles_part.empty() && zip_->Find(dir + "styles.xml")) styles_part = dir + "styles.xml";
  if (!styles_part.empty() && zip_->Find(styles_part)) {
    auto st = Part(styles_part);
    if (!st.ok()) return st.status();
    pugi::xml_document doc;
    if (!doc.load_buffer(st->data(), st->size()))
      return Corrupt(styles_part, "stilene kan ikke leses");
    std::map<int, bool> custom;  // numFmtId → is a date
    Children(Child(doc.document_element(), "numFmts"), "numFmt", [&](pugi::xml_node f) {
      custom[Attr(f, "numFmtId").as_int()] = IsDateFormatCode(Attr(f, "formatCode").value());
    });
    Children(Child(doc.document_element(), "cellXfs"), "xf", [&](pugi::xml_node xf) {
      int id = Attr(xf, "numFmtId").as_int();
      auto it = custom.find(id);
      date_styles_.push_back(it != custom.end() ? it->second : IsBuiltinDateFormat(id));
    });
  }
  return Status::Ok();
}

std::vector<std::string> XlsxReader::SheetNames() const {
  std::vector<std::string> out;
  for (const auto& s : sheets_) out.push_back(s.name);
  return out;
}

Status XlsxReader::ForEachRow(const std::string& sheet_name,
                              const std::function<Status(const XlsxRow&)>& fn) const {
  const SheetInfo* sheet = &sheets_.front();
  if (!sheet_name.empty()) {
    sheet = nullptr;
    for (const auto& s : sheets_)
      if (s.name == sheet_name) sheet = &s;
    if (!sheet) {
      std::string names;
      for (const auto& s : sheets_) names += (names.empty() ? "«" : ", «") + s.name + "»";
      return Status::InvalidField(
          "import.xlsx_no_such_sheet", "sheet",
          "Regnearket har ikke arket «" + sheet_name + "»; arkene er " + names + ".");
    }
  }
  const archive::ZipEntry* entry = zip_->Find(sheet->part);
  if (!entry) return Corrupt(sheet->part, "arket «" + sheet->name + "» mangler");

  std::string buf;
  size_t pos = 0;
  int next_row = 1;
  Status failure;
  // Parses one <row …>…</row> element.
  auto handle_row = [&](std::string_view xml) -> Status {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size()))
      return CellError("import.xlsx_invalid", sheet->name, next_row, 0,
                       "raden kan ikke leses (ugyldig XML).");
    pugi::xml_node row = doc.first_child();
    XlsxRow out;
    out.number = next_row;
    if (pugi::xml_attribute r = Attr(row, "r")) out.number = r.as_int();
    if (out.number < next_row || out.number > 1048576)
      return CellError("import.xlsx_invalid", sheet->name, next_row, 0, "ugyldig radnummer.");
    next_row = out.number + 1;
    int next_col = 0;
    bool any = false;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || std::strcmp(Local(c.name()), "c") != 0) continue;
      int col = next_col;
      if (pugi::xml_attribute ref = Attr(c, "r")) {
        int rr = 0;
        if (!ParseRef(ref.value(), &rr, &col) || rr != out.number)
          return CellError("import.xlsx_invalid", sheet->name, out.number, next_col,
                           std::string("ugyldig cellereferanse «") + ref.value() + "».");
      }
      if (col < next_col || col >= limits_.max_columns)
        return CellError("import.xlsx_invalid", sheet->name, out.number, next_col,
                         "cellene står i feil rekkefølge.");
      next_col = col + 1;
      std::string t = Attr(c, "t").value();
      pugi::xml_node v = Child(c, "v");
      XlsxCell cell;
      if (t == "inlineStr") {
        cell.type = XlsxCell::Type::kText;
        cell.text = StringItem(Child(c, "is"));
      } else if (!v) {
        continue;  // styled but empty
      } else if (t == "s") {
        char* end = nullptr;
        long idx = std::strtol(v.text().get(), &end, 10);
        if (*end || idx < 0 || static_cast<size_t>(idx) >= shared_.size())
          return CellError("import.xlsx_invalid", sheet->name, out.number, col,
                           "viser til en delt tekst som ikke finnes.");
        cell.type = XlsxCell::Type::kText;
        cell.text = shared_[static_cast<size_t>(idx)];
      } else if (t == "str") {
        cell.type = XlsxCell::Type::kText;
        cell.text = v.text().get();
      } else if (t == "b") {
        cell.type = XlsxCell::Type::kBool;
        cell.boolean = std::strcmp(v.text().get(), "1") == 0;
        cell.text = cell.boolean ? "TRUE" : "FALSE";
      } else if (t == "e") {
        cell.type = XlsxCell::Type::kError;
        cell.text = v.text().get();
      } else if (t == "d") {
        cell.type = XlsxCell::Type::kDate;
        cell.text = v.text().get();
      } else if (t.empty() || t == "n") {
        cell.text = v.text().get();
        char* end = nullptr;
        cell.number = std::strtod(cell.text.c_str(), &end);
        if (cell.text.empty() || *end || !std::isfinite(cell.number))
          return CellError("import.xlsx_invalid", sheet->name, out.number, col,
                           "«" + cell.text + "» er ikke et tall.");
        cell.type = XlsxCell::Type::kNumber;
        int s = Attr(c, "s").as_int(0);
        if (s >= 0 && static_cast<size_t>(s) < date_styles_.size() && date_styles_[s]) {
          std::string iso;
          if (!SerialToIso(cell.number, date1904_, &iso))
            return CellError("import.xlsx_invalid_date", sheet->name, out.number, col,
                             "«" + cell.text + "» er ingen dato (Excel-serienummer).");
          cell.type = XlsxCell::Type::kDate;
          cell.text = iso;
        }
      } else {
        return CellError("import.xlsx_invalid", sheet->name, out.number, col,
                         "ukjent celletype «" + t + "».");
      }
      if (out.cells.size() < static_cast<size_t>(col)) out.cells.resize(col);
      out.cells.push_back(std::move(cell));
      any = true;
    }
    if (!any) return Status::Ok();
    return fn(out);
  };
  // Finds complete row elements in `buf` from `pos`; returns false on error.
  auto scan = [&](bool at_end) -> bool {
    for (;;) {
      size_t lt = buf.find('<', pos);
      if (lt == std::string::npos) {
        pos = buf.size();
        return true;
      }
      size_t name_end = buf.find_first_of(" \t\r\n/>", lt + 1);
      if (name_end == std::string::npos) {
        pos = lt;
        return true;  // need more
      }
      std::string name = buf.substr(lt + 1, name_end - lt - 1);
      if (std::strcmp(Local(name.c_str()), "row") != 0 || name.empty() || name[0] == '/') {
        size_t gt = buf.find('>', lt);
        if (gt == std::string::npos) {
          pos = lt;
          return true;
        }
        pos = gt + 1;
        continue;
      }
      size_t gt = buf.find('>', lt);
      if (gt == std::string::npos) {
        pos = lt;
        return true;
      }
      size_t end;
      if (buf[gt - 1] == '/') {
        end = gt + 1;
      } else {
        std::string close = "</" + name + ">";
        size_t c = buf.find(close, gt);
        if (c == std::string::npos) {
          pos = lt;
          if (at_end) {
            failure = CellError("import.xlsx_invalid", sheet->name, next_row, 0,
                                "raden avsluttes aldri.");
            return false;
          }
          return true;
        }
        end = c + close.size();
      }
      Status st = handle_row(std::string_view(buf).substr(lt, end - lt));
      if (!st.ok()) {
        failure = st;
        return false;
      }
      pos = end;
    }
  };
  bool stopped = false;
  Status st = zip_->Stream(*entry, [&](std::string_view chunk) {
    buf.erase(0, pos);
    pos = 0;
    buf.append(chunk);
    if (buf.size() > limits_.max_part_bytes) {
      failure = CellError("import.xlsx_invalid", sheet->name, next_row, 0, "raden er for lang.");
      stopped = true;
      return false;
    }
    if (!scan(false)) {
      stopped = true;
      return false;
    }
    return true;
  });
  if (!st.ok()) return st;
  if (stopped) return failure;
  if (!scan(true)) return failure;
  return Status::Ok();
}

}  // namespace samkjop::core::import
