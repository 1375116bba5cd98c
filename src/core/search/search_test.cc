#include "core/search/search.h"

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/auth/grants.h"
#include "core/storage/database.h"

namespace samkjop::core::search {
namespace {

using storage::DbKind;

const Index& TestIndex() {
  static const Index ix{.table = "search_test_items",
                        .alias = "t",
                        .id_column = "id",
                        .text_column = "search",
                        .sort_column = "sort_key",
                        .tie_column = "t.name"};
  return ix;
}

TEST(IndexTextTest, FoldsAndSeparatesWordsByTwoSpaces) {
  EXPECT_EQ(IndexText({"Kari  Nordmann", "kari@Example.no", "Rådgiver\tinnkjøp"}),
            "  kari  nordmann  kari@example.no  radgiver  innkjop  ");
  EXPECT_EQ(IndexText({"", " "}), "");
  EXPECT_EQ(IndexText({"Møbler"}), "  mobler  ");
  EXPECT_EQ(IndexText({"a\nb\x01"
                       "c"}),
            "  a  b  c  ");
}

TEST(QueryTest, ModesByFoldedLength) {
  const auto& ix = TestIndex();
  EXPECT_EQ(Query(ix, "", DbKind::kSqlite).mode(), Mode::kAll);
  EXPECT_EQ(Query(ix, "   ", DbKind::kSqlite).mode(), Mode::kAll);
  EXPECT_EQ(Query(ix, "k", DbKind::kSqlite).mode(), Mode::kPrefix);
  EXPECT_EQ(Query(ix, "Øl", DbKind::kSqlite).mode(), Mode::kPrefix);
  // æ folds to two letters: a prefix; "kjø" is three: a substring.
  EXPECT_EQ(Query(ix, "Æ", DbKind::kSqlite).mode(), Mode::kPrefix);
  EXPECT_EQ(Query(ix, "kjø", DbKind::kSqlite).mode(), Mode::kSubstring);
  EXPECT_EQ(Query(ix, "  Kari   Nord ", DbKind::kSqlite).folded(), "kari  nord");
}

TEST(QueryTest, SqlAndBindsPerDialect) {
  const auto& ix = TestIndex();
  Query lite(ix, "Møb%", DbKind::kSqlite);
  EXPECT_EQ(lite.Where(),
            "(t.id IN (SELECT rowid FROM search_test_items_fts WHERE search_test_items_fts MATCH "
            ":sq_f))");
  auto b = lite.Binds(true);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].second, "\"mob%\"");  // FTS5 phrase: % is literal there
  EXPECT_EQ(b[1].second, "%  mob!%  %");
  EXPECT_EQ(b[2].second, "%  mob!%%");
  EXPECT_EQ(lite.OrderBy(),
            "CASE WHEN t.search LIKE :sq_w ESCAPE '!' THEN 0 WHEN t.search LIKE :sq_p ESCAPE '!' "
            "THEN 1 ELSE 2 END, t.sort_key, t.name, t.id");
  Query pg(ix, "a_", DbKind::kPostgres);
  EXPECT_EQ(pg.Where(), "(t.search LIKE :sq_f ESCAPE '!')");
  EXPECT_EQ(pg.Binds(false).at(0).second, "%  a!_%");
  Query all(ix, "", DbKind::kPostgres);
  EXPECT_EQ(all.Where(), "(1=1)");
  EXPECT_EQ(all.OrderBy(), "t.sort_key, t.name, t.id");
  EXPECT_TRUE(all.Binds(true).empty());
}

