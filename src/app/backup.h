// Database backup and restore: SQLite's online backup API (safe while the
// server runs), or pg_dump/pg_restore for PostgreSQL.
#ifndef SAMKJOP_APP_BACKUP_H_
#define SAMKJOP_APP_BACKUP_H_

#include <string>

#include "core/error/status.h"

namespace samkjop::app {

// Writes a consistent copy of the database `db_url` to `file`.
core::Status Backup(const std::string& db_url, const std::string& file);
// Replaces the database's contents with the backup in `file`. Stop the
// server first.
core::Status Restore(const std::string& db_url, const std::string& file);

}  // namespace samkjop::app

#endif  // SAMKJOP_APP_BACKUP_H_
