// Review before publication: what enterprises and institutes write waits for an organizer,
// unpublished records stay invisible to everyone but their owner and the organizers, needs close
// once an agreement met them, and parties read only their own agreements.
#include <deque>
#include <string>
#include <vector>

#include "tests/usecases/usecase_fixture.h"
#include "usecases/agreements.h"
#include "usecases/matching.h"
#include "usecases/needs.h"
#include "usecases/offerings.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class ReviewTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    MustCreate(Enterprise("rival"));
  }

  Needs needs() { return Needs(repo(), engine(), tokens_); }
  Offerings offerings() { return Offerings(repo(), engine(), tokens_); }
  Matching matching() { return Matching(repo(), engine()); }
  Agreements agreements() { return Agreements(repo(), tokens_, 2); }

  NewNeed NeedInput(const std::string& id, const std::string& owner = "acme") {
    NewNeed input;
    input.need = SampleNeed("", owner);
    input.need.listing.title = "濃香型白酒窖池窖泥老化防治";  // Matches OfferingInput's.
    input.need_id = ids_.emplace_back(id);
    return input;
  }
  NewOffering OfferingInput(const std::string& id, const std::string& owner = "scu") {
    NewOffering input;
    input.offering = SampleOffering("", owner);
    input.offering.listing.title = "人工窖泥培养与窖池功能菌强化";
    input.offering_id = ids_.emplace_back(id);
    return input;
  }
  std::vector<std::string> ListedNeeds(const Principal& caller, absl::string_view filter = "",
                                       absl::string_view query = "") {
    std::vector<std::string> names;
    absl::StatusOr<ListPage<Need>> page = needs().List(caller, {filter, 100, ""}, query);
    EXPECT_THAT(page, IsOk());
    if (page.ok()) {
      for (const Need& need : page->items) names.push_back(need.meta.id);
    }
    return names;
  }
  std::vector<std::string> ListedOfferings(const Principal& caller) {
    std::vector<std::string> names;
    absl::StatusOr<ListPage<Offering>> page = offerings().List(caller, {"", 100, ""}, "");
    EXPECT_THAT(page, IsOk());
    if (page.ok()) {
      for (const Offering& offering : page->items) names.push_back(offering.meta.id);
    }
    return names;
  }
  NewAgreement Contract(const std::string& id, const std::string& supplier,
                        const std::string& demander, const std::string& need_id = "") {
    NewAgreement input;
    Agreement& a = input.agreement;
    a.title = "技术开发合同";
    a.kind = AgreementKind::kTechnologyDevelopment;
    a.parties = {{supplier, PartyRole::kSupplier}, {demander, PartyRole::kDemander}};
    a.industry_codes = {"liquor"};
    a.need_id = need_id;
    a.sign_time = absl::Now() - absl::Hours(24);
    a.amount(AmountField::kContractAmount) = 100'000;
    input.agreement_id = ids_.emplace_back(id);
    return input;
  }

  const Principal rival_ = Caller(Role::kEnterprise, "rival");
  std::deque<std::string> ids_;
};

TEST_F(ReviewTest, ANeedsWholeJourneyThroughReview) {
  TM_ASSERT_OK_AND_ASSIGN(Offering offering, offerings().Create(organizer_, OfferingInput("mud")));
  EXPECT_EQ(offering.state, OfferingState::kAvailable);  // An organizer's write publishes.

  TM_ASSERT_OK_AND_ASSIGN(Need submitted, needs().Create(acme_, NeedInput("pit")));
  EXPECT_EQ(submitted.state, NeedState::kSubmitted);
  EXPECT_FALSE(submitted.published);
  // Not matched while it waits, for anyone: its owner learns why, others that it is not there.
  EXPECT_THAT(matching().MatchNeed(acme_, {"needs/pit", 0, "", false}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(matching().MatchNeed(rival_, {"needs/pit", 0, "", false}),
              StatusIs(absl::StatusCode::kNotFound));
  TM_ASSERT_OK_AND_ASSIGN(std::vector<MatchResult> for_offering,
                          matching().MatchOffering(organizer_, {"offerings/mud", 0, "", false}));
  EXPECT_THAT(for_offering, IsEmpty());

  // The queue: organizers filter on the state.
  EXPECT_THAT(ListedNeeds(organizer_, "state = SUBMITTED"), ElementsAre("pit"));

  // Returned with a reason, which its owner sees.
  TM_ASSERT_OK_AND_ASSIGN(
      Need returned, needs().Return(organizer_, {.name = "needs/pit", .reason = "请补充预算"}));
  EXPECT_EQ(returned.state, NeedState::kReturned);
  TM_ASSERT_OK_AND_ASSIGN(Need seen, needs().Get(acme_, "needs/pit"));
  EXPECT_EQ(seen.return_reason, "请补充预算");
  EXPECT_THAT(ListedNeeds(organizer_, "state = RETURNED"), ElementsAre("pit"));
  // Only a submitted need is published or returned.
  EXPECT_THAT(needs().Publish(organizer_, {.name = "needs/pit"}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("RETURNED")));

  // Its owner's update submits it again.
  NeedUpdate update;
  update.name = "needs/pit";
  update.paths = {"budget"};
  update.patch.budget_minor = 50'000'000;
  TM_ASSERT_OK_AND_ASSIGN(Need resubmitted, needs().Update(acme_, update));
  EXPECT_EQ(resubmitted.state, NeedState::kSubmitted);
  EXPECT_EQ(resubmitted.return_reason, "请补充预算");  // Kept until it is published.

  TM_ASSERT_OK_AND_ASSIGN(Need published, needs().Publish(organizer_, {.name = "needs/pit"}));
  EXPECT_EQ(published.state, NeedState::kOpen);
  EXPECT_TRUE(published.published);
  EXPECT_EQ(published.return_reason, "");
  // Now it is matched, and everyone sees it.
  TM_ASSERT_OK_AND_ASSIGN(std::vector<MatchResult> matches,
                          matching().MatchNeed(rival_, {"needs/pit", 0, "", false}));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].offering_id, "mud");
  EXPECT_THAT(needs().Get(official_, "needs/pit"), IsOk());

  TM_ASSERT_OK_AND_ASSIGN(Need withdrawn, needs().Withdraw(acme_, "needs/pit", ""));
  EXPECT_EQ(withdrawn.state, NeedState::kWithdrawn);
  EXPECT_TRUE(withdrawn.published);
}

