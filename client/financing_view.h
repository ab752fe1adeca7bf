// How a financing is shown by `financing get|list|create`: every field as a record, and the
// columns of a list.
#ifndef TECHMATCH_CLIENT_FINANCING_VIEW_H_
#define TECHMATCH_CLIENT_FINANCING_VIEW_H_

#include "client/output.h"
#include "techmatch/v1/financing.pb.h"

namespace techmatch::client {

// The amount in the chosen --unit.
const View<techmatch::v1::Financing>& FinancingView();

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_FINANCING_VIEW_H_
