#include "storage/postgres/invitation_rows.h"

#include "core/common/status_macros.h"
#include "storage/codec.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kInsert =
    "INSERT INTO invitations (id, code_hash, organization_id, role, email, display_name, "
    "region_code, invited_by, create_time, expire_time, user_id) "
    "VALUES ($1, $2, NULLIF($3, ''), $4, $5, $6, $7, $8, $9, $10, NULL)";
constexpr absl::string_view kFind =
    "SELECT id, code_hash, organization_id, role, email, display_name, region_code, invited_by, "
    "create_time, expire_time, user_id FROM invitations WHERE id = $1";
constexpr absl::string_view kMarkAccepted =
    "UPDATE invitations SET user_id = $2 WHERE id = $1 AND user_id IS NULL RETURNING id";

}  // namespace

absl::Status InvitationRows::Insert(Connection& connection, const Invitation& invitation) {
  return connection
      .Exec(kInsert, Params()
                         .Text(invitation.id)
                         .Bytes(invitation.code_hash)
                         .Text(invitation.organization_id)
                         .Text(RoleName(invitation.role))
                         .Text(invitation.email)
                         .Text(invitation.display_name)
                         .Text(invitation.region_code)
                         .Text(invitation.invited_by)
                         .Int64(TimeToNanosSaturated(invitation.create_time))
                         .Int64(TimeToNanosSaturated(invitation.expire_time)))
      .status();
}

absl::StatusOr<std::optional<Invitation>> InvitationRows::Find(Connection& connection,
                                                               absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  Invitation invitation;
  invitation.id = found.Text(0, 0);
  invitation.code_hash = found.Text(0, 1);
  invitation.organization_id = found.Text(0, 2);  // NULL reads as "".
  invitation.role = RoleFromName(found.Text(0, 3)).value_or(Role::kOfficial);
  invitation.email = found.Text(0, 4);
  invitation.display_name = found.Text(0, 5);
  invitation.region_code = found.Text(0, 6);
  invitation.invited_by = found.Text(0, 7);
  invitation.create_time = NanosToTime(found.Int64(0, 8));
  invitation.expire_time = NanosToTime(found.Int64(0, 9));
  invitation.user_id = found.Text(0, 10);
  return invitation;
}

absl::StatusOr<bool> InvitationRows::MarkAccepted(Connection& connection, absl::string_view id,
                                                  absl::string_view user_id) {
  TM_ASSIGN_OR_RETURN(Result marked,
                      connection.Exec(kMarkAccepted, Params().Text(id).Text(user_id)));
  return marked.rows() > 0;
}

}  // namespace techmatch::storage::postgres
