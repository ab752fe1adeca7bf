// SQL for API keys: the token's hash, never the token.
#ifndef TECHMATCH_STORAGE_SQLITE_API_KEY_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_API_KEY_ROWS_H_

#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/auth/api_key.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct ApiKeyRows {
  static absl::Status Insert(Connection& connection, const ApiKey& key);
  static std::optional<ApiKey> Find(Connection& connection, absl::string_view key_id);
  static std::vector<ApiKey> List(Connection& connection);
  // Sets revoke_time unless already set; false when no such key.
  static bool Revoke(Connection& connection, absl::string_view key_id, absl::Time now);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_API_KEY_ROWS_H_
