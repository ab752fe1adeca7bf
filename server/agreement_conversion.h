// techmatch.v1.Agreement ↔ techmatch::Agreement, AgreementService requests → the agreements use
// cases' input, and report figures → AgreementSummary.
#ifndef TECHMATCH_SERVER_AGREEMENT_CONVERSION_H_
#define TECHMATCH_SERVER_AGREEMENT_CONVERSION_H_

#include <string>
#include <vector>

#include "core/agreements/agreement.h"
#include "core/common/field_violations.h"
#include "core/money/money.h"
#include "core/reports/agreement_report.h"
#include "techmatch/v1/agreement.pb.h"
#include "techmatch/v1/report.pb.h"
#include "usecases/agreements.h"

namespace techmatch::server {

// Client-settable fields only; output-only fields are ignored. Violations are named relative
// to the agreement (e.g. "parties[1].organization", "contract_amount.nanos").
Agreement AgreementFromProto(const v1::Agreement& proto, const Currency& currency,
                             Violations& violations);
// `history` is set only when given.
void AgreementToProto(const Agreement& agreement, const Currency& currency,
                      const std::vector<AmountChange>* history, v1::Agreement& out);
// The mutable fields populated in `proto`: the implied update mask.
std::vector<std::string> PopulatedAgreementPaths(const v1::Agreement& proto);

// The requests' views point into `request`, which must outlive the result.
usecases::NewAgreement NewAgreementFromProto(const v1::CreateAgreementRequest& request,
                                             const Currency& currency);
usecases::AgreementUpdate AgreementUpdateFromProto(const v1::UpdateAgreementRequest& request,
                                                   const Currency& currency);

void TotalsToProto(const AgreementTotals& totals, const Currency& currency,
                   v1::AgreementSummary& out);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_AGREEMENT_CONVERSION_H_
