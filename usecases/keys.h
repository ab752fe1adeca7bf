// API keys managed remotely (KeyService, ADMIN only): the same keys, in the same table, as the
// host-side `techmatch-server keys` command makes. Only the token's hash is stored.
#ifndef TECHMATCH_USECASES_KEYS_H_
#define TECHMATCH_USECASES_KEYS_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/auth/api_key.h"
#include "core/common/field_violations.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/people_context.h"

namespace techmatch::usecases {

inline constexpr absl::string_view kApiKeys = "apiKeys";

struct NewApiKey {
  bool role_set = false;
  Role role = Role::kOfficial;
  absl::string_view organization;  // `organizations/{id}`
  absl::string_view region_code;
  absl::string_view display_name;
  std::optional<absl::Time> expire_time;
  Violations conversion;  // Named relative to the key.
};

struct IssuedKey {
  ApiKey key;
  std::string token;
};

// The filter fields of ListApiKeys.
std::vector<FilterField> ApiKeyFilterFields();

class Keys {
 public:
  Keys(storage::Repository& repository, PeopleContext& people)
      : repository_(repository), people_(people) {}

  absl::StatusOr<IssuedKey> Create(const NewApiKey& input);
  // Oldest first; `filter` on role and organization.
  absl::StatusOr<ListPage<ApiKey>> List(const ListRequest& request);
  absl::StatusOr<ApiKey> Revoke(absl::string_view name);

 private:
  storage::Repository& repository_;
  PeopleContext& people_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_KEYS_H_
