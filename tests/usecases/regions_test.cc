// Regions with real GB/T 2260 codes: the `region` filter matches a region and everything under
// it; a key scoped to Luzhou (510500) sees, lists, matches and reports only Luzhou's
// organizations (its districts and counties 510502, 510521 …), never Chengdu's (510100), and may
// write only theirs. Event summaries count colleges under their university.
#include <deque>
#include <string>
#include <vector>

#include "tests/usecases/usecase_fixture.h"
#include "usecases/agreements.h"
#include "usecases/matching.h"
#include "usecases/needs.h"
#include "usecases/offerings.h"
#include "usecases/organizations.h"
#include "usecases/reports.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class RegionsTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    // acme (fixture): 510500 泸州市 itself; scu (fixture): 510100 成都市.
    Add(Enterprise("jiangyang"), "510502");  // 江阳区, 泸州
    Add(Enterprise("luxian"), "510521");     // 泸县, 泸州
    Add(Enterprise("jinjiang"), "510104");   // 锦江区, 成都
    Organization swmu = University("swmu");  // 西南医科大学, 泸州 江阳区
    swmu.region_code = "510502";
    MustCreate(swmu);
    for (const char* owner : {"acme", "jiangyang", "luxian", "jinjiang"}) {
      NewNeed input;
      input.need = SampleNeed("", owner);
      input.need.listing.title = "濃香型白酒窖池窖泥老化防治";
      input.need_id = ids_.emplace_back(std::string("need-") + owner);
      EXPECT_THAT(needs().Create(organizer_, std::move(input)), IsOk());
    }
  }

  void Add(Organization org, const std::string& region) {
    org.region_code = region;
    MustCreate(org);
  }

  Needs needs() { return Needs(repo(), engine(), tokens_); }
  Agreements agreements() { return Agreements(repo(), tokens_, 2); }
  Organizations organizations() { return Organizations(repo(), tokens_); }
  Reports reports() { return Reports(repo(), currency_); }
  Matching matching() { return Matching(repo(), engine()); }

  std::vector<std::string> ListedNeeds(const Principal& caller, absl::string_view filter = "") {
    std::vector<std::string> ids;
    absl::StatusOr<ListPage<Need>> page = needs().List(caller, {filter, 100, ""}, "");
    EXPECT_THAT(page, IsOk());
    if (page.ok()) {
      for (const Need& need : page->items) ids.push_back(need.meta.id);
    }
    return ids;
  }

  void Sign(const std::string& id, const std::string& supplier, const std::string& demander,
            int64_t contract_fen) {
    NewAgreement input;
    Agreement& a = input.agreement;
    a.title = "技术开发合同 " + id;
    a.kind = AgreementKind::kTechnologyDevelopment;
    a.parties = {{supplier, PartyRole::kSupplier}, {demander, PartyRole::kDemander}};
    a.industry_codes = {"liquor"};
    a.event_id = "fair";
    a.sign_time = absl::Now() - absl::Hours(24);
    a.amount(AmountField::kContractAmount) = contract_fen;
    input.agreement_id = ids_.emplace_back(id);
    EXPECT_THAT(agreements().Create(organizer_, std::move(input)), IsOk());
  }

  const Currency currency_ = *Currency::FromCode("CNY");
  const Principal luzhou_official_{"key-luzhou", Role::kOfficial, "", "510500", "", ""};
  const Principal luzhou_organizer_{"key-luzhou-org", Role::kOrganizer, "", "510500", "", ""};
  const Principal sichuan_official_{"key-sichuan", Role::kOfficial, "", "510000", "", ""};
  std::deque<std::string> ids_;
};

TEST_F(RegionsTest, TheRegionFilterMatchesARegionAndWhatLiesUnderIt) {
  EXPECT_THAT(ListedNeeds(official_, "region = \"510500\""),
              ElementsAre("need-acme", "need-jiangyang", "need-luxian"));
  EXPECT_THAT(ListedNeeds(official_, "region = 510521"), ElementsAre("need-luxian"));
  EXPECT_THAT(ListedNeeds(official_, "region = 510100"), ElementsAre("need-jinjiang"));
  EXPECT_THAT(ListedNeeds(official_, "region != 510500"), ElementsAre("need-jinjiang"));
  EXPECT_THAT(ListedNeeds(official_, "region = 510000").size(), 4u);
  EXPECT_THAT(ViolatedFields(needs().List(official_, {"region = \"泸州\"", 10, ""}, "")),
              ElementsAre("filter"));

  absl::StatusOr<ListPage<Organization>> orgs =
      organizations().List(official_, {"region = 510500", 100, ""});
  ASSERT_THAT(orgs, IsOk());
  std::vector<std::string> ids;
  for (const Organization& org : orgs->items) ids.push_back(org.meta.id);
  EXPECT_THAT(ids, ElementsAre("acme", "jiangyang", "luxian", "swmu"));
}

