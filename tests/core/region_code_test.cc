// GB/T 2260 codes: levels, containment, rolling up to a level, and the `region` filter field.
#include "core/reference/region_code.h"

#include "core/common/filter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;

TEST(RegionCodeTest, LevelsAndValidity) {
  EXPECT_TRUE(IsRegionCode("510000"));
  EXPECT_TRUE(IsRegionCode("510521"));
  for (const char* bad : {"", "51050", "5105000", "51o500", "000000", "-10500"}) {
    EXPECT_FALSE(IsRegionCode(bad)) << bad;
  }
  EXPECT_EQ(LevelOf("510000"), RegionLevel::kProvince);  // 四川省
  EXPECT_EQ(LevelOf("510500"), RegionLevel::kCity);      // 泸州市
  EXPECT_EQ(LevelOf("510521"), RegionLevel::kCounty);    // 泸县
}

TEST(RegionCodeTest, ARegionContainsItselfAndWhatLiesUnderIt) {
  EXPECT_TRUE(RegionContains("510500", "510500"));
  EXPECT_TRUE(RegionContains("510500", "510502"));   // 江阳区
  EXPECT_TRUE(RegionContains("510500", "510521"));   // 泸县
  EXPECT_FALSE(RegionContains("510500", "510100"));  // 成都市
  EXPECT_FALSE(RegionContains("510500", "510104"));  // 锦江区
  EXPECT_TRUE(RegionContains("510000", "510104"));
  EXPECT_FALSE(RegionContains("510521", "510500"));  // Not upwards.
  EXPECT_FALSE(RegionContains("510500", ""));
  EXPECT_FALSE(RegionContains("", "510500"));
}

TEST(RegionCodeTest, RollsUpToALevel) {
  EXPECT_EQ(RegionAtLevel("510521", RegionLevel::kCity), "510500");
  EXPECT_EQ(RegionAtLevel("510521", RegionLevel::kProvince), "510000");
  EXPECT_EQ(RegionAtLevel("510521", RegionLevel::kCounty), "510521");
  EXPECT_EQ(RegionAtLevel("510000", RegionLevel::kCity), "510000");  // Already coarser.
  EXPECT_EQ(RegionAtLevel("", RegionLevel::kCity), "");
}

TEST(RegionCodeTest, TheRegionFilterFieldTakesOnlyCodes) {
  const std::vector<FilterField> fields = {{"region", FilterFieldType::kRegion, "", {}}};
  EXPECT_THAT(ParseFilter("region = \"510500\"", fields), ::techmatch::testing::IsOk());
  EXPECT_THAT(ParseFilter("region = 510500", fields), ::techmatch::testing::IsOk());
  EXPECT_THAT(ParseFilter("region = \"Luzhou\"", fields),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseFilter("region > 510500", fields), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace techmatch
