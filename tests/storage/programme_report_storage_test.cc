// The programme report's aggregates over both backends (Repository::AggregateLedgerYear): sums
// by level, kind and subordinate region, distinct counts, the previous year, over-arrived
// projects, the events organized in a region, and overflow; and the records-only indicators'
// figures (Repository::SumRecordFigure).
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;

class ProgrammeReportStorageTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("acme"));  // 510500
    MustCreate(University("scu"));   // 510100
  }

  void AddProject(const std::string& id, ProjectLevel level, const std::string& region, int year,
                  std::optional<int64_t> approved, const std::vector<int64_t>& arrivals) {
    Project p;
    p.meta.id = id;
    p.title = "项目 " + id;
    p.level = level;
    p.programme = "科技计划";
    p.lead_organization_id = "acme";
    p.region_code = region;
    p.year = year;
    p.approved_minor = approved;
    ASSERT_THAT(repo().CreateProject(p, {}), IsOk());
    for (int64_t amount : arrivals) {
      FundArrival arrival;
      arrival.project_id = id;
      arrival.amount_minor = amount;
      arrival.arrive_time = absl::FromUnixSeconds(1'780'000'000);
      ASSERT_THAT(repo().RecordFundArrival(arrival, {}), IsOk());
    }
  }

  void AddCommissioner(const std::string& id, const std::string& home, const std::string& region,
                       int year, int64_t promoted, std::optional<int64_t> investment) {
    Commissioner c;
    c.meta.id = id;
    c.display_name = "特派员";
    c.home_organization_id = home;
    c.region_code = region;
    c.year = year;
    c.count(OutcomeCount::kTechnologiesPromoted) = promoted;
    c.amount(OutcomeAmount::kInvestment) = investment;
    ASSERT_THAT(repo().CreateCommissioner(c, {}), IsOk());
  }

  void AddFinancing(const std::string& id, FinancingKind kind, const std::string& recipient,
                    const std::string& region, int64_t amount, absl::Time when) {
    Financing f;
    f.meta.id = id;
    f.kind = kind;
    f.provider_id = recipient == "acme" ? "scu" : "acme";
    f.recipient_id = recipient;
    f.amount_minor = amount;
    f.grant_time = when;
    f.region_code = region;
    ASSERT_THAT(repo().CreateFinancing(f, {}), IsOk());
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, ProgrammeReportStorageTest, testing::kBackends,
                         testing::BackendName);

// 2026-03-01 in Beijing; 23:30 on 31 December 2025 in Beijing (15:30 UTC).
const absl::Time kMarch2026 = absl::FromUnixSeconds(1'772'300'000);
const absl::Time kLastHalfHourOf2025 = absl::FromUnixSeconds(1'767'195'000);

TEST_P(ProgrammeReportStorageTest, SumsByLevelAndSubordinateRegionWithThePreviousYear) {
  // 510500 (a city) and its county 510521, another city's district 510104, and the province.
  AddProject("n1", ProjectLevel::kNational, "510521", 2026, 1000, {400, 700});  // over
  AddProject("n2", ProjectLevel::kNational, "510500", 2026, std::nullopt, {50});
  AddProject("p1", ProjectLevel::kProvincial, "510104", 2026, 300, {300});
  AddProject("c1", ProjectLevel::kCounty, "510521", 2025, 200, {100});
  AddProject("x1", ProjectLevel::kCounty, "520100", 2026, 999, {999});  // another province

  absl::StatusOr<LedgerYearTotals> province = repo().AggregateLedgerYear("510000", 2026);
  ASSERT_THAT(province, IsOk());
  const LedgerRegionTotals& p = province->region;
  EXPECT_EQ(p.region_code, "510000");
  EXPECT_EQ(p.projects.at(ProjectLevel::kNational), (ProjectTotals{2, 1000, 1150}));
  EXPECT_EQ(p.projects.at(ProjectLevel::kProvincial), (ProjectTotals{1, 300, 300}));
  EXPECT_EQ(p.projects.count(ProjectLevel::kCounty), 0u);
  EXPECT_EQ(p.previous_projects.at(ProjectLevel::kCounty), (ProjectTotals{1, 200, 100}));
  // The province's cities: 510100 (from 510104) and 510500 (itself and 510521).
  ASSERT_EQ(province->subordinates.size(), 2u);
  EXPECT_EQ(province->subordinates[0].region_code, "510100");
  EXPECT_EQ(province->subordinates[0].projects.at(ProjectLevel::kProvincial),
            (ProjectTotals{1, 300, 300}));
  EXPECT_EQ(province->subordinates[1].region_code, "510500");
  EXPECT_EQ(province->subordinates[1].projects.at(ProjectLevel::kNational),
            (ProjectTotals{2, 1000, 1150}));
  ASSERT_EQ(province->over_arrived.size(), 1u);
  EXPECT_EQ(province->over_arrived[0],
            (OverArrivedProject{"n1", "项目 n1", ProjectLevel::kNational, "510521", 1000, 1100}));

  // The city: its own project counts in its total, not as a subordinate.
  absl::StatusOr<LedgerYearTotals> city = repo().AggregateLedgerYear("510500", 2026);
  ASSERT_THAT(city, IsOk());
  EXPECT_EQ(city->region.projects.at(ProjectLevel::kNational), (ProjectTotals{2, 1000, 1150}));
  ASSERT_EQ(city->subordinates.size(), 1u);
  EXPECT_EQ(city->subordinates[0].region_code, "510521");
  EXPECT_EQ(city->subordinates[0].projects.at(ProjectLevel::kNational),
            (ProjectTotals{1, 1000, 1100}));
  EXPECT_EQ(city->subordinates[0].previous_projects.at(ProjectLevel::kCounty),
            (ProjectTotals{1, 200, 100}));

  // A county has no subordinates.
  absl::StatusOr<LedgerYearTotals> county = repo().AggregateLedgerYear("510521", 2026);
  ASSERT_THAT(county, IsOk());
  EXPECT_TRUE(county->subordinates.empty());
  EXPECT_EQ(county->region.projects.at(ProjectLevel::kNational), (ProjectTotals{1, 1000, 1100}));
}

TEST_P(ProgrammeReportStorageTest, CommissionersAndFinancingCountDistinctOrganizations) {
  AddCommissioner("c1", "scu", "510521", 2026, 3, 100);
  AddCommissioner("c2", "scu", "510522", 2026, 4, std::nullopt);
  AddCommissioner("c3", "acme", "510522", 2026, 5, 50);
  AddCommissioner("c4", "acme", "510522", 2025, 9, 9);
  AddFinancing("f1", FinancingKind::kLoan, "acme", "510521", 1000, kMarch2026);
  AddFinancing("f2", FinancingKind::kLoan, "acme", "510522", 2000, kMarch2026);
  AddFinancing("f3", FinancingKind::kAward, "scu", "510522", 30, kMarch2026);
  AddFinancing("f4", FinancingKind::kAward, "scu", "510522", 40, kLastHalfHourOf2025);

  absl::StatusOr<LedgerYearTotals> city = repo().AggregateLedgerYear("510500", 2026);
  ASSERT_THAT(city, IsOk());
  const CommissionerTotals& c = city->region.commissioners;
  EXPECT_EQ(c.count, 3);
  EXPECT_EQ(c.home_organization_count, 2);
  EXPECT_EQ(c.count_of(OutcomeCount::kTechnologiesPromoted), 12);
  EXPECT_EQ(c.amount_of(OutcomeAmount::kInvestment), 150);
  // One recipient across both loans in the city, counted once in the total.
  EXPECT_EQ(city->region.financing.at(FinancingKind::kLoan), (FinancingTotals{2, 1, 3000}));
  EXPECT_EQ(city->region.financing.at(FinancingKind::kAward), (FinancingTotals{1, 1, 30}));
  EXPECT_EQ(city->region.financing_total, (FinancingTotals{3, 2, 3030}));
  ASSERT_EQ(city->subordinates.size(), 2u);
  const LedgerRegionTotals& c22 = city->subordinates[1];
  EXPECT_EQ(c22.region_code, "510522");
  EXPECT_EQ(c22.commissioners.count, 2);
  EXPECT_EQ(c22.commissioners.home_organization_count, 2);
  EXPECT_EQ(c22.financing_total, (FinancingTotals{2, 2, 2030}));
  // The award granted in the last half hour of 2025 (China Standard Time) is 2025's.
  absl::StatusOr<LedgerYearTotals> before = repo().AggregateLedgerYear("510500", 2025);
  ASSERT_THAT(before, IsOk());
  EXPECT_EQ(before->region.financing_total, (FinancingTotals{1, 1, 40}));
  EXPECT_EQ(before->region.commissioners.count, 1);
}

TEST_P(ProgrammeReportStorageTest, EventsOrganizedInTheRegionDuringTheYear) {
  Event fair = Fair("fair");  // September 2026
  fair.organizer_ids = {"acme"};
  MustCreate(fair);
  Event other = Fair("other");
  other.organizer_ids = {"scu"};  // 510100
  MustCreate(other);
  absl::StatusOr<LedgerYearTotals> city = repo().AggregateLedgerYear("510500", 2026);
  ASSERT_THAT(city, IsOk());
  EXPECT_THAT(city->event_ids, ElementsAre("fair"));
  absl::StatusOr<LedgerYearTotals> province = repo().AggregateLedgerYear("510000", 2026);
  ASSERT_THAT(province, IsOk());
  EXPECT_THAT(province->event_ids, ElementsAre("fair", "other"));
  EXPECT_TRUE(repo().AggregateLedgerYear("510500", 2025)->event_ids.empty());
}

TEST_P(ProgrammeReportStorageTest, ASumBeyond64BitsIsOutOfRange) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  AddProject("big1", ProjectLevel::kNational, "510521", 2026, kMax, {});
  AddProject("big2", ProjectLevel::kNational, "510521", 2026, 1, {});
  EXPECT_THAT(repo().AggregateLedgerYear("510500", 2026), StatusIs(absl::StatusCode::kOutOfRange));
}

TEST_P(ProgrammeReportStorageTest, RecordFiguresSumTheYearUnderTheRegion) {
  AddProject("lu", ProjectLevel::kNational, "510521", 2026, 1000, {400, 700});
  AddProject("luzhou", ProjectLevel::kCounty, "510500", 2026, 10, {5});
  AddProject("old", ProjectLevel::kCounty, "510521", 2025, 10, {});
  AddProject("chengdu", ProjectLevel::kCounty, "510104", 2026, 10, {3});
  AddCommissioner("c1", "scu", "510521", 2026, 1, std::nullopt);
  AddCommissioner("c2", "scu", "510521", 2025, 1, std::nullopt);
  AddFinancing("f1", FinancingKind::kLoan, "acme", "510521", 1000, kMarch2026);
  AddFinancing("f2", FinancingKind::kAward, "scu", "510500", 30, kMarch2026);
  AddFinancing("f3", FinancingKind::kLoan, "acme", "510521", 40, kLastHalfHourOf2025);
  auto sum = [&](RecordFigure figure, const std::string& region, int year) {
    absl::StatusOr<int64_t> value = repo().SumRecordFigure(figure, region, year);
    EXPECT_THAT(value, IsOk());
    return value.value_or(-1);
  };
  EXPECT_EQ(sum(RecordFigure::kProjectsApproved, "510500", 2026), 2);
  EXPECT_EQ(sum(RecordFigure::kProjectsApproved, "510000", 2026), 3);
  // Every arrival is stamped in 2026 (AddProject), whatever the project's year.
  EXPECT_EQ(sum(RecordFigure::kProjectFundsArrived, "510500", 2026), 1105);
  EXPECT_EQ(sum(RecordFigure::kProjectFundsArrived, "510521", 2025), 0);
  EXPECT_EQ(sum(RecordFigure::kCommissionersSent, "510500", 2026), 1);
  EXPECT_EQ(sum(RecordFigure::kFinancingArranged, "510500", 2026), 1030);
  EXPECT_EQ(sum(RecordFigure::kLoansArranged, "510500", 2026), 1000);
  EXPECT_EQ(sum(RecordFigure::kLoansArranged, "510500", 2025), 40);
  EXPECT_EQ(sum(RecordFigure::kFinancingArranged, "520100", 2026), 0);  // nothing there
}

TEST_P(ProgrammeReportStorageTest, ARecordFigureBeyond64BitsIsOutOfRange) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  AddFinancing("f1", FinancingKind::kLoan, "acme", "510521", kMax, kMarch2026);
  AddFinancing("f2", FinancingKind::kLoan, "acme", "510522", 1, kMarch2026);
  EXPECT_THAT(repo().SumRecordFigure(RecordFigure::kLoansArranged, "510500", 2026),
              StatusIs(absl::StatusCode::kOutOfRange));
  // Exact up to the limit: one short of overflowing is the largest amount.
  EXPECT_THAT(repo().SumRecordFigure(RecordFigure::kLoansArranged, "510521", 2026),
              ::testing::Eq(absl::StatusOr<int64_t>(kMax)));
}

}  // namespace
}  // namespace techmatch::storage