TEST_F(ReviewTest, UnpublishedRecordsAreInvisibleToOthers) {
  ASSERT_THAT(needs().Create(acme_, NeedInput("mine")), IsOk());
  ASSERT_THAT(needs().Create(organizer_, NeedInput("public")), IsOk());
  ASSERT_THAT(offerings().Create(scu_, OfferingInput("draft")), IsOk());

  for (const Principal& other : {rival_, official_, scu_}) {
    EXPECT_THAT(needs().Get(other, "needs/mine"), StatusIs(absl::StatusCode::kNotFound));
    EXPECT_THAT(ListedNeeds(other), ElementsAre("public"));
    EXPECT_THAT(ListedNeeds(other, "", "窖池"), ElementsAre("public"));  // Search too.
  }
  for (const Principal& other : {rival_, official_, acme_}) {
    EXPECT_THAT(offerings().Get(other, "offerings/draft"), StatusIs(absl::StatusCode::kNotFound));
    EXPECT_THAT(ListedOfferings(other), IsEmpty());
    EXPECT_THAT(matching().MatchOffering(other, {"offerings/draft", 0, "", false}),
                StatusIs(absl::StatusCode::kNotFound));
  }
  // Owners and organizers see every state.
  EXPECT_THAT(ListedNeeds(acme_), ElementsAre("mine", "public"));
  EXPECT_THAT(ListedNeeds(organizer_), ElementsAre("mine", "public"));
  EXPECT_THAT(ListedNeeds(admin_, "state = SUBMITTED"), ElementsAre("mine"));
  EXPECT_THAT(ListedOfferings(scu_), ElementsAre("draft"));
  EXPECT_THAT(offerings().Get(organizer_, "offerings/draft"), IsOk());

  // A need withdrawn before it was published stays out of sight.
  ASSERT_THAT(needs().Withdraw(acme_, "needs/mine", ""), IsOk());
  EXPECT_THAT(needs().Get(rival_, "needs/mine"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(ListedNeeds(rival_, "state = WITHDRAWN"), IsEmpty());
  EXPECT_THAT(ListedNeeds(acme_, "state = WITHDRAWN"), ElementsAre("mine"));
}

TEST_F(ReviewTest, AnOfferingsReviewAndImportsByRole) {
  TM_ASSERT_OK_AND_ASSIGN(Offering submitted, offerings().Create(scu_, OfferingInput("mud")));
  EXPECT_EQ(submitted.state, OfferingState::kSubmitted);
  TM_ASSERT_OK_AND_ASSIGN(Offering returned, offerings().Return(admin_, {.name = "offerings/mud",
                                                                         .reason = "缺专利号"}));
  EXPECT_EQ(returned.state, OfferingState::kReturned);
  EXPECT_EQ(returned.return_reason, "缺专利号");
  OfferingUpdate update;
  update.name = "offerings/mud";
  update.paths = {"trl"};
  update.patch.trl = 6;
  TM_ASSERT_OK_AND_ASSIGN(Offering again, offerings().Update(scu_, update));
  EXPECT_EQ(again.state, OfferingState::kSubmitted);
  TM_ASSERT_OK_AND_ASSIGN(Offering published,
                          offerings().Publish(organizer_, {.name = "offerings/mud"}));
  EXPECT_EQ(published.state, OfferingState::kAvailable);
  EXPECT_THAT(offerings().Get(acme_, "offerings/mud"), IsOk());
  EXPECT_THAT(offerings().Publish(organizer_, {.name = "offerings/mud"}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(ReviewTest, BadReviewInputNamesEveryField) {
  EXPECT_THAT(ViolatedFields(needs().Return(organizer_, {.name = "offerings/x", .reason = ""})),
              UnorderedElementsAre("name", "reason"));
  EXPECT_THAT(ViolatedFields(needs().Return(organizer_, {.name = "", .reason = "原因"})),
              ElementsAre("name"));
  EXPECT_THAT(ViolatedFields(
                  needs().Return(organizer_, {.name = "needs/x", .reason = std::string(501, 'x')})),
              ElementsAre("reason"));
  EXPECT_THAT(ViolatedFields(offerings().Return(organizer_, {.name = "needs/x", .reason = ""})),
              UnorderedElementsAre("name", "reason"));
  EXPECT_THAT(ViolatedFields(needs().Close(organizer_, {.name = "x/y", .agreement = "needs/z"})),
              UnorderedElementsAre("name", "agreement"));
  EXPECT_THAT(ViolatedFields(needs().Publish(organizer_, {.name = "offerings/x"})),
              ElementsAre("name"));
  EXPECT_THAT(needs().Publish(organizer_, {.name = "needs/none"}),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(ReviewTest, NeedsCloseOnceAnAgreementMetThem) {
  ASSERT_THAT(needs().Create(organizer_, NeedInput("pit")), IsOk());
  ASSERT_THAT(needs().Create(organizer_, NeedInput("other")), IsOk());
  EXPECT_THAT(needs().Close(acme_, {.name = "needs/pit"}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("no agreement")));
  ASSERT_THAT(agreements().Create(organizer_, Contract("a1", "scu", "acme", "other")), IsOk());
  ASSERT_THAT(agreements().Create(organizer_, Contract("a2", "scu", "acme", "pit")), IsOk());
  EXPECT_THAT(needs().Close(acme_, {.name = "needs/pit", .agreement = "agreements/a1"}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not an agreement for")));
  EXPECT_THAT(needs().Close(acme_, {.name = "needs/pit", .agreement = "agreements/none"}),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(needs().Close(rival_, {.name = "needs/pit"}),
              StatusIs(absl::StatusCode::kPermissionDenied));
  TM_ASSERT_OK_AND_ASSIGN(
      Need closed, needs().Close(acme_, {.name = "needs/pit", .agreement = "agreements/a2"}));
  EXPECT_EQ(closed.state, NeedState::kClosed);
  EXPECT_EQ(closed.closing_agreement_id, "a2");
  EXPECT_THAT(engine().MatchNeed(closed, MatchOptions{}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  // Any agreement for it will do when none is named; an organizer may close it too.
  TM_ASSERT_OK_AND_ASSIGN(Need other, needs().Close(organizer_, {.name = "needs/other"}));
  EXPECT_EQ(other.state, NeedState::kClosed);
  EXPECT_EQ(other.closing_agreement_id, "");
  EXPECT_THAT(needs().Close(organizer_, {.name = "needs/other"}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(ReviewTest, PartiesReadOnlyTheirOwnAgreementsCollegesIncluded) {
  Organization college = University("scu-chem");
  college.parent_id = "scu";
  MustCreate(college);
  MustCreate(University("uestc"));
  ASSERT_THAT(agreements().Create(organizer_, Contract("by-scu", "scu", "acme")), IsOk());
  ASSERT_THAT(agreements().Create(organizer_, Contract("by-college", "scu-chem", "rival")), IsOk());
  ASSERT_THAT(agreements().Create(organizer_, Contract("by-uestc", "uestc", "rival")), IsOk());

  auto listed = [&](const Principal& caller) {
    std::vector<std::string> ids;
    absl::StatusOr<ListPage<Agreement>> page = agreements().List(caller, {"", 100, ""});
    EXPECT_THAT(page, IsOk());
    if (page.ok()) {
      for (const Agreement& a : page->items) ids.push_back(a.meta.id);
    }
    return ids;
  };
  EXPECT_THAT(listed(scu_), ElementsAre("by-college", "by-scu"));
  EXPECT_THAT(listed(Caller(Role::kInstitute, "scu-chem")), ElementsAre("by-college"));
  EXPECT_THAT(listed(acme_), ElementsAre("by-scu"));
  EXPECT_THAT(listed(rival_), ElementsAre("by-college", "by-uestc"));
  EXPECT_THAT(listed(official_), ElementsAre("by-college", "by-scu", "by-uestc"));

  EXPECT_THAT(agreements().Get(scu_, "agreements/by-college", true), IsOk());
  EXPECT_THAT(agreements().Get(scu_, "agreements/by-uestc", false),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(agreements().Get(acme_, "agreements/by-college", false),
              StatusIs(absl::StatusCode::kNotFound));

  class Collector final : public AgreementSink {
   public:
    absl::Status Add(const Agreement& agreement) override {
      ids.push_back(agreement.meta.id);
      return absl::OkStatus();
    }
    std::vector<std::string> ids;
  } exported;
  ASSERT_THAT(agreements().Export(acme_, "", exported, TestCallState()), IsOk());
  EXPECT_THAT(exported.ids, ElementsAre("by-scu"));
}

}  // namespace
}  // namespace techmatch::usecases::testing
