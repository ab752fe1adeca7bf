// The meeting rules: who may ask for, accept and decline a meeting for which side, every bad
// field at once, the pair's score (the matching engine's, as MatchNeed ranks the pair), locks,
// and generated requests.
#include "usecases/meetings.h"

#include <deque>
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/usecases/usecase_fixture.h"
#include "usecases/needs.h"
#include "usecases/offerings.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class MeetingsTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    MustCreate(University("lab"));
    for (const char* org : {"acme", "scu", "lab"}) {
      ASSERT_THAT(repo().RegisterParticipant("fair", org), IsOk());
    }
    AddNeed("pit", "acme", "濃香型白酒窖池窖泥老化防治");
    AddOffering("mud", "scu", "人工窖泥培养与窖池功能菌强化");
    AddOffering("yeast", "lab", "白酒酿造功能酵母选育");
    AddOffering("far", "scu", "锂电池正极材料回收");  // shares no text with the need
  }

  void AddNeed(const std::string& id, const std::string& owner, const std::string& title) {
    NewNeed input;
    input.need = SampleNeed("", owner);
    input.need.listing.title = title;
    input.need.listing.event_ids = {"fair"};
    input.need_id = Keep(id);
    ASSERT_THAT(Needs(repo(), engine(), tokens_).Create(admin_, std::move(input)), IsOk());
  }

  void AddOffering(const std::string& id, const std::string& owner, const std::string& title) {
    NewOffering input;
    input.offering = SampleOffering("", owner);
    input.offering.listing.title = title;
    input.offering.listing.event_ids = {"fair"};
    input.offering_id = Keep(id);
    ASSERT_THAT(Offerings(repo(), engine(), tokens_).Create(admin_, std::move(input)), IsOk());
  }

  // A request for `need` × `offering` at the fair, asked for by `side`.
  NewMeetingRequest Ask(const std::string& need, const std::string& offering,
                        std::optional<MeetingSide> side, const std::string& id = "") {
    NewMeetingRequest input;
    input.parent = "events/fair";
    input.need = Keep("needs/" + need);
    input.offering = Keep("offerings/" + offering);
    input.requested_by = side;
    input.meeting_request_id = Keep(id);
    return input;
  }

  absl::string_view Keep(std::string text) { return kept_.emplace_back(std::move(text)); }

  // The score MatchNeed gives the pair at the fair, every industry considered, in millionths.
  int64_t RankedScore(const std::string& need_id, const std::string& offering_id) {
    absl::StatusOr<Need> need = repo().GetNeed(need_id);
    EXPECT_TRUE(need.ok());
    MatchOptions options;
    options.event_id = "fair";
    options.all_industries = true;
    options.limit = kMaxMatchLimit;
    absl::StatusOr<std::vector<MatchResult>> ranked = engine().MatchNeed(*need, options);
    EXPECT_TRUE(ranked.ok());
    for (const MatchResult& result : *ranked) {
      if (result.offering_id == offering_id) return MeetingScore(result.score);
    }
    ADD_FAILURE() << offering_id << " is not ranked for " << need_id;
    return -1;
  }

  void PlanTheFair() {
    MeetingPlanUpdate update;
    update.name = "events/fair/meetingPlan";
    const absl::Time start = Fair("fair").start_time + absl::Hours(1);
    update.plan.slots = {{start, start + absl::Minutes(25)},
                         {start + absl::Minutes(30), start + absl::Minutes(55)}};
    update.plan.table_count = 2;
    ASSERT_THAT(meetings().UpdatePlan(update), IsOk());
  }

  Meetings meetings() { return Meetings(repo(), engine(), tokens_); }

  std::deque<std::string> kept_;
};

