// The records-only indicators: targets on projects_approved, project_funds_arrived,
// commissioners_sent, financing_arranged and loans_arranged take their actual from the ledger's
// records of the year (rolled up the region hierarchy, scoped as every target read), and an
// observation of one is refused.
#include "usecases/derived_figures.h"

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "tests/usecases/usecase_fixture.h"
#include "usecases/indicators.h"
#include "usecases/targets.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Optional;

absl::Time At(int y, int m, int d, int h = 12) {
  return absl::FromCivil(absl::CivilHour(y, m, d, h), absl::FixedTimeZone(8 * 3600));
}

// Luzhou (510500) and its county Lu (510521), Chengdu's Jinjiang district (510104), all in
// Sichuan (510000); and one record of each kind in 2024 that 2025 must not count.
class DerivedFiguresTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    MustProject("lu-1", "510521", 2025);
    MustProject("lu-2", "510521", 2025);
    MustProject("luzhou-1", "510500", 2025);
    MustProject("jinjiang-1", "510104", 2025);
    MustProject("lu-old", "510521", 2024);
    MustArrival("lu-1", 300, At(2025, 3, 1));
    MustArrival("lu-1", 200, At(2025, 12, 31, 23));  // 15:00 UTC, still 2025 in Beijing.
    MustArrival("luzhou-1", 1000, At(2025, 6, 1));
    MustArrival("jinjiang-1", 50, At(2025, 6, 1));
    MustArrival("lu-old", 7, At(2025, 1, 1, 0));   // An older project's money arriving in 2025.
    MustArrival("lu-2", 9, At(2024, 12, 31, 23));  // 2024 in Beijing.
    MustCommissioner("c1", "510521", 2025);
    MustCommissioner("c2", "510500", 2025);
    MustCommissioner("c3", "510104", 2025);
    MustCommissioner("c4", "510521", 2024);
    MustFinancing("f1", FinancingKind::kLoan, "510521", 4000, At(2025, 4, 1));
    MustFinancing("f2", FinancingKind::kGuarantee, "510500", 600, At(2025, 4, 1));
    MustFinancing("f3", FinancingKind::kLoan, "510104", 80, At(2025, 4, 1));
    MustFinancing("f4", FinancingKind::kLoan, "510521", 1, At(2024, 12, 31, 23));
    luzhou_official_.region_code = "510500";
  }

  Targets targets() {
    return Targets(repo(), tokens_, [] { return At(2026, 2, 1); });
  }
  Indicators indicators() { return Indicators(repo(), tokens_); }

  void MustProject(const std::string& id, const std::string& region, int year) {
    Project p;
    p.meta.id = id;
    p.title = "白酒固态发酵智能化关键技术";
    p.level = ProjectLevel::kProvincial;
    p.programme = "四川省科技支撑计划";
    p.lead_organization_id = "acme";
    p.region_code = region;
    p.year = year;
    ASSERT_THAT(repo().CreateProject(p, {}), IsOk());
  }
  void MustArrival(const std::string& project, int64_t amount, absl::Time when) {
    FundArrival a;
    a.project_id = project;
    a.amount_minor = amount;
    a.arrive_time = when;
    ASSERT_THAT(repo().RecordFundArrival(a, {}), IsOk());
  }
  void MustCommissioner(const std::string& id, const std::string& region, int year) {
    Commissioner c;
    c.meta.id = id;
    c.display_name = "王力";
    c.home_organization_id = "scu";
    c.region_code = region;
    c.year = year;
    ASSERT_THAT(repo().CreateCommissioner(c, {}), IsOk());
  }
  void MustFinancing(const std::string& id, FinancingKind kind, const std::string& region,
                     int64_t amount, absl::Time when) {
    Financing f;
    f.meta.id = id;
    f.kind = kind;
    f.provider_id = "scu";
    f.recipient_id = "acme";
    f.amount_minor = amount;
    f.grant_time = when;
    f.region_code = region;
    ASSERT_THAT(repo().CreateFinancing(f, {}), IsOk());
  }

  // The year's actual of a new 2025 target on `code` for `region`.
  std::optional<int64_t> Actual(const std::string& code, const std::string& region) {
    NewTarget input;
    input.target.indicator_code = code;
    input.target.region_code = region;
    input.target.year = 2025;
    const bool money =
        code == "project_funds_arrived" || code == "financing_arranged" || code == "loans_arranged";
    input.target.value = Figure{money ? IndicatorUnit::kMoney : IndicatorUnit::kCount, 2};
    absl::StatusOr<TargetView> view = targets().Create(organizer_, std::move(input));
    EXPECT_THAT(view, IsOk());
    if (!view.ok()) return std::nullopt;
    return view->progress.year.actual;
  }

  Principal luzhou_official_ = Caller(Role::kOfficial);
};

