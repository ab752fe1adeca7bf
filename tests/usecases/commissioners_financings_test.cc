// Commissioners and financings of the programme ledger: every bad field at once, officials by
// region, enterprises their own financings, the recipient's region as the default, and a
// framework agreement with a guarantee company.
#include <string>
#include <vector>

#include "tests/usecases/usecase_fixture.h"
#include "usecases/agreements.h"
#include "usecases/commissioners.h"
#include "usecases/financings.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class LedgerRecordsTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    // acme (fixture) is in 510500, scu in 510100.
    Organization guarantor = Enterprise("guarantor");
    guarantor.kind = OrganizationKind::kFinancialInstitution;
    guarantor.region_code = "510500";
    MustCreate(guarantor);
    Organization bureau = Enterprise("bureau");
    bureau.kind = OrganizationKind::kGovernment;
    bureau.region_code = "510500";
    MustCreate(bureau);
    Organization nowhere = Enterprise("nowhere");
    nowhere.region_code = "";
    MustCreate(nowhere);
    luzhou_official_.region_code = "510500";
    luzhou_organizer_.region_code = "510500";
  }

  Commissioners commissioners() { return Commissioners(repo(), tokens_); }
  Financings financings() { return Financings(repo(), tokens_, 2); }

  static Commissioner SampleCommissioner(const std::string& region) {
    Commissioner c;
    c.display_name = "王力";
    c.home_organization_id = "scu";
    c.region_code = region;
    c.year = 2026;
    c.service_model = ServiceModel::kMarketLed;
    c.count(OutcomeCount::kCooperatives) = 2;
    return c;
  }

  static Financing SampleFinancing() {
    Financing f;
    f.kind = FinancingKind::kGuarantee;
    f.provider_id = "guarantor";
    f.recipient_id = "acme";
    f.amount_minor = 500'000'000;
    f.grant_time = absl::Now() - absl::Hours(48);
    return f;
  }

  absl::StatusOr<Commissioner> CreateCommissioner(const Principal& caller, Commissioner c,
                                                  const std::string& id) {
    NewCommissioner input;
    input.commissioner = std::move(c);
    input.commissioner_id = id;
    return commissioners().Create(caller, std::move(input));
  }

  absl::StatusOr<Financing> CreateFinancing(const Principal& caller, Financing f,
                                            const std::string& id) {
    NewFinancing input;
    input.financing = std::move(f);
    input.financing_id = id;
    return financings().Create(caller, std::move(input));
  }

  template <typename R>
  static std::vector<std::string> Ids(const absl::StatusOr<ListPage<R>>& page) {
    EXPECT_THAT(page, IsOk());
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const R& r : page->items) ids.push_back(r.meta.id);
    }
    return ids;
  }

  Principal luzhou_official_ = Caller(Role::kOfficial);
  Principal luzhou_organizer_ = Caller(Role::kOrganizer);
};