TEST_F(MeetingsTest, EnterprisesAndInstitutesActOnlyForTheirOwnSide) {
  EXPECT_THAT(meetings().CreateRequest(acme_, Ask("pit", "mud", MeetingSide::kInstitute)),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("ENTERPRISE side")));
  EXPECT_THAT(meetings().CreateRequest(scu_, Ask("pit", "yeast", MeetingSide::kInstitute)),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("offerings/yeast")));
  MustCreate(Enterprise("rival"));
  const Principal rival = Caller(Role::kEnterprise, "rival");
  EXPECT_THAT(meetings().CreateRequest(rival, Ask("pit", "mud", MeetingSide::kEnterprise)),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("needs/pit")));

  TM_ASSERT_OK_AND_ASSIGN(
      MeetingRequest asked,
      meetings().CreateRequest(acme_, Ask("pit", "mud", MeetingSide::kEnterprise)));
  EXPECT_EQ(asked.state, MeetingRequestState::kPending);
  const std::string name = MeetingRequestName("fair", asked.meta.id);
  // The requester does not accept its own request; the other side does.
  EXPECT_THAT(meetings().AcceptRequest(acme_, name, ""),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("its requester cannot")));
  EXPECT_THAT(meetings().AcceptRequest(Caller(Role::kInstitute, "lab"), name, ""),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(meetings().AcceptRequest(scu_, name, "\"7\""), StatusIs(absl::StatusCode::kAborted));
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest accepted, meetings().AcceptRequest(scu_, name, ""));
  EXPECT_EQ(accepted.state, MeetingRequestState::kAccepted);
  // Either side may decline.
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest declined, meetings().DeclineRequest(acme_, name, ""));
  EXPECT_EQ(declined.state, MeetingRequestState::kDeclined);
}

TEST_F(MeetingsTest, EveryBadFieldAtOnceAndNothingLooked) {
  NewMeetingRequest bad = Ask("pit", "mud", std::nullopt, "Bad Id");
  bad.parent = "fair";
  bad.need = "";
  bad.offering = "needs/mud";
  bad.request_id = "a b";
  EXPECT_THAT(
      ViolatedFields(meetings().CreateRequest(organizer_, bad)),
      UnorderedElementsAre("request_id", "parent", "meeting_request_id", "meeting_request.offering",
                           "meeting_request.need", "meeting_request.requested_by"));
  // The id rule is the one every create follows.
  EXPECT_THAT(
      meetings().CreateRequest(organizer_, Ask("pit", "mud", MeetingSide::kOrganizer, "Bad Id")),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("must match [a-z0-9][a-z0-9-]{0,62}, got 'Bad Id'")));
}

TEST_F(MeetingsTest, ARequestCarriesThePairsRankedScore) {
  for (const char* offering : {"mud", "yeast", "far"}) {
    TM_ASSERT_OK_AND_ASSIGN(
        MeetingRequest request,
        meetings().CreateRequest(organizer_, Ask("pit", offering, MeetingSide::kOrganizer)));
    EXPECT_EQ(request.score, RankedScore("pit", offering)) << offering;
    EXPECT_GT(request.score, 0) << offering;
  }
  // A pair sharing text scores above one sharing none.
  TM_ASSERT_OK_AND_ASSIGN(ListPage<MeetingRequest> page,
                          meetings().ListRequests("events/fair", ListRequest{"", 10, ""}));
  ASSERT_EQ(page.items.size(), 3u);
  int64_t mud = 0, far = 0;
  for (const MeetingRequest& request : page.items) {
    if (request.offering_id == "mud") mud = request.score;
    if (request.offering_id == "far") far = request.score;
  }
  EXPECT_GT(mud, far);
}

TEST_F(MeetingsTest, BothSidesMustBeRegisteredAndActive) {
  MustCreate(University("outsider"));
  AddOffering("unregistered", "outsider", "窖泥微生物");
  EXPECT_THAT(
      meetings().CreateRequest(organizer_, Ask("pit", "unregistered", MeetingSide::kOrganizer)),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("organizations/outsider")));
  ASSERT_THAT(Offerings(repo(), engine(), tokens_).Withdraw(admin_, "offerings/yeast", ""), IsOk());
  EXPECT_THAT(meetings().CreateRequest(organizer_, Ask("pit", "yeast", MeetingSide::kOrganizer)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("offerings/yeast")));
}

