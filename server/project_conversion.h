// techmatch.v1.Project and FundArrival ↔ the domain's, and ProjectService requests → the
// projects use cases' input.
#ifndef TECHMATCH_SERVER_PROJECT_CONVERSION_H_
#define TECHMATCH_SERVER_PROJECT_CONVERSION_H_

#include <string>
#include <vector>

#include "core/common/field_violations.h"
#include "core/ledger/project.h"
#include "core/money/money.h"
#include "techmatch/v1/project.pb.h"
#include "usecases/projects.h"

namespace techmatch::server {

// Client-settable fields only; output-only fields are ignored. Violations are named relative
// to the project (e.g. "partners[1]", "approved_funds.nanos").
Project ProjectFromProto(const v1::Project& proto, const Currency& currency,
                         Violations& violations);
void ProjectToProto(const Project& project, const Currency& currency, v1::Project& out);
// The mutable fields populated in `proto`: the implied update mask.
std::vector<std::string> PopulatedProjectPaths(const v1::Project& proto);
void FundArrivalToProto(const FundArrival& arrival, const Currency& currency, v1::FundArrival& out);

// The requests' views point into `request`, which must outlive the result.
usecases::NewProject NewProjectFromProto(const v1::CreateProjectRequest& request,
                                         const Currency& currency);
usecases::ProjectUpdate ProjectUpdateFromProto(const v1::UpdateProjectRequest& request,
                                               const Currency& currency);
usecases::NewFundArrival NewFundArrivalFromProto(const v1::RecordFundArrivalRequest& request,
                                                 const Currency& currency);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_PROJECT_CONVERSION_H_