TEST(QueryTest, EscapesUserSyntax) {
  EXPECT_EQ(EscapeLike("100%_!x"), "100!%!_!!x");
  EXPECT_EQ(FtsPhrase("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(FtsPhrase("NEAR(x y) AND *"), "\"NEAR(x y) AND *\"");
}

TEST(MigrationSqlTest, BothDialects) {
  std::string s = MigrationSql(TestIndex());
  EXPECT_NE(s.find("-- sqlite: CREATE VIRTUAL TABLE search_test_items_fts USING fts5(search, "
                   "tokenize = 'trigram case_sensitive 1');"),
            std::string::npos);
  EXPECT_NE(s.find("-- postgres: CREATE INDEX search_test_items_search_trgm ON search_test_items "
                   "USING gin (search gin_trgm_ops);"),
            std::string::npos);
}

// A real database with the test table and its index.
struct Db {
  std::unique_ptr<storage::Database> db;
  DbKind kind;
};

Db OpenDb(const std::string& url) {
  auto opened = storage::Database::Open(url, 1);
  if (!opened.ok()) ADD_FAILURE() << "cannot open " << url;
  Db d{std::move(*opened), DbKind::kSqlite};
  d.kind = d.db->kind();
  {
    auto s = d.db->Acquire();
    if (d.kind == DbKind::kPostgres) {
      s.sql() << "DROP TABLE IF EXISTS search_test_items";
      s.sql() << "CREATE TABLE IF NOT EXISTS core_migrations (module TEXT NOT NULL, version "
                 "INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY "
                 "(module, version))";
      s.sql() << "DELETE FROM core_migrations WHERE module = 'search_test'";
    }
  }
  std::string sql =
      "CREATE TABLE search_test_items (id {{id}}, name TEXT NOT NULL, municipality TEXT, search "
      "TEXT,\n"
      "-- sqlite: sort_key TEXT);\n"
      "-- postgres: sort_key TEXT COLLATE \"C\");\n" +
      MigrationSql(TestIndex());
  auto applied = d.db->Migrate({{"search_test", 1, "items", sql}});
  EXPECT_TRUE(applied.ok());
  return d;
}

long long Insert(Db& d, const std::string& name, const std::string& muni = "A",
                 const std::string& extra = "") {
  auto s = d.db->Acquire();
  std::string text = IndexText({name, extra}), key = SortKey(name);
  long long id = 0;
  s.sql() << "INSERT INTO search_test_items (name, municipality, search, sort_key) VALUES (:n, "
             ":m, :s, :k) RETURNING id",
      soci::use(name), soci::use(muni), soci::use(text), soci::use(key), soci::into(id);
  return id;
}

struct Hits {
  std::vector<std::string> names;
  long long total = 0;
};

Hits Search(Db& d, const std::string& q, const auth::Scope& scope = auth::Scope::Region(),
            int limit = 100, int offset = 0) {
  Query query(TestIndex(), q, d.kind);
  auto s = d.db->Acquire();
  const std::string where = " FROM search_test_items t WHERE " +
                            scope.Sql({.municipality = "t.municipality"}) + " AND " + query.Where();
  Hits h;
  {
    soci::statement st(s.sql());
    st.exchange(soci::into(h.total));
    query.Bind(st, false);
    st.alloc();
    st.prepare("SELECT COUNT(*)" + where);
    st.define_and_bind();
    st.execute(true);
  }
  std::string name;
  soci::statement st(s.sql());
  st.exchange(soci::into(name));
  query.Bind(st, true);
  st.alloc();
  st.prepare("SELECT t.name" + where + " ORDER BY " + query.OrderBy() + " LIMIT " +
             std::to_string(limit) + " OFFSET " + std::to_string(offset));
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) h.names.push_back(name);
  return h;
}

// The databases to test: SQLite always, PostgreSQL when the test cluster's
// URL is given (scripts/test-api.sh postgresql, or start-postgres.sh).
std::vector<std::string> Urls() {
  std::vector<std::string> urls = {"sqlite::memory:"};
  if (const char* pg = std::getenv("SAMKJOP_TEST_PG_URL"); pg && *pg) urls.push_back(pg);
  return urls;
}

