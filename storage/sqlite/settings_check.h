// The storage settings the repository's guarantees rest on, checked on every connection at
// start: write-ahead logging (readers beside the writer, crash safety), foreign keys (records
// never point at nothing) and a busy timeout (another process holding a lock makes a call wait,
// not fail at once). A connection where any is missing is refused with a message saying which.
#ifndef TECHMATCH_STORAGE_SQLITE_SETTINGS_CHECK_H_
#define TECHMATCH_STORAGE_SQLITE_SETTINGS_CHECK_H_

#include <string>

#include "absl/status/status.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

// OK when `connection` (opened on `path`) has journal_mode=wal, foreign_keys=1 and
// busy_timeout > 0; otherwise FAILED_PRECONDITION naming every setting that is wrong, its value
// and the value needed. Throws SQLite::Exception when a pragma cannot be read.
absl::Status CheckStorageSettings(Connection& connection, const std::string& path);

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_SETTINGS_CHECK_H_
