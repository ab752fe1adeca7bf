// Conversions between TargetService messages and the domain (core/ledger/target.h).
#ifndef TECHMATCH_SERVER_TARGET_CONVERSION_H_
#define TECHMATCH_SERVER_TARGET_CONVERSION_H_

#include "core/money/money.h"
#include "techmatch/v1/target.pb.h"
#include "usecases/targets.h"

namespace techmatch::server {

// The target with its actual, completion, assessment and checks.
void TargetViewToProto(const usecases::TargetView& view, const Currency& currency, v1::Target& out);
usecases::NewTarget NewTargetFromProto(const v1::CreateTargetRequest& request,
                                       const Currency& currency);
usecases::TargetUpdate TargetUpdateFromProto(const v1::UpdateTargetRequest& request,
                                             const Currency& currency);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_TARGET_CONVERSION_H_