void Seed(Db& d) {
  for (const char* n :
       {"Møbler AS", "Kjøkkenutstyr", "Bord og stoler", "Skolemøbler Nord", "Åse Møbelsnekker",
        "Ærlig Møbler", "Østre Møbler", "Zeta møbler", "Kontormøbler", "100% Rabatt", "Under_strek",
        "Sitat \"A\" AND B", "NEAR(x) stjerne*"})
    Insert(d, n);
}

TEST(SearchDbTest, FoldedSubstringPrefixAndRanking) {
  for (const auto& url : Urls()) {
    SCOPED_TRACE(url);
    Db d = OpenDb(url);
    Seed(d);
    // Whole word "mobler" first (Norwegian order: Z, then Æ, Ø), then
    // prefix ("Møbelsnekker" is not a hit: "mobel" ≠ "mobler"), then substring.
    EXPECT_EQ(Search(d, "mobler").names,
              (std::vector<std::string>{"Møbler AS", "Zeta møbler", "Ærlig Møbler", "Østre Møbler",
                                        "Kontormøbler", "Skolemøbler Nord"}));
    EXPECT_EQ(Search(d, "møbel").names, (std::vector<std::string>{"Åse Møbelsnekker"}));
    EXPECT_EQ(Search(d, "MØB").names,
              (std::vector<std::string>{"Møbler AS", "Zeta møbler", "Ærlig Møbler", "Østre Møbler",
                                        "Åse Møbelsnekker", "Kontormøbler", "Skolemøbler Nord"}));
    EXPECT_EQ(Search(d, "kjokken").names, (std::vector<std::string>{"Kjøkkenutstyr"}));
    // Under three characters: word prefixes only ("Skolemøbler" has no word
    // starting "mø"; "og" is a whole word).
    EXPECT_EQ(Search(d, "mø").names,
              (std::vector<std::string>{"Møbler AS", "Zeta møbler", "Ærlig Møbler", "Østre Møbler",
                                        "Åse Møbelsnekker"}));
    EXPECT_EQ(Search(d, "og").names, (std::vector<std::string>{"Bord og stoler"}));
    // ø folds to o, å to a: words starting with those letters too.
    EXPECT_EQ(Search(d, "ø").names, (std::vector<std::string>{"Bord og stoler", "Østre Møbler"}));
    EXPECT_EQ(Search(d, "å").names,
              (std::vector<std::string>{"Møbler AS", "Sitat \"A\" AND B", "Ærlig Møbler",
                                        "Åse Møbelsnekker"}));  // æ folds to ae
    EXPECT_EQ(Search(d, "ae").names, (std::vector<std::string>{"Ærlig Møbler"}));
    // Words across the separator.
    EXPECT_EQ(Search(d, "bord  og").names, (std::vector<std::string>{"Bord og stoler"}));
    EXPECT_EQ(Search(d, "d og s").names, (std::vector<std::string>{"Bord og stoler"}));
    // Empty: everything, Norwegian order.
    EXPECT_EQ(Search(d, "").total, 13);
    EXPECT_EQ(Search(d, "").names.back(), "Åse Møbelsnekker");
  }
}

TEST(SearchDbTest, UserSyntaxIsLiteral) {
  for (const auto& url : Urls()) {
    SCOPED_TRACE(url);
    Db d = OpenDb(url);
    Seed(d);
    EXPECT_EQ(Search(d, "%").names, (std::vector<std::string>{}));  // no word starts with %
    EXPECT_EQ(Search(d, "0%").names, (std::vector<std::string>{}));
    EXPECT_EQ(Search(d, "00%").names, (std::vector<std::string>{"100% Rabatt"}));
    EXPECT_EQ(Search(d, "_").names, (std::vector<std::string>{}));
    EXPECT_EQ(Search(d, "r_s").names, (std::vector<std::string>{"Under_strek"}));
    EXPECT_EQ(Search(d, "%%%").names, (std::vector<std::string>{}));
    EXPECT_EQ(Search(d, "___").names, (std::vector<std::string>{}));
    EXPECT_EQ(Search(d, "\"").names, (std::vector<std::string>{"Sitat \"A\" AND B"}));
    EXPECT_EQ(Search(d, "\"a\" and").names, (std::vector<std::string>{"Sitat \"A\" AND B"}));
    EXPECT_EQ(Search(d, "AND").names, (std::vector<std::string>{"Sitat \"A\" AND B"}));
    EXPECT_EQ(Search(d, "NEAR(").names, (std::vector<std::string>{"NEAR(x) stjerne*"}));
    EXPECT_EQ(Search(d, "ne*").names, (std::vector<std::string>{"NEAR(x) stjerne*"}));
    EXPECT_EQ(Search(d, "e*").names, (std::vector<std::string>{}));  // no word starts so
    EXPECT_EQ(Search(d, "*").names, (std::vector<std::string>{}));
    EXPECT_EQ(Search(d, "!").names, (std::vector<std::string>{}));
    EXPECT_EQ(Search(d, "OR NOT").total, 0);
  }
}

