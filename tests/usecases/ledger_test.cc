// The programme ledger's use cases: indicators, observations and targets — every rule, the
// permissions of region-scoped callers, and targets' progress at an injected clock.
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

absl::Time At(int y, int m, int d) {
  return absl::FromCivil(absl::CivilDay(y, m, d), absl::FixedTimeZone(8 * 3600));
}

class LedgerTest : public UseCaseTest {
 protected:
  Indicators indicators() { return Indicators(repo(), tokens_); }
  Targets targets() {
    return Targets(repo(), tokens_, [this] { return now_; });
  }

  static ObservationInput Input(const std::string& region, int year, int half, int64_t count,
                                const std::string& code = "spark_trainees") {
    ObservationInput input;
    input.observation.indicator_code = code;
    input.observation.region_code = region;
    input.observation.year = year;
    input.observation.half = half;
    input.observation.value = Figure{IndicatorUnit::kCount, count};
    return input;
  }

  void MustRecord(const std::string& region, int half, int64_t count,
                  const std::string& code = "spark_trainees") {
    EXPECT_THAT(indicators().Record(organizer_, Input(region, 2025, half, count, code)), IsOk());
  }

  static NewTarget NewCountTarget(const std::string& region, int64_t count,
                                  const std::string& code = "spark_trainees") {
    NewTarget input;
    input.target.indicator_code = code;
    input.target.region_code = region;
    input.target.year = 2025;
    input.target.value = Figure{IndicatorUnit::kCount, count};
    return input;
  }

  static Principal Regional(Role role, const std::string& region) {
    Principal principal = Caller(role);
    principal.region_code = region;
    return principal;
  }

  absl::Time now_ = At(2025, 8, 1);
};

TEST_F(LedgerTest, CreateIndicatorNamesEveryBadFieldAtOnce) {
  NewIndicator input;
  input.indicator_id = "Bad-Code";
  input.indicator.unit = static_cast<IndicatorUnit>(0);
  EXPECT_THAT(indicators().Create(std::move(input)), StatusIs(absl::StatusCode::kInvalidArgument));
  NewIndicator again;
  again.indicator_id = "Bad-Code";
  again.indicator.unit = static_cast<IndicatorUnit>(0);
  EXPECT_THAT(ViolatedFields(indicators().Create(std::move(again))),
              ElementsAre("indicator_id", "indicator.display_name_zh", "indicator.unit"));
}

TEST_F(LedgerTest, CreateIndicatorAndListTheCatalogue) {
  NewIndicator input;
  input.indicator_id = "tech_markets";
  input.indicator.display_name_zh = "技术市场";
  input.indicator.unit = IndicatorUnit::kCount;
  TM_ASSERT_OK_AND_ASSIGN(Indicator created, indicators().Create(std::move(input)));
  EXPECT_EQ(created.meta.id, "tech_markets");
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Indicator> page, indicators().List({"", 100, ""}));
  EXPECT_EQ(page.items.size(), 17u);  // 16 seeded and the new one
}

TEST_F(LedgerTest, RecordNamesEveryBadFieldAtOnceAndStoresNothing) {
  ObservationInput input = Input("51", 1979, 3, -1, "no_such");
  EXPECT_THAT(ViolatedFields(indicators().Record(organizer_, std::move(input))),
              ElementsAre("observation.indicator", "observation.region_code", "observation.year",
                          "observation.half", "observation.count"));
  ObservationInput money = Input("510500", 2025, 0, 0);
  money.observation.value = Figure{IndicatorUnit::kMoney, 100};
  EXPECT_THAT(ViolatedFields(indicators().Record(organizer_, std::move(money))),
              ElementsAre("observation.money"));
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Observation> page,
                          indicators().ListObservations(organizer_, {}));
  EXPECT_TRUE(page.items.empty());
}

