#include "core/search/search.h"

#include <soci/soci.h>

#include "core/nor/collate.h"

namespace samkjop::core::search {
namespace {

constexpr char kSep[] = "  ";  // between words, and before and after every word

// Appends the words of folded `s` (split at white space and control
// characters) to `words`.
void SplitWords(const std::string& s, std::vector<std::string>* words) {
  std::string cur;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) {
      if (!cur.empty()) words->push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(ch);
    }
  }
  if (!cur.empty()) words->push_back(std::move(cur));
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += kSep;
    out += words[i];
  }
  return out;
}

// Code points in UTF-8 `s` (continuation bytes not counted).
size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

std::string Col(const Index& ix, const std::string& column) {
  return ix.alias.empty() ? column : ix.alias + "." + column;
}

}  // namespace

std::string IndexText(const std::vector<std::string>& parts) {
  std::vector<std::string> words;
  for (const auto& p : parts) SplitWords(nor::FoldForSearch(p), &words);
  if (words.empty()) return "";
  return kSep + Join(words) + kSep;
}

std::string IndexText(std::initializer_list<std::string_view> parts) {
  std::vector<std::string> v;
  for (auto p : parts) v.emplace_back(p);
  return IndexText(v);
}

std::string SortKey(std::string_view display) { return nor::CollationKey(display); }

std::string EscapeLike(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '!') out.push_back('!');
    out.push_back(c);
  }
  return out;
}

std::string FtsPhrase(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string MigrationSql(const Index& ix) {
  const std::string fts = ix.FtsTable(), t = ix.table, id = ix.id_column, col = ix.text_column;
  std::string s;
  s += "-- sqlite: CREATE VIRTUAL TABLE " + fts + " USING fts5(" + col +
       ", tokenize = 'trigram case_sensitive 1');\n";
  s += "-- sqlite: INSERT INTO " + fts + "(rowid, " + col + ") SELECT " + id + ", " + col +
       " FROM " + t + " WHERE " + col + " IS NOT NULL;\n";
  s += "-- sqlite: CREATE TRIGGER " + fts + "_ai AFTER INSERT ON " + t + " WHEN new." + col +
       " IS NOT NULL BEGIN INSERT INTO " + fts + "(rowid, " + col + ") VALUES (new." + id +
       ", new." + col + "); END;\n";
  s += "-- sqlite: CREATE TRIGGER " + fts + "_au AFTER UPDATE OF " + col + " ON " + t +
       " BEGIN DELETE FROM " + fts + " WHERE rowid = old." + id + "; INSERT INTO " + fts +
       "(rowid, " + col + ") SELECT new." + id + ", new." + col + " WHERE new." + col +
       " IS NOT NULL; END;\n";
  s += "-- sqlite: CREATE TRIGGER " + fts + "_ad AFTER DELETE ON " + t + " BEGIN DELETE FROM " +
       fts + " WHERE rowid = old." + id + "; END;\n";
  s += "-- postgres: CREATE EXTENSION IF NOT EXISTS pg_trgm;\n";
  s += "-- postgres: CREATE INDEX " + t + "_" + col + "_trgm ON " + t + " USING gin (" + col +
       " gin_trgm_ops);\n";
  return s;
}

Query::Query(const Index& index, std::string_view user_query, storage::DbKind kind)
    : index_(index), kind_(kind) {
  std::vector<std::string> words;
  SplitWords(nor::FoldForSearch(user_query), &words);
  folded_ = Join(words);
  if (folded_.empty()) return;
  const bool pg = kind_ == storage::DbKind::kPostgres;
  const std::string esc = EscapeLike(folded_);
  word_ = "%" + std::string(kSep) + esc + kSep + "%";
  prefix_ = "%" + std::string(kSep) + esc + "%";
  if (CodePoints(folded_) < 3) {
    mode_ = Mode::kPrefix;
    filter_ = pg ? prefix_ : FtsPhrase(kSep + folded_);
  } else {
    mode_ = Mode::kSubstring;
    filter_ = pg ? "%" + esc + "%" : FtsPhrase(folded_);
  }
}

std::string Query::Where() const {
  if (mode_ == Mode::kAll) return "(1=1)";
  if (kind_ == storage::DbKind::kPostgres)
    return "(" + Col(index_, index_.text_column) + " LIKE :sq_f ESCAPE '!')";
  return "(" + Col(index_, index_.id_column) + " IN (SELECT rowid FROM " + index_.FtsTable() +
         " WHERE " + index_.FtsTable() + " MATCH :sq_f))";
}

std::string Query::OrderBy() const {
  std::string tail = Col(index_, index_.sort_column);
  if (!index_.tie_column.empty()) tail += ", " + index_.tie_column;
  tail += ", " + Col(index_, index_.id_column);
  if (mode_ == Mode::kAll) return tail;
  const std::string text = Col(index_, index_.text_column);
  return "CASE WHEN " + text + " LIKE :sq_w ESCAPE '!' THEN 0 WHEN " + text +
         " LIKE :sq_p ESCAPE '!' THEN 1 ELSE 2 END, " + tail;
}

std::vector<std::pair<std::string, std::string>> Query::Binds(bool order) const {
  std::vector<std::pair<std::string, std::string>> out;
  if (mode_ == Mode::kAll) return out;
  out.emplace_back("sq_f", filter_);
  if (order) {
    out.emplace_back("sq_w", word_);
    out.emplace_back("sq_p", prefix_);
  }
  return out;
}

void Query::Bind(soci::statement& st, bool order) const {
  // soci::use keeps a reference to the name: static strings outlive every statement.
  static const std::string kF = "sq_f", kW = "sq_w", kP = "sq_p";
  if (mode_ == Mode::kAll) return;
  st.exchange(soci::use(filter_, kF));
  if (order) {
    st.exchange(soci::use(word_, kW));
    st.exchange(soci::use(prefix_, kP));
  }
}

}  // namespace samkjop::core::search
