// A consistent copy of a live database file with SQLite's online backup API, taken while a
// server keeps serving and writing.
#ifndef TECHMATCH_STORAGE_SQLITE_ONLINE_BACKUP_H_
#define TECHMATCH_STORAGE_SQLITE_ONLINE_BACKUP_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace techmatch::storage {

struct BackupOptions {
  // Pages copied per sqlite3_backup_step; between steps the source's write lock is free.
  int pages_per_step = 256;
  // Pause between steps, leaving the disk to the server.
  absl::Duration pause = absl::Milliseconds(1);
  // How long a step waits for a lock held by the server before giving up.
  int busy_timeout_ms = 5000;
  // Replace a file already at the destination; without it such a file is refused.
  bool overwrite = false;
};

struct BackupResult {
  int64_t pages = 0;
  int64_t bytes = 0;
  int steps = 0;
};

// Copies the database at `source` to `destination` as one self-contained file (rollback
// journal mode, no -wal beside it), as of one moment: the copy reads one snapshot of the source
// from start to end, so writes that commit meanwhile are either wholly in it or wholly absent.
// The copy is written beside `destination`, checked with PRAGMA integrity_check, synced, and
// renamed into place, so `destination` never holds a partial copy. NOT_FOUND when `source` does
// not exist; INVALID_ARGUMENT when `destination` (or the copy written beside it) is the
// database or its -wal, -shm or -journal file under any spelling (symlinks, `..`, hard links);
// ALREADY_EXISTS when `destination` exists and `options.overwrite` is false;
// FAILED_PRECONDITION when a file cannot be read or written or the copy fails its check.
absl::StatusOr<BackupResult> BackupDatabase(const std::string& source,
                                            const std::string& destination,
                                            const BackupOptions& options = {});

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_SQLITE_ONLINE_BACKUP_H_
