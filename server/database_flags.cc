#include "server/database_flags.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "storage/postgres/postgres_repository.h"
#include "storage/sqlite/sqlite_repository.h"

namespace techmatch::server {

void AddDatabaseFlags(CLI::App& app, DatabaseFlags& flags) {
  app.add_option("--db", flags.db,
                 "the database: a SQLite file (created when missing) or a PostgreSQL URI, "
                 "postgresql://user@host:port/dbname?sslmode=... (postgres:// too; the database "
                 "must exist, its schema is created and migrated on start)")
      ->capture_default_str();
  app.add_option("--synchronous", flags.synchronous,
                 "SQLite synchronous mode: full (every acknowledged write survives power loss) "
                 "or normal (survives a process crash)")
      ->check(CLI::IsMember({"full", "normal"}))
      ->capture_default_str();
  app.add_option("--record_cache", flags.record_cache,
                 "needs, and offerings, kept in memory after a read so a repeated read costs no "
                 "SQL; 0 turns the cache off")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--pg_pool_size", flags.pg_pool_size,
                 "PostgreSQL: connections this server opens at most (each is a server process; "
                 "the PostgreSQL server's max_connections is shared by every client)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--pg_connect_timeout_seconds", flags.pg_connect_timeout_seconds,
                 "PostgreSQL: how long opening one connection may take before the call gets "
                 "UNAVAILABLE (overrides the URI's connect_timeout)")
      ->check(CLI::Range(2, 60))
      ->capture_default_str();
  app.add_option("--pg_wait_ms", flags.pg_wait_ms,
                 "PostgreSQL: how long a call waits for a free pooled connection before "
                 "UNAVAILABLE")
      ->check(CLI::Range(10, 60000))
      ->capture_default_str();
}

bool IsPostgresUri(absl::string_view db) {
  return absl::StartsWith(db, "postgresql://") || absl::StartsWith(db, "postgres://");
}

std::string RedactedDatabase(absl::string_view db) {
  if (!IsPostgresUri(db)) return std::string(db);
  const size_t authority = db.find("://") + 3;
  const size_t end = std::min(db.find_first_of("/?", authority), db.size());
  const size_t at = db.rfind('@', end);
  if (at == absl::string_view::npos || at < authority) return std::string(db);
  const size_t colon = db.find(':', authority);
  if (colon == absl::string_view::npos || colon > at) return std::string(db);
  return absl::StrCat(db.substr(0, colon + 1), "***", db.substr(at));
}

absl::StatusOr<std::unique_ptr<storage::Repository>> OpenDatabase(
    const DatabaseFlags& flags, const std::optional<AuditKey>& audit_key, bool maintenance) {
  if (IsPostgresUri(flags.db)) {
    storage::PostgresOptions options;
    options.max_connections = maintenance ? 1 : flags.pg_pool_size;
    options.connect_timeout = absl::Seconds(flags.pg_connect_timeout_seconds);
    options.connection_wait = absl::Milliseconds(flags.pg_wait_ms);
    options.record_cache_entries = flags.record_cache;
    options.audit_key = audit_key;
    auto repository = storage::PostgresRepository::Open(flags.db, std::move(options));
    if (!repository.ok()) return repository.status();
    return std::unique_ptr<storage::Repository>(*std::move(repository));
  }
  storage::SqliteOptions options;
  options.synchronous =
      flags.synchronous == "normal" ? storage::Synchronous::kNormal : storage::Synchronous::kFull;
  options.record_cache_entries = flags.record_cache;
  if (maintenance) options.reader_connections = 1;
  options.audit_key = audit_key;
  auto repository = storage::SqliteRepository::Open(flags.db, std::move(options));
  if (!repository.ok()) return repository.status();
  return std::unique_ptr<storage::Repository>(*std::move(repository));
}

}  // namespace techmatch::server
