// The import commands: CSV file → local checks → RPCs → one merged report.
#ifndef TECHMATCH_CLIENT_IMPORT_RUNNER_H_
#define TECHMATCH_CLIENT_IMPORT_RUNNER_H_

#include <string>

#include "client/command_env.h"

namespace techmatch::client {

// Streams the file's rows to ImportNeeds / ImportOfferings (row_number = CSV line). Returns
// kExitBadInput when the file or its header is unusable (nothing is sent), kExitRpcFailed
// when the call failed or any row was rejected, else kExitOk. `late_registration` goes on
// every row (organizers may add the rows to events whose registration has closed).
int RunNeedImport(CommandEnv& env, const std::string& path, bool late_registration = false);
int RunOfferingImport(CommandEnv& env, const std::string& path, bool late_registration = false);

// One CreateOrganization per row, in file order (so a college's university comes first);
// reported in the same shape as the streaming imports.
int RunOrganizationImport(CommandEnv& env, const std::string& path);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_IMPORT_RUNNER_H_
