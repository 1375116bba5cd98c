#include "app/backup.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace samkjop::app {
namespace {

core::Status SqliteCopy(const std::string& from, const std::string& to, bool from_must_exist) {
  if (from_must_exist && access(from.c_str(), R_OK) != 0)
    return core::Status::Invalid("backup.missing", "Finner ikke " + from + ".");
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  core::Status st;
  if (sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    st = core::Status(core::ErrorCode::kUnavailable, "backup.open", "Kan ikke åpne " + from + ".");
  } else if (sqlite3_open(to.c_str(), &dst) != SQLITE_OK) {
    st = core::Status(core::ErrorCode::kUnavailable, "backup.open", "Kan ikke skrive " + to + ".");
  } else {
    sqlite3_busy_timeout(dst, 10000);
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
      st = core::Status(core::ErrorCode::kUnavailable, "backup.failed", "Sikkerhetskopien feilet.",
                        {}, sqlite3_errmsg(dst));
    } else {
      int rc;
      do {
        rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
      } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish(b);
      if (rc != SQLITE_DONE)
        st = core::Status(core::ErrorCode::kUnavailable, "backup.failed",
                          "Sikkerhetskopien feilet.", {}, sqlite3_errstr(rc));
    }
  }
  if (src) sqlite3_close(src);
  if (dst) sqlite3_close(dst);
  return st;
}

std::string SqlitePath(const std::string& url) {
  std::string p = url.substr(7);
  if (p.rfind("//", 0) == 0) p = p.substr(2);
  return p;
}

core::Status RunTool(std::vector<std::string> args) {
  pid_t pid = fork();
  if (pid < 0) return core::Status::Internal("fork failed");
  if (pid == 0) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return core::Status(
        core::ErrorCode::kUnavailable, "backup.tool_failed",
        args[0] + " feilet (avslutningskode " + std::to_string(WEXITSTATUS(status)) + ").");
  return core::Status::Ok();
}

}  // namespace

core::Status Backup(const std::string& db_url, const std::string& file) {
  if (db_url.rfind("sqlite:", 0) == 0) return SqliteCopy(SqlitePath(db_url), file, true);
  if (db_url.rfind("postgres", 0) == 0)
    return RunTool(
        {"pg_dump", "--format=custom", "--no-owner", "--file=" + file, "--dbname=" + db_url});
  return core::Status::Invalid("storage.bad_url", "Ukjent database-URL.");
}

core::Status Restore(const std::string& db_url, const std::string& file) {
  if (db_url.rfind("sqlite:", 0) == 0) return SqliteCopy(file, SqlitePath(db_url), true);
  if (db_url.rfind("postgres", 0) == 0)
    return RunTool(
        {"pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname=" + db_url, file});
  return core::Status::Invalid("storage.bad_url", "Ukjent database-URL.");
}

}  // namespace samkjop::app
