#include "core/listings/listing.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/common/list_rules.h"
#include "core/common/status_macros.h"
#include "core/common/text_rules.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {

void ValidateListing(const Listing& listing, Violations& violations) {
  CheckText("title", listing.title, 1, kMaxTitleChars, false, violations);
  CheckText("description", listing.description, 0, kMaxDescriptionChars, true, violations);
  CheckKeywords("keywords", listing.keywords, violations);
  if (listing.industry_codes.empty()) {
    violations.Add("industries", "at least one industry is required; the first is primary");
  }
  CheckListEntries("industries", listing.industry_codes, kMaxIndustries, violations);
  CheckCooperationModes("cooperation_modes", listing.cooperation_modes, violations);
  CheckListEntries("events", listing.event_ids, kMaxEventLinks, violations);
  CheckListEntries("late_registration_events", listing.late_event_ids, kMaxEventLinks, violations);
}

absl::Status CheckListingReferences(const Listing& listing, ReferenceLookup& lookup,
                                    Violations& violations) {
  TM_RETURN_IF_ERROR(
      CheckIndustriesExist("industries", listing.industry_codes, lookup, violations));
  return CheckEventsExist("events", listing.event_ids, lookup, violations);
}

}  // namespace techmatch
