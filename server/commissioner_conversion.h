// techmatch.v1.Commissioner ↔ techmatch::Commissioner, and CommissionerService requests → the
// commissioners use cases' input.
#ifndef TECHMATCH_SERVER_COMMISSIONER_CONVERSION_H_
#define TECHMATCH_SERVER_COMMISSIONER_CONVERSION_H_

#include <string>
#include <vector>

#include "core/common/field_violations.h"
#include "core/ledger/commissioner.h"
#include "core/money/money.h"
#include "techmatch/v1/commissioner.pb.h"
#include "usecases/commissioners.h"

namespace techmatch::server {

// Client-settable fields only; violations are named relative to the commissioner.
Commissioner CommissionerFromProto(const v1::Commissioner& proto, const Currency& currency,
                                   Violations& violations);
void CommissionerToProto(const Commissioner& commissioner, const Currency& currency,
                         v1::Commissioner& out);
// The mutable fields populated in `proto`: the implied update mask.
std::vector<std::string> PopulatedCommissionerPaths(const v1::Commissioner& proto);

// The requests' views point into `request`, which must outlive the result.
usecases::NewCommissioner NewCommissionerFromProto(const v1::CreateCommissionerRequest& request,
                                                   const Currency& currency);
usecases::CommissionerUpdate CommissionerUpdateFromProto(
    const v1::UpdateCommissionerRequest& request, const Currency& currency);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_COMMISSIONER_CONVERSION_H_