TEST_F(LedgerTest, AConversionProblemIsReportedOnce) {
  ObservationInput input = Input("510500", 2025, 0, 1, "");
  input.conversion.Add("indicator", "must be 'indicators/{code}'");
  EXPECT_THAT(ViolatedFields(indicators().Record(organizer_, std::move(input))),
              ElementsAre("observation.indicator"));
}

TEST_F(LedgerTest, ASecondObservationOfAKeyNeedsTheEtag) {
  TM_ASSERT_OK_AND_ASSIGN(Observation first,
                          indicators().Record(organizer_, Input("510500", 2025, 1, 300)));
  EXPECT_EQ(first.meta.id, "spark-trainees-510500-2025-h1");
  EXPECT_THAT(indicators().Record(organizer_, Input("510500", 2025, 1, 310)),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("send its etag")));
  ObservationInput correction = Input("510500", 2025, 1, 310);
  const std::string etag = Etag(first.meta);
  correction.etag = etag;
  correction.observation.note = "revised table";
  TM_ASSERT_OK_AND_ASSIGN(Observation replaced,
                          indicators().Record(organizer_, std::move(correction)));
  EXPECT_EQ(replaced.value->value, 310);
  EXPECT_EQ(replaced.note, "revised table");
  ObservationInput stale = Input("510500", 2025, 1, 320);
  stale.etag = etag;
  EXPECT_THAT(indicators().Record(organizer_, std::move(stale)),
              StatusIs(absl::StatusCode::kAborted));
  ObservationInput missing = Input("510521", 2025, 1, 1);
  missing.etag = etag;
  EXPECT_THAT(indicators().Record(organizer_, std::move(missing)),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(LedgerTest, RequestIdsMakeRecordingIdempotent) {
  ObservationInput input = Input("510500", 2025, 0, 5);
  input.request_id = "r-1";
  TM_ASSERT_OK_AND_ASSIGN(Observation first, indicators().Record(organizer_, input));
  TM_ASSERT_OK_AND_ASSIGN(Observation again, indicators().Record(organizer_, input));
  EXPECT_EQ(again.meta.id, first.meta.id);
}

TEST_F(LedgerTest, RegionScopedCallersWriteAndReadOnlyTheirRegion) {
  const Principal luzhou_organizer = Regional(Role::kOrganizer, "510500");
  EXPECT_THAT(indicators().Record(luzhou_organizer, Input("510521", 2025, 0, 1)), IsOk());
  EXPECT_THAT(indicators().Record(luzhou_organizer, Input("510104", 2025, 0, 1)),
              StatusIs(absl::StatusCode::kPermissionDenied));
  MustRecord("510104", 0, 2);
  const Principal luxian_official = Regional(Role::kOfficial, "510521");
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Observation> page,
                          indicators().ListObservations(luxian_official, {}));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].region_code, "510521");
  TM_ASSERT_OK_AND_ASSIGN(page, indicators().ListObservations(official_, {}));
  EXPECT_EQ(page.items.size(), 2u);
}

TEST_F(LedgerTest, ListObservationsNarrowsAndChecksItsFields) {
  MustRecord("510500", 0, 1);
  MustRecord("510521", 0, 2);
  MustRecord("510521", 0, 3, "patent_applications");
  LedgerListRequest request;
  request.indicator = "indicators/spark_trainees";
  request.region_code = "510521";
  request.year = 2025;
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Observation> page,
                          indicators().ListObservations(official_, request));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].meta.id, "spark-trainees-510521-2025");
  LedgerListRequest bad;
  bad.indicator = "industries/liquor";
  bad.region_code = "5105";
  bad.year = 1800;
  bad.page_size = -1;
  EXPECT_THAT(ViolatedFields(indicators().ListObservations(official_, bad)),
              ElementsAre("indicator", "region_code", "year", "page_size"));
}

