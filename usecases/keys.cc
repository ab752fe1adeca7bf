#include "usecases/keys.h"

#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/auth/user.h"
#include "core/common/filter.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "usecases/names.h"

namespace techmatch::usecases {
namespace {

bool IsKeyId(absl::string_view id) {
  if (id.size() != 16) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool Passes(const ApiKey& key, const std::vector<FilterTerm>& filter) {
  for (const FilterTerm& term : filter) {
    const std::string* value = std::get_if<std::string>(&term.value);
    if (value == nullptr) return false;
    const std::string actual =
        term.field == "role" ? std::string(RoleName(key.role)) : key.organization_id;
    const bool equal = actual == *value;
    if ((term.op == FilterOp::kEq) != equal) return false;
  }
  return true;
}

}  // namespace

std::vector<FilterField> ApiKeyFilterFields() {
  return {FilterField{"role", FilterFieldType::kEnum, "", RoleNames()},
          FilterField{"organization", FilterFieldType::kResource, std::string(kOrganizations), {}}};
}

absl::StatusOr<IssuedKey> Keys::Create(const NewApiKey& input) {
  Violations violations;
  violations.AddAll(input.conversion.list(), "api_key");
  const std::string organization_id =
      IdFromOptionalName(input.organization, kOrganizations, "api_key.organization", violations);
  if (!input.role_set) {
    violations.Add("api_key.role", "is required");
  } else {
    CheckRoleOrganization(input.role, input.organization, "api_key.organization", violations);
    CheckRoleRegion(input.role, input.region_code, "api_key.region_code", violations);
  }
  CheckRegionCode(input.region_code, "api_key.region_code", violations);
  if (input.display_name.size() > 200) {
    violations.Add("api_key.display_name", "must be at most 200 bytes");
  }
  const absl::Time now = people_.Now();
  if (input.expire_time && *input.expire_time <= now) {
    violations.Add("api_key.expire_time", "must be in the future");
  }
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(NewToken token, GenerateToken());
  IssuedKey issued;
  issued.key = KeyForToken(token, input.role, organization_id, input.display_name, now);
  issued.key.region_code = std::string(input.region_code);
  issued.key.expire_time = input.expire_time;
  TM_RETURN_IF_ERROR(repository_.CreateApiKey(issued.key));
  issued.token = std::move(token.token);
  return issued;
}

absl::StatusOr<ListPage<ApiKey>> Keys::List(const ListRequest& request) {
  Violations violations;
  std::vector<FilterTerm> filter;
  if (absl::StatusOr<std::vector<FilterTerm>> parsed =
          ParseFilter(request.filter, ApiKeyFilterFields());
      parsed.ok()) {
    filter = *std::move(parsed);
  } else {
    violations.AddAll(FieldViolationsOf(parsed.status()));
  }
  const absl::StatusOr<int> page_size = NormalizePageSize(request.page_size);
  if (!page_size.ok()) violations.AddAll(FieldViolationsOf(page_size.status()));
  // The token is the position to continue from; keys are few (one per script or person).
  size_t offset = 0;
  if (!request.page_token.empty() && !absl::SimpleAtoi(request.page_token, &offset)) {
    violations.Add("page_token", "is not a token of this list");
  }
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(std::vector<ApiKey> keys, repository_.ListApiKeys());
  ListPage<ApiKey> page;
  size_t passed = 0;
  for (ApiKey& key : keys) {
    if (!Passes(key, filter)) continue;
    if (passed++ < offset) continue;
    if (page.items.size() == static_cast<size_t>(*page_size)) {
      page.next_page_token = absl::StrCat(offset + page.items.size());
      break;
    }
    page.items.push_back(std::move(key));
  }
  return page;
}

absl::StatusOr<ApiKey> Keys::Revoke(absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kApiKeys, "name"));
  if (!IsKeyId(id)) return InvalidFieldError("name", "must be apiKeys/{16 hex digits}");
  return repository_.RevokeApiKey(id);
}

}  // namespace techmatch::usecases
