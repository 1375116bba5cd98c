// core/files: type detection from bytes, name checks, the local store, and the
// service on SQLite (upload, dedupe, access, attach, clean-up).
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "core/files/file_service.h"
#include "core/files/file_store.h"
#include "core/files/sniff.h"
#include "core/module/module.h"
#include "core/storage/sql.h"

namespace samkjop::core::files {
namespace {

namespace fs = std::filesystem;

std::string Zip(const std::vector<std::string>& names) {
  // A minimal stored ZIP: local headers (no data) and a central directory.
  auto le16 = [](std::string& s, unsigned v) {
    s.push_back(static_cast<char>(v & 255));
    s.push_back(static_cast<char>(v >> 8));
  };
  auto le32 = [&](std::string& s, unsigned v) {
    le16(s, v & 0xFFFF);
    le16(s, v >> 16);
  };
  std::string out, cd;
  std::vector<unsigned> offsets;
  for (const auto& n : names) {
    offsets.push_back(static_cast<unsigned>(out.size()));
    le32(out, 0x04034b50);
    // version, flags, method, time, date, crc, sizes, name length, extra length
    le16(out, 20), le16(out, 0), le16(out, 0), le16(out, 0), le16(out, 0);
    le32(out, 0), le32(out, 0), le32(out, 0);
    le16(out, static_cast<unsigned>(n.size())), le16(out, 0);
    out += n;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    le32(cd, 0x02014b50);
    le16(cd, 20), le16(cd, 20), le16(cd, 0), le16(cd, 0), le16(cd, 0), le16(cd, 0);
    le32(cd, 0), le32(cd, 0), le32(cd, 0);
    le16(cd, static_cast<unsigned>(names[i].size())), le16(cd, 0), le16(cd, 0), le16(cd, 0),
        le16(cd, 0);
    le32(cd, 0), le32(cd, offsets[i]);
    cd += names[i];
  }
  unsigned cd_offset = static_cast<unsigned>(out.size());
  out += cd;
  le32(out, 0x06054b50);
  le16(out, 0), le16(out, 0);
  le16(out, static_cast<unsigned>(names.size())), le16(out, static_cast<unsigned>(names.size()));
  le32(out, static_cast<unsigned>(cd.size())), le32(out, cd_offset);
  le16(out, 0);
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("samkjop-files-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    auto p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  fs::path path() const { return path_; }

 private:
  fs::path path_;
};

std::string TypeOf(const TempDir& d, const std::string& bytes) {
  auto in = InspectFile(d.Write("sniff", bytes));
  EXPECT_TRUE(in.ok());
  return in->detected.content_type;
}

TEST(Sniff, DetectsTypesFromBytesNotNames) {
  TempDir d;
  EXPECT_EQ(TypeOf(d, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), kPdf);
  EXPECT_EQ(TypeOf(d, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), kPng);
  EXPECT_EQ(TypeOf(d, "\xFF\xD8\xFF\xE0\x00\x10JFIF"), kJpeg);
  EXPECT_EQ(TypeOf(d, "<?xml version=\"1.0\"?><Invoice/>"), kXml);
  EXPECT_EQ(TypeOf(d, "\xEF\xBB\xBFnavn;beløp\nMøbler AS;100\nKjøkken;200\n"), kCsv);
  EXPECT_EQ(TypeOf(d, "Hei på deg\nDette er tekst.\n"), kText);
  EXPECT_EQ(TypeOf(d, Zip({"a.txt", "b/c.txt"})), kZip);
  EXPECT_EQ(TypeOf(d, Zip({"[Content_Types].xml", "_rels/.rels", "word/document.xml"})), kDocx);
  EXPECT_EQ(TypeOf(d, Zip({"[Content_Types].xml", "xl/workbook.xml"})), kXlsx);
  EXPECT_EQ(TypeOf(d, Zip({"[Content_Types].xml", "ppt/presentation.xml"})), kPptx);
  // word/ without [Content_Types].xml is just a ZIP.
  EXPECT_EQ(TypeOf(d, Zip({"word/document.xml"})), kZip);
  // Binary junk, invalid UTF-8 (Latin-1 «ø»), NUL in text: not accepted.
  EXPECT_EQ(TypeOf(d, std::string("\x01\x02\x03\x00\xff", 5)), "");
  EXPECT_EQ(TypeOf(d,
                   "m\xF8"
                   "bler"),
            "");
  EXPECT_EQ(TypeOf(d, std::string("ab\0cd", 5)), "");
  auto ole = InspectFile(d.Write("ole", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"));
  ASSERT_TRUE(ole.ok());
  EXPECT_TRUE(ole->detected.legacy_office);
  EXPECT_EQ(ole->detected.content_type, "");
}

TEST(Sniff, Sha256AndSize) {
  TempDir d;
  auto in = InspectFile(d.Write("abc", "abc"));
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->size, 3u);
  EXPECT_EQ(in->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sniff, Utf8SplitAcrossFeeds) {
  Sniffer s;
  std::string t = "kjøkken";  // ø is two bytes
  s.Feed(t.data(), 3);
  s.Feed(t.data() + 3, t.size() - 3);
  EXPECT_TRUE(s.text());
  Sniffer cut;
  cut.Feed(t.data(), 3);  // ends inside ø
  EXPECT_FALSE(cut.text());
  Sniffer overlong;
  overlong.Feed("\xC0\xAF", 2);
  EXPECT_FALSE(overlong.text());
}

TEST(Sniff, DeclaredType) {
  EXPECT_TRUE(DeclaredTypeAgrees("", kPdf));
  EXPECT_TRUE(DeclaredTypeAgrees("application/octet-stream", kPdf));
  EXPECT_TRUE(DeclaredTypeAgrees("Application/PDF; x=1", kPdf));
  EXPECT_FALSE(DeclaredTypeAgrees("image/png", kPdf));
  EXPECT_FALSE(DeclaredTypeAgrees("application/pdf", kPng));
  EXPECT_TRUE(DeclaredTypeAgrees("text/plain", kCsv));
  EXPECT_TRUE(DeclaredTypeAgrees("application/vnd.ms-excel", kCsv));
  EXPECT_FALSE(DeclaredTypeAgrees("application/msword", kDocx));
  EXPECT_TRUE(DeclaredTypeAgrees("application/zip", kXlsx));
  EXPECT_TRUE(DeclaredTypeAgrees("text/xml", kXml));
  EXPECT_FALSE(DeclaredTypeAgrees("application/json", kText));
}

TEST(Filename, RefusesTraversalControlAndLength) {
  EXPECT_EQ(*CheckFilename("  Kontrakt 2027 – møbler.pdf "), "Kontrakt 2027 – møbler.pdf");
  for (std::string bad : {std::string(""), std::string("../etc/passwd"), std::string("a/b.pdf"),
                          std::string("a\\b.pdf"), std::string("a\0b", 3), std::string("a\r\nb"),
                          std::string("a\x07z"), std::string(".."), std::string("\xC3"),
                          std::string("a\xC2\x85z"), std::string(256, 'x')}) {
    auto r = CheckFilename(bad);
    ASSERT_FALSE(r.ok()) << bad;
    ASSERT_EQ(r.status().fields().size(), 1u);
    EXPECT_EQ(r.status().fields()[0].field, "filename");
  }
  // 255 characters, many of them two bytes long: allowed.
  std::string max;
  for (int i = 0; i < 255; ++i) max += "ø";
  EXPECT_TRUE(CheckFilename(max).ok());
  EXPECT_FALSE(CheckFilename(max + "ø").ok());
}

TEST(LocalFileStore, PutOpenRemove) {
  TempDir d;
  LocalFileStore store((d.path() / "files").string());
  std::string key(64, 'a');
  EXPECT_FALSE(store.Exists(key));
  EXPECT_FALSE(store.PutFile("../x", d.Write("t", "x")).ok());  // not a key
  ASSERT_TRUE(store.PutFile(key, d.Write("t", "hello")).ok());
  EXPECT_TRUE(store.Exists(key));
  EXPECT_FALSE(fs::exists(d.path() / "t"));  // moved, not copied
  EXPECT_TRUE(fs::exists(d.path() / "files" / "aa" / "aa" / key));
  auto r = store.Open(key);
  ASSERT_TRUE(r.ok());
  char buf[16];
  std::size_t n = (*r)->Read(buf, sizeof buf);
  EXPECT_EQ(std::string(buf, n), "hello");
  EXPECT_EQ((*r)->size(), 5u);
  EXPECT_EQ((*r)->Read(buf, sizeof buf), 0u);
  ASSERT_TRUE(store.Remove(key).ok());
  EXPECT_FALSE(store.Exists(key));
  EXPECT_EQ(store.Open(key).status().code(), ErrorCode::kNotFound);
}

class FileServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::Database::Open("sqlite::memory:", 1);
    ASSERT_TRUE(db.ok());
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->Migrate(CoreModule().migrations()).ok());
    auto access = BuildAccessControl({CoreModule()});
    ASSERT_TRUE(access.ok());
    access_ = std::move(access).value();
    store_ = std::make_shared<LocalFileStore>((dir_.path() / "files").string());
    svc_ = std::make_unique<FileService>(*db_, store_);
    svc_->RegisterOwner("test.record", [this](const auth::Caller& c, const std::string& id) {
      return readable_.count({c.principal().user_id, id}) > 0;
    });
  }
  auth::Caller As(std::int64_t user, auth::Role role = auth::Role::kStaff) {
    auth::Principal p;
    p.user_id = user;
    p.username = "u" + std::to_string(user);
    p.roles = {{1, role, "", "", "2020-01-01", ""}};
    return auth::Caller(p, *access_, "test");
  }
  Result<FileMeta> Up(const auth::Caller& c, const std::string& bytes, const std::string& name,
                      const std::string& declared = "") {
    return svc_->Upload(c, dir_.Write("upload" + std::to_string(n_++), bytes), name, declared);
  }
  std::int64_t Count(const std::string& table) {
    auto s = db_->Acquire();
    return storage::ScalarInt(s.sql(), "SELECT COUNT(*) FROM " + table);
  }

  TempDir dir_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<auth::AccessControl> access_;
  std::shared_ptr<LocalFileStore> store_;
  std::unique_ptr<FileService> svc_;
  std::set<std::pair<std::int64_t, std::string>> readable_;
  int n_ = 0;
};

TEST_F(FileServiceTest, UploadDedupesAndChecks) {
  auto a = Up(As(1), "%PDF-1.4 kontrakt", "kontrakt.pdf", "application/pdf");
  ASSERT_TRUE(a.ok()) << a.status().message();
  auto b = Up(As(2), "%PDF-1.4 kontrakt", "kopi.pdf");
  ASSERT_TRUE(b.ok());
  EXPECT_NE(a->id, b->id);
  EXPECT_EQ(a->sha256, b->sha256);
  EXPECT_EQ(Count("core_files"), 2);
  EXPECT_EQ(Count("core_file_blobs"), 1);
  EXPECT_EQ(Count("audit_log WHERE entity = 'core.file' AND action = 'create'"), 2);

  auto mismatch = Up(As(1), "%PDF-1.4", "x.png", "image/png");
  EXPECT_EQ(mismatch.status().code_name(), "files.type_mismatch");
  EXPECT_EQ(Up(As(1), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a.doc").status().code_name(),
            "files.legacy_format");
  EXPECT_EQ(Up(As(1), "", "tom.txt").status().code_name(), "files.empty");
  EXPECT_EQ(Up(As(1), "tekst", "../x.txt").status().code_name(), "files.filename_invalid");
  // The auditor only reads.
  EXPECT_EQ(Up(As(3, auth::Role::kAuditor), "tekst", "x.txt").status().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(Count("core_files"), 2);
}

TEST_F(FileServiceTest, AccessAttachAndDetach) {
  auto f = Up(As(1), "hei", "hei.txt");
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(svc_->Get(As(1), f->id).ok());
  EXPECT_EQ(svc_->Get(As(2), f->id).status().code(), ErrorCode::kNotFound);
  {
    // Another user cannot attach (and so read) a file that is not theirs.
    auto s = db_->Acquire();
    storage::WriteTx tx(s);
    EXPECT_EQ(svc_->Attach(s.sql(), As(2), f->id, "test.record", "7").code(), ErrorCode::kNotFound);
    EXPECT_EQ(svc_->Attach(s.sql(), As(1), f->id, "nobody.registered", "7").code(),
              ErrorCode::kInternal);
    ASSERT_TRUE(svc_->Attach(s.sql(), As(1), f->id, "test.record", "7").ok());
    tx.Commit();
  }
  // Attached: whoever may read record 7, and no longer the uploader alone.
  EXPECT_EQ(svc_->Get(As(1), f->id).status().code(), ErrorCode::kNotFound);
  readable_.insert({2, "7"});
  auto got = svc_->Open(As(2), f->id);
  ASSERT_TRUE(got.ok());
  char buf[8];
  EXPECT_EQ(std::string(buf, got->reader->Read(buf, sizeof buf)), "hei");
  EXPECT_EQ(got->meta.links, 1);
  {
    auto s = db_->Acquire();
    EXPECT_EQ(svc_->AttachedTo(s.sql(), "test.record", "7"), std::vector<std::int64_t>{f->id});
    storage::WriteTx tx(s);
    ASSERT_TRUE(svc_->Detach(s.sql(), As(2).actor(), f->id, "test.record", "7").ok());
    tx.Commit();
  }
  EXPECT_TRUE(svc_->Get(As(1), f->id).ok());
  EXPECT_EQ(Count("audit_log WHERE entity = 'core.file' AND action IN ('attach', 'detach')"), 2);
}

TEST_F(FileServiceTest, ListMineIsOwnOnly) {
  ASSERT_TRUE(Up(As(1), "a", "a.txt").ok());
  ASSERT_TRUE(Up(As(1), "b", "b.txt").ok());
  ASSERT_TRUE(Up(As(2), "c", "c.txt").ok());
  auto mine = svc_->ListMine(As(1).ScopeFor("core.files.read"), 0, 50);
  EXPECT_EQ(mine.total, 2);
  ASSERT_EQ(mine.items.size(), 2u);
  EXPECT_EQ(mine.items[0].filename, "b.txt");  // newest first
  EXPECT_EQ(svc_->ListMine(As(1).ScopeFor("core.files.read"), 0, 1).items.size(), 1u);
}

TEST_F(FileServiceTest, RemoveUnreferencedFiles) {
  auto kept = Up(As(1), "lenket", "lenket.txt");
  auto orphan = Up(As(1), "foreldreløs", "o.txt");
  auto twin = Up(As(2), "lenket", "tvilling.txt");  // same blob as `kept`
  ASSERT_TRUE(kept.ok() && orphan.ok() && twin.ok());
  {
    auto s = db_->Acquire();
    storage::WriteTx tx(s);
    ASSERT_TRUE(svc_->Attach(s.sql(), As(1), kept->id, "test.record", "1").ok());
    tx.Commit();
  }
  auto now = std::chrono::system_clock::now();
  // Nothing is 24 hours old yet.
  auto r0 = RemoveUnreferencedFiles(*db_, *store_, std::chrono::hours(24), now);
  ASSERT_TRUE(r0.ok());
  EXPECT_EQ(r0->files, 0);
  // A day later: the orphan and the twin row go; the twin's blob stays (kept uses it).
  auto r =
      RemoveUnreferencedFiles(*db_, *store_, std::chrono::hours(24), now + std::chrono::hours(25));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->files, 2);
  EXPECT_EQ(r->blobs, 1);
  EXPECT_FALSE(store_->Exists(orphan->sha256));
  EXPECT_TRUE(store_->Exists(kept->sha256));
  EXPECT_EQ(Count("core_files"), 1);
  EXPECT_EQ(Count("core_file_blobs"), 1);
  EXPECT_EQ(Count("audit_log WHERE entity = 'core.file' AND action = 'delete'"), 2);
  // The same content uploaded again is stored again.
  auto again = Up(As(1), "foreldreløs", "igjen.txt");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(store_->Exists(again->sha256));
}

}  // namespace
}  // namespace samkjop::core::files
