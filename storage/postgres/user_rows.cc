#include "storage/postgres/user_rows.h"

#include <utility>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// Parameters $1..$11 follow the column order of kSelect.
constexpr absl::string_view kInsert =
    "INSERT INTO users (id, email, display_name, organization_id, role, region_code, state, "
    "password_hash, create_time, update_time, revision) "
    "VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7, $8, $9, $10, $11)";
constexpr absl::string_view kSelect =
    "SELECT id, email, display_name, organization_id, role, region_code, state, password_hash, "
    "create_time, update_time, revision FROM users";
constexpr absl::string_view kFind =
    "SELECT id, email, display_name, organization_id, role, region_code, state, password_hash, "
    "create_time, update_time, revision FROM users WHERE id = $1";
constexpr absl::string_view kFindByEmail =
    "SELECT id, email, display_name, organization_id, role, region_code, state, password_hash, "
    "create_time, update_time, revision FROM users WHERE email = $1";
// $9 (create_time) is in the shared parameter list, typed, and unused: the row keeps its own.
constexpr absl::string_view kUpdate =
    "UPDATE users SET email = $2, display_name = $3, organization_id = NULLIF($4, ''), "
    "role = $5, region_code = $6, state = $7, password_hash = $8, update_time = $10, "
    "revision = $11 WHERE id = $1 AND revision = $12 RETURNING id";

User ReadUser(const Result& result, int row) {
  User user;
  user.meta.id = result.Text(row, 0);
  user.email = result.Text(row, 1);
  user.display_name = result.Text(row, 2);
  user.organization_id = result.Text(row, 3);  // NULL reads as "".
  // The CHECK constraints admit only known names.
  user.role = RoleFromName(result.Text(row, 4)).value_or(Role::kOfficial);
  user.region_code = result.Text(row, 5);
  user.state = UserStateFromName(result.Text(row, 6)).value_or(UserState::kDisabled);
  user.password_hash = result.Text(row, 7);
  user.meta.create_time = NanosToTime(result.Int64(row, 8));
  user.meta.update_time = NanosToTime(result.Int64(row, 9));
  user.meta.revision = result.Int64(row, 10);
  return user;
}

Params UserParams(const User& user) {
  Params params;
  params.Text(user.meta.id)
      .Text(user.email)
      .Text(user.display_name)
      .Text(user.organization_id)
      .Text(RoleName(user.role))
      .Text(user.region_code)
      .Text(UserStateName(user.state))
      .Text(user.password_hash)
      .Int64(TimeToNanosSaturated(user.meta.create_time))
      .Int64(TimeToNanosSaturated(user.meta.update_time))
      .Int64(user.meta.revision);
  return params;
}

absl::StatusOr<std::optional<User>> ReadOne(absl::StatusOr<Result> result) {
  if (!result.ok()) return result.status();
  if (result->rows() == 0) return std::nullopt;
  return ReadUser(*result, 0);
}

}  // namespace

absl::Status UserRows::Insert(Connection& connection, const User& user) {
  return connection.Exec(kInsert, UserParams(user)).status();
}

absl::StatusOr<std::optional<User>> UserRows::Find(Connection& connection, absl::string_view id) {
  return ReadOne(connection.Exec(kFind, Params().Text(id)));
}

absl::StatusOr<std::optional<User>> UserRows::FindByEmail(Connection& connection,
                                                          absl::string_view email) {
  return ReadOne(connection.Exec(kFindByEmail, Params().Text(email)));
}

absl::StatusOr<Page<User>> UserRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, UserFilterColumns(), "id"));
  return RunPageQuery<User>(connection, kSelect, "id", std::move(where), query, ReadUser);
}

absl::StatusOr<bool> UserRows::Update(Connection& connection, const User& user,
                                      int64_t expected_revision) {
  Params params = UserParams(user);
  params.Int64(expected_revision);
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, params));
  return updated.rows() > 0;
}

}  // namespace techmatch::storage::postgres
