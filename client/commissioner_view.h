// How a technology commissioner is shown by `commissioner get|list|create|update`: every field
// as a record, and the columns of a list.
#ifndef TECHMATCH_CLIENT_COMMISSIONER_VIEW_H_
#define TECHMATCH_CLIENT_COMMISSIONER_VIEW_H_

#include "client/output.h"
#include "techmatch/v1/commissioner.pb.h"

namespace techmatch::client {

// Amounts in the chosen --unit.
const View<techmatch::v1::Commissioner>& CommissionerView();

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_COMMISSIONER_VIEW_H_
