#include "storage/sqlite/api_key_rows.h"

#include "core/common/status_macros.h"
#include "storage/codec.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kInsert =
    "INSERT INTO api_keys (key_id, token_hash, role, organization_id, label, create_time, "
    "revoke_time, region_code, expire_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8)";
constexpr absl::string_view kFind =
    "SELECT key_id, token_hash, role, organization_id, label, create_time, revoke_time, "
    "region_code, expire_time FROM api_keys WHERE key_id = ?1";
constexpr absl::string_view kList =
    "SELECT key_id, token_hash, role, organization_id, label, create_time, revoke_time, "
    "region_code, expire_time FROM api_keys ORDER BY create_time, key_id";
constexpr absl::string_view kRevoke =
    "UPDATE api_keys SET revoke_time = coalesce(revoke_time, ?2) WHERE key_id = ?1 "
    "RETURNING key_id";

ApiKey ReadKey(const RowReader& row) {
  ApiKey key;
  key.key_id = row.Text(0);
  key.token_hash = row.Blob(1);
  // The CHECK constraint admits only known names.
  key.role = RoleFromName(row.Text(2)).value_or(Role::kOfficial);
  if (!row.IsNull(3)) key.organization_id = row.Text(3);
  key.label = row.Text(4);
  key.create_time = NanosToTime(row.Int64(5));
  if (!row.IsNull(6)) key.revoke_time = NanosToTime(row.Int64(6));
  key.region_code = row.Text(7);
  if (!row.IsNull(8)) key.expire_time = NanosToTime(row.Int64(8));
  return key;
}

}  // namespace

absl::Status ApiKeyRows::Insert(Connection& connection, const ApiKey& key) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(key.create_time, "create_time"));
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, key.key_id);
  insert.BindBlob(2, key.token_hash);
  insert.BindText(3, RoleName(key.role));
  if (key.organization_id.empty()) {
    insert.BindNull(4);
  } else {
    insert.BindText(4, key.organization_id);
  }
  insert.BindText(5, key.label);
  insert.BindInt64(6, create_time);
  insert.BindText(7, key.region_code);
  if (key.expire_time) {
    insert.BindInt64(8, TimeToNanosSaturated(*key.expire_time));
  } else {
    insert.BindNull(8);
  }
  insert.Run();
  return absl::OkStatus();
}

std::optional<ApiKey> ApiKeyRows::Find(Connection& connection, absl::string_view key_id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, key_id);
  if (!find.Step()) return std::nullopt;
  return ReadKey(find.Row());
}

std::vector<ApiKey> ApiKeyRows::List(Connection& connection) {
  ScopedStatement list = connection.Prepare(kList);
  std::vector<ApiKey> keys;
  while (list.Step()) keys.push_back(ReadKey(list.Row()));
  return keys;
}

bool ApiKeyRows::Revoke(Connection& connection, absl::string_view key_id, absl::Time now) {
  ScopedStatement revoke = connection.Prepare(kRevoke);
  revoke.BindText(1, key_id);
  revoke.BindInt64(2, TimeToNanosSaturated(now));
  return revoke.Step();
}

}  // namespace techmatch::storage::sqlite
