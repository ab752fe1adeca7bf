// Idempotent creates (AIP-155): which resource a (method, request_id) pair created.
//
// The pair is recorded in the same transaction as the resource, so a retry after a crash either
// finds both or neither.
#ifndef TECHMATCH_STORAGE_SQLITE_REQUEST_ID_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_REQUEST_ID_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct RequestIdRows {
  // The id of the resource `key` created before, if any; ALREADY_EXISTS naming the request_id
  // when that earlier request differed from this one (`request_hash`, compared when both are
  // known). Throws SQLite::Exception.
  static absl::StatusOr<std::optional<std::string>> Find(Connection& connection, RequestKey key,
                                                         absl::string_view request_hash);
  // Records that `key` (a request hashing to `request_hash`) created `resource_id`. Throws
  // SQLite::Exception.
  static void Insert(Connection& connection, RequestKey key, absl::string_view request_hash,
                     absl::string_view resource_id, int64_t create_time_nanos);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_REQUEST_ID_ROWS_H_
