// Norwegian search over a module's table, the same hits on SQLite and
// PostgreSQL. A row stores two columns computed here: its search text
// (IndexText: folded with core::nor::FoldForSearch, words separated by two
// spaces) and its sort key (core::nor::CollationKey). SQLite indexes the
// text with an FTS5 trigram table kept in sync by triggers; PostgreSQL with a
// pg_trgm GIN index on the column (MigrationSql writes both).
//
// A hit contains the folded query as a substring; a query under 3
// characters matches word prefixes instead. Hits rank whole word, then word
// prefix, then substring, ties in Norwegian order (the sort key), then id.
// User input is always literal: LIKE wildcards are escaped, FTS5 syntax
// quoted. See docs/services/search.md.
#ifndef SAMKJOP_CORE_SEARCH_SEARCH_H_
#define SAMKJOP_CORE_SEARCH_SEARCH_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/storage/database.h"

namespace soci {
class statement;
}

namespace samkjop::core::search {

// What a table offers to search. Names are SQL identifiers written by the
// module (never user input).
struct Index {
  std::string table;        // "org_people"
  std::string alias;        // the table's alias in the caller's FROM: "p"
  std::string id_column;    // an integer primary key ("id"; the FTS5 rowid on SQLite)
  std::string text_column;  // holds IndexText(...) of the row ("search")
  std::string sort_column;  // holds SortKey(...) of the row ("sort_key"; COLLATE "C" on PostgreSQL)
  std::string tie_column;   // optional: breaks sort-key ties before the id ("p.name")

  // The SQLite FTS5 table: "<table>_fts".
  std::string FtsTable() const { return table + "_fts"; }
};

// The search text for a row made of `parts` (name, e-mail, title …): each
// folded, split into words at white space and control characters, stored as
// "  w1  w2  …  " (two spaces before and after every word, so that a word
// start is a 3-character substring for the trigram indexes).
std::string IndexText(std::initializer_list<std::string_view> parts);
std::string IndexText(const std::vector<std::string>& parts);

// The sort key of a row's display text (its Norwegian collation key).
std::string SortKey(std::string_view display);

// The statements that build the index for `index` (a migration's text, in
// the dialect-line form storage::Migration takes): on SQLite the FTS5 trigram
// table, its triggers and a backfill of existing rows; on PostgreSQL the
// pg_trgm extension and a GIN index. The table and both columns must exist.
std::string MigrationSql(const Index& index);

enum class Mode {
  kAll,        // empty query: no filter, Norwegian order
  kPrefix,     // 1–2 characters: words starting with the query
  kSubstring,  // 3 or more: the folded text contains the query
};

// One user query against one index, for one database. Add Where() to the
// statement's WHERE (with the caller's Scope::Sql and other filters) and
// OrderBy() as its ORDER BY; bind with Bind(). Bind names start "sq_".
class Query {
 public:
  Query(const Index& index, std::string_view user_query, storage::DbKind kind);

  Mode mode() const { return mode_; }
  // The query as matched: folded, white space normalised to the index's
  // word separator. Empty for kAll.
  const std::string& folded() const { return folded_; }

  // A boolean SQL expression selecting the hits ("(1=1)" for kAll). Binds
  // :sq_f.
  std::string Where() const;
  // An ORDER BY list: rank (whole word, prefix, substring), sort key, tie
  // column, id. Binds :sq_w and :sq_p unless the mode is kAll.
  std::string OrderBy() const;

  // Adds the binds Where() (and with `order`, OrderBy()) use to a statement
  // built with soci::statement::exchange. The Query must outlive the
  // statement's execution.
  void Bind(soci::statement& st, bool order) const;

  // The bind values by name, for callers that bind themselves (and tests).
  std::vector<std::pair<std::string, std::string>> Binds(bool order) const;

 private:
  const Index& index_;
  storage::DbKind kind_;
  Mode mode_ = Mode::kAll;
  std::string folded_;
  std::string filter_;  // :sq_f — FTS5 MATCH phrase (SQLite) or LIKE pattern (PostgreSQL)
  std::string word_;    // :sq_w — LIKE pattern of the query as a whole word
  std::string prefix_;  // :sq_p — LIKE pattern of the query as a word prefix
};

// Escapes LIKE wildcards (% _ and the escape character !) for ESCAPE '!'.
std::string EscapeLike(std::string_view s);
// An FTS5 phrase matching `s` literally: "…" with inner quotes doubled.
std::string FtsPhrase(std::string_view s);

}  // namespace samkjop::core::search

#endif  // SAMKJOP_CORE_SEARCH_SEARCH_H_