TEST_F(LedgerRecordsTest, CommissionersNameEveryBadFieldAtOnce) {
  Commissioner bad = SampleCommissioner("12");
  bad.display_name = "";
  bad.home_organization_id = "ghost";
  bad.year = 3000;
  bad.count(OutcomeCount::kProjects) = -1;
  bad.amount(OutcomeAmount::kInvestment) = -1;
  absl::StatusOr<Commissioner> refused = CreateCommissioner(admin_, bad, "c1");
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(refused),
              UnorderedElementsAre("commissioner.display_name", "commissioner.region_code",
                                   "commissioner.year", "commissioner.projects",
                                   "commissioner.investment", "commissioner.home_organization"));
  EXPECT_THAT(repo().GetCommissioner("c1"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(LedgerRecordsTest, CommissionersAreReadAndWrittenByRegion) {
  ASSERT_THAT(CreateCommissioner(luzhou_organizer_, SampleCommissioner("510521"), "luxian"),
              IsOk());
  EXPECT_THAT(CreateCommissioner(luzhou_organizer_, SampleCommissioner("510104"), "chengdu"),
              StatusIs(absl::StatusCode::kPermissionDenied));
  ASSERT_THAT(CreateCommissioner(admin_, SampleCommissioner("510104"), "chengdu"), IsOk());
  EXPECT_THAT(Ids(commissioners().List(luzhou_official_, {"", 50, ""})), ElementsAre("luxian"));
  EXPECT_THAT(Ids(commissioners().List(official_, {"", 50, ""})), ElementsAre("chengdu", "luxian"));
  EXPECT_THAT(commissioners().Get(luzhou_official_, "commissioners/chengdu"),
              StatusIs(absl::StatusCode::kNotFound));
  CommissionerUpdate update;
  update.name = "commissioners/chengdu";
  update.paths = {"cooperatives"};
  update.patch.count(OutcomeCount::kCooperatives) = 5;
  EXPECT_THAT(commissioners().Update(luzhou_organizer_, update),
              StatusIs(absl::StatusCode::kPermissionDenied));
  update.name = "commissioners/luxian";
  absl::StatusOr<Commissioner> updated = commissioners().Update(luzhou_organizer_, update);
  ASSERT_THAT(updated, IsOk());
  EXPECT_EQ(updated->count(OutcomeCount::kCooperatives), 5);
  update.paths = {"cooperatives"};
  update.patch.count(OutcomeCount::kCooperatives) = -5;
  EXPECT_THAT(ViolatedFields(commissioners().Update(admin_, update)),
              ElementsAre("commissioner.cooperatives"));
}

TEST_F(LedgerRecordsTest, AFinancingCountsInTheRecipientsRegionUnlessGiven) {
  absl::StatusOr<Financing> defaulted = CreateFinancing(admin_, SampleFinancing(), "f1");
  ASSERT_THAT(defaulted, IsOk());
  EXPECT_EQ(defaulted->region_code, "510500");
  Financing given = SampleFinancing();
  given.region_code = "510521";
  absl::StatusOr<Financing> explicit_region = CreateFinancing(admin_, given, "f2");
  ASSERT_THAT(explicit_region, IsOk());
  EXPECT_EQ(explicit_region->region_code, "510521");
  // A recipient without a region leaves region_code to the caller.
  Financing regionless = SampleFinancing();
  regionless.recipient_id = "nowhere";
  EXPECT_THAT(ViolatedFields(CreateFinancing(admin_, regionless, "f3")),
              ElementsAre("financing.region_code"));
}

TEST_F(LedgerRecordsTest, FinancingsNameEveryBadFieldAtOnce) {
  Financing bad = SampleFinancing();
  bad.kind = static_cast<FinancingKind>(0);
  bad.provider_id = "ghost";
  bad.recipient_id = "nobody";
  bad.amount_minor = 0;
  bad.grant_time = absl::Now() + absl::Hours(24);
  bad.agreement_id = "no-such-agreement";
  NewFinancing input;
  input.financing = bad;
  const std::string long_request_id(200, 'x');  // The input only views it.
  input.request_id = long_request_id;
  absl::StatusOr<Financing> refused = financings().Create(admin_, std::move(input));
  EXPECT_THAT(
      ViolatedFields(refused),
      UnorderedElementsAre("request_id", "financing.kind", "financing.amount",
                           "financing.grant_time", "financing.region_code", "financing.provider",
                           "financing.recipient", "financing.agreement"));
  EXPECT_THAT(Ids(financings().List(admin_, {"", 50, ""})), ElementsAre());
}

TEST_F(LedgerRecordsTest, EnterprisesReadTheirOwnFinancingsAndOfficialsTheirRegions) {
  ASSERT_THAT(CreateFinancing(admin_, SampleFinancing(), "to-acme"), IsOk());
  Financing to_scu = SampleFinancing();
  to_scu.recipient_id = "scu";
  ASSERT_THAT(CreateFinancing(admin_, to_scu, "to-scu"), IsOk());
  EXPECT_THAT(Ids(financings().List(acme_, {"", 50, ""})), ElementsAre("to-acme"));
  EXPECT_THAT(Ids(financings().List(scu_, {"", 50, ""})), ElementsAre("to-scu"));
  EXPECT_THAT(Ids(financings().List(Caller(Role::kEnterprise, "guarantor"), {"", 50, ""})),
              ElementsAre("to-acme", "to-scu"));
  EXPECT_THAT(financings().Get(acme_, "financings/to-scu"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Ids(financings().List(luzhou_official_, {"", 50, ""})), ElementsAre("to-acme"));
  EXPECT_THAT(financings().Get(luzhou_official_, "financings/to-scu"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(CreateFinancing(luzhou_organizer_, to_scu, "again"),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(LedgerRecordsTest, AFinancingMayNameAFrameworkAgreementWithAGuaranteeCompany) {
  // The bureau's science–finance cooperation agreement with the guarantee company: a
  // GOVERNMENT party and a FINANCIER, no university or institute.
  NewAgreement framework;
  framework.agreement_id = "fw-guarantee";
  framework.agreement.title = "科技金融合作框架协议";
  framework.agreement.kind = AgreementKind::kFrameworkCooperation;
  framework.agreement.parties = {{"bureau", PartyRole::kGovernment},
                                 {"guarantor", PartyRole::kFinancier}};
  framework.agreement.sign_time = absl::Now() - absl::Hours(24 * 30);
  ASSERT_THAT(Agreements(repo(), tokens_, 2).Create(organizer_, std::move(framework)), IsOk());
  Financing f = SampleFinancing();
  f.agreement_id = "fw-guarantee";
  absl::StatusOr<Financing> created = CreateFinancing(organizer_, f, "under-framework");
  ASSERT_THAT(created, IsOk());
  EXPECT_EQ(created->agreement_id, "fw-guarantee");
  EXPECT_THAT(Ids(financings().List(admin_, {"agreement = fw-guarantee", 50, ""})),
              ElementsAre("under-framework"));
}

}  // namespace
}  // namespace techmatch::usecases::testing
