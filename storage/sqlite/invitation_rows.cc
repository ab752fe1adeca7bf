#include "storage/sqlite/invitation_rows.h"

#include "storage/codec.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kInsert =
    "INSERT INTO invitations (id, code_hash, organization_id, role, email, display_name, "
    "region_code, invited_by, create_time, expire_time, user_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL)";
constexpr absl::string_view kFind =
    "SELECT id, code_hash, organization_id, role, email, display_name, region_code, invited_by, "
    "create_time, expire_time, user_id FROM invitations WHERE id = ?1";
constexpr absl::string_view kMarkAccepted =
    "UPDATE invitations SET user_id = ?2 WHERE id = ?1 AND user_id IS NULL RETURNING id";

}  // namespace

absl::Status InvitationRows::Insert(Connection& connection, const Invitation& invitation) {
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, invitation.id);
  insert.BindBlob(2, invitation.code_hash);
  if (invitation.organization_id.empty()) {
    insert.BindNull(3);
  } else {
    insert.BindText(3, invitation.organization_id);
  }
  insert.BindText(4, RoleName(invitation.role));
  insert.BindText(5, invitation.email);
  insert.BindText(6, invitation.display_name);
  insert.BindText(7, invitation.region_code);
  insert.BindText(8, invitation.invited_by);
  insert.BindInt64(9, TimeToNanosSaturated(invitation.create_time));
  insert.BindInt64(10, TimeToNanosSaturated(invitation.expire_time));
  insert.Run();
  return absl::OkStatus();
}

std::optional<Invitation> InvitationRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  const RowReader row = find.Row();
  Invitation invitation;
  invitation.id = row.Text(0);
  invitation.code_hash = row.Blob(1);
  if (!row.IsNull(2)) invitation.organization_id = row.Text(2);
  invitation.role = RoleFromName(row.Text(3)).value_or(Role::kOfficial);
  invitation.email = row.Text(4);
  invitation.display_name = row.Text(5);
  invitation.region_code = row.Text(6);
  invitation.invited_by = row.Text(7);
  invitation.create_time = NanosToTime(row.Int64(8));
  invitation.expire_time = NanosToTime(row.Int64(9));
  if (!row.IsNull(10)) invitation.user_id = row.Text(10);
  return invitation;
}

bool InvitationRows::MarkAccepted(Connection& connection, absl::string_view id,
                                  absl::string_view user_id) {
  ScopedStatement mark = connection.Prepare(kMarkAccepted);
  mark.BindText(1, id);
  mark.BindText(2, user_id);
  return mark.Step();
}

}  // namespace techmatch::storage::sqlite
