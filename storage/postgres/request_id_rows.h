// Idempotent creates (AIP-155): which resource a (method, request_id) pair created, recorded in
// the resource's own transaction, as storage/sqlite/request_id_rows.h.
#ifndef TECHMATCH_STORAGE_POSTGRES_REQUEST_ID_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_REQUEST_ID_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct RequestIdRows {
  // The id of the resource `key` created before, if any; ALREADY_EXISTS naming the request_id
  // when that earlier request differed from this one (`request_hash`, compared when both are
  // known).
  static absl::StatusOr<std::optional<std::string>> Find(Connection& connection, RequestKey key,
                                                         absl::string_view request_hash);
  // Records that `key` (a request hashing to `request_hash`) created `resource_id`.
  static absl::Status Insert(Connection& connection, RequestKey key, absl::string_view request_hash,
                             absl::string_view resource_id, int64_t create_time_nanos);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_REQUEST_ID_ROWS_H_
