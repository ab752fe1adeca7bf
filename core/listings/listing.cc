#include "core/listings/listing.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/common/text_rules.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {
namespace {

void CheckNoRepeats(absl::string_view field, const std::vector<std::string>& values,
                    Violations& violations) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (std::find(values.begin(), values.begin() + i, values[i]) != values.begin() + i) {
      violations.Add(absl::StrCat(field, "[", i, "]"), "repeats an earlier entry");
    }
  }
}

}  // namespace

void ValidateListing(const Listing& listing, Violations& violations) {
  CheckText("title", listing.title, 1, kMaxTitleChars, false, violations);
  CheckText("description", listing.description, 0, kMaxDescriptionChars, true, violations);
  CheckKeywords("keywords", listing.keywords, violations);
  if (listing.industry_codes.empty()) {
    violations.Add("industries", "at least one industry is required; the first is primary");
  }
  CheckNoRepeats("industries", listing.industry_codes, violations);
  CheckCooperationModes("cooperation_modes", listing.cooperation_modes, violations);
  CheckNoRepeats("events", listing.event_ids, violations);
}

absl::Status CheckListingReferences(const Listing& listing, ReferenceLookup& lookup,
                                    Violations& violations) {
  TM_RETURN_IF_ERROR(
      CheckIndustriesExist("industries", listing.industry_codes, lookup, violations));
  return CheckEventsExist("events", listing.event_ids, lookup, violations);
}

}  // namespace techmatch
