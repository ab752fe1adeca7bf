#include "core/reference/region_code.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace techmatch {

absl::string_view RegionLevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return "PROVINCE";
    case RegionLevel::kCity:
      return "CITY";
    case RegionLevel::kCounty:
      return "COUNTY";
  }
  return "COUNTY";
}

std::optional<RegionLevel> RegionLevelFromName(absl::string_view name) {
  for (RegionLevel level : {RegionLevel::kProvince, RegionLevel::kCity, RegionLevel::kCounty}) {
    if (name == RegionLevelName(level)) return level;
  }
  return std::nullopt;
}

std::vector<std::string> RegionLevelNames() { return {"PROVINCE", "CITY", "COUNTY"}; }

bool IsRegionCode(absl::string_view code) {
  if (code.size() != 6) return false;
  for (char c : code) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return code.substr(0, 2) != "00";
}

RegionLevel LevelOf(absl::string_view code) {
  if (code.substr(2) == "0000") return RegionLevel::kProvince;
  if (code.substr(4) == "00") return RegionLevel::kCity;
  return RegionLevel::kCounty;
}

absl::string_view RegionPrefix(absl::string_view region) {
  switch (LevelOf(region)) {
    case RegionLevel::kProvince:
      return region.substr(0, 2);
    case RegionLevel::kCity:
      return region.substr(0, 4);
    case RegionLevel::kCounty:
      return region;
  }
  return region;
}

bool RegionContains(absl::string_view region, absl::string_view code) {
  return IsRegionCode(region) && IsRegionCode(code) && absl::StartsWith(code, RegionPrefix(region));
}

std::string RegionAtLevel(absl::string_view code, RegionLevel level) {
  if (!IsRegionCode(code)) return "";
  if (static_cast<int>(LevelOf(code)) <= static_cast<int>(level)) return std::string(code);
  if (level == RegionLevel::kProvince) return absl::StrCat(code.substr(0, 2), "0000");
  return absl::StrCat(code.substr(0, 4), "00");
}

}  // namespace techmatch
