// The PostgreSQL schema's history: migration N brings a database from schema version N-1 to N
// (the one row of schema_version). Append-only, as storage/sqlite/migrations.h: a released
// migration is never edited.
//
// PostgreSQL's history starts at the schema SQLite had reached at its version 9, in one
// migration; SQLite's later migrations follow as migrations of their own (SQLite 10 is
// PostgreSQL 2, 11 is 3). The versions of the two backends are counted separately.
#ifndef TECHMATCH_STORAGE_POSTGRES_MIGRATIONS_H_
#define TECHMATCH_STORAGE_POSTGRES_MIGRATIONS_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storage/postgres/connection.h"

namespace techmatch::storage::postgres {

struct Migration {
  int version;             // The schema version the database has after it.
  absl::string_view name;  // For logs.
  const char* sql;         // One or more statements, run in one transaction.
};

// Every migration in order; versions are 1, 2, 3, ...
const std::vector<Migration>& Migrations();
int LatestSchemaVersion();

// The database's schema version (0 for an empty database).
absl::StatusOr<int> SchemaVersion(Connection& connection);

// Applies each migration above the database's version, up to `target_version`, each in its own
// transaction together with the new version. Every transaction first takes one advisory lock
// (pg_advisory_xact_lock), so when several servers start on one new database at once the first
// migrates and the others wait, then find nothing left to do. FAILED_PRECONDITION when the
// database is newer than this build; DatabaseErrors (pg_status.h) for storage faults.
absl::Status ApplyMigrations(Connection& connection, int target_version = LatestSchemaVersion());

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_MIGRATIONS_H_
