#include "usecases/organizations.h"

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/reference/region_code.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

const RecordRules<Organization>& Rules() {
  static const RecordRules<Organization> kRules{ValidateOrganization, CheckOrganizationReferences};
  return kRules;
}

// Organizations nest at most this deep; walking further up means a cycle or a corrupt chain.
constexpr int kMaxAncestors = 64;

// INVALID_ARGUMENT on `parent` when `org` would become its own ancestor.
absl::Status CheckNoParentCycle(storage::Repository& repository, const Organization& org) {
  std::string ancestor = org.parent_id;
  for (int depth = 0; !ancestor.empty() && depth < kMaxAncestors; ++depth) {
    if (ancestor == org.meta.id) {
      return InvalidFieldError(
          "organization.parent",
          absl::StrCat("would make 'organizations/", org.meta.id, "' its own ancestor"));
    }
    absl::StatusOr<Organization> parent = repository.GetOrganization(ancestor);
    if (parent.status().code() == absl::StatusCode::kNotFound) return absl::OkStatus();
    TM_RETURN_IF_ERROR(parent.status());
    ancestor = parent->parent_id;
  }
  if (!ancestor.empty()) {
    return InvalidFieldError("organization.parent",
                             absl::StrCat("nests deeper than ", kMaxAncestors, " levels"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Organization> Organizations::Create(NewOrganization input) {
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  TM_RETURN_IF_ERROR(PrepareNew(input.organization, input.organization_id, "organization_id",
                                "organization", input.conversion, Rules(), repository_,
                                request_level));
  return repository_.CreateOrganization(input.organization,
                                        {"CreateOrganization", input.request_id});
}

absl::StatusOr<Organization> Organizations::Get(const Principal& caller, absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kOrganizations, "name"));
  TM_ASSIGN_OR_RETURN(Organization org, repository_.GetOrganization(id));
  if (!caller.region_code.empty() && !RegionContains(caller.region_code, org.region_code)) {
    return absl::NotFoundError(absl::StrCat(ResourceName(kOrganizations, id), " not found"));
  }
  return org;
}

absl::StatusOr<ListPage<Organization>> Organizations::List(const Principal& caller,
                                                           const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(ParsedList list,
                      ParseList("ListOrganizations", "", request,
                                storage::Repository::OrganizationFilterFields(), tokens_));
  list.query.scope.region = caller.region_code;
  TM_ASSIGN_OR_RETURN(Page<Organization> page, repository_.ListOrganizations(list.query));
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<Organization> Organizations::Update(const OrganizationUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id,
                      ParseResourceName(input.name, kOrganizations, "organization.name"));
  storage::Repository& repository = repository_;
  const StoredRecord<Organization> stored{
      [&repository](absl::string_view key) { return repository.GetOrganization(key); },
      [&repository](const Organization& org, int64_t revision) {
        return repository.ReplaceOrganization(org, revision);
      },
      nullptr,
      [&repository](const Organization& current, Organization& updated) -> absl::Status {
        if (updated.parent_id == current.parent_id) return absl::OkStatus();
        return CheckNoParentCycle(repository, updated);
      }};
  return UpdateRecord<Organization>(stored, Rules(), repository_, id, input.etag, input.paths,
                                    input.patch, input.conversion, "organization",
                                    ApplyOrganizationUpdate);
}

}  // namespace techmatch::usecases
