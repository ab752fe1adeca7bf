#include "server/copy_command.h"

#include <unistd.h>

#include <filesystem>
#include <iomanip>
#include <memory>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/admin_commands.h"
#include "server/audit_key_file.h"
#include "storage/table_copy.h"

namespace techmatch::server {
namespace {

// `db` in a form where two spellings of one database compare equal: a SQLite file's absolute
// path without . and .., a URI with one scheme name.
std::string Canonical(const std::string& db) {
  if (IsPostgresUri(db)) {
    constexpr absl::string_view kShort = "postgres://";
    if (absl::StartsWith(db, kShort)) {
      return absl::StrCat("postgresql://", absl::string_view(db).substr(kShort.size()));
    }
    return db;
  }
  std::error_code error;
  const std::filesystem::path path = std::filesystem::weakly_canonical(db, error);
  return error ? db : path.string();
}

}  // namespace

CLI::App* AddCopyCommand(CLI::App& app, CopyFlags& flags) {
  CLI::App* copy = app.add_subcommand(
      "copy",
      "copy every record of the --db database into a new database (SQLite or PostgreSQL, either "
      "way), then verify the audit chain there and compare the rows of each table");
  copy->add_option("--to", flags.to,
                   "the new database: a SQLite file (created when missing) or a PostgreSQL URI "
                   "(the database must exist; its schema is created); refused when it holds any "
                   "record");
  copy->add_option("--key", flags.verify_keys,
                   "an earlier audit key file of a rotated trail, to verify the copy with "
                   "(repeatable; the --audit_key_file key is always used)");
  copy->add_option("--batch_rows", flags.batch_rows, "rows read and written at a time")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  return copy;
}

int RunCopyCommand(const DatabaseFlags& database, const std::string& audit_key_file,
                   const CopyFlags& flags, std::ostream& out, std::ostream& err) {
  const std::string source_name = RedactedDatabase(database.db);
  if (flags.to.empty()) {
    err << "copy needs --to TARGET: a SQLite file or a postgresql:// URI\n";
    return 1;
  }
  const std::string target_name = RedactedDatabase(flags.to);
  if (Canonical(database.db) == Canonical(flags.to)) {
    err << "copy --to names the source database itself (" << target_name
        << "); give a new database\n";
    return 1;
  }
  if (flags.batch_rows < 1) {
    err << "copy --batch_rows must be at least 1\n";
    return 1;
  }
  // A mistyped --db must not become a new, empty database copied elsewhere.
  if (!IsPostgresUri(database.db) && access(database.db.c_str(), F_OK) != 0) {
    err << "database " << source_name
        << " does not exist (maintenance commands never create one; check --db)\n";
    return 1;
  }
  std::optional<AuditKey> audit_key;
  std::vector<AuditKey> verify_keys;
  if (!audit_key_file.empty()) {
    absl::StatusOr<AuditKey> key = ReadAuditKeyFile(audit_key_file);
    if (!key.ok()) {
      err << key.status().message() << "\n";
      return 1;
    }
    audit_key = *key;
    verify_keys.push_back(*std::move(key));
  }
  for (const std::string& path : flags.verify_keys) {
    absl::StatusOr<AuditKey> key = ReadAuditKeyFile(path);
    if (!key.ok()) {
      err << key.status().message() << "\n";
      return 1;
    }
    verify_keys.push_back(*std::move(key));
  }

  // Both are opened as every command opens a database: migrated to this build's schema.
  auto source = OpenDatabase(database, audit_key, /*maintenance=*/true);
  if (!source.ok()) {
    err << "cannot open database " << source_name << ": " << source.status().message() << "\n";
    return 1;
  }
  DatabaseFlags target_flags = database;
  target_flags.db = flags.to;
  auto target = OpenDatabase(target_flags, audit_key, /*maintenance=*/true);
  if (!target.ok()) {
    err << "cannot open database " << target_name << ": " << target.status().message() << "\n";
    return 1;
  }
  auto* source_tables = dynamic_cast<storage::TableStore*>(source->get());
  auto* target_tables = dynamic_cast<storage::TableStore*>(target->get());
  if (source_tables == nullptr || target_tables == nullptr) {
    err << "this backend cannot copy whole tables\n";
    return 1;
  }
  absl::StatusOr<storage::CopyReport> report =
      storage::CopyTables(*source_tables, *target_tables, static_cast<size_t>(flags.batch_rows));
  if (!report.ok()) {
    err << "cannot copy " << source_name << " to " << target_name << ": "
        << report.status().message() << "\n";
    return 1;
  }

  out << "copied " << source_name << " to " << target_name << "\n";
  out << std::left << std::setw(26) << "table" << std::right << std::setw(12) << "source"
      << std::setw(12) << "target"
      << "\n";
  for (const storage::TableCount& count : report->tables) {
    out << std::left << std::setw(26) << count.table << std::right << std::setw(12)
        << count.source_rows << std::setw(12) << count.target_rows
        << (count.source_rows == count.target_rows ? "" : "  MISMATCH") << "\n";
  }
  const int verified = VerifyAuditCommand(**target, verify_keys, out, err);
  if (!report->CountsMatch()) {
    err << "the row counts differ between " << source_name << " and " << target_name << "\n";
    return 1;
  }
  if (verified != 0) {
    err << "the audit trail of " << target_name << " does not verify\n";
    return 1;
  }
  out << "every table holds as many rows on both sides\n";
  return 0;
}

}  // namespace techmatch::server
