// IndicatorService and TargetService over real RPCs: the seeded catalogue, figures in every
// unit, BadRequest field violations, who may call what, and targets' progress at the server's
// clock.
#include <memory>
#include <string>

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "techmatch/v1/indicator.grpc.pb.h"
#include "techmatch/v1/target.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class LedgerServiceTest : public OverBackends<ServerTest> {
 protected:
  void Configure(server::ServerOptions& options) override {
    // The server's clock: 1 August 2025 in China, the first half over, the year not.
    options.people.clock = [] {
      return absl::FromCivil(absl::CivilDay(2025, 8, 1), absl::FixedTimeZone(8 * 3600));
    };
  }
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    indicators_ = v1::IndicatorService::NewStub(channel_);
    targets_ = v1::TargetService::NewStub(channel_);
  }

  grpc::Status Record(const std::string& indicator, const std::string& region, int half,
                      int64_t count, v1::Observation* out, const std::string& token = "") {
    v1::RecordObservationRequest request;
    v1::Observation& o = *request.mutable_observation();
    o.set_indicator(indicator);
    o.set_region_code(region);
    o.set_year(2025);
    if (half != 0) o.set_half(half);
    o.set_count(count);
    return indicators_->RecordObservation(token.empty() ? Ctx().get() : Ctx(token).get(), request,
                                          out);
  }

  std::unique_ptr<v1::IndicatorService::Stub> indicators_;
  std::unique_ptr<v1::TargetService::Stub> targets_;
};

TEST_P(LedgerServiceTest, TheCatalogueIsListedWithUnitsAndSources) {
  v1::ListIndicatorsRequest request;
  request.set_page_size(100);
  v1::ListIndicatorsResponse response;
  ASSERT_TRUE(indicators_->ListIndicators(Ctx().get(), request, &response).ok());
  ASSERT_EQ(response.indicators_size(), 16);
  const v1::Indicator& first = response.indicators(0);
  EXPECT_EQ(first.name(), "indicators/achievements_transformed");
  EXPECT_EQ(first.source(), v1::Indicator::DERIVED);
  EXPECT_THAT(first.source_description(), HasSubstr("DEMANDER"));
  EXPECT_EQ(response.indicators(15).name(), "indicators/spark_trainees");
  EXPECT_EQ(response.indicators(15).display_name_zh(), "星火培训人次");
  EXPECT_EQ(response.indicators(15).unit(), v1::COUNT);
  EXPECT_EQ(response.indicators(15).source(), v1::Indicator::OBSERVED);
}

TEST_P(LedgerServiceTest, CreateIndicatorIsForAdministratorsOnly) {
  v1::CreateIndicatorRequest request;
  request.set_indicator_id("rd_share");
  request.mutable_indicator()->set_display_name_zh("研发投入强度");
  request.mutable_indicator()->set_unit(v1::PERCENT);
  v1::Indicator created;
  const std::string organizer = CreateKey(Role::kOrganizer);
  EXPECT_EQ(indicators_->CreateIndicator(Ctx(organizer).get(), request, &created).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(indicators_->CreateIndicator(Ctx().get(), request, &created).ok());
  EXPECT_EQ(created.name(), "indicators/rd_share");
  EXPECT_EQ(created.unit(), v1::PERCENT);
  EXPECT_FALSE(created.etag().empty());
}

TEST_P(LedgerServiceTest, RecordObservationNamesEveryBadField) {
  v1::RecordObservationRequest request;
  v1::Observation& o = *request.mutable_observation();
  o.set_indicator("indicators/Bad");
  o.set_region_code("5105");
  o.set_year(2200);
  o.set_half(0);
  o.mutable_money()->set_currency_code("USD");
  o.mutable_money()->set_units(5);
  v1::Observation out;
  const grpc::Status status = indicators_->RecordObservation(Ctx().get(), request, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("observation.indicator", "observation.half",
                                                  "observation.money.currency_code",
                                                  "observation.region_code", "observation.year"));
}

TEST_P(LedgerServiceTest, MoneyFiguresTravelInMinorUnits) {
  v1::RecordObservationRequest request;
  v1::Observation& o = *request.mutable_observation();
  o.set_indicator("indicators/new_output_value");
  o.set_region_code("510521");
  o.set_year(2025);
  o.mutable_money()->set_currency_code("CNY");
  o.mutable_money()->set_units(1234);
  o.mutable_money()->set_nanos(500000000);
  v1::Observation out;
  ASSERT_TRUE(indicators_->RecordObservation(Ctx().get(), request, &out).ok());
  EXPECT_EQ(out.name(), "observations/new-output-value-510521-2025");
  EXPECT_EQ(out.money().units(), 1234);
  EXPECT_EQ(out.money().nanos(), 500000000);
  EXPECT_FALSE(out.has_half());
  // A count for a MONEY indicator is refused.
  o.set_region_code("510522");
  o.set_count(5);
  const grpc::Status status = indicators_->RecordObservation(Ctx().get(), request, &out);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("observation.count"));
}

