// Create, get, replace and the error paths of every resource.
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

void ExpectSameListing(const Listing& a, const Listing& b) {
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.keywords, b.keywords);
  EXPECT_EQ(a.industry_codes, b.industry_codes);
  EXPECT_EQ(a.cooperation_modes, b.cooperation_modes);
  EXPECT_EQ(a.event_ids, b.event_ids);
}

// Over both backends.
class IndustryCrudTest : public testing::BackendTest {};
INSTANTIATE_TEST_SUITE_P(Backends, IndustryCrudTest, testing::kBackends, testing::BackendName);

// Organizations, events, participants, needs and offerings over both backends.
class BackendCrudTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("luzhou-laojiao"));
    MustCreate(University("scu"));
    MustCreate(Fair("fair-2026"));
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, BackendCrudTest, testing::kBackends, testing::BackendName);

TEST_P(IndustryCrudTest, IndustryCreateGetDuplicateAndNotFound) {
  Industry industry;
  industry.meta.id = "tea";
  industry.display_name_zh = "茶业";
  industry.display_name_en = "Tea";
  TM_ASSERT_OK_AND_ASSIGN(Industry created, repo().CreateIndustry(industry, {}));
  EXPECT_EQ(created.meta.revision, 1);
  EXPECT_EQ(created.meta.create_time, created.meta.update_time);
  TM_ASSERT_OK_AND_ASSIGN(Industry got, repo().GetIndustry("tea"));
  EXPECT_EQ(got.display_name_zh, "茶业");
  EXPECT_EQ(got.meta.create_time, created.meta.create_time);
  EXPECT_THAT(repo().CreateIndustry(industry, {}),
              StatusIs(absl::StatusCode::kAlreadyExists, "industries/tea already exists"));
  EXPECT_THAT(repo().GetIndustry("coffee"),
              StatusIs(absl::StatusCode::kNotFound, "industries/coffee not found"));
  EXPECT_THAT(repo().IndustryExists("tea"), ::testing::Eq(absl::StatusOr<bool>(true)));
  EXPECT_THAT(repo().IndustryExists("coffee"), ::testing::Eq(absl::StatusOr<bool>(false)));
}

TEST_P(BackendCrudTest, OrganizationRoundTripAndReplace) {
  Organization college = University("scu-chem");
  college.parent_id = "scu";
  college.region_code = "";
  TM_ASSERT_OK_AND_ASSIGN(Organization created, repo().CreateOrganization(college, {}));
  TM_ASSERT_OK_AND_ASSIGN(Organization got, repo().GetOrganization("scu-chem"));
  EXPECT_EQ(got.display_name, college.display_name);
  EXPECT_EQ(got.kind, OrganizationKind::kUniversity);
  EXPECT_EQ(got.parent_id, "scu");
  EXPECT_EQ(got.region_code, "");
  EXPECT_EQ(got.industry_codes, college.industry_codes);
  EXPECT_EQ(got.meta.create_time, created.meta.create_time);

  got.display_name = "四川大学化学学院";
  got.parent_id.clear();
  got.industry_codes = {"pharmaceuticals"};
  TM_ASSERT_OK_AND_ASSIGN(Organization replaced, repo().ReplaceOrganization(got, 1));
  EXPECT_EQ(replaced.meta.revision, 2);
  EXPECT_EQ(replaced.meta.create_time, created.meta.create_time);
  EXPECT_GE(replaced.meta.update_time, created.meta.update_time);
  TM_ASSERT_OK_AND_ASSIGN(Organization again, repo().GetOrganization("scu-chem"));
  EXPECT_EQ(again.display_name, "四川大学化学学院");
  EXPECT_EQ(again.parent_id, "");
  EXPECT_EQ(again.industry_codes, std::vector<std::string>{"pharmaceuticals"});
  EXPECT_EQ(again.meta.revision, 2);
  EXPECT_EQ(again.meta.update_time, replaced.meta.update_time);

  EXPECT_THAT(repo().ReplaceOrganization(got, 1),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("organizations/scu-chem")));
  Organization ghost = Enterprise("ghost");
  EXPECT_THAT(repo().ReplaceOrganization(ghost, 1),
              StatusIs(absl::StatusCode::kNotFound, "organizations/ghost not found"));
  EXPECT_THAT(repo().FindOrganizationKind("scu-chem"),
              ::testing::Eq(
                  absl::StatusOr<std::optional<OrganizationKind>>(OrganizationKind::kUniversity)));
  EXPECT_THAT(repo().FindOrganizationKind("ghost"),
              ::testing::Eq(absl::StatusOr<std::optional<OrganizationKind>>(std::nullopt)));
}

