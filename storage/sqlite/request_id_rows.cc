#include "storage/sqlite/request_id_rows.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kFind =
    "SELECT resource_id FROM request_ids WHERE method = ?1 AND request_id = ?2";
constexpr absl::string_view kInsert =
    "INSERT INTO request_ids (method, request_id, resource_id, create_time) "
    "VALUES (?1, ?2, ?3, ?4)";

}  // namespace

std::optional<std::string> RequestIdRows::Find(Connection& connection, RequestKey key) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, key.method);
  find.BindText(2, key.request_id);
  if (!find.Step()) return std::nullopt;
  return find.Row().Text(0);
}

void RequestIdRows::Insert(Connection& connection, RequestKey key, absl::string_view resource_id,
                           int64_t create_time_nanos) {
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, key.method);
  insert.BindText(2, key.request_id);
  insert.BindText(3, resource_id);
  insert.BindInt64(4, create_time_nanos);
  insert.Run();
}

}  // namespace techmatch::storage::sqlite
