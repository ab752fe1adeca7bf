// techmatch.v1.Need ↔ techmatch::Need, and NeedService requests → the needs use cases' input.
#ifndef TECHMATCH_SERVER_NEED_CONVERSION_H_
#define TECHMATCH_SERVER_NEED_CONVERSION_H_

#include <string>
#include <vector>

#include "core/listings/need.h"
#include "core/money/money.h"
#include "techmatch/v1/need.pb.h"
#include "usecases/imports.h"
#include "usecases/needs.h"

namespace techmatch::server {

// Client-settable fields only; output-only fields are ignored. Violations are named relative
// to the need (e.g. "budget.nanos").
Need NeedFromProto(const v1::Need& proto, const Currency& currency, Violations& violations);
void NeedToProto(const Need& need, const Currency& currency, v1::Need& out);
// The same, moving the record's texts into `out` (for a record read only to be answered).
void NeedToProto(Need&& need, const Currency& currency, v1::Need& out);
// The mutable fields populated in `proto`.
std::vector<std::string> PopulatedNeedPaths(const v1::Need& proto);

// The requests' views point into `request`, which must outlive the result.
usecases::NewNeed NewNeedFromProto(const v1::CreateNeedRequest& request, const Currency& currency);
usecases::NeedUpdate NeedUpdateFromProto(const v1::UpdateNeedRequest& request,
                                         const Currency& currency);
usecases::ImportRow<Need> NeedRowFromProto(const v1::ImportNeedsRequest& row,
                                           const Currency& currency);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_NEED_CONVERSION_H_
