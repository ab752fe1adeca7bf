// `techmatch agreement export`: the ExportAgreements stream written as CSV, JSON and/or XLSX.
#ifndef TECHMATCH_CLIENT_AGREEMENT_EXPORT_H_
#define TECHMATCH_CLIENT_AGREEMENT_EXPORT_H_

#include "CLI/CLI.hpp"
#include "client/command_env.h"

namespace techmatch::client {

// Adds `export [--filter F] [--csv FILE] [--json FILE] [--xlsx FILE]` to the agreement group.
void AddAgreementExportCommand(CLI::App* group, CommandEnv& env);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_AGREEMENT_EXPORT_H_
