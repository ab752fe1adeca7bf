// Agreement rules, references, update mask, change preconditions, history and lifecycle.
#include "core/agreements/agreement.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/clock.h"
#include "core/common/list_rules.h"
#include "core/reports/agreement_report.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::Fields;
using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

const absl::Time kNow = absl::FromUnixSeconds(1'800'000'000);

class FakeAgreementLookup : public AgreementLookup {
 public:
  FakeAgreementLookup() {
    orgs_["acme"] = {OrganizationKind::kEnterprise, "", std::nullopt};
    orgs_["scu"] = {OrganizationKind::kUniversity, "", std::nullopt};
    orgs_["scu-chem"] = {OrganizationKind::kEnterprise, "scu", OrganizationKind::kUniversity};
    orgs_["cas"] = {OrganizationKind::kResearchInstitute, "", std::nullopt};
    orgs_["gov"] = {OrganizationKind::kGovernment, "", std::nullopt};
    orgs_["bank"] = {OrganizationKind::kFinancialInstitution, "", std::nullopt};
  }
  absl::StatusOr<std::optional<OrganizationFacts>> FindOrganizationFacts(
      absl::string_view id) override {
    auto it = orgs_.find(id);
    if (it == orgs_.end()) return std::optional<OrganizationFacts>();
    return std::optional<OrganizationFacts>(it->second);
  }
  absl::StatusOr<bool> IndustryExists(absl::string_view code) override {
    return code == "liquor" || code == "energy";
  }
  absl::StatusOr<bool> EventExists(absl::string_view id) override { return id == "fair"; }
  absl::StatusOr<std::optional<std::string>> FindNeedEnterprise(absl::string_view id) override {
    if (id == "need-1") return std::optional<std::string>("acme");
    return std::optional<std::string>();
  }
  absl::StatusOr<std::optional<std::string>> FindOfferingInstitute(absl::string_view id) override {
    if (id == "offering-1") return std::optional<std::string>("cas");
    return std::optional<std::string>();
  }

 private:
  absl::flat_hash_map<std::string, OrganizationFacts> orgs_;
};

Agreement Contract() {
  Agreement a;
  a.meta.id = "a1";
  a.title = "窖池微生物技术开发合同";
  a.kind = AgreementKind::kTechnologyDevelopment;
  a.parties = {{"scu", PartyRole::kSupplier}, {"acme", PartyRole::kDemander}};
  a.industry_codes = {"liquor"};
  a.sign_time = kNow - absl::Hours(24);
  a.amount(AmountField::kContractAmount) = 2300000LL * 100;
  return a;
}

Agreement Framework() {
  Agreement a;
  a.meta.id = "f1";
  a.title = "校市科技合作协议";
  a.kind = AgreementKind::kFrameworkCooperation;
  a.parties = {{"scu", PartyRole::kSupplier}, {"gov", PartyRole::kGovernment}};
  a.sign_time = kNow;
  return a;
}

std::vector<std::string> Validate(const Agreement& a) {
  Violations v;
  ValidateAgreementAt(a, kNow, v);
  return Fields(v);
}

std::vector<std::string> References(const Agreement& a) {
  FakeAgreementLookup lookup;
  Violations v;
  EXPECT_THAT(CheckAgreementReferences(a, lookup, v), IsOk());
  return Fields(v);
}

TEST(AgreementTest, ValidRecordsPass) {
  EXPECT_THAT(Validate(Contract()), IsEmpty());
  EXPECT_THAT(Validate(Framework()), IsEmpty());
  EXPECT_THAT(References(Contract()), IsEmpty());
  EXPECT_THAT(References(Framework()), IsEmpty());
}

TEST(AgreementTest, EveryFieldRuleIsReportedAtOnce) {
  Agreement a = Contract();
  a.title = "";
  a.kind = static_cast<AgreementKind>(0);
  a.parties = {{"", PartyRole::kSupplier}, {"acme", static_cast<PartyRole>(9)}};
  a.industry_codes = {"liquor", "liquor"};
  a.sign_time = absl::InfinitePast();
  a.amount(AmountField::kTotalInvestment) = -1;
  a.amount(AmountField::kRealizedOutputValue) = 5;  // still SIGNED
  EXPECT_THAT(Validate(a), UnorderedElementsAre("title", "kind", "parties[0].organization",
                                                "parties[1].role", "industries[1]", "sign_time",
                                                "total_investment", "realized_output_value"));
}

TEST(AgreementTest, TechnologyContractNeedsSupplierAndDemander) {
  Agreement a = Contract();
  a.parties = {{"scu", PartyRole::kSupplier}};
  EXPECT_THAT(Validate(a), ElementsAre("parties"));
  a.parties = {{"acme", PartyRole::kDemander}, {"bank", PartyRole::kFinancier}};
  EXPECT_THAT(Validate(a), ElementsAre("parties"));
  a.parties = {};
  EXPECT_THAT(Validate(a), ElementsAre("parties"));
}

TEST(AgreementTest, FrameworkNeedsGovernmentAndResearchSupplier) {
  Agreement a = Framework();
  a.parties = {{"scu", PartyRole::kSupplier}};
  EXPECT_THAT(Validate(a), ElementsAre("parties"));
  a.parties = {{"gov", PartyRole::kGovernment}, {"acme", PartyRole::kDemander}};
  EXPECT_THAT(Validate(a), ElementsAre("parties"));
  // An enterprise cannot be the supplier of a framework agreement ...
  a.parties = {{"acme", PartyRole::kSupplier}, {"gov", PartyRole::kGovernment}};
  EXPECT_THAT(References(a), ElementsAre("parties[0].organization"));
  // ... but a research institute and a university's college can.
  a.parties = {{"cas", PartyRole::kSupplier},
               {"scu-chem", PartyRole::kSupplier},
               {"gov", PartyRole::kGovernment}};
  EXPECT_THAT(References(a), IsEmpty());
  // A GOVERNMENT party must be a government body.
  a.parties = {{"cas", PartyRole::kSupplier}, {"acme", PartyRole::kGovernment}};
  EXPECT_THAT(References(a), ElementsAre("parties[1].organization"));
}

TEST(AgreementTest, FrameworkWithAFinancierNeedsNoSupplier) {
  // A bureau's science–finance cooperation agreement with a guarantee company.
  Agreement a = Framework();
  a.parties = {{"gov", PartyRole::kGovernment}, {"bank", PartyRole::kFinancier}};
  EXPECT_THAT(Validate(a), IsEmpty());
  EXPECT_THAT(References(a), IsEmpty());
  // Still a GOVERNMENT party.
  a.parties = {{"acme", PartyRole::kDemander}, {"bank", PartyRole::kFinancier}};
  EXPECT_THAT(Validate(a), ElementsAre("parties"));
  // A technology contract still needs a SUPPLIER and a DEMANDER.
  a.kind = AgreementKind::kTechnologyService;
  a.parties = {{"gov", PartyRole::kGovernment}, {"bank", PartyRole::kFinancier}};
  EXPECT_THAT(Validate(a), ElementsAre("parties"));
}

TEST(AgreementTest, SameOrganizationNotOnBothSidesNorRepeated) {
  Agreement a = Contract();
  a.parties = {{"scu", PartyRole::kSupplier},
               {"acme", PartyRole::kDemander},
               {"scu", PartyRole::kDemander},
               {"acme", PartyRole::kDemander}};
  Violations v;
  ValidateAgreementAt(a, kNow, v);
  EXPECT_THAT(Fields(v), ElementsAre("parties[2]", "parties[3]"));
  EXPECT_THAT(v.list()[0].description, HasSubstr("both SUPPLIER and DEMANDER"));
  EXPECT_THAT(v.list()[1].description, HasSubstr("repeats parties[1]"));
  // One organization may be SUPPLIER and FINANCIER.
  a.parties = {{"scu", PartyRole::kSupplier},
               {"acme", PartyRole::kDemander},
               {"scu", PartyRole::kFinancier}};
  EXPECT_THAT(Validate(a), IsEmpty());
}

// The request that once took 23 GB: 10,001 parties naming one organization. Over the maximum
// the list is refused as a whole; at the maximum, each repeat is one violation found in
// constant time, and the violations reported are capped.
TEST(AgreementTest, RepeatedPartiesCostLinearTimeAndBoundedViolations) {
  Agreement a = Contract();
  a.parties.assign(10001, {"scu", PartyRole::kSupplier});
  Violations v;
  ValidateAgreementAt(a, kNow, v);
  EXPECT_THAT(Fields(v), ::testing::Contains("parties"));
  EXPECT_LE(v.list().size(), kMaxReportedViolations);

  a.parties.assign(kMaxParties, {"scu", PartyRole::kSupplier});
  a.parties[1] = {"acme", PartyRole::kDemander};
  Violations at_max;
  ValidateAgreementAt(a, kNow, at_max);
  EXPECT_EQ(at_max.list().size() + at_max.omitted(), kMaxParties - 2);  // one per repeat
  EXPECT_THAT(at_max.list()[0].description, HasSubstr("repeats parties[0]"));
  EXPECT_EQ(at_max.list()[0].field, "parties[2]");
}

TEST(AgreementTest, SignTimeNotInTheFuture) {
  Agreement a = Contract();
  a.sign_time = kNow + kSignTimeSkew;  // clock skew tolerated
  EXPECT_THAT(Validate(a), IsEmpty());
  a.sign_time = kNow + kSignTimeSkew + absl::Seconds(1);
  EXPECT_THAT(Validate(a), ElementsAre("sign_time"));
  a.sign_time = kNow + absl::Hours(24 * 30);
  EXPECT_THAT(Validate(a), ElementsAre("sign_time"));
}

TEST(AgreementTest, ReferencesExistAndLinkedOwnersAreParties) {
  Agreement a = Contract();
  a.parties.push_back({"ghost", PartyRole::kFinancier});
  a.industry_codes = {"liquor", "tea"};
  a.event_id = "nowhere";
  a.need_id = "need-404";
  a.offering_id = "offering-404";
  EXPECT_THAT(References(a),
              ElementsAre("parties[2].organization", "industries[1]", "event", "need", "offering"));
  a = Contract();
  a.event_id = "fair";
  a.need_id = "need-1";          // acme's need: acme is a party
  a.offering_id = "offering-1";  // cas's offering: cas is not a party
  EXPECT_THAT(References(a), ElementsAre("offering"));
  a.parties.push_back({"cas", PartyRole::kSupplier});
  EXPECT_THAT(References(a), IsEmpty());
  a.parties = {
      {"scu", PartyRole::kSupplier}, {"bank", PartyRole::kDemander}, {"cas", PartyRole::kSupplier}};
  EXPECT_THAT(References(a), ElementsAre("need"));
}

TEST(AgreementTest, LookupFailureFails) {
  class Failing : public FakeAgreementLookup {
    absl::StatusOr<bool> EventExists(absl::string_view) override {
      return absl::UnavailableError("down");
    }
  } lookup;
  Agreement a = Contract();
  a.event_id = "fair";
  Violations v;
  EXPECT_THAT(CheckAgreementReferences(a, lookup, v), StatusIs(absl::StatusCode::kUnavailable));
}

TEST(AgreementTest, UpdateMask) {
  Agreement target = Contract();
  Agreement patch;
  patch.title = "新标题";
  patch.amount(AmountField::kTotalInvestment) = 100;
  Violations v;
  ApplyAgreementUpdate({"title", "total_investment"}, patch, target, v);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(target.title, "新标题");
  EXPECT_EQ(target.amount(AmountField::kTotalInvestment), 100);
  EXPECT_EQ(target.amount(AmountField::kContractAmount), 2300000LL * 100);
  ApplyAgreementUpdate({"state", "history", "bogus"}, patch, target, v);
  EXPECT_THAT(Fields(v),
              ElementsAre("update_mask.paths[0]", "update_mask.paths[1]", "update_mask.paths[2]"));
  EXPECT_THAT(v.list()[0].description, HasSubstr("output only"));
  EXPECT_THAT(v.list()[2].description, HasSubstr("not a field"));
}

TEST(AgreementTest, ChangesAllowedByState) {
  Agreement before = Contract();
  Agreement after = before;
  after.amount(AmountField::kRealizedOutputValue) = 100;
  EXPECT_THAT(CheckAgreementChangeAllowed(before, after),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("realized_output_value")));
  before.state = after.state = AgreementState::kImplementing;
  EXPECT_THAT(CheckAgreementChangeAllowed(before, after), IsOk());
  before.state = after.state = AgreementState::kCompleted;
  EXPECT_THAT(CheckAgreementChangeAllowed(before, after), IsOk());
  after.title = "changed";
  EXPECT_THAT(CheckAgreementChangeAllowed(before, after),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("COMPLETED")));
  before.state = after.state = AgreementState::kTerminated;
  EXPECT_THAT(CheckAgreementChangeAllowed(before, before),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("TERMINATED")));
}

