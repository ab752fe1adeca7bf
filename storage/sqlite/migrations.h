// The schema's history: migration N brings a database from PRAGMA user_version N-1 to N.
//
// Migrations are append-only. A released migration is never edited (databases in the field have
// already run it); a change to the schema is a new migration at the end of the list.
#ifndef TECHMATCH_STORAGE_SQLITE_MIGRATIONS_H_
#define TECHMATCH_STORAGE_SQLITE_MIGRATIONS_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct Migration {
  int version;             // The user_version the database has after it.
  absl::string_view name;  // For logs.
  const char* sql;         // One or more statements, run in one transaction.
};

// Every migration in order; versions are 1, 2, 3, ...
const std::vector<Migration>& Migrations();
int LatestSchemaVersion();

// The database's PRAGMA user_version. Throws SQLite::Exception.
int SchemaVersion(Connection& connection);

// Applies each migration above the database's version, up to `target_version`, each in its own
// transaction together with the new user_version, so a crash leaves the database at a whole
// version. FAILED_PRECONDITION when the file is newer than this build. Throws
// SQLite::Exception on a storage fault.
absl::Status ApplyMigrations(Connection& connection, int target_version = LatestSchemaVersion());

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_MIGRATIONS_H_
