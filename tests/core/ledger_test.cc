// The programme ledger's domain: indicator codes, observation and target rules, and how a
// target's actual, completion and assessment are computed.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/ledger/indicator.h"
#include "core/ledger/observation.h"
#include "core/ledger/target.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::Fields;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Optional;

const absl::TimeZone kCst = absl::FixedTimeZone(8 * 3600);
absl::Time At(int y, int m, int d) { return absl::FromCivil(absl::CivilDay(y, m, d), kCst); }

Indicator CountIndicator() {
  Indicator indicator;
  indicator.meta.id = "spark_trainees";
  indicator.display_name_zh = "星火培训人次";
  indicator.unit = IndicatorUnit::kCount;
  return indicator;
}

Observation Obs(absl::string_view region, int half, int64_t value,
                absl::string_view code = "spark_trainees", int year = 2025) {
  Observation o;
  o.indicator_code = std::string(code);
  o.region_code = std::string(region);
  o.year = year;
  o.half = half;
  o.value = Figure{IndicatorUnit::kCount, value};
  return o;
}

Target CountTarget(absl::string_view region, int64_t value) {
  Target t;
  t.indicator_code = "spark_trainees";
  t.region_code = std::string(region);
  t.year = 2025;
  t.value = Figure{IndicatorUnit::kCount, value};
  return t;
}

// RollUp's figure, failing the test on an error.
std::optional<int64_t> Rolled(absl::string_view region, const std::vector<RegionFigure>& figures) {
  absl::StatusOr<std::optional<int64_t>> rolled = RollUp(region, figures);
  EXPECT_TRUE(rolled.ok()) << rolled.status();
  return rolled.ok() ? *rolled : std::nullopt;
}

TEST(IndicatorTest, CodesAreSnakeCase) {
  EXPECT_TRUE(IsValidIndicatorCode("spark_trainees"));
  EXPECT_TRUE(IsValidIndicatorCode("rd_budget"));
  EXPECT_FALSE(IsValidIndicatorCode(""));
  EXPECT_FALSE(IsValidIndicatorCode("1st"));
  EXPECT_FALSE(IsValidIndicatorCode("spark-trainees"));
  EXPECT_FALSE(IsValidIndicatorCode("Spark"));
  EXPECT_FALSE(IsValidIndicatorCode(std::string(41, 'a')));
  EXPECT_TRUE(IsValidIndicatorCode(std::string(40, 'a')));
}

