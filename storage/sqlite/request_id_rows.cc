#include "storage/sqlite/request_id_rows.h"

#include "absl/strings/str_cat.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kFind =
    "SELECT resource_id, request_hash FROM request_ids WHERE method = ?1 AND request_id = ?2";
constexpr absl::string_view kInsert =
    "INSERT INTO request_ids (method, request_id, resource_id, create_time, request_hash) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";

}  // namespace

absl::StatusOr<std::optional<std::string>> RequestIdRows::Find(Connection& connection,
                                                               RequestKey key,
                                                               absl::string_view request_hash) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, key.method);
  find.BindText(2, key.request_id);
  if (!find.Step()) return std::nullopt;
  const absl::string_view stored_hash = find.Row().View(1);
  if (!stored_hash.empty() && !request_hash.empty() && stored_hash != request_hash) {
    return absl::AlreadyExistsError(
        absl::StrCat("request_id '", key.request_id, "' was used for a different ", key.method,
                     " request; a retry must repeat the request exactly, a new request needs a new "
                     "request_id (AIP-155)"));
  }
  return find.Row().Text(0);
}

void RequestIdRows::Insert(Connection& connection, RequestKey key, absl::string_view request_hash,
                           absl::string_view resource_id, int64_t create_time_nanos) {
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, key.method);
  insert.BindText(2, key.request_id);
  insert.BindText(3, resource_id);
  insert.BindInt64(4, create_time_nanos);
  insert.BindBlob(5, request_hash);
  insert.Run();
}

}  // namespace techmatch::storage::sqlite
