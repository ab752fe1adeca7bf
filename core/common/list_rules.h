// The one rule every list field of every resource and request follows: at most a documented
// number of entries (checked first, so nothing else is looked at in an oversized list), and no
// entry twice (found with a hash set, one violation per repeated entry): linear in the list.
#ifndef TECHMATCH_CORE_COMMON_LIST_RULES_H_
#define TECHMATCH_CORE_COMMON_LIST_RULES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"

namespace techmatch {

// Maximum entries of each list field (README, "Limits").
inline constexpr size_t kMaxIndustries = 20;       // industries of a need, offering, organization,
                                                   // agreement
inline constexpr size_t kMaxEventLinks = 50;       // events, late_registration_events
inline constexpr size_t kMaxOrganizers = 20;       // organizers of an event
inline constexpr size_t kMaxParties = 50;          // parties of an agreement
inline constexpr size_t kMaxPatents = 100;         // patents of an offering
inline constexpr size_t kMaxMaskPaths = 50;        // update_mask.paths
inline constexpr size_t kMaxCooperationModes = 6;  // each of the six modes at most once
inline constexpr size_t kMaxGroupBy = 9;           // each of the nine dimensions at most once
// Any other list a request may carry (output-only lists sent back, say).
inline constexpr size_t kMaxOtherListEntries = 1000;

// Adds `field` "must have at most `max` entries, has N" and returns false when `size` is over
// `max`; true otherwise.
bool CheckListSize(absl::string_view field, size_t size, size_t max, Violations& violations);

// CheckListSize, then one violation `field[i]` "repeats `field[j]`" for each entry equal to an
// earlier one (j the first). `Key` maps an entry to a hashable key (the entry itself by
// default). Returns false when the list was too long (and its entries were not looked at).
template <typename T, typename KeyFn>
bool CheckListEntries(absl::string_view field, const std::vector<T>& values, size_t max,
                      Violations& violations, KeyFn key) {
  if (!CheckListSize(field, values.size(), max, violations)) return false;
  absl::flat_hash_map<decltype(key(values[0])), size_t> first;
  first.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    auto [it, inserted] = first.try_emplace(key(values[i]), i);
    if (!inserted) {
      violations.Add(absl::StrCat(field, "[", i, "]"),
                     absl::StrCat("repeats ", field, "[", it->second, "]"));
    }
  }
  return true;
}

template <typename T>
bool CheckListEntries(absl::string_view field, const std::vector<T>& values, size_t max,
                      Violations& violations) {
  if constexpr (std::is_same_v<T, std::string>) {
    return CheckListEntries(field, values, max, violations,
                            [](const std::string& v) { return absl::string_view(v); });
  } else {
    return CheckListEntries(field, values, max, violations, [](const T& v) { return v; });
  }
}

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_LIST_RULES_H_
