// The programme report's arithmetic: the change against the previous year and its rounding,
// the projects section, indicator lines and the request checks.
#include "core/reports/programme_report.h"

#include <cstdint>
#include <limits>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Optional;

constexpr int64_t kWan = 10000 * 100;  // 1萬元 in fen.

TEST(YearChangeTest, AmountAndPercentWithOneDecimal) {
  // 985萬 against 695萬: +290萬, 41.726…% → 41.7%.
  const absl::StatusOr<YearChange> change = ChangeAgainst(985 * kWan, 695 * kWan);
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->difference, 290 * kWan);
  EXPECT_THAT(change->percent_bp, Optional(4170));
  // A fall: 1200萬 against 1500萬 is -20.0%.
  EXPECT_EQ(*ChangeAgainst(1200 * kWan, 1500 * kWan), (YearChange{-300 * kWan, -2000}));
  EXPECT_EQ(*ChangeAgainst(7, 7), (YearChange{0, 0}));
}

TEST(YearChangeTest, RoundsHalfAwayFromZeroToATenthOfAPercent) {
  // 1 against 2000 is exactly 0.05%: half a tenth rounds away from zero, either way.
  EXPECT_THAT(ChangeAgainst(2001, 2000)->percent_bp, Optional(10));
  EXPECT_THAT(ChangeAgainst(1999, 2000)->percent_bp, Optional(-10));
  // Just under and just over half a tenth.
  EXPECT_THAT(ChangeAgainst(2003, 2002)->percent_bp, Optional(0));
  EXPECT_THAT(ChangeAgainst(1999, 1998)->percent_bp, Optional(10));
  EXPECT_THAT(ChangeAgainst(1997, 1998)->percent_bp, Optional(-10));
  // 2 against 3: 66.666…% → 66.7%; 1 against 3: -66.666…% → -66.7%.
  EXPECT_THAT(ChangeAgainst(5, 3)->percent_bp, Optional(6670));
  EXPECT_THAT(ChangeAgainst(1, 3)->percent_bp, Optional(-6670));
}

TEST(YearChangeTest, ZeroPreviousYearOmitsThePercent) {
  const absl::StatusOr<YearChange> change = ChangeAgainst(300 * kWan, 0);
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->difference, 300 * kWan);
  EXPECT_EQ(change->percent_bp, std::nullopt);
  EXPECT_EQ(*ChangeAgainst(0, 0), (YearChange{0, std::nullopt}));
}

TEST(YearChangeTest, OverflowIsAnErrorAndAnUnrepresentablePercentIsOmitted) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  EXPECT_THAT(ChangeAgainst(kMax, -1), StatusIs(absl::StatusCode::kOutOfRange));
  const absl::StatusOr<YearChange> huge = ChangeAgainst(kMax, 1);
  ASSERT_TRUE(huge.ok());
  EXPECT_EQ(huge->difference, kMax - 1);
  EXPECT_EQ(huge->percent_bp, std::nullopt);
}

TEST(ProjectSectionTest, LevelsOfEitherYearInOrderWithTotalsAndChanges) {
  const std::map<ProjectLevel, ProjectTotals> current = {
      {ProjectLevel::kCounty, {20, 300 * kWan, 300 * kWan}},
      {ProjectLevel::kNational, {5, 980 * kWan, 985 * kWan}},
  };
  const std::map<ProjectLevel, ProjectTotals> previous = {
      {ProjectLevel::kNational, {4, 800 * kWan, 695 * kWan}},
      {ProjectLevel::kProvincial, {15, 1800 * kWan, 1500 * kWan}},
  };
  const OverArrivedProject over{"p1", "t", ProjectLevel::kCounty, "510121", 10, 12};
  absl::StatusOr<ProjectSection> section = BuildProjectSection(current, previous, {over});
  ASSERT_TRUE(section.ok()) << section.status();
  ASSERT_EQ(section->levels.size(), 3u);
  EXPECT_EQ(section->levels[0].level, ProjectLevel::kNational);
  EXPECT_EQ(section->levels[0].arrived_change, (YearChange{290 * kWan, 4170}));
  EXPECT_EQ(section->levels[0].count_change, (YearChange{1, 2500}));
  EXPECT_EQ(section->levels[1].level, ProjectLevel::kProvincial);
  EXPECT_EQ(section->levels[1].current, ProjectTotals{});
  EXPECT_EQ(section->levels[1].approved_change, (YearChange{-1800 * kWan, -10000}));
  EXPECT_EQ(section->levels[2].level, ProjectLevel::kCounty);
  EXPECT_EQ(section->levels[2].arrived_change, (YearChange{300 * kWan, std::nullopt}));
  EXPECT_EQ(section->total.level, std::nullopt);
  EXPECT_EQ(section->total.current, (ProjectTotals{25, 1280 * kWan, 1285 * kWan}));
  EXPECT_EQ(section->total.previous, (ProjectTotals{19, 2600 * kWan, 2195 * kWan}));
  // 1285 − 2195 = −910; −910 ÷ 2195 = −41.457…% → −41.5%.
  EXPECT_EQ(section->total.arrived_change, (YearChange{-910 * kWan, -4150}));
  EXPECT_THAT(section->over_arrived, ElementsAre(over));
}