TEST(IndicatorTest, NamesParseAndRefuseOtherCollections) {
  absl::StatusOr<std::string> code = ParseIndicatorName("indicators/rd_budget", "indicator");
  ASSERT_TRUE(code.ok()) << code.status();
  EXPECT_EQ(*code, "rd_budget");
  EXPECT_THAT(ParseIndicatorName("industries/liquor", "indicator"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(IndicatorName("rd_budget"), "indicators/rd_budget");
}

TEST(IndicatorTest, ValidationNamesEveryBadField) {
  Indicator indicator;
  indicator.unit = static_cast<IndicatorUnit>(0);
  Violations violations;
  ValidateIndicator(indicator, violations);
  EXPECT_THAT(Fields(violations), ElementsAre("display_name_zh", "unit"));
}

TEST(IndicatorTest, AchievementsTransformedIsDerived) {
  EXPECT_EQ(SourceOf("achievements_transformed"), IndicatorSource::kDerived);
  EXPECT_TRUE(DerivationOf("achievements_transformed").has_value());
  EXPECT_EQ(SourceOf("spark_trainees"), IndicatorSource::kObserved);
}

TEST(ObservationTest, IdsComeFromTheKey) {
  EXPECT_EQ(ObservationId("spark_trainees", "510500", 2025, kWholeYear),
            "spark-trainees-510500-2025");
  EXPECT_EQ(ObservationId("spark_trainees", "510500", 2025, 1), "spark-trainees-510500-2025-h1");
  EXPECT_EQ(TargetId("rd_budget", "510521", 2026), "rd-budget-510521-2026");
}

TEST(ObservationTest, AValidObservationPasses) {
  Violations violations;
  ValidateObservation(Obs("510521", 2, 1200), CountIndicator(), violations);
  EXPECT_TRUE(violations.empty()) << violations.ToStatus();
}

TEST(ObservationTest, EveryBadFieldAtOnce) {
  Observation o = Obs("51052", 3, -5);
  o.year = 1979;
  Violations violations;
  ValidateObservation(o, CountIndicator(), violations);
  EXPECT_THAT(Fields(violations), ElementsAre("region_code", "year", "half", "count"));
}

TEST(ObservationTest, UnknownIndicatorAndMissingValue) {
  Observation o = Obs("510500", kWholeYear, 1, "no_such");
  o.value.reset();
  Violations violations;
  ValidateObservation(o, std::nullopt, violations);
  EXPECT_THAT(Fields(violations), ElementsAre("indicator", "value"));
  EXPECT_THAT(violations.list()[0].description, HasSubstr("not a known indicator"));
}

TEST(ObservationTest, MoneyForACountIndicatorIsRefused) {
  Observation o = Obs("510500", kWholeYear, 100);
  o.value = Figure{IndicatorUnit::kMoney, 100};
  Violations violations;
  ValidateObservation(o, CountIndicator(), violations);
  ASSERT_THAT(Fields(violations), ElementsAre("money"));
  EXPECT_THAT(violations.list()[0].description, HasSubstr("COUNT"));
}

TEST(ObservationTest, YearBoundsAreInclusive) {
  Violations violations;
  CheckLedgerYear("year", kFirstLedgerYear, violations);
  CheckLedgerYear("year", kLastLedgerYear, violations);
  EXPECT_TRUE(violations.empty());
  CheckLedgerYear("year", kLastLedgerYear + 1, violations);
  EXPECT_THAT(Fields(violations), ElementsAre("year"));
}

TEST(TargetTest, ValidationAndUpdateMask) {
  Target t = CountTarget("510500", -1);
  t.year = 0;
  Violations violations;
  ValidateTarget(t, CountIndicator(), violations);
  EXPECT_THAT(Fields(violations), ElementsAre("year", "count"));

  Target stored = CountTarget("510500", 100);
  Target patch = CountTarget("510521", 300);
  Violations mask;
  ApplyTargetUpdate({"count", "region_code"}, patch, stored, mask);
  EXPECT_THAT(Fields(mask), ElementsAre("update_mask.paths[1]"));
  EXPECT_EQ(stored.value->value, 300);
  EXPECT_EQ(stored.region_code, "510500");
}

TEST(RollUpTest, ARegionsOwnFigureIsItsTotal) {
  // 泸州市 reports its own total; its counties' figures are already in it.
  EXPECT_THAT(Rolled("510500", {{"510500", 900}, {"510521", 300}, {"510522", 400}}),
              Optional(int64_t{900}));
}

TEST(RollUpTest, WithoutItsOwnFigureARegionIsTheSumOfItsSubordinates) {
  EXPECT_THAT(Rolled("510500", {{"510521", 300}, {"510522", 400}}), Optional(int64_t{700}));
  // A province: one city with its own total, another from its counties, one county elsewhere.
  EXPECT_THAT(
      Rolled("510000",
             {{"510500", 900}, {"510521", 300}, {"510621", 50}, {"510622", 25}, {"520102", 1000}}),
      Optional(int64_t{975}));
  EXPECT_EQ(Rolled("510500", {{"510621", 50}}), std::nullopt);
}

TEST(RollUpTest, OverflowIsOutOfRange) {
  const int64_t big = std::numeric_limits<int64_t>::max();
  EXPECT_THAT(RollUp("510500", {{"510521", big}, {"510522", 1}}),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(CompletionTest, BasisPointsRoundDownAndZeroTargetsAreComplete) {
  EXPECT_EQ(CompletionBp(1, 3), 3333);
  EXPECT_EQ(CompletionBp(2, 3), 6666);
  EXPECT_EQ(CompletionBp(9999, 10000), 9999);
  EXPECT_EQ(CompletionBp(150, 100), 15000);
  EXPECT_EQ(CompletionBp(0, 0), 10000);
  EXPECT_EQ(CompletionBp(5, 0), 10000);
  EXPECT_EQ(CompletionBp(std::numeric_limits<int64_t>::max(), 1),
            std::numeric_limits<int64_t>::max());
}

TEST(PeriodTest, PeriodsEndAtMidnightChinaStandardTime) {
  EXPECT_EQ(PeriodEnd(2025, 1),
            absl::FromCivil(absl::CivilSecond(2025, 6, 30, 16, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ(PeriodEnd(2025, kWholeYear),
            absl::FromCivil(absl::CivilSecond(2025, 12, 31, 16, 0, 0), absl::UTCTimeZone()));
}

TEST(ProgressTest, PendingUntilTheYearEndsThenMetOrNotMet) {
  const Target target = CountTarget("510500", 1000);
  const std::vector<Observation> observations = {Obs("510500", kWholeYear, 1000)};
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress before,
                          ComputeProgress(target, observations, {}, At(2025, 12, 31)));
  EXPECT_EQ(before.year.assessment, Assessment::kPending);
  EXPECT_EQ(before.year.completion_bp, 10000);
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress after,
                          ComputeProgress(target, observations, {}, At(2026, 1, 1)));
  EXPECT_EQ(after.year.assessment, Assessment::kMet);
  TM_ASSERT_OK_AND_ASSIGN(
      TargetProgress short_of,
      ComputeProgress(target, {Obs("510500", kWholeYear, 999)}, {}, At(2026, 1, 1)));
  EXPECT_EQ(short_of.year.assessment, Assessment::kNotMet);
  EXPECT_EQ(short_of.year.completion_bp, 9990);
}

TEST(ProgressTest, NothingReportedIsZeroAndNotMetAfterTheYear) {
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress progress,
                          ComputeProgress(CountTarget("510500", 10), {}, {}, At(2026, 3, 1)));
  EXPECT_EQ(progress.year.actual, std::nullopt);
  EXPECT_EQ(progress.year.completion_bp, 0);
  EXPECT_EQ(progress.year.assessment, Assessment::kNotMet);
}

TEST(ProgressTest, HalfYearFiguresStandInWhenNoWholeYearFigureExists) {
  const Target target = CountTarget("510500", 1000);
  // Counties report halves; the city reports nothing of its own.
  const std::vector<Observation> observations = {
      Obs("510521", 1, 300), Obs("510522", 1, 250), Obs("510521", 2, 200),
      Obs("510500", 1, 0, "rd_budget"),                 // another indicator: ignored
      Obs("510521", 1, 9999, "spark_trainees", 2024)};  // another year: ignored
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress progress,
                          ComputeProgress(target, observations, {}, At(2025, 8, 1)));
  ASSERT_EQ(progress.checks.size(), 2u);
  const TargetCheck& half = progress.checks[0];
  EXPECT_EQ(half.half, 1);
  EXPECT_THAT(half.actual, Optional(int64_t{550}));
  EXPECT_EQ(half.completion_bp, 5500);
  EXPECT_EQ(half.assessment, Assessment::kMet);  // 时间过半、任务过半
  EXPECT_THAT(progress.year.actual, Optional(int64_t{750}));
  EXPECT_EQ(progress.year.assessment, Assessment::kPending);
  EXPECT_EQ(progress.checks[1], progress.year);
}

TEST(ProgressTest, AWholeYearFigurePrevailsOverHalves) {
  const std::vector<Observation> observations = {Obs("510521", 1, 300), Obs("510521", 2, 300),
                                                 Obs("510521", kWholeYear, 650)};
  TM_ASSERT_OK_AND_ASSIGN(
      TargetProgress progress,
      ComputeProgress(CountTarget("510521", 600), observations, {}, At(2026, 1, 2)));
  EXPECT_THAT(progress.year.actual, Optional(int64_t{650}));
  EXPECT_EQ(progress.year.assessment, Assessment::kMet);
}

TEST(ProgressTest, TheHalfYearCheckNeedsHalfTheTarget) {
  TM_ASSERT_OK_AND_ASSIGN(
      TargetProgress progress,
      ComputeProgress(CountTarget("510500", 1000), {Obs("510500", 1, 499)}, {}, At(2025, 7, 1)));
  EXPECT_EQ(progress.checks[0].completion_bp, 4990);
  EXPECT_EQ(progress.checks[0].assessment, Assessment::kNotMet);
  TM_ASSERT_OK_AND_ASSIGN(
      TargetProgress early,
      ComputeProgress(CountTarget("510500", 1000), {Obs("510500", 1, 499)}, {}, At(2025, 6, 30)));
  EXPECT_EQ(early.checks[0].assessment, Assessment::kPending);
}

TEST(ProgressTest, PercentFiguresDoNotRollUp) {
  Target target = CountTarget("510500", 250);  // 2.50%
  target.indicator_code = "rd_share";
  target.value->unit = IndicatorUnit::kPercent;
  Observation county = Obs("510521", kWholeYear, 400, "rd_share");
  county.value->unit = IndicatorUnit::kPercent;
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress without,
                          ComputeProgress(target, {county}, {}, At(2026, 1, 1)));
  EXPECT_EQ(without.year.actual, std::nullopt);
  Observation own = Obs("510500", 1, 260, "rd_share");
  own.value->unit = IndicatorUnit::kPercent;
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress with,
                          ComputeProgress(target, {county, own}, {}, At(2026, 1, 1)));
  EXPECT_THAT(with.year.actual, Optional(int64_t{260}));
  EXPECT_EQ(with.year.assessment, Assessment::kMet);
  // A ratio has no halves: the half-year check needs the whole mark.
  EXPECT_EQ(with.checks[0].completion_bp, 10400);
  EXPECT_EQ(with.checks[0].assessment, Assessment::kMet);
}

TEST(ProgressTest, DerivedFiguresCountOnlyWithoutObservations) {
  Target target = CountTarget("510500", 10);
  target.indicator_code = "achievements_transformed";
  const std::vector<RegionFigure> derived = {{"510521", 4}, {"510522", 3}, {"510621", 100}};
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress from_records,
                          ComputeProgress(target, {}, derived, At(2025, 9, 1)));
  EXPECT_THAT(from_records.year.actual, Optional(int64_t{7}));
  EXPECT_EQ(from_records.year.completion_bp, 7000);
  TM_ASSERT_OK_AND_ASSIGN(
      TargetProgress observed,
      ComputeProgress(target, {Obs("510521", kWholeYear, 12, "achievements_transformed")}, derived,
                      At(2025, 9, 1)));
  EXPECT_THAT(observed.year.actual, Optional(int64_t{12}));
}