TEST(AgreementTest, AmountChangesRecordOldAndNew) {
  Agreement before = Contract();
  Agreement after = before;
  after.amount(AmountField::kContractAmount) = 1;
  after.amount(AmountField::kRealizedProfitTax) = 7;
  const absl::Time when = kNow;
  EXPECT_THAT(AmountChanges(before, after, when),
              ElementsAre(AmountChange{when, AmountField::kContractAmount, 2300000LL * 100, 1},
                          AmountChange{when, AmountField::kRealizedProfitTax, std::nullopt, 7}));
  EXPECT_THAT(AmountChanges(before, before, when), IsEmpty());
}

TEST(AgreementTest, Lifecycle) {
  Agreement a = Contract();
  EXPECT_THAT(CompleteAgreement(a), StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(StartAgreement(a), IsOk());
  EXPECT_EQ(a.state, AgreementState::kImplementing);
  EXPECT_THAT(StartAgreement(a),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("is IMPLEMENTING")));
  EXPECT_THAT(CompleteAgreement(a), IsOk());
  EXPECT_EQ(a.state, AgreementState::kCompleted);
  EXPECT_THAT(TerminateAgreement(a), StatusIs(absl::StatusCode::kFailedPrecondition));
  Agreement b = Contract();
  EXPECT_THAT(TerminateAgreement(b), IsOk());
  EXPECT_THAT(StartAgreement(b), StatusIs(absl::StatusCode::kFailedPrecondition));
  Agreement c = Contract();
  ASSERT_THAT(StartAgreement(c), IsOk());
  EXPECT_THAT(TerminateAgreement(c), IsOk());
  EXPECT_EQ(c.state, AgreementState::kTerminated);
}

