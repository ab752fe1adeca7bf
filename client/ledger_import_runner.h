// The programme ledger's imports: CSV file → local checks → one Create/Record call per row →
// one report, in the needs import's shape.
//
// Each row goes through the public API (RecordObservation, CreateTarget, CreateProject,
// RecordFundArrival, CreateCommissioner, CreateFinancing), so every rule, the audit and the
// caller's permissions apply as to any client. Each row's request_id is derived from the
// file's SHA-256 and the row's line, so running the same file again after an interruption
// creates nothing twice: the rows already stored answer with what they stored.
#ifndef TECHMATCH_CLIENT_LEDGER_IMPORT_RUNNER_H_
#define TECHMATCH_CLIENT_LEDGER_IMPORT_RUNNER_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/strings/string_view.h"
#include "client/command_env.h"

namespace techmatch::client {

// A ledger import reads the whole file into memory and sends a call per row: a year of a
// city's ledger is far below this.
inline constexpr size_t kMaxLedgerImportBytes = 16 << 20;

struct LedgerImportOptions {
  // Reads and checks every row locally, prints the report and sends nothing.
  bool dry_run = false;
};

// "import-<file SHA-256 in hex>-<line>": the request_id of the row on `line` of a file.
std::string LedgerImportRequestId(absl::string_view file_sha256_hex, int64_t line);

// Each returns kExitBadInput when the file is unreadable, too large or its header unusable
// (nothing is sent), kExitRpcFailed when the server became unreachable or any row was
// rejected, else kExitOk.
int RunObservationImport(CommandEnv& env, const std::string& path,
                         const LedgerImportOptions& options);
int RunTargetImport(CommandEnv& env, const std::string& path, const LedgerImportOptions& options);
int RunProjectImport(CommandEnv& env, const std::string& path, const LedgerImportOptions& options);
int RunFundArrivalImport(CommandEnv& env, const std::string& path,
                         const LedgerImportOptions& options);
int RunCommissionerImport(CommandEnv& env, const std::string& path,
                          const LedgerImportOptions& options);
int RunFinancingImport(CommandEnv& env, const std::string& path,
                       const LedgerImportOptions& options);

// Adds the subcommand `name` FILE [--dry-run] running `run` to `group`.
void AddLedgerImportCommand(CLI::App* group, CommandEnv& env, absl::string_view name,
                            absl::string_view help,
                            int (*run)(CommandEnv&, const std::string&,
                                       const LedgerImportOptions&));

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_LEDGER_IMPORT_RUNNER_H_
