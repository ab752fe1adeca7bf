// The programme ledger's tables over both backends: the seeded indicator catalogue,
// observations and targets.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;

Observation Obs(const std::string& region, int half, int64_t value,
                const std::string& code = "spark_trainees", int year = 2025) {
  Observation o;
  o.indicator_code = code;
  o.region_code = region;
  o.year = year;
  o.half = half;
  o.value = Figure{IndicatorUnit::kCount, value};
  o.meta.id = ObservationId(code, region, year, half);
  return o;
}

std::vector<std::string> Ids(const std::vector<Observation>& observations) {
  std::vector<std::string> ids;
  for (const Observation& o : observations) ids.push_back(o.meta.id);
  return ids;
}

class LedgerStorageTest : public testing::BackendTest {};
INSTANTIATE_TEST_SUITE_P(Backends, LedgerStorageTest, testing::kBackends, testing::BackendName);

TEST_P(LedgerStorageTest, TheCatalogueIsSeeded) {
  ListQuery query;
  query.page_size = 100;
  TM_ASSERT_OK_AND_ASSIGN(Page<Indicator> page, repo().ListIndicators(query));
  std::vector<std::string> codes;
  for (const Indicator& i : page.items) codes.push_back(i.meta.id);
  EXPECT_THAT(codes, ElementsAre("achievements_transformed", "commissioners_sent",
                                 "demonstration_townships", "enterprise_it_pilots",
                                 "financing_arranged", "innovation_achievements", "loans_arranged",
                                 "new_output_value", "new_profit_tax", "patent_applications",
                                 "project_funds_arrived", "projects_approved", "rd_budget",
                                 "rural_it_townships", "rural_it_villages", "spark_trainees"));
  TM_ASSERT_OK_AND_ASSIGN(Indicator budget, repo().GetIndicator("rd_budget"));
  EXPECT_EQ(budget.unit, IndicatorUnit::kMoney);
  EXPECT_EQ(budget.display_name_zh, "研发经费");
  EXPECT_EQ(budget.meta.revision, 1);
}

TEST_P(LedgerStorageTest, IndicatorCreateAndDuplicate) {
  Indicator indicator;
  indicator.meta.id = "rd_share";
  indicator.display_name_zh = "研发投入占比";
  indicator.unit = IndicatorUnit::kPercent;
  TM_ASSERT_OK_AND_ASSIGN(Indicator created, repo().CreateIndicator(indicator, {}));
  EXPECT_EQ(created.unit, IndicatorUnit::kPercent);
  EXPECT_THAT(repo().CreateIndicator(indicator, {}),
              StatusIs(absl::StatusCode::kAlreadyExists, "indicators/rd_share already exists"));
}

TEST_P(LedgerStorageTest, ObservationsKeyedOncePerIndicatorRegionYearAndHalf) {
  TM_ASSERT_OK_AND_ASSIGN(Observation created, repo().CreateObservation(Obs("510521", 1, 300), {}));
  EXPECT_EQ(created.meta.id, "spark-trainees-510521-2025-h1");
  EXPECT_THAT(repo().CreateObservation(Obs("510521", 1, 301), {}),
              StatusIs(absl::StatusCode::kAlreadyExists));
  // Another half is another observation.
  TM_ASSERT_OK_AND_ASSIGN(Observation second, repo().CreateObservation(Obs("510521", 2, 1), {}));
  TM_ASSERT_OK_AND_ASSIGN(Observation got, repo().GetObservation(created.meta.id));
  EXPECT_EQ(got.value, (Figure{IndicatorUnit::kCount, 300}));
  EXPECT_EQ(got.half, 1);
}

