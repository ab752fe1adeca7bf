// SQL for invitations: the one-time code's hash, never the code.
#ifndef TECHMATCH_STORAGE_SQLITE_INVITATION_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_INVITATION_ROWS_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/auth/invitation.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct InvitationRows {
  static absl::Status Insert(Connection& connection, const Invitation& invitation);
  static std::optional<Invitation> Find(Connection& connection, absl::string_view id);
  // Records the user who accepted it; false when it was accepted already (or does not exist).
  static bool MarkAccepted(Connection& connection, absl::string_view id, absl::string_view user_id);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_INVITATION_ROWS_H_
