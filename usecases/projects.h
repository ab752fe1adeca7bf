// Projects (ProjectService): the funded projects of the programme ledger and the append-only
// arrivals of their funds (integer minor units of the base currency). Who sees and writes which
// is usecases/ledger_scope.h.
#ifndef TECHMATCH_USECASES_PROJECTS_H_
#define TECHMATCH_USECASES_PROJECTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/ledger/project.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewProject {
  Project project;
  Violations conversion;         // Named relative to the project.
  absl::string_view project_id;  // Empty: generated.
  absl::string_view request_id;
};

struct ProjectUpdate {
  absl::string_view name;  // project.name
  absl::string_view etag;
  std::vector<std::string> paths;
  Project patch;
  Violations conversion;
};

struct NewFundArrival {
  absl::string_view project;  // `projects/{id}`
  FundArrival arrival;
  Violations conversion;  // Named as the request's fields.
  absl::string_view request_id;
};

class Projects {
 public:
  // `minor_digits`: the base currency's, for money amounts in filters.
  Projects(storage::Repository& repository, const PageTokenCodec& tokens, int minor_digits)
      : repository_(repository), tokens_(tokens), minor_digits_(minor_digits) {}

  // A caller with a region creates only projects of that region (PERMISSION_DENIED).
  absl::StatusOr<Project> Create(const Principal& caller, NewProject input);
  // A project `caller` may not see is NOT_FOUND, as one that does not exist.
  absl::StatusOr<Project> Get(const Principal& caller, absl::string_view name);
  absl::StatusOr<ListPage<Project>> List(const Principal& caller, const ListRequest& request);
  // A caller with a region changes only its region's projects and keeps them in it.
  absl::StatusOr<Project> Update(const Principal& caller, const ProjectUpdate& input);
  // Appends an arrival; the project's arrived funds grow by it (over what was approved too:
  // the project then says over_approved).
  absl::StatusOr<FundArrival> RecordFundArrival(const Principal& caller, NewFundArrival input);
  // The arrivals of a project `caller` may see, in recording order.
  absl::StatusOr<ListPage<FundArrival>> ListFundArrivals(const Principal& caller,
                                                         absl::string_view parent,
                                                         const ListRequest& request);

 private:
  // The project `id` if `caller` may see it, else NOT_FOUND.
  absl::StatusOr<Project> Visible(const Principal& caller, absl::string_view id);

  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
  const int minor_digits_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_PROJECTS_H_
