#include "storage/sqlite/online_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <thread>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/transaction.h"

namespace techmatch::storage {

using sqlite::Connection;
using sqlite::ConnectionOptions;
using sqlite::ScopedStatement;
using sqlite::Transaction;
using sqlite::TransactionMode;

namespace {

// The single-row, single-column answer of `sql`. Throws SQLite::Exception.
std::string QueryText(Connection& connection, absl::string_view sql) {
  ScopedStatement query = connection.Prepare(sql);
  return query.Step() ? query.Row().Text(0) : std::string();
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return stat(a.c_str(), &sa) == 0 && stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

// `path` with every symlink and `..` resolved, also when its last component does not exist
// yet (the directory is resolved and the name appended); `path` itself when even the
// directory cannot be resolved.
std::string Resolved(const std::string& path) {
  char buffer[PATH_MAX];
  if (realpath(path.c_str(), buffer) != nullptr) return buffer;
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.empty() || name == "." || name == ".." || realpath(dir.c_str(), buffer) == nullptr) {
    return path;
  }
  return absl::StrCat(buffer, "/", name);
}

// Whether writing (or removing) `path` would touch the database `source` or one of the files
// SQLite keeps beside it: by resolved name, or by inode for files that exist (hard links).
bool IsDatabaseFile(const std::string& source, const std::string& path) {
  const std::string database = Resolved(source);
  const std::string target = Resolved(path);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string companion = database + suffix;
    if (target == companion || SameFile(companion, path)) return true;
  }
  return false;
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

// Copies every page of `from` into `to`, `options.pages_per_step` at a time.
absl::Status CopyPages(Connection& from, Connection& to, const std::string& source,
                       const std::string& destination, const BackupOptions& options,
                       BackupResult& result) {
  sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
  if (backup == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat("cannot start the backup into '", destination,
                                                      "': ", sqlite3_errmsg(to.handle())));
  }
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

// Writes the checked copy of `source` to `temp`. Throws SQLite::Exception.
absl::Status CopyInto(const std::string& source, const std::string& temp,
                      const std::string& destination, const BackupOptions& options,
                      BackupResult& result) {
  // Read-write without create: a reader of a WAL file may need to create its -shm.
  ConnectionOptions source_options;
  source_options.read_only = true;
  source_options.busy_timeout_ms = options.busy_timeout_ms;
  Connection from(source, source_options);
  // One read transaction around every step: the backup copies this snapshot, whatever the
  // server commits meanwhile (WAL lets both go on), and never restarts. Its first read starts
  // the snapshot; the scope's end releases it (a read transaction has nothing to commit).
  Transaction snapshot(from, TransactionMode::kDeferred);
  QueryText(from, "SELECT count(*) FROM sqlite_schema");

  ConnectionOptions copy_options;
  copy_options.create = true;
  copy_options.busy_timeout_ms = 0;
  Connection to(temp, copy_options);
  if (absl::Status s = CopyPages(from, to, source, destination, options, result); !s.ok()) {
    return s;
  }
  // The copy carries the source's WAL flag; a backup is one self-contained file instead.
  to.Run("PRAGMA journal_mode = DELETE");
  if (const std::string check = QueryText(to, "PRAGMA integrity_check"); check != "ok") {
    return absl::FailedPreconditionError(
        absl::StrCat("the copy of '", source, "' failed its integrity check: ", check));
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
  const std::string temp = destination + ".partial";
  // Replacing the live -wal (or -shm, -journal) loses acknowledged writes while every check
  // still passes; the copy written beside the destination must not land on them either.
  if (IsDatabaseFile(source, destination) || IsDatabaseFile(source, temp)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the backup '", destination,
                     "' would overwrite the database itself or its -wal, -shm or -journal file"));
  }
  if (!options.overwrite && access(destination.c_str(), F_OK) == 0) {
    return absl::AlreadyExistsError(absl::StrCat(
        "'", destination, "' already exists; choose another name or pass --overwrite"));
  }
  std::remove(temp.c_str());
  auto remove_temp = absl::MakeCleanup([&temp] {
    std::remove(temp.c_str());
    std::remove((temp + "-journal").c_str());
    std::remove((temp + "-wal").c_str());
    std::remove((temp + "-shm").c_str());
  });
  BackupResult result;
  try {
    if (absl::Status s = CopyInto(source, temp, destination, options, result); !s.ok()) return s;
  } catch (const std::exception& e) {
    return absl::FailedPreconditionError(
        absl::StrCat("backup of '", source, "' into '", destination, "' failed: ", e.what()));
  }

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
