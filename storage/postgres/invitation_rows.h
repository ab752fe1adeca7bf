// SQL for invitations on PostgreSQL (the shape of storage/sqlite/invitation_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_INVITATION_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_INVITATION_ROWS_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/invitation.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct InvitationRows {
  static absl::Status Insert(Connection& connection, const Invitation& invitation);
  static absl::StatusOr<std::optional<Invitation>> Find(Connection& connection,
                                                        absl::string_view id);
  // Records the user who accepted it; false when it was accepted already (or does not exist).
  static absl::StatusOr<bool> MarkAccepted(Connection& connection, absl::string_view id,
                                           absl::string_view user_id);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_INVITATION_ROWS_H_
