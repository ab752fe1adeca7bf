// Organizations (OrganizationService): enterprises, universities, research institutes,
// government bodies and others that own needs and offerings and sign agreements.
#ifndef TECHMATCH_USECASES_ORGANIZATIONS_H_
#define TECHMATCH_USECASES_ORGANIZATIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/reference/organization.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewOrganization {
  Organization organization;
  Violations conversion;              // Named relative to the organization.
  absl::string_view organization_id;  // Empty: generated.
  absl::string_view request_id;
};

struct OrganizationUpdate {
  absl::string_view name;  // organization.name
  absl::string_view etag;
  std::vector<std::string> paths;
  Organization patch;  // `kind` is immutable, so a patch may leave it unset.
  Violations conversion;
};

class Organizations {
 public:
  Organizations(storage::Repository& repository, const PageTokenCodec& tokens)
      : repository_(repository), tokens_(tokens) {}

  absl::StatusOr<Organization> Create(NewOrganization input);
  // A caller with a region sees only the organizations in it (others are NOT_FOUND).
  absl::StatusOr<Organization> Get(const Principal& caller, absl::string_view name);
  absl::StatusOr<ListPage<Organization>> List(const Principal& caller, const ListRequest& request);
  absl::StatusOr<Organization> Update(const OrganizationUpdate& input);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_ORGANIZATIONS_H_