TEST_P(LedgerStorageTest, ObservationReplaceChangesTheValueAndRefusesStaleRevisions) {
  TM_ASSERT_OK_AND_ASSIGN(Observation created, repo().CreateObservation(Obs("510500", 0, 10), {}));
  Observation changed = created;
  changed.value->value = 12;
  changed.note = "corrected";
  TM_ASSERT_OK_AND_ASSIGN(Observation stored, repo().ReplaceObservation(changed, 1));
  EXPECT_EQ(stored.meta.revision, 2);
  EXPECT_EQ(stored.meta.create_time, created.meta.create_time);
  TM_ASSERT_OK_AND_ASSIGN(Observation got, repo().GetObservation(created.meta.id));
  EXPECT_EQ(got.value->value, 12);
  EXPECT_EQ(got.note, "corrected");
  EXPECT_THAT(repo().ReplaceObservation(changed, 1), StatusIs(absl::StatusCode::kAborted));
}

TEST_P(LedgerStorageTest, AnObservationOfAnUnknownIndicatorIsRefused) {
  EXPECT_THAT(repo().CreateObservation(Obs("510500", 0, 1, "no_such"), {}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_P(LedgerStorageTest, ListsNarrowByIndicatorRegionYearAndScope) {
  for (const Observation& o :
       {Obs("510500", 0, 1), Obs("510521", 0, 2), Obs("510621", 0, 3),
        Obs("510521", 0, 4, "patent_applications"), Obs("510521", 0, 5, "spark_trainees", 2024)}) {
    ASSERT_TRUE(repo().CreateObservation(o, {}).ok());
  }
  ListQuery query;
  LedgerFilter filter;
  filter.indicator_code = "spark_trainees";
  filter.region = "510500";
  filter.year = 2025;
  TM_ASSERT_OK_AND_ASSIGN(Page<Observation> page, repo().ListObservations(filter, query));
  EXPECT_THAT(Ids(page.items),
              ElementsAre("spark-trainees-510500-2025", "spark-trainees-510521-2025"));
  // A caller limited to a county sees its figures alone.
  query.scope.region = "510521";
  TM_ASSERT_OK_AND_ASSIGN(page, repo().ListObservations(filter, query));
  EXPECT_THAT(Ids(page.items), ElementsAre("spark-trainees-510521-2025"));
  TM_ASSERT_OK_AND_ASSIGN(std::vector<Observation> in_region,
                          repo().ObservationsInRegion("spark_trainees", "510000", 2025));
  EXPECT_THAT(Ids(in_region),
              ElementsAre("spark-trainees-510500-2025", "spark-trainees-510521-2025",
                          "spark-trainees-510621-2025"));
}

TEST_P(LedgerStorageTest, TargetsCreateReplaceAndList) {
  Target target;
  target.indicator_code = "new_output_value";
  target.region_code = "510500";
  target.year = 2025;
  target.value = Figure{IndicatorUnit::kMoney, 100'000'000'00};
  target.meta.id = TargetId(target.indicator_code, target.region_code, target.year);
  TM_ASSERT_OK_AND_ASSIGN(Target created, repo().CreateTarget(target, {}));
  EXPECT_EQ(created.meta.id, "new-output-value-510500-2025");
  EXPECT_THAT(repo().CreateTarget(target, {}), StatusIs(absl::StatusCode::kAlreadyExists));
  Target changed = created;
  changed.value->value = 5;
  TM_ASSERT_OK_AND_ASSIGN(Target stored, repo().ReplaceTarget(changed, created.meta.revision));
  EXPECT_EQ(stored.meta.revision, 2);
  TM_ASSERT_OK_AND_ASSIGN(Target got, repo().GetTarget(created.meta.id));
  EXPECT_EQ(got.value, (Figure{IndicatorUnit::kMoney, 5}));
  EXPECT_THAT(repo().GetTarget("nope"), StatusIs(absl::StatusCode::kNotFound));
  LedgerFilter filter;
  filter.region = "510521";
  TM_ASSERT_OK_AND_ASSIGN(Page<Target> none, repo().ListTargets(filter, ListQuery()));
  EXPECT_TRUE(none.items.empty());
  filter.region = "510000";
  TM_ASSERT_OK_AND_ASSIGN(Page<Target> all, repo().ListTargets(filter, ListQuery()));
  ASSERT_EQ(all.items.size(), 1u);
}

}  // namespace
}  // namespace techmatch::storage
