// techmatch.v1.Offering ↔ techmatch::Offering, and OfferingService requests → the offerings use
// cases' input.
#ifndef TECHMATCH_SERVER_OFFERING_CONVERSION_H_
#define TECHMATCH_SERVER_OFFERING_CONVERSION_H_

#include <string>
#include <vector>

#include "core/listings/offering.h"
#include "core/money/money.h"
#include "techmatch/v1/offering.pb.h"
#include "usecases/imports.h"
#include "usecases/offerings.h"

namespace techmatch::server {

// Client-settable fields only; output-only fields are ignored. Violations are named relative
// to the offering (e.g. "asking_price.nanos").
Offering OfferingFromProto(const v1::Offering& proto, const Currency& currency,
                           Violations& violations);
void OfferingToProto(const Offering& offering, const Currency& currency, v1::Offering& out);
// The same, moving the record's texts into `out` (for a record read only to be answered).
void OfferingToProto(Offering&& offering, const Currency& currency, v1::Offering& out);
// The mutable fields populated in `proto`.
std::vector<std::string> PopulatedOfferingPaths(const v1::Offering& proto);

// The requests' views point into `request`, which must outlive the result.
usecases::NewOffering NewOfferingFromProto(const v1::CreateOfferingRequest& request,
                                           const Currency& currency);
usecases::OfferingUpdate OfferingUpdateFromProto(const v1::UpdateOfferingRequest& request,
                                                 const Currency& currency);
usecases::ImportRow<Offering> OfferingRowFromProto(const v1::ImportOfferingsRequest& row,
                                                   const Currency& currency);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_OFFERING_CONVERSION_H_
