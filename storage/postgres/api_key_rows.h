// SQL for API keys on PostgreSQL (the shape of storage/sqlite/api_key_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_API_KEY_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_API_KEY_ROWS_H_

#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/auth/api_key.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct ApiKeyRows {
  static absl::Status Insert(Connection& connection, const ApiKey& key);
  static absl::StatusOr<std::optional<ApiKey>> Find(Connection& connection,
                                                    absl::string_view key_id);
  // Every key, oldest first.
  static absl::StatusOr<std::vector<ApiKey>> List(Connection& connection);
  // Sets revoke_time unless already set; false when no such key.
  static absl::StatusOr<bool> Revoke(Connection& connection, absl::string_view key_id,
                                     absl::Time now);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_API_KEY_ROWS_H_
