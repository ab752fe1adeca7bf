#include "core/matching/match_profile.h"

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace techmatch {
namespace {

uint8_t ModeBits(const std::vector<CooperationMode>& modes) {
  uint8_t bits = 0;
  for (CooperationMode mode : modes) bits |= static_cast<uint8_t>(1u << static_cast<int>(mode));
  return bits;
}

MatchProfile ProfileOfListing(const std::string& id, const std::string& owner,
                              const Listing& listing, int64_t revision) {
  MatchProfile profile;
  profile.id = id;
  profile.owner_id = owner;
  profile.industry_codes = listing.industry_codes;
  profile.event_ids = listing.event_ids;
  profile.cooperation_modes = ModeBits(listing.cooperation_modes);
  profile.revision = revision;
  return profile;
}

}  // namespace

std::string MatchText(const Listing& listing) {
  return absl::StrJoin({listing.title, absl::StrJoin(listing.keywords, " "), listing.description},
                       "\n");
}

Listing ListingOfMatchText(absl::string_view text) {
  std::vector<absl::string_view> lines = absl::StrSplit(text, absl::MaxSplits('\n', 2));
  Listing listing;
  if (!lines.empty()) listing.title = std::string(lines[0]);
  if (lines.size() > 1) {
    listing.keywords = absl::StrSplit(lines[1], ' ', absl::SkipEmpty());
  }
  if (lines.size() > 2) listing.description = std::string(lines[2]);
  return listing;
}

MatchProfile ProfileOfNeed(const Need& need) {
  MatchProfile profile =
      ProfileOfListing(need.meta.id, need.enterprise_id, need.listing, need.meta.revision);
  profile.trl = need.min_trl.value_or(0);
  profile.amount_minor = need.budget_minor;
  profile.active = need.state == NeedState::kOpen;
  return profile;
}

MatchProfile ProfileOfOffering(const Offering& offering) {
  MatchProfile profile = ProfileOfListing(offering.meta.id, offering.institute_id, offering.listing,
                                          offering.meta.revision);
  profile.trl = offering.trl;
  profile.amount_minor = offering.asking_price_minor;
  profile.active = offering.state == OfferingState::kAvailable;
  return profile;
}

}  // namespace techmatch
