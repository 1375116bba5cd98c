#include "core/archive/zip_reader.h"

#include <sys/stat.h>

#include <zip.h>

namespace samkjop::core::archive {

namespace {

zip_t* Z(void* p) { return static_cast<zip_t*>(p); }

Status ZipError(const std::string& code, const std::string& entry, const std::string& message) {
  return Status::InvalidField(code, entry.empty() ? "file" : entry, message);
}

}  // namespace

std::optional<std::string> UnsafeEntryName(std::string_view name) {
  if (name.empty()) return "tomt navn";
  if (name.find('\0') != std::string_view::npos) return "navnet inneholder NUL";
  if (name.find('\\') != std::string_view::npos) return "navnet inneholder omvendt skråstrek (\\)";
  if (name.front() == '/') return "absolutt sti";
  if (name.size() >= 2 && name[1] == ':') return "stien har en stasjonsbokstav";
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view part = name.substr(start, end - start);
    if (part == "..") return "stien går ut av arkivet (..)";
    start = end + 1;
  }
  for (unsigned char c : name)
    if (c < 0x20) return "navnet inneholder kontrolltegn";
  return std::nullopt;
}

Result<std::unique_ptr<ZipReader>> ZipReader::FromBytes(std::string bytes, ZipLimits limits) {
  // Shorter than an end-of-central-directory record: no archive (libzip would
  // open it as an empty one).
  if (bytes.size() < 22) return ZipError("zip.invalid", "", "Filen er ikke et gyldig zip-arkiv.");
  std::unique_ptr<ZipReader> r(new ZipReader());
  r->bytes_ = std::move(bytes);
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(r->bytes_.data(), r->bytes_.size(), 0, &err);
  zip_error_fini(&err);
  if (!src) return Status::Internal("zip: zip_source_buffer_create failed");
  return Open(std::move(r), src, limits);
}

Result<std::unique_ptr<ZipReader>> ZipReader::FromFile(const std::string& path, ZipLimits limits) {
  std::unique_ptr<ZipReader> r(new ZipReader());
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_file_create(path.c_str(), 0, -1, &err);
  zip_error_fini(&err);
  if (!src) return ZipError("zip.unreadable", "", "Kan ikke lese filen.");
  return Open(std::move(r), src, limits);
}

Result<std::unique_ptr<ZipReader>> ZipReader::Open(std::unique_ptr<ZipReader> r, void* source,
                                                   ZipLimits limits) {
  auto* src = static_cast<zip_source_t*>(source);
  zip_error_t err;
  zip_error_init(&err);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  zip_error_fini(&err);
  if (!z) {
    zip_source_free(src);
    return ZipError("zip.invalid", "", "Filen er ikke et gyldig zip-arkiv.");
  }
  r->zip_ = z;
  r->limits_ = limits;
  zip_int64_t n = zip_get_num_entries(z, 0);
  if (n < 0) return ZipError("zip.invalid", "", "Filen er ikke et gyldig zip-arkiv.");
  if (static_cast<std::uint64_t>(n) > limits.max_entries)
    return ZipError("zip.too_many_entries", "",
                    "Arkivet har " + std::to_string(n) + " filer; høyst " +
                        std::to_string(limits.max_entries) + " er tillatt.");
  std::uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
      return ZipError("zip.invalid", "", "Arkivet har en fil som ikke kan leses.");
    ZipEntry e;
    e.name = st.name;
    e.index = static_cast<std::uint64_t>(i);
    e.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    e.compressed_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    e.is_directory = !e.name.empty() && e.name.back() == '/';
    if (auto why = UnsafeEntryName(e.name))
      return ZipError("zip.unsafe_path", e.name, "Filen «" + e.name + "» i arkivet: " + *why + ".");
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(z, e.index, 0, &opsys, &attributes) == 0 &&
        opsys == ZIP_OPSYS_UNIX && ((attributes >> 16) & S_IFMT) == S_IFLNK)
      return ZipError(
          "zip.symlink", e.name,
          "Filen «" + e.name + "» i arkivet er en symbolsk lenke; det er ikke tillatt.");
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      return ZipError("zip.encrypted", e.name,
                      "Filen «" + e.name + "» i arkivet er kryptert; det er ikke tillatt.");
    if (e.size > limits.max_entry_bytes)
      return ZipError("zip.too_large", e.name,
                      "Filen «" + e.name + "» i arkivet er for stor (" + std::to_string(e.size) +
                          " byte; høyst " + std::to_string(limits.max_entry_bytes) + ").");
    if (e.size > limits.ratio_floor_bytes &&
        (e.compressed_size == 0 || e.size / e.compressed_size > limits.max_ratio))
      return ZipError("zip.bomb", e.name,
                      "Filen «" + e.name + "» i arkivet er pakket mer enn " +
                          std::to_string(limits.max_ratio) +
                          " ganger; arkivet avvises (zip-bombe).");
    total += e.size;
    if (total > limits.max_total_bytes)
      return ZipError(
          "zip.too_large", e.name,
          "Arkivet pakkes ut til mer enn " + std::to_string(limits.max_total_bytes) + " byte.");
    r->entries_.push_back(std::move(e));
  }
  return r;
}

ZipReader::~ZipReader() {
  if (zip_) zip_discard(Z(zip_));
}

const ZipEntry* ZipReader::Find(std::string_view name) const {
  for (const auto& e : entries_)
    if (e.name == name) return &e;
  return nullptr;
}

Status ZipReader::Stream(const ZipEntry& entry,
                         const std::function<bool(std::string_view)>& sink) const {
  zip_file_t* f = zip_fopen_index(Z(zip_), entry.index, 0);
  if (!f)
    return ZipError("zip.unreadable", entry.name,
                    "Filen «" + entry.name + "» i arkivet kan ikke leses.");
  const std::uint64_t cap = std::min(entry.size, limits_.max_entry_bytes);
  std::uint64_t seen = 0;
  std::string buf(64 * 1024, '\0');
  Status st;
  for (;;) {
    zip_int64_t got = zip_fread(f, buf.data(), buf.size());
    if (got < 0) {
      st = ZipError("zip.unreadable", entry.name,
                    "Filen «" + entry.name + "» i arkivet er skadet og kan ikke leses.");
      break;
    }
    if (got == 0) break;
    seen += static_cast<std::uint64_t>(got);
    if (seen > cap) {
      st = ZipError("zip.too_large", entry.name,
                    "Filen «" + entry.name + "» i arkivet er større enn oppgitt.");
      break;
    }
    if (!sink(std::string_view(buf.data(), static_cast<size_t>(got)))) break;
  }
  zip_fclose(f);
  return st;
}

Result<std::string> ZipReader::Read(const ZipEntry& entry, std::uint64_t max_bytes) const {
  if (entry.size > max_bytes)
    return ZipError("zip.too_large", entry.name,
                    "Filen «" + entry.name + "» i arkivet er for stor (høyst " +
                        std::to_string(max_bytes) + " byte).");
  std::string out;
  out.reserve(static_cast<size_t>(entry.size));
  Status st = Stream(entry, [&](std::string_view chunk) {
    out.append(chunk);
    return true;
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace samkjop::core::archive
