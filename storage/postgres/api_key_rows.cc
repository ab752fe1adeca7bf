#include "storage/postgres/api_key_rows.h"

#include "core/common/status_macros.h"
#include "storage/codec.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kInsert =
    "INSERT INTO api_keys (key_id, token_hash, role, organization_id, label, create_time, "
    "revoke_time, region_code, expire_time) "
    "VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, NULL, $7, $8)";
constexpr absl::string_view kFind =
    "SELECT key_id, token_hash, role, organization_id, label, create_time, revoke_time, "
    "region_code, expire_time FROM api_keys WHERE key_id = $1";
constexpr absl::string_view kList =
    "SELECT key_id, token_hash, role, organization_id, label, create_time, revoke_time, "
    "region_code, expire_time FROM api_keys ORDER BY create_time, key_id";
constexpr absl::string_view kRevoke =
    "UPDATE api_keys SET revoke_time = coalesce(revoke_time, $2) WHERE key_id = $1 "
    "RETURNING key_id";

ApiKey ReadKey(const Result& result, int row) {
  ApiKey key;
  key.key_id = result.Text(row, 0);
  key.token_hash = result.Text(row, 1);
  // The domain admits only known names.
  key.role = RoleFromName(result.Text(row, 2)).value_or(Role::kOfficial);
  key.organization_id = result.Text(row, 3);  // NULL reads as "".
  key.label = result.Text(row, 4);
  key.create_time = NanosToTime(result.Int64(row, 5));
  if (!result.IsNull(row, 6)) key.revoke_time = NanosToTime(result.Int64(row, 6));
  key.region_code = result.Text(row, 7);
  if (!result.IsNull(row, 8)) key.expire_time = NanosToTime(result.Int64(row, 8));
  return key;
}

}  // namespace

absl::Status ApiKeyRows::Insert(Connection& connection, const ApiKey& key) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(key.create_time, "create_time"));
  std::optional<int64_t> expire_time;
  if (key.expire_time) expire_time = TimeToNanosSaturated(*key.expire_time);
  return connection
      .Exec(kInsert, Params()
                         .Text(key.key_id)
                         .Bytes(key.token_hash)
                         .Text(RoleName(key.role))
                         .Text(key.organization_id)
                         .Text(key.label)
                         .Int64(create_time)
                         .Text(key.region_code)
                         .OptionalInt64(expire_time))
      .status();
}

absl::StatusOr<std::optional<ApiKey>> ApiKeyRows::Find(Connection& connection,
                                                       absl::string_view key_id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(key_id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadKey(found, 0);
}

absl::StatusOr<std::vector<ApiKey>> ApiKeyRows::List(Connection& connection) {
  TM_ASSIGN_OR_RETURN(Result listed, connection.Exec(kList));
  std::vector<ApiKey> keys;
  for (int row = 0; row < listed.rows(); ++row) keys.push_back(ReadKey(listed, row));
  return keys;
}

absl::StatusOr<bool> ApiKeyRows::Revoke(Connection& connection, absl::string_view key_id,
                                        absl::Time now) {
  TM_ASSIGN_OR_RETURN(
      Result revoked,
      connection.Exec(kRevoke, Params().Text(key_id).Int64(TimeToNanosSaturated(now))));
  return revoked.rows() > 0;
}

}  // namespace techmatch::storage::postgres
