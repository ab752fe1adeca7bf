// OfferingService over a real connection.
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

using OfferingServiceTest = SeededServerTest;

TEST_F(OfferingServiceTest, LifecycleAndFilters) {
  v1::CreateOfferingRequest create;
  *create.mutable_offering() = SampleOffering();
  create.set_offering_id("scu-017");
  v1::Offering created;
  ASSERT_TRUE(offerings_->CreateOffering(Ctx().get(), create, &created).ok());
  EXPECT_EQ(created.state(), v1::Offering::AVAILABLE);
  EXPECT_EQ(created.asking_price().units(), 800000);
  EXPECT_THAT(created.patents(), ElementsAre("ZL201910123456.7"));

  v1::ListOfferingsRequest list;
  list.set_filter("trl >= 6 AND institute = \"organizations/scu\" AND industry = energy");
  v1::ListOfferingsResponse response;
  ASSERT_TRUE(offerings_->ListOfferings(Ctx().get(), list, &response).ok());
  ASSERT_EQ(response.offerings_size(), 1);
  list.set_filter("trl > 6");
  ASSERT_TRUE(offerings_->ListOfferings(Ctx().get(), list, &response).ok());
  EXPECT_EQ(response.offerings_size(), 0);

  v1::UpdateOfferingRequest update;
  update.mutable_offering()->set_name("offerings/scu-017");
  update.mutable_offering()->set_trl(7);
  update.mutable_offering()->mutable_asking_price()->set_currency_code("CNY");
  update.mutable_offering()->mutable_asking_price()->set_units(1234);
  update.mutable_offering()->mutable_asking_price()->set_nanos(560000000);
  v1::Offering updated;
  ASSERT_TRUE(offerings_->UpdateOffering(Ctx().get(), update, &updated).ok());
  EXPECT_EQ(updated.trl(), 7);
  EXPECT_EQ(updated.asking_price().nanos(), 560000000);

  v1::WithdrawOfferingRequest withdraw;
  withdraw.set_name("offerings/scu-017");
  v1::Offering withdrawn;
  ASSERT_TRUE(offerings_->WithdrawOffering(Ctx().get(), withdraw, &withdrawn).ok());
  EXPECT_EQ(withdrawn.state(), v1::Offering::WITHDRAWN);
  EXPECT_EQ(offerings_->WithdrawOffering(Ctx().get(), withdraw, &withdrawn).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  v1::GetOfferingRequest get;
  get.set_name("offerings/scu-017");
  v1::Offering read;
  ASSERT_TRUE(offerings_->GetOffering(Ctx().get(), get, &read).ok());
  EXPECT_EQ(read.state(), v1::Offering::WITHDRAWN);
}

TEST_F(OfferingServiceTest, CreateErrors) {
  v1::CreateOfferingRequest create;
  *create.mutable_offering() = SampleOffering();
  create.mutable_offering()->set_institute("organizations/gov");
  create.mutable_offering()->set_trl(12);
  create.mutable_offering()->add_industries("industries/energy");  // repeated
  create.mutable_offering()->mutable_asking_price()->set_currency_code("EUR");
  v1::Offering created;
  const grpc::Status status = offerings_->CreateOffering(Ctx().get(), create, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("offering.institute", "offering.trl", "offering.industries[1]",
                                   "offering.asking_price.currency_code"));
}

TEST_F(OfferingServiceTest, EnterpriseMayOfferButGovernmentMayNot) {
  v1::CreateOfferingRequest create;
  *create.mutable_offering() = SampleOffering();
  create.mutable_offering()->set_institute("organizations/acme");
  v1::Offering created;
  EXPECT_TRUE(offerings_->CreateOffering(Ctx().get(), create, &created).ok());
}

}  // namespace
}  // namespace techmatch::testing