TEST(SearchDbTest, ScopeAndPagingInSql) {
  for (const auto& url : Urls()) {
    SCOPED_TRACE(url);
    Db d = OpenDb(url);
    Insert(d, "Møbler Vest", "B");
    Insert(d, "Møbler Øst", "A");
    Insert(d, "Møbler Nord", "A");
    Insert(d, "Andre ting", "A");
    auto a = auth::Scope::Municipalities({"A"});
    EXPECT_EQ(Search(d, "mobler", a).names,
              (std::vector<std::string>{"Møbler Nord", "Møbler Øst"}));
    EXPECT_EQ(Search(d, "mobler", auth::Scope()).total, 0);
    Hits page = Search(d, "mobler", auth::Scope::Region(), 1, 1);
    EXPECT_EQ(page.total, 3);
    EXPECT_EQ(page.names, (std::vector<std::string>{"Møbler Vest"}));
  }
}

TEST(SearchDbTest, TriggersKeepTheIndexInSync) {
  for (const auto& url : Urls()) {
    SCOPED_TRACE(url);
    Db d = OpenDb(url);
    long long id = Insert(d, "Gammelt navn");
    EXPECT_EQ(Search(d, "gammel").total, 1);
    {
      auto s = d.db->Acquire();
      storage::WriteTx tx(s);
      std::string text = IndexText({"Nytt navn"}), key = SortKey("Nytt navn");
      s.sql() << "UPDATE search_test_items SET name = 'Nytt navn', search = :s, sort_key = :k "
                 "WHERE id = :id",
          soci::use(text), soci::use(key), soci::use(id);
      tx.Commit();
    }
    EXPECT_EQ(Search(d, "gammel").total, 0);
    EXPECT_EQ(Search(d, "nytt").total, 1);
    {
      auto s = d.db->Acquire();
      storage::WriteTx tx(s);
      s.sql() << "UPDATE search_test_items SET search = NULL WHERE id = :id", soci::use(id);
      tx.Commit();  // a row without text is no hit (and the index accepts it)
    }
    EXPECT_EQ(Search(d, "nytt").total, 0);
    {
      auto s = d.db->Acquire();
      std::string text = IndexText({"Tilbake"});
      s.sql() << "UPDATE search_test_items SET search = :s WHERE id = :id", soci::use(text),
          soci::use(id);
    }
    EXPECT_EQ(Search(d, "tilbake").total, 1);
    {
      // A rolled-back write leaves the index as it was.
      auto s = d.db->Acquire();
      storage::WriteTx tx(s);
      s.sql() << "DELETE FROM search_test_items WHERE id = :id", soci::use(id);
    }
    EXPECT_EQ(Search(d, "tilbake").total, 1);
    {
      auto s = d.db->Acquire();
      s.sql() << "DELETE FROM search_test_items WHERE id = :id", soci::use(id);
    }
    EXPECT_EQ(Search(d, "tilbake").total, 0);
  }
}

}  // namespace
}  // namespace samkjop::core::search