TEST_F(DerivedFiguresTest, ProjectsApprovedCountsTheYearsProjectsRolledUp) {
  EXPECT_THAT(Actual("projects_approved", "510521"), Optional(int64_t{2}));
  // A city's own projects and its counties' add up.
  EXPECT_THAT(Actual("projects_approved", "510500"), Optional(int64_t{3}));
  EXPECT_THAT(Actual("projects_approved", "510000"), Optional(int64_t{4}));
  EXPECT_EQ(Actual("projects_approved", "520000"), std::nullopt);
}

TEST_F(DerivedFiguresTest, ProjectFundsArrivedSumsTheYearsArrivalsInChinaStandardTime) {
  EXPECT_THAT(Actual("project_funds_arrived", "510521"), Optional(int64_t{507}));
  EXPECT_THAT(Actual("project_funds_arrived", "510500"), Optional(int64_t{1507}));
  EXPECT_THAT(Actual("project_funds_arrived", "510000"), Optional(int64_t{1557}));
}

TEST_F(DerivedFiguresTest, CommissionersSentCountsTheYearsCommissioners) {
  EXPECT_THAT(Actual("commissioners_sent", "510521"), Optional(int64_t{1}));
  EXPECT_THAT(Actual("commissioners_sent", "510500"), Optional(int64_t{2}));
  EXPECT_THAT(Actual("commissioners_sent", "510000"), Optional(int64_t{3}));
}

TEST_F(DerivedFiguresTest, FinancingArrangedSumsEveryKindAndLoansOnlyLoans) {
  EXPECT_THAT(Actual("financing_arranged", "510500"), Optional(int64_t{4600}));
  EXPECT_THAT(Actual("financing_arranged", "510000"), Optional(int64_t{4680}));
  EXPECT_THAT(Actual("loans_arranged", "510500"), Optional(int64_t{4000}));
  EXPECT_THAT(Actual("loans_arranged", "510000"), Optional(int64_t{4080}));
}

TEST_F(DerivedFiguresTest, CompletionAndAssessmentFollowTheRecords) {
  NewTarget input;
  input.target.indicator_code = "projects_approved";
  input.target.region_code = "510500";
  input.target.year = 2025;
  input.target.value = Figure{IndicatorUnit::kCount, 4};
  TM_ASSERT_OK_AND_ASSIGN(TargetView view, targets().Create(organizer_, std::move(input)));
  EXPECT_EQ(view.progress.year.completion_bp, 7500);
  EXPECT_EQ(view.progress.year.assessment, Assessment::kNotMet);
}

TEST_F(DerivedFiguresTest, AnOfficialSeesOnlyTargetsInTheRegionWithTheRegionsRecords) {
  ASSERT_TRUE(Actual("loans_arranged", "510500").has_value());
  ASSERT_TRUE(Actual("loans_arranged", "510100").has_value());
  TM_ASSERT_OK_AND_ASSIGN(TargetView luzhou,
                          targets().Get(luzhou_official_, "targets/loans-arranged-510500-2025"));
  EXPECT_THAT(luzhou.progress.year.actual, Optional(int64_t{4000}));
  EXPECT_THAT(targets().Get(luzhou_official_, "targets/loans-arranged-510100-2025"),
              StatusIs(absl::StatusCode::kNotFound));
  TM_ASSERT_OK_AND_ASSIGN(ListPage<TargetView> listed,
                          targets().List(luzhou_official_, LedgerListRequest{}));
  std::vector<std::string> ids;
  for (const TargetView& v : listed.items) ids.push_back(v.target.meta.id);
  EXPECT_THAT(ids, ElementsAre("loans-arranged-510500-2025"));
}

TEST_F(DerivedFiguresTest, AnObservationOfARecordsOnlyIndicatorIsRefused) {
  for (const char* code : {"achievements_transformed", "projects_approved", "project_funds_arrived",
                           "commissioners_sent", "financing_arranged", "loans_arranged"}) {
    EXPECT_EQ(SourceOf(code), IndicatorSource::kDerived) << code;
    ObservationInput input;
    input.observation.indicator_code = code;
    input.observation.region_code = "510500";
    input.observation.year = 2025;
    TM_ASSERT_OK_AND_ASSIGN(Indicator indicator, repo().GetIndicator(code));
    input.observation.value = Figure{indicator.unit, 3};
    absl::StatusOr<Observation> refused = indicators().Record(organizer_, std::move(input));
    EXPECT_THAT(ViolatedFields(refused), ElementsAre("observation.indicator")) << code;
    const std::vector<FieldViolation> violations = FieldViolationsOf(refused.status());
    ASSERT_EQ(violations.size(), 1u);
    EXPECT_THAT(violations[0].description, HasSubstr("comes from the ledger's records"));
  }
  LedgerListRequest all;
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Observation> stored,
                          indicators().ListObservations(organizer_, all));
  EXPECT_TRUE(stored.items.empty());
}

}  // namespace
}  // namespace techmatch::usecases::testing
