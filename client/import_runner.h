// The import commands: CSV file → local checks → RPCs → one merged report.
#ifndef TECHMATCH_CLIENT_IMPORT_RUNNER_H_
#define TECHMATCH_CLIENT_IMPORT_RUNNER_H_

#include <string>

#include "client/command_env.h"

namespace techmatch::client {

struct ImportOptions {
  // Goes on every row (organizers may add the rows to events whose registration has closed).
  bool late_registration = false;
  // When set, every rejected row (CSV line, field, problem) is written there as the import
  // goes, instead of being listed on stdout.
  std::string rejects_path;
};

// Sends the file's rows to ImportNeeds / ImportOfferings (row_number = CSV line), 1,000 rows
// per call. Returns kExitBadInput when the file or its header is unusable (nothing is sent),
// kExitRpcFailed when a call failed, was interrupted (SIGINT/SIGTERM: it says how many rows
// are stored) or any row was rejected, else kExitOk.
int RunNeedImport(CommandEnv& env, const std::string& path, const ImportOptions& options = {});
int RunOfferingImport(CommandEnv& env, const std::string& path, const ImportOptions& options = {});

// One CreateOrganization per row, in file order (so a college's university comes first);
// reported in the same shape as the streaming imports.
int RunOrganizationImport(CommandEnv& env, const std::string& path);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_IMPORT_RUNNER_H_
