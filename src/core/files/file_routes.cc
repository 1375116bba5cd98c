#include "core/files/file_routes.h"

#include "core/files/sniff.h"
#include "core/http/route_kit.h"
#include "core/module/module.h"
#include "core/module/permissions.h"

namespace samkjop::core::files {
namespace {

using http::Access;
using http::Context;
using http::Response;
using http::RouteDoc;
namespace schema = http::schema;

// The store's reader as the transport's response stream.
class DownloadStream : public http::BodyStream {
 public:
  explicit DownloadStream(std::unique_ptr<BlobReader> r) : r_(std::move(r)) {}
  std::size_t Read(char* buf, std::size_t n) override { return r_->Read(buf, n); }

 private:
  std::unique_ptr<BlobReader> r_;
};

nlohmann::json FileMetaSchema() {
  return schema::Obj({{"id", schema::Int()},
                      {"filename", schema::Str()},
                      {"size", schema::Int()},
                      {"content_type", schema::Str()},
                      {"sha256", schema::Str()},
                      {"uploaded_by", schema::Int()},
                      {"uploaded_by_username", schema::Str()},
                      {"uploaded_at", {{"type", "string"}, {"format", "date-time"}}},
                      {"attached", schema::Bool()},
                      {"download_url", schema::Str()}},
                     {"id", "filename", "size", "content_type", "sha256", "uploaded_by",
                      "uploaded_by_username", "uploaded_at", "attached", "download_url"});
}

}  // namespace

nlohmann::json FileMetaJson(const FileMeta& m) {
  return {{"id", m.id},
          {"filename", m.filename},
          {"size", m.size},
          {"content_type", m.content_type},
          {"sha256", m.sha256},
          {"uploaded_by", m.uploaded_by},
          {"uploaded_by_username", m.uploaded_by_name},
          {"uploaded_at", m.uploaded_at},
          {"attached", m.links > 0},
          {"download_url", "/api/files/" + std::to_string(m.id)}};
}

void AddFileRoutes(http::Router& router, Services& sv) {
  FileService& svc = sv.Get<FileService>();
  router.AddSchema("FileMeta", FileMetaSchema());

  RouteDoc upload{"Last opp én fil (rå kropp, ikke multipart); typen leses av innholdet",
                  "files",
                  {{"type", "string"}, {"format", "binary"}},
                  http::Ref("FileMeta"),
                  201};
  upload.request_content_type = "application/octet-stream";
  upload.query = {
      {"filename", "Filnavnet (påkrevd; høyst 255 tegn, ingen / \\ eller kontrolltegn)"}};
  upload.errors = {413, 415};
  router
      .Post("/api/files", Access::Permission(perm::kFilesUpload), upload,
            [&svc](Context& ctx) -> Result<Response> {
              std::string filename = ctx.req.Query("filename").value_or("");
              if (ctx.req.body_file.empty() || ctx.req.body_size == 0) {
                // Name errors first, then the empty body, each naming its field.
                auto name = CheckFilename(filename);
                if (!name.ok()) return name.status();
                return Status::InvalidField("files.empty", "file", "Filen er tom.");
              }
              auto meta = svc.Upload(ctx.caller(), ctx.req.body_file, filename,
                                     ctx.req.Header("content-type").value_or(""));
              if (!meta.ok()) return meta.status();
              return Response::Json(FileMetaJson(*meta), 201);
            })
      .body = {sv.max_upload_bytes, true};

  RouteDoc list{"Mine opplastede filer, nyeste først", "files", nullptr, http::PageOf("FileMeta")};
  list.query = {{"mine", "Må være true: egne opplastinger", "boolean"}};
  for (const auto& p : http::PageParams()) list.query.push_back(p);
  router.Get("/api/files", Access::Permission(perm::kFilesRead), list,
             [&svc](Context& ctx) -> Result<Response> {
               http::QueryReader q(ctx.req);
               auto mine = q.Bool("mine");
               auto page = q.ReadPage();
               if (mine != true) q.AddError("mine", "Oppgi mine=true (egne opplastinger).");
               SAMKJOP_RETURN_IF_ERROR(q.Finish("files.invalid_query"));
               auto r = svc.ListMine(ctx.scope, page.offset(), page.page_size);
               nlohmann::json items = nlohmann::json::array();
               for (const auto& m : r.items) items.push_back(FileMetaJson(m));
               return Response::Json(http::PageJson(std::move(items), r.total, page));
             });

  RouteDoc download{"Last ned en fil (vedlegg, typen fra innholdet)", "files", nullptr, nullptr};
  download.response_content_type = "application/octet-stream";
  router.Get("/api/files/{id}", Access::Permission(perm::kFilesRead), download,
             [&svc](Context& ctx) -> Result<Response> {
               auto id = http::PathId(ctx);
               if (!id.ok()) return id.status();
               auto opened = svc.Open(ctx.caller(), *id);
               if (!opened.ok()) return opened.status();
               Response r;
               r.content_type = opened->meta.content_type;
               r.stream_size = opened->reader->size();
               r.stream = std::make_shared<DownloadStream>(std::move(opened->reader));
               r.AddHeader("Content-Disposition", http::ContentDisposition(opened->meta.filename));
               return r;
             });

  router.Get("/api/files/{id}/meta", Access::Permission(perm::kFilesRead),
             {"Opplysninger om en fil", "files", nullptr, http::Ref("FileMeta")},
             [&svc](Context& ctx) -> Result<Response> {
               auto id = http::PathId(ctx);
               if (!id.ok()) return id.status();
               auto meta = svc.Get(ctx.caller(), *id);
               if (!meta.ok()) return meta.status();
               return Response::Json(FileMetaJson(*meta));
             });
}

}  // namespace samkjop::core::files