TEST(ProjectSectionTest, ATotalBeyond64BitsIsOutOfRange) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  const std::map<ProjectLevel, ProjectTotals> current = {
      {ProjectLevel::kNational, {1, kMax, 0}},
      {ProjectLevel::kCounty, {1, 1, 0}},
  };
  EXPECT_THAT(BuildProjectSection(current, {}, {}), StatusIs(absl::StatusCode::kOutOfRange));
}

Indicator SparkTrainees() {
  Indicator indicator;
  indicator.meta.id = "spark_trainees";
  indicator.display_name_zh = "星火培训人次";
  indicator.unit = IndicatorUnit::kCount;
  return indicator;
}

Target TargetOf(int64_t value) {
  Target target;
  target.indicator_code = "spark_trainees";
  target.region_code = "510100";
  target.year = 2025;
  target.value = Figure{IndicatorUnit::kCount, value};
  return target;
}

Observation Reported(absl::string_view region, int64_t value) {
  Observation o;
  o.indicator_code = "spark_trainees";
  o.region_code = std::string(region);
  o.year = 2025;
  o.value = Figure{IndicatorUnit::kCount, value};
  return o;
}

const absl::Time kAfterTheYear = absl::FromUnixSeconds(1767225600 + 86400);  // 2026-01-02

TEST(IndicatorLineTest, TargetAndActualGiveCompletionAndAssessment) {
  const Target target = TargetOf(10000);
  // The city reported nothing itself: its counties' figures add up.
  const TargetProgress progress = *ComputeProgress(
      target, {Reported("510121", 8000), Reported("510122", 4345)}, {}, kAfterTheYear);
  const std::optional<IndicatorLine> line = BuildIndicatorLine(SparkTrainees(), target, progress);
  ASSERT_TRUE(line.has_value());
  EXPECT_THAT(line->target, Optional(10000));
  EXPECT_THAT(line->actual, Optional(12345));
  EXPECT_THAT(line->completion_bp, Optional(12345));
  EXPECT_THAT(line->assessment, Optional(Assessment::kMet));
}

TEST(IndicatorLineTest, ATargetWithoutFiguresHasNoCompletion) {
  const Target target = TargetOf(10000);
  const TargetProgress progress = *ComputeProgress(target, {}, {}, kAfterTheYear);
  const std::optional<IndicatorLine> line = BuildIndicatorLine(SparkTrainees(), target, progress);
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->actual, std::nullopt);
  EXPECT_EQ(line->completion_bp, std::nullopt);
  EXPECT_THAT(line->assessment, Optional(Assessment::kNotMet));
}

TEST(IndicatorLineTest, FiguresWithoutATargetHaveNoCompletionNorAssessment) {
  const TargetProgress progress =
      *ComputeProgress(TargetOf(0), {Reported("510100", 77)}, {}, kAfterTheYear);
  const std::optional<IndicatorLine> line =
      BuildIndicatorLine(SparkTrainees(), std::nullopt, progress);
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->target, std::nullopt);
  EXPECT_THAT(line->actual, Optional(77));
  EXPECT_EQ(line->completion_bp, std::nullopt);
  EXPECT_EQ(line->assessment, std::nullopt);
}

TEST(IndicatorLineTest, NeitherTargetNorFiguresIsNoLine) {
  const TargetProgress progress = *ComputeProgress(TargetOf(0), {}, {}, kAfterTheYear);
  EXPECT_EQ(BuildIndicatorLine(SparkTrainees(), std::nullopt, progress), std::nullopt);
}

TEST(RegionReportTest, KeepsTheOverArrivedProjectsOfTheRegionAndTheKindsGranted) {
  LedgerRegionTotals totals;
  totals.region_code = "510121";
  totals.financing[FinancingKind::kLoan] = {2, 2, 5 * kWan};
  totals.financing_total = {2, 2, 5 * kWan};
  const std::vector<OverArrivedProject> over = {
      {"a", "A", ProjectLevel::kCounty, "510121", 1, 2},
      {"b", "B", ProjectLevel::kCounty, "510122", 1, 2},
  };
  absl::StatusOr<RegionProgrammeReport> report = BuildRegionReport(totals, over, {}, {});
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->projects.over_arrived.size(), 1u);
  EXPECT_EQ(report->projects.over_arrived[0].id, "a");
  ASSERT_EQ(report->financing.size(), 1u);
  EXPECT_EQ(report->financing[0].first, FinancingKind::kLoan);
  EXPECT_TRUE(report->projects.levels.empty());
}

TEST(ProgrammeReportRequestTest, EveryBadFieldIsNamed) {
  Violations violations;
  ValidateProgrammeReportRequest(1979, "5101", violations);
  EXPECT_THAT(testing::Fields(violations), ElementsAre("year", "region_code"));
  Violations none;
  ValidateProgrammeReportRequest(2026, "510100", none);
  EXPECT_TRUE(none.empty());
  Violations missing;
  ValidateProgrammeReportRequest(2101, "", missing);
  EXPECT_THAT(testing::Fields(missing), ElementsAre("year", "region_code"));
  Violations not_a_province;
  ValidateProgrammeReportRequest(2026, "000100", not_a_province);
  EXPECT_THAT(testing::Fields(not_a_province), ElementsAre("region_code"));
}

}  // namespace
}  // namespace techmatch