TEST_F(LedgerTest, PagesContinueOnlyTheirOwnNarrowing) {
  MustRecord("510500", 0, 1);
  MustRecord("510521", 0, 2);
  LedgerListRequest request;
  request.page_size = 1;
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Observation> first,
                          indicators().ListObservations(official_, request));
  ASSERT_FALSE(first.next_page_token.empty());
  request.page_token = first.next_page_token;
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Observation> second,
                          indicators().ListObservations(official_, request));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_NE(second.items[0].meta.id, first.items[0].meta.id);
  request.year = 2025;
  EXPECT_THAT(indicators().ListObservations(official_, request),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(LedgerTest, ATargetAnswersItsProgressFromTheRolledUpFigures) {
  MustRecord("510521", 1, 300);
  MustRecord("510522", 1, 250);
  TM_ASSERT_OK_AND_ASSIGN(TargetView created,
                          targets().Create(organizer_, NewCountTarget("510500", 1000)));
  EXPECT_EQ(created.target.meta.id, "spark-trainees-510500-2025");
  EXPECT_THAT(created.progress.year.actual, Optional(int64_t{550}));
  EXPECT_EQ(created.progress.year.completion_bp, 5500);
  EXPECT_EQ(created.progress.year.assessment, Assessment::kPending);
  EXPECT_EQ(created.progress.checks[0].assessment, Assessment::kMet);
  // The city's own whole-year total prevails once reported.
  MustRecord("510500", 0, 1200);
  now_ = At(2026, 1, 1);
  TM_ASSERT_OK_AND_ASSIGN(TargetView got,
                          targets().Get(official_, "targets/spark-trainees-510500-2025"));
  EXPECT_THAT(got.progress.year.actual, Optional(int64_t{1200}));
  EXPECT_EQ(got.progress.year.assessment, Assessment::kMet);
  EXPECT_THAT(targets().Create(organizer_, NewCountTarget("510500", 5)),
              StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_F(LedgerTest, CreateTargetNamesEveryBadFieldAtOnce) {
  NewTarget input = NewCountTarget("5105xx", -3, "no_such");
  input.target.year = 0;
  EXPECT_THAT(ViolatedFields(targets().Create(organizer_, std::move(input))),
              ElementsAre("target.indicator", "target.region_code", "target.year", "target.count"));
  NewTarget money = NewCountTarget("510500", 1);
  money.target.value = Figure{IndicatorUnit::kMoney, 1};
  EXPECT_THAT(ViolatedFields(targets().Create(organizer_, std::move(money))),
              ElementsAre("target.money"));
  NewTarget missing = NewCountTarget("510500", 1);
  missing.target.value.reset();
  EXPECT_THAT(ViolatedFields(targets().Create(organizer_, std::move(missing))),
              ElementsAre("target.value"));
}

TEST_F(LedgerTest, TargetsOutsideAScopedCallersRegionAreHidden) {
  ASSERT_THAT(targets().Create(organizer_, NewCountTarget("510104", 10)), IsOk());
  ASSERT_THAT(targets().Create(organizer_, NewCountTarget("510521", 10)), IsOk());
  const Principal luzhou = Regional(Role::kOfficial, "510500");
  EXPECT_THAT(targets().Get(luzhou, "targets/spark-trainees-510104-2025"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(targets().Get(luzhou, "targets/spark-trainees-510521-2025"), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(ListPage<TargetView> page, targets().List(luzhou, {}));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].target.region_code, "510521");
  EXPECT_THAT(targets().Create(Regional(Role::kOrganizer, "510500"), NewCountTarget("510106", 10)),
              StatusIs(absl::StatusCode::kPermissionDenied));
  TargetUpdate update;
  update.name = "targets/spark-trainees-510104-2025";
  update.paths = {"count"};
  update.patch.value = Figure{IndicatorUnit::kCount, 20};
  EXPECT_THAT(targets().Update(Regional(Role::kOrganizer, "510500"), update),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(LedgerTest, UpdateChangesOnlyTheValueAndChecksTheEtag) {
  TM_ASSERT_OK_AND_ASSIGN(TargetView created,
                          targets().Create(organizer_, NewCountTarget("510500", 10)));
  TargetUpdate update;
  update.name = "targets/spark-trainees-510500-2025";
  update.etag = "\"stale\"";
  update.paths = {"count"};
  update.patch.value = Figure{IndicatorUnit::kCount, 20};
  EXPECT_THAT(targets().Update(organizer_, update), StatusIs(absl::StatusCode::kAborted));
  const std::string etag = Etag(created.target.meta);
  update.etag = etag;
  TM_ASSERT_OK_AND_ASSIGN(TargetView updated, targets().Update(organizer_, update));
  EXPECT_EQ(updated.target.value->value, 20);
  TargetUpdate immutable;
  immutable.name = update.name;
  immutable.paths = {"region_code"};
  EXPECT_THAT(ViolatedFields(targets().Update(organizer_, immutable)),
              ElementsAre("update_mask.paths[0]"));
  TargetUpdate wrong_unit;
  wrong_unit.name = update.name;
  wrong_unit.paths = {"money"};
  wrong_unit.patch.value = Figure{IndicatorUnit::kMoney, 20};
  EXPECT_THAT(ViolatedFields(targets().Update(organizer_, wrong_unit)),
              ElementsAre("target.money"));
  TargetUpdate unknown = update;
  unknown.etag = "";
  unknown.name = "targets/nope";
  EXPECT_THAT(targets().Update(organizer_, unknown), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(LedgerTest, AchievementsTransformedCountsContractsPutToUse) {
  auto contract = [](const std::string& id, AgreementKind kind, AgreementState state) {
    Agreement a;
    a.meta.id = id;
    a.title = "窖泥技术转让";
    a.kind = kind;
    a.parties = {{"scu", PartyRole::kSupplier}, {"acme", PartyRole::kDemander}};
    a.sign_time = At(2025, 5, 1);
    a.state = state;
    return a;
  };
  for (const Agreement& a :
       {contract("t1", AgreementKind::kTechnologyTransfer, AgreementState::kImplementing),
        contract("t2", AgreementKind::kTechnologyLicense, AgreementState::kCompleted),
        contract("t3", AgreementKind::kTechnologyTransfer, AgreementState::kSigned),
        contract("t4", AgreementKind::kTechnologyConsulting, AgreementState::kImplementing),
        contract("t5", AgreementKind::kTechnologyTransfer, AgreementState::kTerminated)}) {
    ASSERT_THAT(repo().CreateAgreement(a, {}), IsOk());
  }
  Agreement last_year =
      contract("t6", AgreementKind::kTechnologyTransfer, AgreementState::kCompleted);
  last_year.sign_time = At(2024, 12, 31);
  ASSERT_THAT(repo().CreateAgreement(last_year, {}), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(
      TargetView view,
      targets().Create(organizer_, NewCountTarget("510000", 4, "achievements_transformed")));
  EXPECT_THAT(view.progress.year.actual, Optional(int64_t{2}));
  EXPECT_EQ(view.progress.year.completion_bp, 5000);
  // Chengdu, the supplier's city, transformed nothing.
  TM_ASSERT_OK_AND_ASSIGN(
      TargetView chengdu,
      targets().Create(organizer_, NewCountTarget("510100", 4, "achievements_transformed")));
  EXPECT_EQ(chengdu.progress.year.actual, std::nullopt);
  // The figure comes from the agreements alone: an observation of it is refused.
  EXPECT_THAT(
      indicators().Record(organizer_, Input("510500", 2025, 0, 9, "achievements_transformed")),
      StatusIs(absl::StatusCode::kInvalidArgument));
  TM_ASSERT_OK_AND_ASSIGN(TargetView still,
                          targets().Get(official_, "targets/achievements-transformed-510000-2025"));
  EXPECT_THAT(still.progress.year.actual, Optional(int64_t{2}));
}

}  // namespace
}  // namespace techmatch::usecases::testing
