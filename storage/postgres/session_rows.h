// SQL for sign-in sessions on PostgreSQL (the shape of storage/sqlite/session_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_SESSION_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_SESSION_ROWS_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/auth/session.h"
#include "core/common/paging.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct SessionRows {
  static absl::Status Insert(Connection& connection, const Session& session);
  static absl::StatusOr<std::optional<Session>> Find(Connection& connection, absl::string_view id);
  // The user's sessions not revoked, newest first, continuing after `query.after_id` (the
  // position of the last one seen: a user's sessions are few).
  static absl::StatusOr<Page<Session>> ListOpen(Connection& connection, absl::string_view user_id,
                                                const ListQuery& query);
  // Sets revoke_time unless already set; false when the user has no such session.
  static absl::StatusOr<bool> Revoke(Connection& connection, absl::string_view user_id,
                                     absl::string_view id, absl::Time now);
  // Revokes every open session of the user.
  static absl::Status RevokeAll(Connection& connection, absl::string_view user_id, absl::Time now);
  static absl::Status Touch(Connection& connection, absl::string_view id, absl::Time now);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_SESSION_ROWS_H_
