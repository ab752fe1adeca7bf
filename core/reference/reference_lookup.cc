#include "core/reference/reference_lookup.h"

#include "absl/strings/str_cat.h"
#include "core/common/list_rules.h"
#include "core/common/status_macros.h"

namespace techmatch {

absl::Status CheckIndustriesExist(absl::string_view field, const std::vector<std::string>& codes,
                                  ReferenceLookup& lookup, Violations& violations) {
  if (codes.size() > kMaxIndustries) return absl::OkStatus();  // reported by validation
  for (size_t i = 0; i < codes.size(); ++i) {
    TM_ASSIGN_OR_RETURN(bool exists, lookup.IndustryExists(codes[i]));
    if (!exists) {
      violations.Add(absl::StrCat(field, "[", i, "]"),
                     absl::StrCat("unknown industry 'industries/", codes[i], "'"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckEventsExist(absl::string_view field, const std::vector<std::string>& ids,
                              ReferenceLookup& lookup, Violations& violations) {
  if (ids.size() > kMaxEventLinks) return absl::OkStatus();  // reported by validation
  for (size_t i = 0; i < ids.size(); ++i) {
    TM_ASSIGN_OR_RETURN(bool exists, lookup.EventExists(ids[i]));
    if (!exists) {
      violations.Add(absl::StrCat(field, "[", i, "]"),
                     absl::StrCat("unknown event 'events/", ids[i], "'"));
    }
  }
  return absl::OkStatus();
}

}  // namespace techmatch
