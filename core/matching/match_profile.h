// What matching knows about a need or an offering besides its text: the facts the non-text
// signals compare. Built from the domain records; kept in memory by the index.
#ifndef TECHMATCH_CORE_MATCHING_MATCH_PROFILE_H_
#define TECHMATCH_CORE_MATCHING_MATCH_PROFILE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"
#include "core/reference/cooperation_mode.h"

namespace techmatch {

struct MatchProfile {
  std::string id;
  std::string owner_id;                     // The enterprise or institute.
  std::vector<std::string> industry_codes;  // The first is primary.
  std::vector<std::string> event_ids;
  uint8_t cooperation_modes = 0;        // Bit (1 << mode) per mode.
  int trl = 0;                          // Offerings: 1–9. Needs: the minimum, 0 if none.
  std::optional<int64_t> amount_minor;  // Offerings: asking price. Needs: budget.
  bool active = true;                   // OPEN / AVAILABLE.
  int64_t revision = 0;
};

// The text matching reads: title, keywords and description, a line each (title and keywords
// hold no line breaks).
std::string MatchText(const Listing& listing);
// The title, keywords and description back from a MatchText (for a live watch whose subject
// was edited: the change carries the text only).
Listing ListingOfMatchText(absl::string_view text);

MatchProfile ProfileOfNeed(const Need& need);
MatchProfile ProfileOfOffering(const Offering& offering);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCH_PROFILE_H_
