// SQL for users (the Argon2id string of the password, never the password).
#ifndef TECHMATCH_STORAGE_SQLITE_USER_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_USER_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/user.h"
#include "core/common/paging.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct UserRows {
  static absl::Status Insert(Connection& connection, const User& user);
  static std::optional<User> Find(Connection& connection, absl::string_view id);
  // By the normalized email.
  static std::optional<User> FindByEmail(Connection& connection, absl::string_view email);
  static absl::StatusOr<Page<User>> List(Connection& connection, const ListQuery& query);
  // Stores `user` (revision already advanced) while the row's revision is `expected_revision`;
  // false when no row matched.
  static absl::StatusOr<bool> Update(Connection& connection, const User& user,
                                     int64_t expected_revision);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_USER_ROWS_H_
