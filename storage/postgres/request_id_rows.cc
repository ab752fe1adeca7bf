#include "storage/postgres/request_id_rows.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kFind =
    "SELECT resource_id, request_hash FROM request_ids WHERE method = $1 AND request_id = $2";
constexpr absl::string_view kInsert =
    "INSERT INTO request_ids (method, request_id, resource_id, create_time, request_hash) "
    "VALUES ($1, $2, $3, $4, $5)";

}  // namespace

absl::StatusOr<std::optional<std::string>> RequestIdRows::Find(Connection& connection,
                                                               RequestKey key,
                                                               absl::string_view request_hash) {
  TM_ASSIGN_OR_RETURN(Result found,
                      connection.Exec(kFind, Params().Text(key.method).Text(key.request_id)));
  if (found.rows() == 0) return std::nullopt;
  const absl::string_view stored_hash = found.View(0, 1);
  if (!stored_hash.empty() && !request_hash.empty() && stored_hash != request_hash) {
    return absl::AlreadyExistsError(
        absl::StrCat("request_id '", key.request_id, "' was used for a different ", key.method,
                     " request; a retry must repeat the request exactly, a new request needs a new "
                     "request_id (AIP-155)"));
  }
  return found.Text(0, 0);
}

absl::Status RequestIdRows::Insert(Connection& connection, RequestKey key,
                                   absl::string_view request_hash, absl::string_view resource_id,
                                   int64_t create_time_nanos) {
  return connection
      .Exec(kInsert, Params()
                         .Text(key.method)
                         .Text(key.request_id)
                         .Text(resource_id)
                         .Int64(create_time_nanos)
                         .Bytes(request_hash))
      .status();
}

}  // namespace techmatch::storage::postgres