TEST(AgreementTest, SignMonthIsChinaStandardTime) {
  // 2026-10-31T16:30:00Z is 2026-11-01 00:30 in Beijing.
  EXPECT_EQ(SignMonthOf(absl::FromUnixSeconds(1793464200)), 202611);
  EXPECT_EQ(SignMonthOf(absl::FromUnixSeconds(1793464200 - 3600)), 202610);
}

TEST(AgreementTest, NamesRoundTrip) {
  for (const std::string& name : AgreementKindNames()) {
    EXPECT_EQ(AgreementKindName(*AgreementKindFromName(name)), name);
  }
  for (const std::string& name : AgreementStateNames()) {
    EXPECT_EQ(AgreementStateName(*AgreementStateFromName(name)), name);
  }
  for (AmountField f : kAllAmountFields) EXPECT_EQ(AmountFieldFromName(AmountFieldName(f)), f);
  EXPECT_FALSE(IsTechnologyContract(AgreementKind::kFrameworkCooperation));
  EXPECT_TRUE(IsTechnologyContract(AgreementKind::kTechnologyService));
}

TEST(AgreementReportTest, GroupByRulesAndCheckedSums) {
  Violations v;
  ValidateGroupBy({GroupDimension::kKind, static_cast<GroupDimension>(0), GroupDimension::kKind},
                  v);
  EXPECT_THAT(Fields(v), UnorderedElementsAre("group_by[1]", "group_by[2]"));
  std::array<int64_t, kAmountFieldCount> sums{};
  Agreement a = Contract();
  a.amount(AmountField::kContractAmount) = std::numeric_limits<int64_t>::max() - 1;
  EXPECT_THAT(AddAmounts(a, sums), IsOk());
  a.amount(AmountField::kContractAmount) = 2;
  EXPECT_THAT(AddAmounts(a, sums), StatusIs(absl::StatusCode::kOutOfRange));
}

}  // namespace
}  // namespace techmatch
