#include "storage/sqlite/sqlite_status.h"

#include <sqlite3.h>

#include <string>

#include "SQLiteCpp/Exception.h"
#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

namespace techmatch::storage::sqlite {

absl::Status StatusFromException(const std::exception& e, absl::string_view action,
                                 absl::string_view resource) {
  const auto* sqlite_error = dynamic_cast<const SQLite::Exception*>(&e);
  const int code = sqlite_error != nullptr ? sqlite_error->getErrorCode() : -1;
  const int extended = sqlite_error != nullptr ? sqlite_error->getExtendedErrorCode() : -1;
  const bool caller_error = extended == SQLITE_CONSTRAINT_PRIMARYKEY ||
                            extended == SQLITE_CONSTRAINT_UNIQUE ||
                            extended == SQLITE_CONSTRAINT_FOREIGNKEY;
  // A duplicate id in an import is the caller's mistake, not a fault worth an error line each.
  spdlog::log(caller_error ? spdlog::level::debug : spdlog::level::err,
              "storage: {} {} failed: {} (sqlite code {}, extended {})", std::string(action),
              std::string(resource), e.what(), code, extended);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return absl::UnavailableError(
        absl::StrCat("the database is busy while ", action, " ", resource, "; retry later"));
  }
  if (extended == SQLITE_CONSTRAINT_PRIMARYKEY || extended == SQLITE_CONSTRAINT_UNIQUE) {
    return absl::AlreadyExistsError(absl::StrCat(resource, " already exists"));
  }
  if (extended == SQLITE_CONSTRAINT_FOREIGNKEY) {
    // The server checks references before writing; reaching this means a record it refers to
    // is missing, which the caller can fix, so it is not an internal fault.
    return absl::FailedPreconditionError(
        absl::StrCat(resource, " refers to a record that does not exist"));
  }
  return absl::InternalError(
      absl::StrCat("storage failure while ", action, " ", resource, "; see the server log"));
}

absl::Status StatusFromUnknownException(absl::string_view action, absl::string_view resource) {
  spdlog::error("storage: {} {} failed with a non-standard exception", std::string(action),
                std::string(resource));
  return absl::InternalError(
      absl::StrCat("storage failure while ", action, " ", resource, "; see the server log"));
}

}  // namespace techmatch::storage::sqlite
