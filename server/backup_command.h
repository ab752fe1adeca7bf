// `techmatch-server --db PATH backup --out FILE`: an online, consistent copy of the database
// while a server keeps serving it.
#ifndef TECHMATCH_SERVER_BACKUP_COMMAND_H_
#define TECHMATCH_SERVER_BACKUP_COMMAND_H_

#include <string>

#include "CLI/CLI.hpp"

namespace techmatch::server {

struct BackupFlags {
  std::string out;
  int pages_per_step = 256;
  bool overwrite = false;
};

// Adds the `backup` subcommand to `app`, bound to `flags`.
CLI::App* AddBackupCommand(CLI::App& app, BackupFlags& flags);

// Runs it on `db_path`: prints one line describing the copy; returns the process exit code.
int RunBackupCommand(const std::string& db_path, const BackupFlags& flags);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_BACKUP_COMMAND_H_
