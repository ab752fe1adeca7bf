// techmatch.v1.Financing ↔ techmatch::Financing, and CreateFinancing's request → the
// financings use case's input.
#ifndef TECHMATCH_SERVER_FINANCING_CONVERSION_H_
#define TECHMATCH_SERVER_FINANCING_CONVERSION_H_

#include "core/common/field_violations.h"
#include "core/ledger/financing.h"
#include "core/money/money.h"
#include "techmatch/v1/financing.pb.h"
#include "usecases/financings.h"

namespace techmatch::server {

// Client-settable fields only; violations are named relative to the financing.
Financing FinancingFromProto(const v1::Financing& proto, const Currency& currency,
                             Violations& violations);
void FinancingToProto(const Financing& financing, const Currency& currency, v1::Financing& out);

// The input's views point into `request`, which must outlive the result.
usecases::NewFinancing NewFinancingFromProto(const v1::CreateFinancingRequest& request,
                                             const Currency& currency);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_FINANCING_CONVERSION_H_