TEST_F(MeetingsTest, LockedMeetingsAreNotDeclinedAndUnscheduledOnesNotLocked) {
  PlanTheFair();
  TM_ASSERT_OK_AND_ASSIGN(
      MeetingRequest request,
      meetings().CreateRequest(acme_, Ask("pit", "mud", MeetingSide::kEnterprise, "m1")));
  EXPECT_THAT(meetings().Lock("events/fair/meetings/m1", ""),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not scheduled")));
  ASSERT_THAT(meetings().AcceptRequest(scu_, "events/fair/meetingRequests/m1", ""), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(StoredSchedule schedule, meetings().Schedule("events/fair"));
  ASSERT_EQ(schedule.meetings.size(), 1u);
  EXPECT_EQ(schedule.quality.score, request.score);
  TM_ASSERT_OK_AND_ASSIGN(ScheduledMeeting locked, meetings().Lock("events/fair/meetings/m1", ""));
  EXPECT_TRUE(locked.details.meeting.locked);
  EXPECT_EQ(locked.plan.table_count, 2);
  EXPECT_THAT(meetings().DeclineRequest(scu_, "events/fair/meetingRequests/m1", ""),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("is locked")));
  TM_ASSERT_OK_AND_ASSIGN(Agenda agenda,
                          meetings().ListMeetings("events/fair", "organizations/scu", 0, ""));
  ASSERT_EQ(agenda.meetings.size(), 1u);
  EXPECT_EQ(agenda.participant_id, "scu");
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest cancelled,
                          meetings().Cancel("events/fair/meetings/m1", ""));
  EXPECT_EQ(cancelled.state, MeetingRequestState::kCancelled);
}

TEST_F(MeetingsTest, AgendaPagesAndTheirTokens) {
  EXPECT_THAT(ViolatedFields(meetings().ListMeetings("fair", "orgs/x", -1, "")),
              UnorderedElementsAre("parent", "participant", "page_size"));
  TM_ASSERT_OK_AND_ASSIGN(Agenda empty, meetings().ListMeetings("events/fair", "", 0, ""));
  EXPECT_TRUE(empty.meetings.empty());
  EXPECT_THAT(ViolatedFields(meetings().ListMeetings("events/fair", "", 0, "forged")),
              ElementsAre("page_token"));
}

TEST_F(MeetingsTest, GeneratedRequestsCarryTheirMatchScores) {
  MeetingRequestGeneration bad{"fair", 1.5, -1, false};
  EXPECT_THAT(ViolatedFields(meetings().GenerateRequests(bad, TestCallState())),
              UnorderedElementsAre("parent", "min_score", "per_need_limit"));
  TM_ASSERT_OK_AND_ASSIGN(
      GeneratedMeetingRequests generated,
      meetings().GenerateRequests({"events/fair", 0.0, 0, true}, TestCallState()));
  ASSERT_FALSE(generated.created.empty());
  for (const MeetingRequest& request : generated.created) {
    EXPECT_EQ(request.requested_by, MeetingSide::kMatching);
    EXPECT_EQ(request.state, MeetingRequestState::kAccepted);
    EXPECT_GT(request.score, 0);
  }
  // Again: every pair has its request already.
  TM_ASSERT_OK_AND_ASSIGN(
      GeneratedMeetingRequests again,
      meetings().GenerateRequests({"events/fair", 0.0, 0, true}, TestCallState()));
  EXPECT_TRUE(again.created.empty());
  EXPECT_EQ(again.existing_count, static_cast<int64_t>(generated.created.size()));
  EXPECT_THAT(meetings().GenerateRequests({"events/fair", 0.0, 0, true}, TestCallState(0)),
              StatusIs(absl::StatusCode::kCancelled));
}

}  // namespace
}  // namespace techmatch::usecases::testing