TEST(ProgressTest, DerivedFiguresOfARegionAddToItsSubordinates) {
  // A contract whose demander is registered with the city itself is one record of the city,
  // not the city's total: the counties' records count beside it.
  Target target = CountTarget("510500", 10);
  target.indicator_code = "achievements_transformed";
  const std::vector<RegionFigure> derived = {{"510500", 1}, {"510521", 4}, {"510522", 3}};
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress city,
                          ComputeProgress(target, {}, derived, At(2025, 9, 1)));
  EXPECT_THAT(city.year.actual, Optional(int64_t{8}));
  target.region_code = "510521";
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress county,
                          ComputeProgress(target, {}, derived, At(2025, 9, 1)));
  EXPECT_THAT(county.year.actual, Optional(int64_t{4}));
  const int64_t big = std::numeric_limits<int64_t>::max();
  target.region_code = "510500";
  EXPECT_THAT(ComputeProgress(target, {}, {{"510500", big}, {"510521", big}}, At(2025, 9, 1)),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(ProgressTest, AZeroTargetIsMetOnceTheYearEnds) {
  TM_ASSERT_OK_AND_ASSIGN(TargetProgress progress,
                          ComputeProgress(CountTarget("510500", 0), {}, {}, At(2026, 1, 1)));
  EXPECT_EQ(progress.year.completion_bp, 10000);
  EXPECT_EQ(progress.year.assessment, Assessment::kMet);
}

TEST(ProgressTest, OverflowingSumsAreOutOfRange) {
  const int64_t big = std::numeric_limits<int64_t>::max();
  EXPECT_THAT(ComputeProgress(CountTarget("510500", 1),
                              {Obs("510521", kWholeYear, big), Obs("510522", kWholeYear, big)}, {},
                              At(2026, 1, 1)),
              StatusIs(absl::StatusCode::kOutOfRange));
}

}  // namespace
}  // namespace techmatch
