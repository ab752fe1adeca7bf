// The server binary's maintenance subcommands, run against the server's database (also while
// the server runs): `init` (creates the database), `keys create|list|revoke`,
// `audit init-key` and `audit verify`. All but `init` refuse a database that does not exist, so
// a mistyped --db never becomes a new, empty database.
#ifndef TECHMATCH_SERVER_ADMIN_COMMANDS_H_
#define TECHMATCH_SERVER_ADMIN_COMMANDS_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "core/auth/audit_event.h"
#include "server/database_flags.h"
#include "storage/repository.h"

namespace techmatch::server {

struct KeyCreateOptions {
  std::string role;          // ADMIN, ORGANIZER, INSTITUTE, ENTERPRISE, OFFICIAL
  std::string organization;  // organizations/{id}; required for INSTITUTE and ENTERPRISE only
  std::string label;
  std::string region;  // GB/T 2260 code; OFFICIAL and ORGANIZER only, optional
};

// The subcommands and what they were given.
struct AdminCommands {
  KeyCreateOptions key_options;
  std::string revoke_id;
  // The top-level --audit_key_file: keys every audit record written (serving too).
  std::string audit_key_file;
  std::string init_key_out;              // audit init-key --out
  std::vector<std::string> verify_keys;  // audit verify --key (repeatable: rotated keys)
  CLI::App* keys_create = nullptr;
  CLI::App* keys_list = nullptr;
  CLI::App* keys_revoke = nullptr;
  CLI::App* audit_verify = nullptr;
  CLI::App* audit_init_key = nullptr;
  CLI::App* init = nullptr;
};

// Adds `keys create|list|revoke`, `audit init-key|verify` and the top-level --audit_key_file
// to `app`, bound to `commands`.
void AddAdminCommands(CLI::App& app, AdminCommands& commands);

// Runs the one of them that was parsed on the database `database` names (stdout carries only
// its answer, logs go to stderr): its exit code, or nullopt when none was chosen.
std::optional<int> RunAdminCommand(const DatabaseFlags& database, const AdminCommands& commands);

// Each returns the process exit code: 0 on success, 1 on a failure it explained on `err`.
// Prints the new token, one line, on `out` (the only time it is ever shown).
int CreateKeyCommand(storage::Repository& repository, const KeyCreateOptions& options,
                     std::ostream& out, std::ostream& err);
// One line per key: id, role, organization, region, created, revoked, label. Never a token.
int ListKeysCommand(storage::Repository& repository, std::ostream& out, std::ostream& err);
int RevokeKeyCommand(storage::Repository& repository, const std::string& key_id, std::ostream& out,
                     std::ostream& err);
// Recomputes the audit chain with `keys`; names the first altered record and returns 1 when
// broken or when a keyed record's key was not given. Says how many records only the SHA-256
// chain protects (those written before a key was in use).
int VerifyAuditCommand(storage::Repository& repository, const std::vector<AuditKey>& keys,
                       std::ostream& out, std::ostream& err);
// Creates the key file `path` (never replacing one); prints the key's id.
int InitAuditKeyCommand(const std::string& path, std::ostream& out, std::ostream& err);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_ADMIN_COMMANDS_H_
