// The database the server binary serves and its maintenance commands work on, as flags, and the
// one place that opens "the repository" from them: --db is a SQLite file path (the default,
// created when missing) or a libpq URI, postgresql://… or postgres://…, which opens the
// PostgreSQL backend (storage/postgres/).
#ifndef TECHMATCH_SERVER_DATABASE_FLAGS_H_
#define TECHMATCH_SERVER_DATABASE_FLAGS_H_

#include <memory>
#include <optional>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/audit_event.h"
#include "storage/repository.h"
#include "storage/sqlite/sqlite_options.h"

namespace techmatch::server {

struct DatabaseFlags {
  std::string db = "techmatch.db";
  // SQLite only.
  std::string synchronous = "full";
  // Both backends.
  int record_cache = storage::SqliteOptions().record_cache_entries;
  // PostgreSQL only.
  int pg_pool_size = 8;
  int pg_connect_timeout_seconds = 5;
  int pg_wait_ms = 5000;
};

// Adds --db, --synchronous, --record_cache, --pg_pool_size, --pg_connect_timeout_seconds and
// --pg_wait_ms to `app`, bound to `flags`, each checked within its bounds.
void AddDatabaseFlags(CLI::App& app, DatabaseFlags& flags);

// Whether `db` is a PostgreSQL URI (postgresql:// or postgres://) rather than a file path.
bool IsPostgresUri(absl::string_view db);

// `db` fit for a log line or an error message: a URI's password replaced by "***".
std::string RedactedDatabase(absl::string_view db);

// Opens the repository `flags.db` names, keying audit records with `audit_key` when given.
// `maintenance` (a one-shot command beside a serving server) opens the fewest connections: one
// SQLite reader, one PostgreSQL connection. The backends' own errors: INVALID_ARGUMENT for a
// malformed URI, UNAVAILABLE when the PostgreSQL server cannot be reached, FAILED_PRECONDITION
// for a database from a newer build or a keyed audit trail opened without its key.
absl::StatusOr<std::unique_ptr<storage::Repository>> OpenDatabase(
    const DatabaseFlags& flags, const std::optional<AuditKey>& audit_key, bool maintenance);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_DATABASE_FLAGS_H_
