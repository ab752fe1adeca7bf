// CommissionerService and FinancingService over a real connection: round trips, every bad
// field at once, who may call what, and the Connect-visible descriptors being registered.
#include <string>
#include <vector>

#include "techmatch/v1/commissioner.grpc.pb.h"
#include "techmatch/v1/financing.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

google::type::Money Yuan(int64_t units) {
  google::type::Money money;
  money.set_currency_code("CNY");
  money.set_units(units);
  return money;
}

class LedgerRecordsServiceTest : public OverBackends<SeededServerTest> {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    commissioners_ = v1::CommissionerService::NewStub(channel_);
    financings_ = v1::FinancingService::NewStub(channel_);
    CreateOrganization("guarantor", v1::Organization::FINANCIAL_INSTITUTION);
  }

  static v1::Commissioner SampleCommissioner() {
    v1::Commissioner c;
    c.set_display_name("王力");
    c.set_home_organization("organizations/scu");
    c.set_region_code("510521");
    c.set_year(2026);
    c.set_service_model(v1::Commissioner::VENTURE);
    c.set_technologies_promoted(12);
    c.set_cooperatives(3);
    *c.mutable_farmer_income_increase() = Yuan(1500000);
    return c;
  }

  static v1::Financing SampleFinancing() {
    v1::Financing f;
    f.set_kind(v1::Financing::LOAN);
    f.set_provider("organizations/guarantor");
    f.set_recipient("organizations/acme");
    *f.mutable_amount() = Yuan(5000000);
    f.mutable_grant_time()->set_seconds(1'772'300'000);  // 2026-03-01 in Beijing
    return f;
  }

  std::unique_ptr<v1::CommissionerService::Stub> commissioners_;
  std::unique_ptr<v1::FinancingService::Stub> financings_;
};

TEST_P(LedgerRecordsServiceTest, CommissionersRoundTripAndUpdate) {
  v1::CreateCommissionerRequest create;
  *create.mutable_commissioner() = SampleCommissioner();
  create.set_commissioner_id("wang-li");
  v1::Commissioner created;
  ASSERT_TRUE(commissioners_->CreateCommissioner(Ctx().get(), create, &created).ok());
  EXPECT_EQ(created.name(), "commissioners/wang-li");
  EXPECT_EQ(created.service_model(), v1::Commissioner::VENTURE);
  EXPECT_EQ(created.technologies_promoted(), 12);
  EXPECT_EQ(created.farmer_income_increase().units(), 1500000);
  EXPECT_FALSE(created.has_profit());

  v1::UpdateCommissionerRequest update;
  update.mutable_commissioner()->set_name("commissioners/wang-li");
  update.mutable_commissioner()->set_etag(created.etag());
  update.mutable_commissioner()->set_enterprises_founded(2);
  v1::Commissioner updated;
  ASSERT_TRUE(commissioners_->UpdateCommissioner(Ctx().get(), update, &updated).ok());
  EXPECT_EQ(updated.enterprises_founded(), 2);
  EXPECT_EQ(updated.cooperatives(), 3);

  v1::ListCommissionersRequest list;
  list.set_filter("region_code = \"510500\" AND service_model = VENTURE");
  v1::ListCommissionersResponse listed;
  ASSERT_TRUE(commissioners_->ListCommissioners(Ctx().get(), list, &listed).ok());
  ASSERT_EQ(listed.commissioners_size(), 1);
  EXPECT_EQ(listed.commissioners(0).name(), "commissioners/wang-li");
}

TEST_P(LedgerRecordsServiceTest, CommissionersNameEveryBadFieldAndAreTheOverseersAlone) {
  v1::CreateCommissionerRequest create;
  v1::Commissioner& bad = *create.mutable_commissioner() = SampleCommissioner();
  bad.set_home_organization("organizations/ghost");
  bad.set_region_code("");
  bad.set_year(1900);
  bad.set_new_products(-1);
  bad.mutable_profit()->set_currency_code("USD");
  v1::Commissioner out;
  const grpc::Status status = commissioners_->CreateCommissioner(Ctx().get(), create, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("commissioner.home_organization", "commissioner.region_code",
                                   "commissioner.year", "commissioner.new_products",
                                   "commissioner.profit.currency_code"));
  const std::string acme = CreateKey(Role::kEnterprise, "acme");
  v1::ListCommissionersResponse listed;
  EXPECT_EQ(commissioners_->ListCommissioners(Ctx(acme).get(), {}, &listed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  const std::string official = CreateKey(Role::kOfficial);
  EXPECT_TRUE(commissioners_->ListCommissioners(Ctx(official).get(), {}, &listed).ok());
}

TEST_P(LedgerRecordsServiceTest, FinancingsRoundTripWithTheRecipientsRegion) {
  v1::CreateFinancingRequest create;
  *create.mutable_financing() = SampleFinancing();
  create.set_financing_id("loan-031");
  create.set_request_id("r-1");
  v1::Financing created;
  ASSERT_TRUE(financings_->CreateFinancing(Ctx().get(), create, &created).ok());
  EXPECT_EQ(created.name(), "financings/loan-031");
  EXPECT_EQ(created.region_code(), "510500");  // acme's
  EXPECT_EQ(created.year(), 2026);
  EXPECT_EQ(created.amount().units(), 5000000);
  // The same request again creates nothing (a different one under this id is ALREADY_EXISTS).
  v1::Financing again;
  ASSERT_TRUE(financings_->CreateFinancing(Ctx().get(), create, &again).ok());
  EXPECT_EQ(again.name(), "financings/loan-031");

  v1::GetFinancingRequest get;
  get.set_name("financings/loan-031");
  v1::Financing got;
  ASSERT_TRUE(financings_->GetFinancing(Ctx().get(), get, &got).ok());
  EXPECT_EQ(got.recipient(), "organizations/acme");

  const std::string acme = CreateKey(Role::kEnterprise, "acme");
  const std::string scu = CreateKey(Role::kInstitute, "scu");
  EXPECT_TRUE(financings_->GetFinancing(Ctx(acme).get(), get, &got).ok());
  EXPECT_EQ(financings_->GetFinancing(Ctx(scu).get(), get, &got).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(financings_->CreateFinancing(Ctx(acme).get(), create, &got).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  v1::ListFinancingsRequest list;
  list.set_filter("kind = LOAN AND year = 2026 AND organization = acme");
  v1::ListFinancingsResponse listed;
  ASSERT_TRUE(financings_->ListFinancings(Ctx().get(), list, &listed).ok());
  ASSERT_EQ(listed.financings_size(), 1);
}

TEST_P(LedgerRecordsServiceTest, FinancingsNameEveryBadFieldAtOnce) {
  v1::CreateFinancingRequest create;
  v1::Financing& bad = *create.mutable_financing() = SampleFinancing();
  bad.set_kind(v1::Financing::KIND_UNSPECIFIED);
  bad.set_recipient("organizations/guarantor");
  bad.mutable_amount()->set_units(-3);
  bad.set_agreement("agreements/none");
  bad.set_region_code("5105");
  v1::Financing out;
  const grpc::Status status = financings_->CreateFinancing(Ctx().get(), create, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("financing.kind", "financing.recipient", "financing.amount",
                                   "financing.region_code", "financing.agreement"));
  v1::ListFinancingsResponse listed;
  ASSERT_TRUE(financings_->ListFinancings(Ctx().get(), {}, &listed).ok());
  EXPECT_EQ(listed.financings_size(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerRecordsServiceTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
