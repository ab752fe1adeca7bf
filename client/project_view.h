// How a project and a fund arrival are shown by `project get|list|create|...`: every field as
// a record, and the columns of a list.
#ifndef TECHMATCH_CLIENT_PROJECT_VIEW_H_
#define TECHMATCH_CLIENT_PROJECT_VIEW_H_

#include "client/output.h"
#include "techmatch/v1/project.pb.h"

namespace techmatch::client {

// Amounts in the chosen --unit.
const View<techmatch::v1::Project>& ProjectView();
const View<techmatch::v1::FundArrival>& FundArrivalView();

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_PROJECT_VIEW_H_
