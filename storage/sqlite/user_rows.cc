#include "storage/sqlite/user_rows.h"

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kInsert =
    "INSERT INTO users (id, email, display_name, organization_id, role, region_code, state, "
    "password_hash, create_time, update_time, revision) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr absl::string_view kFind =
    "SELECT id, email, display_name, organization_id, role, region_code, state, password_hash, "
    "create_time, update_time, revision FROM users WHERE id = ?1";
constexpr absl::string_view kFindByEmail =
    "SELECT id, email, display_name, organization_id, role, region_code, state, password_hash, "
    "create_time, update_time, revision FROM users WHERE email = ?1";
constexpr absl::string_view kSelect =
    "SELECT id, email, display_name, organization_id, role, region_code, state, password_hash, "
    "create_time, update_time, revision FROM users";
constexpr absl::string_view kUpdate =
    "UPDATE users SET email = ?2, display_name = ?3, organization_id = ?4, role = ?5, "
    "region_code = ?6, state = ?7, password_hash = ?8, update_time = ?10, revision = ?11 "
    "WHERE id = ?1 AND revision = ?12 RETURNING id";

User ReadUser(const RowReader& row) {
  User user;
  user.meta.id = row.Text(0);
  user.email = row.Text(1);
  user.display_name = row.Text(2);
  if (!row.IsNull(3)) user.organization_id = row.Text(3);
  // The CHECK constraints admit only known names.
  user.role = RoleFromName(row.Text(4)).value_or(Role::kOfficial);
  user.region_code = row.Text(5);
  user.state = UserStateFromName(row.Text(6)).value_or(UserState::kDisabled);
  user.password_hash = row.Text(7);
  user.meta.create_time = NanosToTime(row.Int64(8));
  user.meta.update_time = NanosToTime(row.Int64(9));
  user.meta.revision = row.Int64(10);
  return user;
}

void BindUser(ScopedStatement& statement, const User& user) {
  statement.BindText(1, user.meta.id);
  statement.BindText(2, user.email);
  statement.BindText(3, user.display_name);
  if (user.organization_id.empty()) {
    statement.BindNull(4);
  } else {
    statement.BindText(4, user.organization_id);
  }
  statement.BindText(5, RoleName(user.role));
  statement.BindText(6, user.region_code);
  statement.BindText(7, UserStateName(user.state));
  statement.BindText(8, user.password_hash);
  statement.BindInt64(9, TimeToNanosSaturated(user.meta.create_time));
  statement.BindInt64(10, TimeToNanosSaturated(user.meta.update_time));
  statement.BindInt64(11, user.meta.revision);
}

}  // namespace

absl::Status UserRows::Insert(Connection& connection, const User& user) {
  ScopedStatement insert = connection.Prepare(kInsert);
  BindUser(insert, user);
  insert.Run();
  return absl::OkStatus();
}

std::optional<User> UserRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadUser(find.Row());
}

std::optional<User> UserRows::FindByEmail(Connection& connection, absl::string_view email) {
  ScopedStatement find = connection.Prepare(kFindByEmail);
  find.BindText(1, email);
  if (!find.Step()) return std::nullopt;
  return ReadUser(find.Row());
}

absl::StatusOr<Page<User>> UserRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, UserFilterColumns(), "id"));
  return RunPageQuery<User>(connection, kSelect, "id", std::move(where), query, ReadUser);
}

absl::StatusOr<bool> UserRows::Update(Connection& connection, const User& user,
                                      int64_t expected_revision) {
  ScopedStatement update = connection.Prepare(kUpdate);
  BindUser(update, user);
  update.BindInt64(12, expected_revision);
  return update.Step();
}

}  // namespace techmatch::storage::sqlite
