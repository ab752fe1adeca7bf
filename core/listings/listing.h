// What a need and an offering have in common: the text people match on, the industries it is
// filed under, how its owner wants to cooperate, and the events it is registered for.
#ifndef TECHMATCH_CORE_LISTINGS_LISTING_H_
#define TECHMATCH_CORE_LISTINGS_LISTING_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "core/common/field_violations.h"
#include "core/common/update_mask.h"
#include "core/reference/cooperation_mode.h"

namespace techmatch {

class ReferenceLookup;

struct Listing {
  std::string title;
  std::string description;
  std::vector<std::string> keywords;
  std::vector<std::string> industry_codes;  // At least one; the first is primary.
  std::vector<CooperationMode> cooperation_modes;
  std::vector<std::string> event_ids;
  // Of `event_ids`, those it was added to after their registration closed, by an organizer's
  // explicit late registration (see AdmitListingToEvents in core/events/event.h). Output only.
  std::vector<std::string> late_event_ids;
};

// Title 1–200 characters, description ≤ 20,000, keywords, ≥ 1 industry, nothing repeated.
void ValidateListing(const Listing& listing, Violations& violations);
// Industries and events exist.
absl::Status CheckListingReferences(const Listing& listing, ReferenceLookup& lookup,
                                    Violations& violations);

// The mutable fields of a listing inside a record R that holds it in `R::listing`.
template <typename R>
std::vector<MutableField<R>> ListingMutableFields() {
  return {
      {"title", [](R& t, const R& p) { t.listing.title = p.listing.title; }},
      {"description", [](R& t, const R& p) { t.listing.description = p.listing.description; }},
      {"keywords", [](R& t, const R& p) { t.listing.keywords = p.listing.keywords; }},
      {"industries", [](R& t, const R& p) { t.listing.industry_codes = p.listing.industry_codes; }},
      {"cooperation_modes",
       [](R& t, const R& p) { t.listing.cooperation_modes = p.listing.cooperation_modes; }},
      {"events", [](R& t, const R& p) { t.listing.event_ids = p.listing.event_ids; }},
  };
}

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LISTINGS_LISTING_H_
