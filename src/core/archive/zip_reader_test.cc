// The zip reader against hostile archives made here with libzip: a bomb,
// zip-slip names, a symbolic link, an encrypted entry, too many entries.
#include "core/archive/zip_reader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <zip.h>

namespace samkjop::core::archive {
namespace {

struct Spec {
  std::string name, content;
  bool symlink = false, encrypt = false, store = false;
};

// An archive of `entries`, as bytes.
std::string MakeZip(const std::vector<Spec>& entries) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("zip-test-" + std::to_string(getpid()) + ".zip"))
          .string();
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& e : entries) {
    zip_source_t* s = zip_source_buffer(z, e.content.data(), e.content.size(), 0);
    zip_int64_t i = zip_file_add(z, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(i, 0) << e.name << ": " << zip_strerror(z);
    if (e.store) zip_set_file_compression(z, i, ZIP_CM_STORE, 0);
    if (e.symlink)
      zip_file_set_external_attributes(z, i, 0, ZIP_OPSYS_UNIX, (S_IFLNK | 0777) << 16);
    if (e.encrypt) EXPECT_EQ(zip_file_set_encryption(z, i, ZIP_EM_AES_256, "hemmelig"), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  return ss.str();
}

TEST(ZipReader, ReadsAnOrdinaryArchive) {
  auto r =
      ZipReader::FromBytes(MakeZip({{"a.txt", "hei"}, {"mappe/", ""}, {"mappe/b.xml", "<x/>"}}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ((*r)->entries().size(), 3u);
  EXPECT_TRUE((*r)->entries()[1].is_directory);
  const ZipEntry* b = (*r)->Find("mappe/b.xml");
  ASSERT_NE(b, nullptr);
  auto text = (*r)->Read(*b, 100);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "<x/>");
  EXPECT_FALSE((*r)->Read(*b, 3).ok());  // over the caller's limit
  EXPECT_EQ((*r)->Find("nope"), nullptr);
}

TEST(ZipReader, RefusesABomb) {
  // 8 MiB of zeros compress about a thousand times.
  auto r = ZipReader::FromBytes(MakeZip({{"zeros.bin", std::string(8 << 20, '\0')}}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "zip.bomb");
  EXPECT_EQ(r.status().fields().at(0).field, "zeros.bin");
  EXPECT_NE(r.status().message().find("zip-bombe"), std::string::npos);
  // The same content stored (no compression) is no bomb, but it is over a size limit.
  ZipLimits small;
  small.max_entry_bytes = 1 << 20;
  auto stored = ZipReader::FromBytes(
      MakeZip({{"zeros.bin", std::string(2 << 20, '\0'), false, false, true}}), small);
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.status().code_name(), "zip.too_large");
  ZipLimits total;
  total.max_total_bytes = 10;
  auto many = ZipReader::FromBytes(MakeZip({{"a", "123456"}, {"b", "123456"}}), total);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().code_name(), "zip.too_large");
}

TEST(ZipReader, RefusesZipSlip) {
  for (std::string name :
       {"../evil", "a/../../evil", "/etc/passwd", "a\\..\\evil", "C:/evil", "ok/.."}) {
    auto r = ZipReader::FromBytes(MakeZip({{"ok.txt", "x"}, {name, "evil"}}));
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.status().code_name(), "zip.unsafe_path") << name;
    EXPECT_EQ(r.status().fields().at(0).field, name);
  }
  EXPECT_FALSE(UnsafeEntryName("a/b..c/d.txt"));        // ".." inside a name is fine
  EXPECT_TRUE(UnsafeEntryName(std::string("a\x01b")));  // libzip will not even write these
  EXPECT_TRUE(UnsafeEntryName(std::string("a\0b", 3)));
  EXPECT_TRUE(UnsafeEntryName(""));
}

TEST(ZipReader, RefusesSymlinksAndEncryption) {
  auto link = ZipReader::FromBytes(MakeZip({{"link", "/etc/passwd", true}}));
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.status().code_name(), "zip.symlink");
  auto secret = ZipReader::FromBytes(MakeZip({{"secret.txt", "hemmelig", false, true}}));
  ASSERT_FALSE(secret.ok());
  EXPECT_EQ(secret.status().code_name(), "zip.encrypted");
}

TEST(ZipReader, RefusesTooManyEntriesAndNonZips) {
  ZipLimits l;
  l.max_entries = 3;
  auto r = ZipReader::FromBytes(MakeZip({{"1", "a"}, {"2", "b"}, {"3", "c"}, {"4", "d"}}), l);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code_name(), "zip.too_many_entries");
  auto junk = ZipReader::FromBytes("dette er ingen zip");
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.status().code_name(), "zip.invalid");
  auto empty = ZipReader::FromBytes("");
  ASSERT_FALSE(empty.ok());
  auto missing = ZipReader::FromFile("/nonexistent/x.zip");
  ASSERT_FALSE(missing.ok());
}

TEST(ZipReader, StreamStopsWhenTheSinkSaysSo) {
  auto r = ZipReader::FromBytes(MakeZip({{"big.txt", std::string(300000, 'a')}}));
  ASSERT_TRUE(r.ok());
  size_t seen = 0, calls = 0;
  Status st = (*r)->Stream((*r)->entries()[0], [&](std::string_view chunk) {
    seen += chunk.size();
    return ++calls < 2;
  });
  EXPECT_TRUE(st.ok());
  EXPECT_EQ(calls, 2u);
  EXPECT_LT(seen, 300000u);
}

}  // namespace
}  // namespace samkjop::core::archive
