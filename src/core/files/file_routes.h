// The files routes: POST /api/files (a raw body streamed to disk), GET
// /api/files?mine=true, GET /api/files/{id} (download) and /api/files/{id}/meta.
#ifndef SAMKJOP_CORE_FILES_FILE_ROUTES_H_
#define SAMKJOP_CORE_FILES_FILE_ROUTES_H_

#include <nlohmann/json.hpp>

#include "core/files/file_service.h"

namespace samkjop::core {
class Services;
namespace http {
class Router;
}
namespace files {

// Adds the routes and the FileMeta schema; the FileService comes from `sv`.
void AddFileRoutes(http::Router& router, Services& sv);
// A file's metadata as the API shows it (schema FileMeta).
nlohmann::json FileMetaJson(const FileMeta& m);

}  // namespace files
}  // namespace samkjop::core

#endif  // SAMKJOP_CORE_FILES_FILE_ROUTES_H_
