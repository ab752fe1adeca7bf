// The fields a Need and an Offering message share, converted once for both (the messages use
// the same field names, so a template serves each).
#ifndef TECHMATCH_SERVER_LISTING_CONVERSION_H_
#define TECHMATCH_SERVER_LISTING_CONVERSION_H_

#include <string>
#include <utility>
#include <vector>

#include "core/common/resource_id.h"
#include "core/listings/listing.h"
#include "server/proto_fields.h"

namespace techmatch::server {

template <typename Proto>
Listing ListingFromProto(const Proto& proto, Violations& violations) {
  Listing listing;
  listing.title = proto.title();
  listing.description = proto.description();
  listing.keywords.assign(proto.keywords().begin(), proto.keywords().end());
  listing.industry_codes = IdsFromNames(proto.industries(), kIndustries, "industries", violations);
  listing.cooperation_modes =
      CooperationModesFromProto(proto.cooperation_modes(), "cooperation_modes", violations);
  listing.event_ids = IdsFromNames(proto.events(), kEvents, "events", violations);
  return listing;
}

// From a listing read only to be answered: its texts move into the message instead of being
// copied (a read's largest allocations and copies).
template <typename Proto>
void ListingToProto(Listing&& listing, Proto& out) {
  out.set_title(std::move(listing.title));
  out.set_description(std::move(listing.description));
  auto& keywords = *out.mutable_keywords();
  keywords.Reserve(static_cast<int>(listing.keywords.size()));
  for (std::string& keyword : listing.keywords) keywords.Add(std::move(keyword));
  NamesToProto(listing.industry_codes, kIndustries, *out.mutable_industries());
  CooperationModesToProto(listing.cooperation_modes, *out.mutable_cooperation_modes());
  NamesToProto(listing.event_ids, kEvents, *out.mutable_events());
  NamesToProto(listing.late_event_ids, kEvents, *out.mutable_late_registration_events());
}

// The same from a listing the caller keeps: each text is copied once, into the copy moved.
template <typename Proto>
void ListingToProto(const Listing& listing, Proto& out) {
  ListingToProto(Listing(listing), out);
}

// The listing fields populated in `proto`: the implied update mask (AIP-134).
template <typename Proto>
std::vector<std::string> PopulatedListingPaths(const Proto& proto) {
  std::vector<std::string> paths;
  if (!proto.title().empty()) paths.emplace_back("title");
  if (!proto.description().empty()) paths.emplace_back("description");
  if (proto.keywords_size() > 0) paths.emplace_back("keywords");
  if (proto.industries_size() > 0) paths.emplace_back("industries");
  if (proto.cooperation_modes_size() > 0) paths.emplace_back("cooperation_modes");
  if (proto.events_size() > 0) paths.emplace_back("events");
  return paths;
}

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_LISTING_CONVERSION_H_