TEST_P(BackendCrudTest, FactsNameTheParentAndItsKindAndAParentMustExist) {
  Organization college = University("scu-chem");
  college.parent_id = "scu";
  MustCreate(college);
  TM_ASSERT_OK_AND_ASSIGN(std::optional<AgreementLookup::OrganizationFacts> facts,
                          repo().FindOrganizationFacts("scu-chem"));
  ASSERT_TRUE(facts.has_value());
  EXPECT_EQ(facts->kind, OrganizationKind::kUniversity);
  EXPECT_EQ(facts->parent_id, "scu");
  EXPECT_EQ(facts->parent_kind, OrganizationKind::kUniversity);
  TM_ASSERT_OK_AND_ASSIGN(facts, repo().FindOrganizationFacts("scu"));
  ASSERT_TRUE(facts.has_value());
  EXPECT_EQ(facts->parent_id, "");
  EXPECT_FALSE(facts->parent_kind.has_value());
  TM_ASSERT_OK_AND_ASSIGN(facts, repo().FindOrganizationFacts("ghost"));
  EXPECT_FALSE(facts.has_value());
  Organization orphan = University("orphan");
  orphan.parent_id = "ghost";
  EXPECT_THAT(repo().CreateOrganization(orphan, {}), Not(IsOk()));
  EXPECT_THAT(repo().GetOrganization("orphan"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(BackendCrudTest, EventRoundTripKeepsNanosecondsAndReplace) {
  Event event = Fair("expo");
  event.registration_close_time = event.start_time - absl::Nanoseconds(1);
  event.organizer_ids = {"scu", "luzhou-laojiao"};
  TM_ASSERT_OK_AND_ASSIGN(Event created, repo().CreateEvent(event, {}));
  TM_ASSERT_OK_AND_ASSIGN(Event got, repo().GetEvent("expo"));
  EXPECT_EQ(got.start_time, event.start_time);
  EXPECT_EQ(got.end_time, event.end_time);
  EXPECT_EQ(got.registration_close_time, event.registration_close_time);
  EXPECT_EQ(got.organizer_ids, event.organizer_ids);
  EXPECT_EQ(got.location, "Luzhou");
  EXPECT_EQ(got.meta.create_time, created.meta.create_time);

  got.registration_close_time.reset();
  got.location = "泸州";
  got.organizer_ids = {"scu"};
  TM_ASSERT_OK_AND_ASSIGN(Event replaced, repo().ReplaceEvent(got, 1));
  EXPECT_EQ(replaced.meta.revision, 2);
  TM_ASSERT_OK_AND_ASSIGN(Event again, repo().GetEvent("expo"));
  EXPECT_FALSE(again.registration_close_time.has_value());
  EXPECT_EQ(again.location, "泸州");
  EXPECT_EQ(again.organizer_ids, std::vector<std::string>{"scu"});
  EXPECT_THAT(repo().ReplaceEvent(got, 1), StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(repo().GetEvent("nope"),
              StatusIs(absl::StatusCode::kNotFound, "events/nope not found"));
  EXPECT_THAT(repo().EventExists("expo"), ::testing::Eq(absl::StatusOr<bool>(true)));
  EXPECT_THAT(repo().EventExists("nope"), ::testing::Eq(absl::StatusOr<bool>(false)));
}

TEST_P(BackendCrudTest, EventTimeOutsideStorableRangeIsInvalidArgument) {
  Event event = Fair("far");
  event.end_time = absl::FromCivil(absl::CivilSecond(2300, 1, 1, 0, 0, 0), absl::UTCTimeZone());
  EXPECT_THAT(repo().CreateEvent(event, {}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("end_time")));
  EXPECT_THAT(repo().GetEvent("far"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(BackendCrudTest, NeedRoundTripReplaceAndErrors) {
  Need need = SampleNeed("pit-mud", "luzhou-laojiao");
  need.listing.event_ids = {"fair-2026"};
  TM_ASSERT_OK_AND_ASSIGN(Need created, repo().CreateNeed(need, {}));
  EXPECT_EQ(created.meta.revision, 1);
  EXPECT_EQ(created.meta.create_time, created.meta.update_time);
  EXPECT_LE(created.meta.create_time, absl::Now());

  TM_ASSERT_OK_AND_ASSIGN(Need got, repo().GetNeed("pit-mud"));
  EXPECT_EQ(got.meta.id, "pit-mud");
  EXPECT_EQ(got.enterprise_id, "luzhou-laojiao");
  ExpectSameListing(got.listing, need.listing);
  EXPECT_EQ(got.budget_minor, need.budget_minor);
  EXPECT_EQ(got.min_trl, 4);
  EXPECT_EQ(got.state, NeedState::kOpen);
  EXPECT_EQ(got.meta.create_time, created.meta.create_time);  // Exact to the nanosecond.
  EXPECT_EQ(got.meta.revision, 1);

  got.listing.title = "Updated title";
  got.listing.keywords.clear();
  got.listing.industry_codes = {"chemicals"};
  got.listing.event_ids.clear();
  got.listing.cooperation_modes.clear();
  got.budget_minor.reset();
  got.min_trl.reset();
  got.state = NeedState::kWithdrawn;
  TM_ASSERT_OK_AND_ASSIGN(Need replaced, repo().ReplaceNeed(got, 1));
  EXPECT_EQ(replaced.meta.revision, 2);
  EXPECT_EQ(replaced.meta.create_time, created.meta.create_time);
  TM_ASSERT_OK_AND_ASSIGN(Need again, repo().GetNeed("pit-mud"));
  ExpectSameListing(again.listing, got.listing);
  EXPECT_FALSE(again.budget_minor.has_value());
  EXPECT_FALSE(again.min_trl.has_value());
  EXPECT_EQ(again.state, NeedState::kWithdrawn);
  EXPECT_EQ(again.meta.revision, 2);
  EXPECT_EQ(again.meta.update_time, replaced.meta.update_time);

  // A stale revision changes nothing.
  Need stale = again;
  stale.listing.title = "Lost update";
  EXPECT_THAT(repo().ReplaceNeed(stale, 1),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("needs/pit-mud")));
  TM_ASSERT_OK_AND_ASSIGN(Need unchanged, repo().GetNeed("pit-mud"));
  EXPECT_EQ(unchanged.listing.title, "Updated title");

  EXPECT_THAT(repo().CreateNeed(need, {}),
              StatusIs(absl::StatusCode::kAlreadyExists, "needs/pit-mud already exists"));
  EXPECT_THAT(repo().GetNeed("missing"),
              StatusIs(absl::StatusCode::kNotFound, "needs/missing not found"));
  Need missing = need;
  missing.meta.id = "missing";
  EXPECT_THAT(repo().ReplaceNeed(missing, 1), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(BackendCrudTest, OfferingRoundTripReplaceAndErrors) {
  Offering offering = SampleOffering("agent", "scu");
  offering.listing.event_ids = {"fair-2026"};
  TM_ASSERT_OK_AND_ASSIGN(Offering created, repo().CreateOffering(offering, {}));
  TM_ASSERT_OK_AND_ASSIGN(Offering got, repo().GetOffering("agent"));
  EXPECT_EQ(got.institute_id, "scu");
  ExpectSameListing(got.listing, offering.listing);
  EXPECT_EQ(got.trl, 6);
  EXPECT_EQ(got.patents, offering.patents);
  EXPECT_EQ(got.asking_price_minor, offering.asking_price_minor);
  EXPECT_EQ(got.state, OfferingState::kAvailable);
  EXPECT_EQ(got.meta.create_time, created.meta.create_time);

  got.trl = 9;
  got.patents.clear();
  got.asking_price_minor = 0;
  got.state = OfferingState::kWithdrawn;
  TM_ASSERT_OK_AND_ASSIGN(Offering replaced, repo().ReplaceOffering(got, 1));
  EXPECT_EQ(replaced.meta.revision, 2);
  TM_ASSERT_OK_AND_ASSIGN(Offering again, repo().GetOffering("agent"));
  EXPECT_EQ(again.trl, 9);
  EXPECT_TRUE(again.patents.empty());
  EXPECT_EQ(again.asking_price_minor, 0);
  EXPECT_EQ(again.state, OfferingState::kWithdrawn);
  EXPECT_THAT(repo().ReplaceOffering(got, 1), StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(repo().CreateOffering(offering, {}),
              StatusIs(absl::StatusCode::kAlreadyExists, "offerings/agent already exists"));
  EXPECT_THAT(repo().GetOffering("none"),
              StatusIs(absl::StatusCode::kNotFound, "offerings/none not found"));
}

TEST_P(BackendCrudTest, RepeatedRequestIdReturnsTheFirstResultAndCreatesNothing) {
  Need first = SampleNeed("req-a", "luzhou-laojiao");
  TM_ASSERT_OK_AND_ASSIGN(Need created,
                          repo().CreateNeed(first, RequestKey{"CreateNeed", "retry-1"}));
  // A retry carrying a different generated id gets the original need back.
  Need retry = SampleNeed("req-b", "luzhou-laojiao");
  TM_ASSERT_OK_AND_ASSIGN(Need answered,
                          repo().CreateNeed(retry, RequestKey{"CreateNeed", "retry-1"}));
  EXPECT_EQ(answered.meta.id, "req-a");
  EXPECT_EQ(answered.meta.create_time, created.meta.create_time);
  EXPECT_THAT(repo().GetNeed("req-b"), StatusIs(absl::StatusCode::kNotFound));

  // The key is per method; an empty request id disables the check.
  Organization org = Enterprise("req-org");
  TM_ASSERT_OK_AND_ASSIGN(
      Organization org_created,
      repo().CreateOrganization(org, RequestKey{"CreateOrganization", "retry-1"}));
  EXPECT_EQ(org_created.meta.id, "req-org");
  TM_ASSERT_OK_AND_ASSIGN(Need no_key, repo().CreateNeed(SampleNeed("req-c", "luzhou-laojiao"),
                                                         RequestKey{"CreateNeed", ""}));
  EXPECT_EQ(no_key.meta.id, "req-c");

  // Survives a restart.
  Reopen();
  TM_ASSERT_OK_AND_ASSIGN(Need after_restart,
                          repo().CreateNeed(retry, RequestKey{"CreateNeed", "retry-1"}));
  EXPECT_EQ(after_restart.meta.id, "req-a");

  Offering offering = SampleOffering("o-1", "scu");
  TM_ASSERT_OK_AND_ASSIGN(Offering o1, repo().CreateOffering(offering, {"CreateOffering", "x"}));
  offering.meta.id = "o-2";
  TM_ASSERT_OK_AND_ASSIGN(Offering o2, repo().CreateOffering(offering, {"CreateOffering", "x"}));
  EXPECT_EQ(o2.meta.id, "o-1");

  Event event = Fair("e-1");
  TM_ASSERT_OK_AND_ASSIGN(Event e1, repo().CreateEvent(event, {"CreateEvent", "x"}));
  event.meta.id = "e-2";
  TM_ASSERT_OK_AND_ASSIGN(Event e2, repo().CreateEvent(event, {"CreateEvent", "x"}));
  EXPECT_EQ(e2.meta.id, "e-1");
}

TEST_P(BackendCrudTest, FailedCreateRecordsNoRequestId) {
  // The request id is recorded with the resource: a failed create leaves it free.
  Need bad = SampleNeed("fk-fail", "no-such-enterprise");
  EXPECT_THAT(repo().CreateNeed(bad, {"CreateNeed", "r"}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  Need good = SampleNeed("fk-ok", "luzhou-laojiao");
  TM_ASSERT_OK_AND_ASSIGN(Need created, repo().CreateNeed(good, {"CreateNeed", "r"}));
  EXPECT_EQ(created.meta.id, "fk-ok");
}

TEST_P(BackendCrudTest, ParticipantsRegisterIdempotentlyAndList) {
  TM_ASSERT_OK_AND_ASSIGN(Participant first,
                          repo().RegisterParticipant("fair-2026", "luzhou-laojiao"));
  EXPECT_EQ(first.event_id, "fair-2026");
  EXPECT_EQ(first.organization_id, "luzhou-laojiao");
  TM_ASSERT_OK_AND_ASSIGN(Participant again,
                          repo().RegisterParticipant("fair-2026", "luzhou-laojiao"));
  EXPECT_EQ(again.create_time, first.create_time);
  TM_ASSERT_OK_AND_ASSIGN(Participant scu, repo().RegisterParticipant("fair-2026", "scu"));

  TM_ASSERT_OK_AND_ASSIGN(Page<Participant> page,
                          repo().ListParticipants("fair-2026", ListQuery{}));
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].organization_id, "luzhou-laojiao");
  EXPECT_EQ(page.items[0].create_time, first.create_time);
  EXPECT_EQ(page.items[1].organization_id, "scu");
  EXPECT_TRUE(page.next_after_id.empty());

  EXPECT_THAT(repo().RegisterParticipant("no-fair", "scu"),
              StatusIs(absl::StatusCode::kNotFound, "events/no-fair not found"));
  EXPECT_THAT(repo().RegisterParticipant("fair-2026", "nobody"),
              StatusIs(absl::StatusCode::kNotFound, "organizations/nobody not found"));
  EXPECT_THAT(repo().ListParticipants("no-fair", ListQuery{}),
              StatusIs(absl::StatusCode::kNotFound, "events/no-fair not found"));
}

}  // namespace
}  // namespace techmatch::storage
