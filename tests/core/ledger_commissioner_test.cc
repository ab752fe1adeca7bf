// Technology commissioner rules of the programme ledger: fields, the home organization and
// the update mask.
#include <string>

#include "core/ledger/commissioner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/fake_reference_lookup.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::FakeReferenceLookup;
using ::techmatch::testing::Fields;
using ::techmatch::testing::IsOk;
using ::techmatch::testing::Violation;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

Commissioner Sample() {
  Commissioner c;
  c.display_name = "王力";
  c.home_organization_id = "scu";
  c.region_code = "510521";
  c.year = 2026;
  c.service_model = ServiceModel::kVenture;
  c.count(OutcomeCount::kTechnologiesPromoted) = 12;
  c.count(OutcomeCount::kCooperatives) = 3;
  c.amount(OutcomeAmount::kFarmerIncomeIncrease) = 150'000'000;
  return c;
}

TEST(CommissionerTest, ASampleIsValid) {
  Violations v;
  ValidateCommissioner(Sample(), v);
  EXPECT_THAT(v.list(), IsEmpty());
}

TEST(CommissionerTest, EveryBadFieldIsNamedAtOnce) {
  Commissioner c;
  c.service_model = static_cast<ServiceModel>(0);
  c.region_code = "99";
  c.year = 1979;
  c.count(OutcomeCount::kNewProducts) = -1;
  c.count(OutcomeCount::kEnterprisesFounded) = -2;
  c.amount(OutcomeAmount::kProfit) = -3;
  Violations v;
  ValidateCommissioner(c, v);
  EXPECT_THAT(Fields(v), UnorderedElementsAre("display_name", "home_organization", "region_code",
                                              "year", "service_model", "new_products",
                                              "enterprises_founded", "profit"));
}

TEST(CommissionerTest, TheHomeOrganizationMustExist) {
  FakeReferenceLookup lookup;
  lookup.AddOrganization("scu", OrganizationKind::kUniversity);
  Violations ok;
  ASSERT_THAT(CheckCommissionerReferences(Sample(), lookup, ok), IsOk());
  EXPECT_THAT(ok.list(), IsEmpty());
  Commissioner c = Sample();
  c.home_organization_id = "ghost";
  Violations v;
  ASSERT_THAT(CheckCommissionerReferences(c, lookup, v), IsOk());
  EXPECT_THAT(v.list(),
              ElementsAre(Violation("home_organization", HasSubstr("organizations/ghost"))));
}

TEST(CommissionerTest, UpdateMaskCopiesOutcomes) {
  Commissioner target = Sample();
  Commissioner patch;
  patch.count(OutcomeCount::kCooperatives) = 9;
  patch.amount(OutcomeAmount::kFarmerIncomeIncrease) = std::nullopt;
  patch.amount(OutcomeAmount::kInvestment) = 5;
  Violations v;
  ApplyCommissionerUpdate({"cooperatives", "farmer_income_increase", "create_time"}, patch, target,
                          v);
  EXPECT_EQ(target.count(OutcomeCount::kCooperatives), 9);
  EXPECT_EQ(target.count(OutcomeCount::kTechnologiesPromoted), 12);
  EXPECT_EQ(target.amount(OutcomeAmount::kFarmerIncomeIncrease), std::nullopt);
  EXPECT_EQ(target.amount(OutcomeAmount::kInvestment), std::nullopt);  // Not in the mask.
  EXPECT_THAT(v.list(), ElementsAre(Violation("update_mask.paths[2]", HasSubstr("output only"))));
}

TEST(CommissionerTest, NamesRoundTrip) {
  for (const std::string& name : ServiceModelNames()) {
    ASSERT_TRUE(ServiceModelFromName(name).has_value()) << name;
    EXPECT_EQ(ServiceModelName(*ServiceModelFromName(name)), name);
  }
  EXPECT_EQ(OutcomeCountName(OutcomeCount::kEnterprisesFounded), "enterprises_founded");
  EXPECT_EQ(OutcomeAmountName(OutcomeAmount::kFarmerIncomeIncrease), "farmer_income_increase");
}

}  // namespace
}  // namespace techmatch
