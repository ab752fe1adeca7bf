// SQL for sessions: the token's hash, never the token.
#ifndef TECHMATCH_STORAGE_SQLITE_SESSION_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_SESSION_ROWS_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/auth/session.h"
#include "core/common/paging.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct SessionRows {
  static absl::Status Insert(Connection& connection, const Session& session);
  static std::optional<Session> Find(Connection& connection, absl::string_view id);
  // The user's sessions not revoked, newest first, continuing after `query.after_id` (the
  // position of the last one seen).
  static Page<Session> ListOpen(Connection& connection, absl::string_view user_id,
                                const ListQuery& query);
  // Sets revoke_time unless already set; false when the user has no such session.
  static bool Revoke(Connection& connection, absl::string_view user_id, absl::string_view id,
                     absl::Time now);
  // Revokes every open session of the user.
  static void RevokeAll(Connection& connection, absl::string_view user_id, absl::Time now);
  static void Touch(Connection& connection, absl::string_view id, absl::Time now);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_SESSION_ROWS_H_
