#include "server/offering_conversion.h"

#include <utility>

#include "core/common/resource_id.h"
#include "server/listing_conversion.h"

namespace techmatch::server {

Offering OfferingFromProto(const v1::Offering& proto, const Currency& currency,
                           Violations& violations) {
  Offering offering;
  offering.institute_id =
      IdFromOptionalName(proto.institute(), kOrganizations, "institute", violations);
  offering.listing = ListingFromProto(proto, violations);
  offering.trl = proto.trl();
  offering.patents.assign(proto.patents().begin(), proto.patents().end());
  if (proto.has_asking_price()) {
    offering.asking_price_minor =
        MinorUnitsFromProto(proto.asking_price(), currency, "asking_price", violations);
  }
  return offering;
}

namespace {

// `R` is const Offering& (copies) or Offering (moves the listing's texts; the rest is copied).
template <typename R>
void OfferingToProtoImpl(R&& offering, const Currency& currency, v1::Offering& out) {
  out.set_name(ResourceName(kOfferings, offering.meta.id));
  out.set_institute(ResourceName(kOrganizations, offering.institute_id));
  ListingToProto(std::forward<R>(offering).listing, out);
  out.set_trl(offering.trl);
  out.mutable_patents()->Assign(offering.patents.begin(), offering.patents.end());
  if (offering.asking_price_minor) {
    MoneyToProto(*offering.asking_price_minor, currency, *out.mutable_asking_price());
  }
  out.set_state(static_cast<v1::Offering::State>(offering.state));
  MetaToProto(offering.meta, out);
}

}  // namespace

void OfferingToProto(const Offering& offering, const Currency& currency, v1::Offering& out) {
  OfferingToProtoImpl(offering, currency, out);
}

void OfferingToProto(Offering&& offering, const Currency& currency, v1::Offering& out) {
  OfferingToProtoImpl(std::move(offering), currency, out);
}

std::vector<std::string> PopulatedOfferingPaths(const v1::Offering& proto) {
  std::vector<std::string> paths = PopulatedListingPaths(proto);
  if (proto.trl() != 0) paths.emplace_back("trl");
  if (proto.patents_size() > 0) paths.emplace_back("patents");
  if (proto.has_asking_price()) paths.emplace_back("asking_price");
  return paths;
}

}  // namespace techmatch::server