TEST_F(RegionsTest, ALuzhouKeySeesOnlyLuzhou) {
  EXPECT_THAT(ListedNeeds(luzhou_official_),
              ElementsAre("need-acme", "need-jiangyang", "need-luxian"));
  EXPECT_THAT(needs().Get(luzhou_official_, "needs/need-luxian"), IsOk());
  EXPECT_THAT(needs().Get(luzhou_official_, "needs/need-jinjiang"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(organizations().Get(luzhou_official_, "organizations/scu"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(organizations().Get(luzhou_official_, "organizations/swmu"), IsOk());
  // A province key sees all of Sichuan; a key without a region everything.
  EXPECT_EQ(ListedNeeds(sichuan_official_).size(), 4u);
  EXPECT_EQ(ListedNeeds(official_).size(), 4u);

  // Matching: the subject must lie inside, and so must the counterparts.
  NewOffering chengdu;
  chengdu.offering = SampleOffering("", "scu");
  chengdu.offering.listing.title = "人工窖泥培养与窖池功能菌强化";
  chengdu.offering_id = "chengdu-mud";
  Offerings offerings(repo(), engine(), tokens_);
  ASSERT_THAT(offerings.Create(organizer_, std::move(chengdu)), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(std::vector<MatchResult> everywhere,
                          matching().MatchNeed(official_, {"needs/need-acme", 0, "", false}));
  EXPECT_EQ(everywhere.size(), 1u);
  TM_ASSERT_OK_AND_ASSIGN(
      std::vector<MatchResult> in_luzhou,
      matching().MatchNeed(luzhou_official_, {"needs/need-acme", 0, "", false}));
  EXPECT_THAT(in_luzhou, IsEmpty());
  EXPECT_THAT(matching().MatchOffering(luzhou_official_, {"offerings/chengdu-mud", 0, "", false}),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(RegionsTest, ARegionalOrganizerWritesOnlyInsideItsRegion) {
  NewNeed inside;
  inside.need = SampleNeed("", "luxian");
  inside.need_id = "luxian-2";
  EXPECT_THAT(needs().Create(luzhou_organizer_, std::move(inside)), IsOk());
  NewNeed outside;
  outside.need = SampleNeed("", "jinjiang");
  outside.need_id = "jinjiang-2";
  EXPECT_THAT(needs().Create(luzhou_organizer_, std::move(outside)),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("outside")));
  EXPECT_THAT(needs().Withdraw(luzhou_organizer_, "needs/need-jinjiang", ""),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(needs().Withdraw(luzhou_organizer_, "needs/need-jiangyang", ""), IsOk());
}

TEST_F(RegionsTest, ReportsCountOnlyTheRegionAndGroupAtALevel) {
  // Hand count: Luzhou parties take part in a1 (acme), a2 (luxian, swmu), a3 (jiangyang);
  // a4 is Chengdu's alone.
  Sign("a1", "scu", "acme", 100'000'00);        // 10万元, Chengdu supplier, Luzhou demander
  Sign("a2", "swmu", "luxian", 250'000'00);     // 25万元, both Luzhou
  Sign("a3", "swmu", "jiangyang", 40'000'00);   // 4万元
  Sign("a4", "scu", "jinjiang", 1'000'000'00);  // 100万元, Chengdu only
  TM_ASSERT_OK_AND_ASSIGN(
      AgreementReport luzhou,
      reports().SummarizeAgreements(luzhou_official_, {}, "", RegionLevel::kCounty));
  EXPECT_EQ(luzhou.total.agreement_count, 3);
  EXPECT_EQ(luzhou.total.sum(AmountField::kContractAmount), 100'000'00 + 250'000'00 + 40'000'00);
  TM_ASSERT_OK_AND_ASSIGN(AgreementReport all,
                          reports().SummarizeAgreements(official_, {}, "", RegionLevel::kCounty));
  EXPECT_EQ(all.total.agreement_count, 4);

  // By city: each agreement once per city its parties are in.
  TM_ASSERT_OK_AND_ASSIGN(
      AgreementReport by_city,
      reports().SummarizeAgreements(official_, {GroupDimension::kRegion}, "", RegionLevel::kCity));
  ASSERT_EQ(by_city.rows.size(), 2u);
  EXPECT_EQ(by_city.rows[0].group_values[0], "510100");
  EXPECT_EQ(by_city.rows[0].totals.agreement_count, 2);  // a1, a4
  EXPECT_EQ(by_city.rows[1].group_values[0], "510500");
  EXPECT_EQ(by_city.rows[1].totals.agreement_count, 3);  // a1, a2, a3
  EXPECT_EQ(by_city.rows[1].totals.sum(AmountField::kContractAmount),
            100'000'00 + 250'000'00 + 40'000'00);
  TM_ASSERT_OK_AND_ASSIGN(AgreementReport by_province,
                          reports().SummarizeAgreements(official_, {GroupDimension::kRegion}, "",
                                                        RegionLevel::kProvince));
  ASSERT_EQ(by_province.rows.size(), 1u);
  EXPECT_EQ(by_province.rows[0].group_values[0], "510000");
  EXPECT_EQ(by_province.rows[0].totals.agreement_count, 4);
  // A party's agreements at county level: 510502 has a2 and a3 through swmu and jiangyang.
  TM_ASSERT_OK_AND_ASSIGN(AgreementReport by_county,
                          reports().SummarizeAgreements(luzhou_official_, {GroupDimension::kRegion},
                                                        "region = 510502", RegionLevel::kCounty));
  EXPECT_EQ(by_county.total.agreement_count, 2);

  // Listing agreements follows the key's region as well.
  absl::StatusOr<ListPage<Agreement>> listed = agreements().List(luzhou_official_, {"", 100, ""});
  ASSERT_THAT(listed, IsOk());
  EXPECT_EQ(listed->items.size(), 3u);
  EXPECT_THAT(agreements().Get(luzhou_official_, "agreements/a4", false),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(
      ViolatedFields(reports().SummarizeAgreements(official_, {}, "", static_cast<RegionLevel>(7))),
      ElementsAre("region_level"));
}

TEST_F(RegionsTest, AnOrganizerWithARegionWritesOnlyAgreementsWithAPartyInIt) {
  NewAgreement luzhou;
  luzhou.agreement_id = "in-luzhou";
  luzhou.agreement.title = "窖泥技术服务合同";
  luzhou.agreement.kind = AgreementKind::kTechnologyService;
  luzhou.agreement.parties = {{"scu", PartyRole::kSupplier}, {"luxian", PartyRole::kDemander}};
  luzhou.agreement.sign_time = absl::Now() - absl::Hours(24);
  TM_ASSERT_OK_AND_ASSIGN(Agreement created,
                          agreements().Create(luzhou_organizer_, std::move(luzhou)));

  NewAgreement chengdu;
  chengdu.agreement_id = "in-chengdu";
  chengdu.agreement.title = "锦江技术服务合同";
  chengdu.agreement.kind = AgreementKind::kTechnologyService;
  chengdu.agreement.parties = {{"scu", PartyRole::kSupplier}, {"jinjiang", PartyRole::kDemander}};
  chengdu.agreement.sign_time = absl::Now() - absl::Hours(24);
  EXPECT_THAT(agreements().Create(luzhou_organizer_, chengdu),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("510500")));
  EXPECT_THAT(agreements().Get(organizer_, "agreements/in-chengdu", false),
              StatusIs(absl::StatusCode::kNotFound));  // nothing was written
  ASSERT_THAT(agreements().Create(organizer_, std::move(chengdu)), IsOk());

  // Chengdu's agreement may not change from Luzhou, in its fields or its state.
  AgreementUpdate retitle;
  retitle.name = "agreements/in-chengdu";
  retitle.paths = {"title"};
  retitle.patch.title = "改名";
  EXPECT_THAT(agreements().Update(luzhou_organizer_, retitle),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(agreements().Start(luzhou_organizer_, "agreements/in-chengdu", ""),
              StatusIs(absl::StatusCode::kPermissionDenied));
  // Nor may Luzhou move its own agreement out of Luzhou.
  AgreementUpdate move_out;
  move_out.name = "agreements/in-luzhou";
  move_out.paths = {"parties"};
  move_out.patch.parties = {{"scu", PartyRole::kSupplier}, {"jinjiang", PartyRole::kDemander}};
  EXPECT_THAT(agreements().Update(luzhou_organizer_, move_out),
              StatusIs(absl::StatusCode::kPermissionDenied));
  TM_ASSERT_OK_AND_ASSIGN(AgreementView unchanged,
                          agreements().Get(organizer_, "agreements/in-luzhou", false));
  EXPECT_EQ(unchanged.agreement.parties[1].organization_id, "luxian");
  EXPECT_THAT(agreements().Start(luzhou_organizer_, "agreements/in-luzhou", Etag(created.meta)),
              IsOk());
}

TEST_F(RegionsTest, EventSummariesCountCollegesUnderTheirUniversity) {
  Organization chem = University("scu-chem");
  chem.parent_id = "scu";
  MustCreate(chem);
  Organization bio = University("scu-bio");
  bio.parent_id = "scu";
  MustCreate(bio);
  for (const char* org : {"scu-chem", "scu-bio", "swmu", "acme"}) {
    ASSERT_THAT(repo().RegisterParticipant("fair", org), IsOk());
  }
  Sign("c1", "scu-chem", "acme", 10'000'00);
  Sign("c2", "scu-bio", "luxian", 10'000'00);
  Sign("c3", "swmu", "luxian", 10'000'00);
  TM_ASSERT_OK_AND_ASSIGN(EventSummary summary,
                          reports().GetEventSummary("events/fair", "zh-Hans"));
  EXPECT_EQ(summary.figures.university_count, 2);  // scu (two colleges) and swmu
  EXPECT_EQ(summary.figures.enterprise_count, 1);
  EXPECT_EQ(summary.figures.technology.supplier_count, 2);
  EXPECT_EQ(summary.figures.technology.demander_count, 2);
  EXPECT_THAT(summary.narrative, HasSubstr("2所高校参会"));
  EXPECT_THAT(summary.narrative, HasSubstr("涉及高校和科研院所2家"));
}

}  // namespace
}  // namespace techmatch::usecases::testing
