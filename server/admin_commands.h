// The server binary's maintenance subcommands, run on the server's host against its database
// file (also while the server runs): `keys create|list|revoke` and `audit verify`.
#ifndef TECHMATCH_SERVER_ADMIN_COMMANDS_H_
#define TECHMATCH_SERVER_ADMIN_COMMANDS_H_

#include <optional>
#include <ostream>
#include <string>

#include "CLI/CLI.hpp"
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
  CLI::App* keys_create = nullptr;
  CLI::App* keys_list = nullptr;
  CLI::App* keys_revoke = nullptr;
  CLI::App* audit_verify = nullptr;
};

// Adds `keys create|list|revoke` and `audit verify` to `app`, bound to `commands`.
void AddAdminCommands(CLI::App& app, AdminCommands& commands);

// Runs the one of them that was parsed on `db_path` (stdout carries only its answer, logs go
// to stderr): its exit code, or nullopt when none was chosen.
std::optional<int> RunAdminCommand(const std::string& db_path, const AdminCommands& commands);

// Each returns the process exit code: 0 on success, 1 on a failure it explained on `err`.
// Prints the new token, one line, on `out` (the only time it is ever shown).
int CreateKeyCommand(storage::Repository& repository, const KeyCreateOptions& options,
                     std::ostream& out, std::ostream& err);
// One line per key: id, role, organization, region, created, revoked, label. Never a token.
int ListKeysCommand(storage::Repository& repository, std::ostream& out, std::ostream& err);
int RevokeKeyCommand(storage::Repository& repository, const std::string& key_id, std::ostream& out,
                     std::ostream& err);
// Recomputes the audit hash chain; names the first altered record and returns 1 when broken.
int VerifyAuditCommand(storage::Repository& repository, std::ostream& out, std::ostream& err);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_ADMIN_COMMANDS_H_
