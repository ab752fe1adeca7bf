// GB/T 2260 administrative division codes: six digits, two per level. A province ends in
// "0000" (四川省 510000), a city in "00" (泸州市 510500), anything else is a county-level
// division (泸县 510521). A region contains itself and every division under it.
#ifndef TECHMATCH_CORE_REFERENCE_REGION_CODE_H_
#define TECHMATCH_CORE_REFERENCE_REGION_CODE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace techmatch {

enum class RegionLevel { kProvince = 1, kCity = 2, kCounty = 3 };

absl::string_view RegionLevelName(RegionLevel level);  // "PROVINCE", "CITY", "COUNTY"
std::optional<RegionLevel> RegionLevelFromName(absl::string_view name);
std::vector<std::string> RegionLevelNames();

// Six ASCII digits whose province part is not "00".
bool IsRegionCode(absl::string_view code);
// The level of a valid code.
RegionLevel LevelOf(absl::string_view code);
// The digits every code inside `region` (a valid code) starts with: "51" for 510000, "5105"
// for 510500, the whole code for a county.
absl::string_view RegionPrefix(absl::string_view region);
// Whether `code` is `region` or lies under it. An empty or invalid `code` lies nowhere.
bool RegionContains(absl::string_view region, absl::string_view code);
// The division at `level` that contains `code` ("510521" at kCity is "510500"); `code`
// itself when it is coarser than `level`, "" when `code` is not a valid code.
std::string RegionAtLevel(absl::string_view code, RegionLevel level);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REFERENCE_REGION_CODE_H_
