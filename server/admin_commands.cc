#include "server/admin_commands.h"

#include <unistd.h>

#include <iostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "core/auth/api_key.h"
#include "core/auth/role.h"
#include "core/common/resource_id.h"
#include "core/reference/region_code.h"
#include "server/audit_key_file.h"
#include "spdlog/sinks/stdout_color_sinks.h"
#include "spdlog/spdlog.h"
#include "storage/audit_scope.h"

namespace techmatch::server {
namespace {

// Key management from the host is audited like a call: principal `cli`, acting as ADMIN.
storage::PendingAudit CliAudit(absl::string_view command, absl::string_view resource) {
  storage::PendingAudit pending;
  pending.event.principal = "cli";
  pending.event.role = std::string(RoleName(Role::kAdmin));
  pending.event.method = std::string(command);
  pending.event.resource = std::string(resource);
  return pending;
}

// Records a command that changed nothing (its change, when it has one, carries the record).
void RecordFailure(storage::Repository& repository, storage::PendingAudit& pending,
                   const absl::Status& status) {
  AuditEvent event = pending.event;
  event.event_time = absl::Now();
  event.outcome = absl::StatusCodeToString(status.code());
  repository.AppendAuditEvent(event).IgnoreError();  // The command reports `status` anyway.
}

std::string Rfc3339(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", time, absl::UTCTimeZone());
}

}  // namespace

int CreateKeyCommand(storage::Repository& repository, const KeyCreateOptions& options,
                     std::ostream& out, std::ostream& err) {
  const std::optional<Role> role = RoleFromName(options.role);
  if (!role) {
    err << "--role must be one of ADMIN, ORGANIZER, INSTITUTE, ENTERPRISE, OFFICIAL, got '"
        << options.role << "'\n";
    return 1;
  }
  std::string organization_id;
  if (RoleNeedsOrganization(*role)) {
    absl::StatusOr<std::string> id =
        ParseResourceName(options.organization, kOrganizations, "organization");
    if (options.organization.empty() || !id.ok()) {
      err << "--organization organizations/ID is required for " << options.role
          << " keys (the organization whose records the key may write)\n";
      return 1;
    }
    organization_id = *id;
  } else if (!options.organization.empty()) {
    err << "--organization applies to INSTITUTE and ENTERPRISE keys only\n";
    return 1;
  }
  if (!options.region.empty()) {
    if (!RoleTakesRegion(*role)) {
      err << "--region applies to OFFICIAL and ORGANIZER keys only\n";
      return 1;
    }
    if (!IsRegionCode(options.region)) {
      err << "--region must be a six-digit GB/T 2260 code such as 510500, got '" << options.region
          << "'\n";
      return 1;
    }
  }
  if (options.label.size() > 200) {
    err << "--label must be at most 200 bytes\n";
    return 1;
  }
  absl::StatusOr<NewToken> token = GenerateToken();
  if (!token.ok()) {
    err << "cannot create a key: " << token.status().message() << "\n";
    return 1;
  }
  ApiKey key = KeyForToken(*token, *role, organization_id, options.label, absl::Now());
  key.region_code = options.region;
  storage::PendingAudit pending = CliAudit("keys create", absl::StrCat("keys/", key.key_id));
  absl::Status created;
  {
    storage::AuditScope scope(pending);
    created = repository.CreateApiKey(key);
  }
  if (!created.ok()) {
    RecordFailure(repository, pending, created);
    err << "cannot create a key: " << created.message() << "\n";
    return 1;
  }
  out << token->token << "\n";
  return 0;
}

int ListKeysCommand(storage::Repository& repository, std::ostream& out, std::ostream& err) {
  absl::StatusOr<std::vector<ApiKey>> keys = repository.ListApiKeys();
  if (!keys.ok()) {
    err << "cannot list keys: " << keys.status().message() << "\n";
    return 1;
  }
  out << "KEY_ID\tROLE\tORGANIZATION\tREGION\tCREATED\tREVOKED\tLABEL\n";
  for (const ApiKey& key : *keys) {
    out << key.key_id << "\t" << RoleName(key.role) << "\t"
        << (key.organization_id.empty() ? "-" : ResourceName(kOrganizations, key.organization_id))
        << "\t" << (key.region_code.empty() ? "-" : key.region_code) << "\t"
        << Rfc3339(key.create_time) << "\t" << (key.revoke_time ? Rfc3339(*key.revoke_time) : "-")
        << "\t" << key.label << "\n";
  }
  return 0;
}

int RevokeKeyCommand(storage::Repository& repository, const std::string& key_id, std::ostream& out,
                     std::ostream& err) {
  // Accept `keys/ID` as well as the bare id `keys list` shows.
  absl::string_view id = key_id;
  absl::ConsumePrefix(&id, "keys/");
  storage::PendingAudit pending = CliAudit("keys revoke", absl::StrCat("keys/", id));
  absl::StatusOr<ApiKey> revoked;
  {
    storage::AuditScope scope(pending);
    revoked = repository.RevokeApiKey(id);
  }
  if (!revoked.ok()) {
    RecordFailure(repository, pending, revoked.status());
    err << "cannot revoke: " << revoked.status().message() << "\n";
    return 1;
  }
  out << "revoked " << revoked->key_id << "\n";
  return 0;
}

int VerifyAuditCommand(storage::Repository& repository, const std::vector<AuditKey>& keys,
                       std::ostream& out, std::ostream& err) {
  absl::StatusOr<storage::AuditVerification> verified = repository.VerifyAuditTrail(keys);
  if (!verified.ok()) {
    err << verified.status().message() << "\n";
    return 1;
  }
  out << "audit trail intact: " << verified->records << " records";
  if (!verified->key_ids.empty()) {
    out << "; " << verified->records - verified->unkeyed << " keyed with audit key "
        << absl::StrJoin(verified->key_ids, ", then ");
  }
  out << "\n";
  if (verified->unkeyed > 0) {
    out << "note: " << verified->unkeyed
        << " record(s) (the first ones) are unkeyed: their SHA-256 chain shows accidental "
           "damage, but anyone holding the database could have rewritten them\n";
  }
  return 0;
}

int InitAuditKeyCommand(const std::string& path, std::ostream& out, std::ostream& err) {
  absl::StatusOr<AuditKey> key = CreateAuditKeyFile(path);
  if (!key.ok()) {
    err << "cannot create the audit key: " << key.status().message() << "\n";
    return 1;
  }
  out << "created audit key " << key->id << " in " << path
      << " (mode 0600): keep it apart from the database and its backups; serve with "
         "--audit_key_file "
      << path << "\n";
  return 0;
}

void AddAdminCommands(CLI::App& app, AdminCommands& commands) {
  CLI::App* keys = app.add_subcommand("keys", "API keys: create, list, revoke");
  keys->require_subcommand(1);
  commands.keys_create =
      keys->add_subcommand("create", "create a key and print its token once, as one line");
  commands.keys_create
      ->add_option("--role", commands.key_options.role,
                   "ADMIN, ORGANIZER, INSTITUTE, ENTERPRISE or OFFICIAL")
      ->required();
  commands.keys_create->add_option("--organization", commands.key_options.organization,
                                   "organizations/ID the key acts for (INSTITUTE and ENTERPRISE)");
  commands.keys_create->add_option(
      "--region", commands.key_options.region,
      "GB/T 2260 code (e.g. 510500) an OFFICIAL or ORGANIZER key is limited to, with the "
      "divisions under it");
  commands.keys_create->add_option("--label", commands.key_options.label, "a note for `keys list`");
  commands.keys_list = keys->add_subcommand("list", "list keys (never their tokens)");
  commands.keys_revoke = keys->add_subcommand("revoke", "revoke a key for good");
  commands.keys_revoke->add_option("KEY_ID", commands.revoke_id, "the key id `keys list` shows")
      ->required();
  CLI::App* audit = app.add_subcommand("audit", "the audit trail");
  audit->require_subcommand(1);
  commands.audit_verify =
      audit->add_subcommand("verify", "check the chain; name the first altered record");
  commands.audit_verify->add_option(
      "--key", commands.verify_keys,
      "an audit key file whose records to verify (repeat for keys rotated out; the top-level "
      "--audit_key_file counts too)");
  commands.audit_init_key = audit->add_subcommand(
      "init-key", "create an audit key file (never replaces one); print the key's id");
  commands.audit_init_key->add_option("--out", commands.init_key_out, "the key file to create")
      ->required();
  commands.init = app.add_subcommand(
      "init",
      "create the --db SQLite file (refused when it exists), or the schema in an existing "
      "PostgreSQL database, ready for `keys create`");
  app.add_option("--audit_key_file", commands.audit_key_file,
                 "key every audit record with the key in this file (HMAC-SHA-256); once a "
                 "database's trail is keyed it must always be given");
}

// The key of --audit_key_file, or none when it was not given.
static absl::StatusOr<std::optional<AuditKey>> LoadAuditKey(const std::string& path) {
  if (path.empty()) return std::optional<AuditKey>();
  absl::StatusOr<AuditKey> key = ReadAuditKeyFile(path);
  if (!key.ok()) return key.status();
  return std::optional<AuditKey>(*std::move(key));
}

std::optional<int> RunAdminCommand(const DatabaseFlags& database, const AdminCommands& commands) {
  const bool chosen = commands.keys_create->parsed() || commands.keys_list->parsed() ||
                      commands.keys_revoke->parsed() || commands.audit_verify->parsed() ||
                      commands.audit_init_key->parsed() || commands.init->parsed();
  if (!chosen) return std::nullopt;
  // stdout carries the command's answer alone (a token is read with $(...)); logs go aside.
  spdlog::set_default_logger(spdlog::stderr_color_st("techmatch-server"));
  if (commands.audit_init_key->parsed()) {
    return InitAuditKeyCommand(commands.init_key_out, std::cout, std::cerr);
  }
  const std::string name = RedactedDatabase(database.db);
  // A PostgreSQL database always exists before we connect (the server creates none, so a
  // mistyped name fails to connect); a SQLite file is created by opening it.
  if (!IsPostgresUri(database.db)) {
    const bool exists = access(database.db.c_str(), F_OK) == 0;
    if (commands.init->parsed() && exists) {
      std::cerr << "database " << name << " already exists\n";
      return 1;
    }
    // A mistyped --db must not become a new, empty database that then "verifies".
    if (!commands.init->parsed() && !exists) {
      std::cerr << "database " << name
                << " does not exist (maintenance commands never create one; check --db)\n";
      return 1;
    }
  }
  std::optional<AuditKey> open_key;
  absl::StatusOr<std::optional<AuditKey>> audit_key = LoadAuditKey(commands.audit_key_file);
  if (!audit_key.ok()) {
    std::cerr << audit_key.status().message() << "\n";
    return 1;
  }
  open_key = *audit_key;
  std::vector<AuditKey> verify_keys;
  if (*audit_key) verify_keys.push_back(**audit_key);
  for (const std::string& path : commands.verify_keys) {
    absl::StatusOr<AuditKey> key = ReadAuditKeyFile(path);
    if (!key.ok()) {
      std::cerr << key.status().message() << "\n";
      return 1;
    }
    verify_keys.push_back(*std::move(key));
  }
  // Verifying only reads: a keyed trail needs no key to open for it (the keys are checked).
  if (commands.audit_verify->parsed() && !open_key && !verify_keys.empty()) {
    open_key = verify_keys.front();
  }
  auto repository = OpenDatabase(database, open_key, /*maintenance=*/true);
  if (!repository.ok()) {
    std::cerr << "cannot open database " << name << ": " << repository.status().message() << "\n";
    return 1;
  }
  storage::Repository& repo = **repository;
  if (commands.init->parsed()) {
    std::cout << (IsPostgresUri(database.db) ? "schema ready in database " : "created database ")
              << name << "\n";
    return 0;
  }
  if (commands.keys_create->parsed()) {
    return CreateKeyCommand(repo, commands.key_options, std::cout, std::cerr);
  }
  if (commands.keys_list->parsed()) return ListKeysCommand(repo, std::cout, std::cerr);
  if (commands.keys_revoke->parsed()) {
    return RevokeKeyCommand(repo, commands.revoke_id, std::cout, std::cerr);
  }
  return VerifyAuditCommand(repo, verify_keys, std::cout, std::cerr);
}

}  // namespace techmatch::server
