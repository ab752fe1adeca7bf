// Targets on the records-only indicators over real RPCs: each takes its actual from the
// projects, fund arrivals, commissioners and financing recorded through the API, and an
// observation of one is INVALID_ARGUMENT naming the indicator.
#include <memory>
#include <string>
#include <utility>

#include "techmatch/v1/commissioner.grpc.pb.h"
#include "techmatch/v1/financing.grpc.pb.h"
#include "techmatch/v1/indicator.grpc.pb.h"
#include "techmatch/v1/project.grpc.pb.h"
#include "techmatch/v1/target.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;

constexpr int64_t kMarch2026 = 1'772'300'000;  // 2026-03-01 in Beijing

google::type::Money Yuan(int64_t units) {
  google::type::Money money;
  money.set_currency_code("CNY");
  money.set_units(units);
  return money;
}

class DerivedTargetServiceTest : public OverBackends<SeededServerTest> {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    CreateOrganization("bank", v1::Organization::FINANCIAL_INSTITUTION);
    auto projects = v1::ProjectService::NewStub(channel_);
    auto commissioners = v1::CommissionerService::NewStub(channel_);
    auto financings = v1::FinancingService::NewStub(channel_);

    for (const char* region : {"510521", "510500"}) {
      v1::CreateProjectRequest project;
      v1::Project& p = *project.mutable_project();
      p.set_title("白酒固态发酵智能化关键技术");
      p.set_level(v1::Project::PROVINCIAL);
      p.set_programme("四川省科技支撑计划");
      p.set_lead_organization("organizations/acme");
      p.set_region_code(region);
      p.set_year(2026);
      v1::Project created;
      ASSERT_TRUE(projects->CreateProject(Ctx().get(), project, &created).ok());
      v1::RecordFundArrivalRequest arrival;
      arrival.set_project(created.name());
      *arrival.mutable_amount() = Yuan(300);
      arrival.mutable_arrive_time()->set_seconds(kMarch2026);
      v1::FundArrival arrived;
      ASSERT_TRUE(projects->RecordFundArrival(Ctx().get(), arrival, &arrived).ok());
    }

    v1::CreateCommissionerRequest commissioner;
    v1::Commissioner& c = *commissioner.mutable_commissioner();
    c.set_display_name("王力");
    c.set_home_organization("organizations/scu");
    c.set_region_code("510521");
    c.set_year(2026);
    c.set_service_model(v1::Commissioner::MARKET_LED);
    v1::Commissioner sent;
    ASSERT_TRUE(commissioners->CreateCommissioner(Ctx().get(), commissioner, &sent).ok());

    const std::pair<v1::Financing::Kind, int64_t> grants[] = {{v1::Financing::LOAN, 5000},
                                                              {v1::Financing::AWARD, 20}};
    for (const auto& [kind, units] : grants) {
      v1::CreateFinancingRequest financing;
      v1::Financing& f = *financing.mutable_financing();
      f.set_kind(kind);
      f.set_provider("organizations/bank");
      f.set_recipient("organizations/acme");
      *f.mutable_amount() = Yuan(units);
      f.mutable_grant_time()->set_seconds(kMarch2026);
      v1::Financing granted;
      ASSERT_TRUE(financings->CreateFinancing(Ctx().get(), financing, &granted).ok());
    }
    targets_ = v1::TargetService::NewStub(channel_);
    indicators_ = v1::IndicatorService::NewStub(channel_);
  }

  // A 2026 target for Luzhou on `indicator`, as created.
  v1::Target CreateTarget(const std::string& indicator, bool money) {
    v1::CreateTargetRequest request;
    v1::Target& t = *request.mutable_target();
    t.set_indicator("indicators/" + indicator);
    t.set_region_code("510500");
    t.set_year(2026);
    if (money) {
      *t.mutable_money() = Yuan(1000);
    } else {
      t.set_count(4);
    }
    v1::Target created;
    const grpc::Status status = targets_->CreateTarget(Ctx().get(), request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return created;
  }

  std::unique_ptr<v1::TargetService::Stub> targets_;
  std::unique_ptr<v1::IndicatorService::Stub> indicators_;
};

TEST_P(DerivedTargetServiceTest, EachRecordsOnlyIndicatorTakesItsActualFromTheRecords) {
  EXPECT_EQ(CreateTarget("projects_approved", false).actual().count(), 2);
  EXPECT_EQ(CreateTarget("commissioners_sent", false).actual().count(), 1);
  EXPECT_EQ(CreateTarget("project_funds_arrived", true).actual().money().units(), 600);
  EXPECT_EQ(CreateTarget("financing_arranged", true).actual().money().units(), 5020);
  const v1::Target loans = CreateTarget("loans_arranged", true);
  EXPECT_EQ(loans.actual().money().units(), 5000);
  EXPECT_EQ(loans.completion(), 50000);  // 5,000 of 1,000 yuan: 500%
}

TEST_P(DerivedTargetServiceTest, AnObservationOfARecordsOnlyIndicatorIsRefused) {
  v1::RecordObservationRequest request;
  v1::Observation& o = *request.mutable_observation();
  o.set_indicator("indicators/projects_approved");
  o.set_region_code("510500");
  o.set_year(2026);
  o.set_count(3);
  v1::Observation recorded;
  const grpc::Status status = indicators_->RecordObservation(Ctx().get(), request, &recorded);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("observation.indicator"));
}

INSTANTIATE_TEST_SUITE_P(Backends, DerivedTargetServiceTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
