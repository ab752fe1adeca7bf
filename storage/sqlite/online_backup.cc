#include "storage/sqlite/online_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

namespace techmatch::storage {
namespace {

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;

absl::Status Failure(absl::string_view what, const std::string& path, sqlite3* db) {
  return absl::FailedPreconditionError(
      absl::StrCat(what, " '", path, "': ", db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
}

absl::StatusOr<Db> OpenDb(const std::string& path, int flags, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return Failure("cannot open", path, raw);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  return db;
}

absl::Status Exec(sqlite3* db, const char* sql, const std::string& path) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Failure(absl::StrCat("'", sql, "' failed on"), path, db);
  }
  return absl::OkStatus();
}

// The single-row, single-column answer of `sql`.
absl::StatusOr<std::string> QueryText(sqlite3* db, const char* sql, const std::string& path) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    return Failure(absl::StrCat("cannot prepare '", sql, "' on"), path, db);
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
  const int rc = sqlite3_step(raw);
  if (rc != SQLITE_ROW) return Failure(absl::StrCat("'", sql, "' failed on"), path, db);
  const unsigned char* text = sqlite3_column_text(raw, 0);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return stat(a.c_str(), &sa) == 0 && stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

// Makes the rename of the finished copy durable.
void SyncDirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
}

absl::Status CopyPages(sqlite3* from, sqlite3* to, const std::string& source,
                       const std::string& destination, const BackupOptions& options,
                       BackupResult& result) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) return Failure("cannot start the backup into", destination, to);
  int rc = SQLITE_OK;
  for (;;) {
    rc = sqlite3_backup_step(backup, options.pages_per_step);
    ++result.steps;
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(absl::ToChronoMicroseconds(options.pause));
  }
  result.pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return absl::FailedPreconditionError(absl::StrCat(
        "backup of '", source, "' into '", destination, "' failed: ", sqlite3_errstr(rc)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<BackupResult> BackupDatabase(const std::string& source,
                                            const std::string& destination,
                                            const BackupOptions& options) {
  if (options.pages_per_step < 1) {
    return absl::InvalidArgumentError("pages_per_step must be at least 1");
  }
  if (access(source.c_str(), F_OK) != 0) {
    return absl::NotFoundError(absl::StrCat("database '", source, "' does not exist"));
  }
  if (SameFile(source, destination)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the backup '", destination, "' would overwrite the database itself"));
  }
  // Read-write without create: a reader of a WAL file may need to create its -shm.
  absl::StatusOr<Db> from =
      OpenDb(source, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, options.busy_timeout_ms);
  if (!from.ok()) return from.status();
  if (absl::Status s = Exec(from->get(), "PRAGMA query_only = ON", source); !s.ok()) return s;
  // One read transaction around every step: the backup copies this snapshot, whatever the
  // server commits meanwhile (WAL lets both go on), and never restarts.
  if (absl::Status s = Exec(from->get(), "BEGIN", source); !s.ok()) return s;
  absl::StatusOr<std::string> schema_rows =
      QueryText(from->get(), "SELECT count(*) FROM sqlite_schema", source);
  if (!schema_rows.ok()) return schema_rows.status();

  const std::string temp = destination + ".partial";
  std::remove(temp.c_str());
  auto remove_temp = absl::MakeCleanup([&temp] {
    std::remove(temp.c_str());
    std::remove((temp + "-journal").c_str());
    std::remove((temp + "-wal").c_str());
    std::remove((temp + "-shm").c_str());
  });
  BackupResult result;
  {
    absl::StatusOr<Db> to =
        OpenDb(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, 0);
    if (!to.ok()) return to.status();
    if (absl::Status s = CopyPages(from->get(), to->get(), source, destination, options, result);
        !s.ok()) {
      return s;
    }
    // The copy carries the source's WAL flag; a backup is one self-contained file instead.
    absl::StatusOr<std::string> mode =
        QueryText(to->get(), "PRAGMA journal_mode = DELETE", destination);
    if (!mode.ok()) return mode.status();
    absl::StatusOr<std::string> check = QueryText(to->get(), "PRAGMA integrity_check", destination);
    if (!check.ok()) return check.status();
    if (*check != "ok") {
      return absl::FailedPreconditionError(
          absl::StrCat("the copy of '", source, "' failed its integrity check: ", *check));
    }
  }
  Exec(from->get(), "COMMIT", source).IgnoreError();

  const int fd = open(temp.c_str(), O_RDONLY);
  if (fd < 0 || fsync(fd) != 0) {
    if (fd >= 0) close(fd);
    return absl::FailedPreconditionError(absl::StrCat("cannot sync '", temp, "'"));
  }
  struct stat st;
  if (fstat(fd, &st) == 0) result.bytes = st.st_size;
  close(fd);
  if (std::rename(temp.c_str(), destination.c_str()) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot move the copy into place at '", destination, "'"));
  }
  SyncDirectoryOf(destination);
  spdlog::info("backup: '{}' copied to '{}' ({} pages in {} steps)", source, destination,
               result.pages, result.steps);
  return result;
}

}  // namespace techmatch::storage
