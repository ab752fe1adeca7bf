#include "server/backup_command.h"

#include <cstdio>

#include "spdlog/spdlog.h"
#include "storage/sqlite/online_backup.h"

namespace techmatch::server {

CLI::App* AddBackupCommand(CLI::App& app, BackupFlags& flags) {
  CLI::App* backup = app.add_subcommand(
      "backup",
      "copy the --db database to a file with SQLite's online backup API (safe while a server "
      "serves and writes it)");
  backup
      ->add_option("--out", flags.out,
                   "the copy to write; never the database or its -wal, -shm, -journal files")
      ->required();
  backup->add_flag("--overwrite", flags.overwrite,
                   "replace --out (atomically) when it exists; without it an existing file is "
                   "refused");
  backup
      ->add_option("--pages_per_step", flags.pages_per_step,
                   "pages copied per step; between steps the server may write")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  return backup;
}

int RunBackupCommand(const std::string& db_path, const BackupFlags& flags) {
  storage::BackupOptions options;
  options.pages_per_step = flags.pages_per_step;
  options.overwrite = flags.overwrite;
  absl::StatusOr<storage::BackupResult> result =
      storage::BackupDatabase(db_path, flags.out, options);
  if (!result.ok()) {
    spdlog::critical("backup failed: {}", std::string(result.status().message()));
    return 1;
  }
  std::printf("backed up %s to %s: %lld pages, %lld bytes, integrity ok\n", db_path.c_str(),
              flags.out.c_str(), static_cast<long long>(result->pages),
              static_cast<long long>(result->bytes));
  return 0;
}

}  // namespace techmatch::server
