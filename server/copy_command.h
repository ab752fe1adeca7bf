// `techmatch-server --db SOURCE copy --to TARGET`: every record of one database copied into a
// new one, between any two backends (SQLite file or PostgreSQL URI on either side), then the
// audit chain verified on the target and the rows of each table counted on both sides.
#ifndef TECHMATCH_SERVER_COPY_COMMAND_H_
#define TECHMATCH_SERVER_COPY_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "server/database_flags.h"

namespace techmatch::server {

struct CopyFlags {
  std::string to;                        // the target: a SQLite file or a PostgreSQL URI
  std::vector<std::string> verify_keys;  // --key: earlier audit keys of a rotated trail
  int batch_rows = 500;
};

// Adds the `copy` subcommand to `app`, bound to `flags`.
CLI::App* AddCopyCommand(CLI::App& app, CopyFlags& flags);

// Copies `database.db` to `flags.to`, both opened with the key in `audit_key_file` (when not
// empty): prints the counts per table and the verification on `out`, errors on `err`; returns
// the process exit code: 0 when copied with equal counts and an intact trail, 1 otherwise
// (nothing is written into a target that was refused).
int RunCopyCommand(const DatabaseFlags& database, const std::string& audit_key_file,
                   const CopyFlags& flags, std::ostream& out, std::ostream& err);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_COPY_COMMAND_H_
