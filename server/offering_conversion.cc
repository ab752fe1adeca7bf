#include "server/offering_conversion.h"

#include <utility>

#include "core/common/resource_id.h"
#include "server/listing_conversion.h"
#include "server/proto_fields.h"
#include "usecases/names.h"

namespace techmatch::server {

Offering OfferingFromProto(const v1::Offering& proto, const Currency& currency,
                           Violations& violations) {
  Offering offering;
  offering.institute_id =
      usecases::IdFromOptionalName(proto.institute(), kOrganizations, "institute", violations);
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
  out.set_return_reason(offering.return_reason);
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

usecases::NewOffering NewOfferingFromProto(const v1::CreateOfferingRequest& request,
                                           const Currency& currency) {
  usecases::NewOffering input;
  input.offering = OfferingFromProto(request.offering(), currency, input.conversion);
  input.offering_id = request.offering_id();
  input.request_id = request.request_id();
  input.late_registration = request.late_registration();
  return input;
}

usecases::OfferingUpdate OfferingUpdateFromProto(const v1::UpdateOfferingRequest& request,
                                                 const Currency& currency) {
  usecases::OfferingUpdate input;
  input.name = request.offering().name();
  input.etag = request.offering().etag();
  input.paths = MaskPaths(request.update_mask(), PopulatedOfferingPaths(request.offering()));
  input.patch = OfferingFromProto(request.offering(), currency, input.conversion);
  input.late_registration = request.late_registration();
  return input;
}

usecases::ImportRow<Offering> OfferingRowFromProto(const v1::ImportOfferingsRequest& row,
                                                   const Currency& currency) {
  usecases::ImportRow<Offering> out;
  out.row_number = row.row_number();
  out.requested_id = row.offering_id();
  out.record = OfferingFromProto(row.offering(), currency, out.conversion);
  out.late_registration = row.late_registration();
  return out;
}

}  // namespace techmatch::server