TEST_P(LedgerServiceTest, ASecondFigureForAKeyIsAlreadyExistsUnlessItCarriesTheEtag) {
  v1::Observation first;
  ASSERT_TRUE(Record("indicators/spark_trainees", "510500", 1, 300, &first).ok());
  v1::Observation second;
  const grpc::Status again = Record("indicators/spark_trainees", "510500", 1, 310, &second);
  EXPECT_EQ(again.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  v1::RecordObservationRequest request;
  *request.mutable_observation() = first;
  request.mutable_observation()->set_count(310);
  ASSERT_TRUE(indicators_->RecordObservation(Ctx().get(), request, &second).ok());
  EXPECT_EQ(second.count(), 310);
  EXPECT_NE(second.etag(), first.etag());
}

TEST_P(LedgerServiceTest, WhoMayReadAndWriteFigures) {
  CreateOrganization("acme", v1::Organization::ENTERPRISE);
  const std::string official = CreateKey(Role::kOfficial);
  const std::string enterprise = CreateKey(Role::kEnterprise, "acme");
  v1::Observation out;
  EXPECT_EQ(Record("indicators/spark_trainees", "510500", 0, 1, &out, official).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(Record("indicators/spark_trainees", "510500", 0, 1, &out).ok());
  v1::ListObservationsRequest list;
  list.set_region_code("510000");
  v1::ListObservationsResponse listed;
  ASSERT_TRUE(indicators_->ListObservations(Ctx(official).get(), list, &listed).ok());
  EXPECT_EQ(listed.observations_size(), 1);
  EXPECT_EQ(indicators_->ListObservations(Ctx(enterprise).get(), list, &listed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::GetTargetRequest get;
  get.set_name("targets/spark-trainees-510500-2025");
  v1::Target target;
  EXPECT_EQ(targets_->GetTarget(Ctx(enterprise).get(), get, &target).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_P(LedgerServiceTest, TargetsAnswerTheirChecksAtTheServersClock) {
  v1::Observation out;
  ASSERT_TRUE(Record("indicators/spark_trainees", "510521", 1, 300, &out).ok());
  ASSERT_TRUE(Record("indicators/spark_trainees", "510522", 1, 150, &out).ok());
  v1::CreateTargetRequest request;
  v1::Target& t = *request.mutable_target();
  t.set_indicator("indicators/spark_trainees");
  t.set_region_code("510500");
  t.set_year(2025);
  t.set_count(1000);
  v1::Target created;
  ASSERT_TRUE(targets_->CreateTarget(Ctx().get(), request, &created).ok());
  EXPECT_EQ(created.name(), "targets/spark-trainees-510500-2025");
  EXPECT_EQ(created.actual().count(), 450);
  EXPECT_EQ(created.completion(), 4500);
  EXPECT_EQ(created.assessment(), v1::PENDING);
  ASSERT_EQ(created.checks_size(), 2);
  EXPECT_EQ(created.checks(0).half(), 1);
  EXPECT_EQ(created.checks(0).assessment(), v1::NOT_MET);  // short of half the target
  EXPECT_FALSE(created.checks(1).has_half());
  EXPECT_EQ(created.checks(1).assessment(), v1::PENDING);

  v1::UpdateTargetRequest update;
  update.mutable_target()->set_name(created.name());
  update.mutable_target()->set_etag(created.etag());
  update.mutable_target()->set_count(800);
  v1::Target updated;
  ASSERT_TRUE(targets_->UpdateTarget(Ctx().get(), update, &updated).ok());
  EXPECT_EQ(updated.count(), 800);
  EXPECT_EQ(updated.checks(0).completion(), 5625);
  EXPECT_EQ(updated.checks(0).assessment(), v1::MET);
  EXPECT_EQ(targets_->UpdateTarget(Ctx().get(), update, &updated).error_code(),
            grpc::StatusCode::ABORTED);

  v1::ListTargetsRequest list;
  list.set_indicator("indicators/spark_trainees");
  v1::ListTargetsResponse listed;
  ASSERT_TRUE(targets_->ListTargets(Ctx().get(), list, &listed).ok());
  ASSERT_EQ(listed.targets_size(), 1);
  EXPECT_EQ(listed.targets(0).actual().count(), 450);

  v1::CreateTargetRequest bad;
  bad.mutable_target()->set_indicator("indicators/no_such");
  bad.mutable_target()->set_region_code("x");
  const grpc::Status status = targets_->CreateTarget(Ctx().get(), bad, &created);
  EXPECT_THAT(ViolatedFields(status),
              ElementsAre("target.indicator", "target.region_code", "target.year", "target.value"));
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerServiceTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
