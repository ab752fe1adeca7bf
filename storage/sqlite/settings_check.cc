#include "storage/sqlite/settings_check.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace techmatch::storage::sqlite {
namespace {

std::string PragmaValue(Connection& connection, const char* sql) {
  ScopedStatement pragma = connection.Prepare(sql);
  return pragma.Step() ? pragma.Row().Text(0) : std::string();
}

}  // namespace

absl::Status CheckStorageSettings(Connection& connection, const std::string& path) {
  std::vector<std::string> problems;
  // Reading journal_mode does not change it (only `= value` does).
  const std::string journal = absl::AsciiStrToLower(PragmaValue(connection, "PRAGMA journal_mode"));
  if (journal != "wal") {
    problems.push_back(absl::StrCat("journal_mode is '", journal, "', needs 'wal'"));
  }
  const std::string foreign_keys = PragmaValue(connection, "PRAGMA foreign_keys");
  if (foreign_keys != "1") {
    problems.push_back(absl::StrCat("foreign_keys is '", foreign_keys,
                                    "', needs '1' (is SQLite built without foreign keys?)"));
  }
  const std::string busy_timeout = PragmaValue(connection, "PRAGMA busy_timeout");
  if (busy_timeout.empty() || busy_timeout == "0" || busy_timeout[0] == '-') {
    problems.push_back(absl::StrCat("busy_timeout is '", busy_timeout, "' ms, needs more than 0"));
  }
  if (problems.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("database '", path,
                   "': refusing to start, storage settings: ", absl::StrJoin(problems, "; ")));
}

}  // namespace techmatch::storage::sqlite
