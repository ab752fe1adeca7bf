// Meeting plans, meeting requests and meetings over both backends: round trips, merges,
// schedules, locked meetings and the error paths the use cases rely on.
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
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
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr absl::string_view kEvent = "fair-2026";

class MeetingStorageTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("luzhou-laojiao"));
    MustCreate(University("scu"));
    MustCreate(Fair(std::string(kEvent)));
    ASSERT_THAT(repo().CreateNeed(SampleNeed("need-1", "luzhou-laojiao"), {}).status(), IsOk());
    ASSERT_THAT(repo().CreateNeed(SampleNeed("need-2", "luzhou-laojiao"), {}).status(), IsOk());
    ASSERT_THAT(repo().CreateOffering(SampleOffering("offering-1", "scu"), {}).status(), IsOk());
    RegistrationOptions two;
    two.delegate_count = 2;
    ASSERT_THAT(repo().RegisterParticipant(kEvent, "luzhou-laojiao", two).status(), IsOk());
    ASSERT_THAT(repo().RegisterParticipant(kEvent, "scu", {}).status(), IsOk());
  }

  // Slots of 30 minutes from the fair's start (its nanoseconds kept).
  MeetingPlan Plan(int slots, int tables) {
    MeetingPlan plan;
    plan.meta.id = std::string(kEvent);
    const absl::Time start = Fair(std::string(kEvent)).start_time;
    for (int i = 0; i < slots; ++i) {
      plan.slots.push_back({start + absl::Minutes(30 * i), start + absl::Minutes(30 * i + 25)});
    }
    plan.table_count = tables;
    plan.max_meetings_per_participant = 3;
    return plan;
  }

  MeetingRequest Request(const std::string& id, const std::string& need_id,
                         MeetingSide side = MeetingSide::kEnterprise) {
    MeetingRequest request;
    request.meta.id = id;
    request.event_id = std::string(kEvent);
    request.need_id = need_id;
    request.offering_id = "offering-1";
    request.enterprise_id = "luzhou-laojiao";
    request.institute_id = "scu";
    request.requested_by = side;
    request.score = 812'345;
    return request;
  }

  // Stores `id` accepted and returns it.
  MeetingRequest Accepted(const std::string& id, const std::string& need_id) {
    absl::StatusOr<MeetingRequest> created = repo().CreateMeetingRequest(Request(id, need_id), {});
    EXPECT_THAT(created.status(), IsOk());
    if (!created.ok()) return {};
    MeetingRequest accepted = *created;
    accepted.state = MeetingRequestState::kAccepted;
    absl::StatusOr<MeetingRequest> stored =
        repo().ReplaceMeetingRequest(accepted, created->meta.revision);
    EXPECT_THAT(stored.status(), IsOk());
    return stored.value_or(MeetingRequest());
  }

  static Meeting At(const std::string& request_id, int slot, int table, bool locked = false) {
    Meeting meeting;
    meeting.meta.id = request_id;
    meeting.event_id = std::string(kEvent);
    meeting.slot = slot;
    meeting.table = table;
    meeting.locked = locked;
    return meeting;
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, MeetingStorageTest, testing::kBackends, testing::BackendName);

TEST_P(MeetingStorageTest, PlanIsStoredWithItsSlotsAndRevisions) {
  EXPECT_THAT(repo().GetMeetingPlan(kEvent),
              StatusIs(absl::StatusCode::kNotFound, "events/fair-2026/meetingPlan not found"));
  TM_ASSERT_OK_AND_ASSIGN(MeetingPlan first, repo().PutMeetingPlan(Plan(3, 2), 0));
  EXPECT_EQ(first.meta.revision, 1);
  TM_ASSERT_OK_AND_ASSIGN(MeetingPlan got, repo().GetMeetingPlan(kEvent));
  ASSERT_EQ(got.slots.size(), 3u);
  EXPECT_EQ(got.slots[2].start, Plan(3, 2).slots[2].start);  // Nanoseconds kept.
  EXPECT_EQ(got.slots[2].end, Plan(3, 2).slots[2].end);
  EXPECT_EQ(got.table_count, 2);
  EXPECT_EQ(got.max_meetings_per_participant, 3);
  EXPECT_EQ(got.meta.create_time, first.meta.create_time);

  TM_ASSERT_OK_AND_ASSIGN(MeetingPlan second, repo().PutMeetingPlan(Plan(1, 4), 1));
  EXPECT_EQ(second.meta.revision, 2);
  EXPECT_EQ(second.meta.create_time, first.meta.create_time);
  TM_ASSERT_OK_AND_ASSIGN(got, repo().GetMeetingPlan(kEvent));
  EXPECT_EQ(got.slots.size(), 1u);  // The old slots are gone.
  EXPECT_EQ(got.table_count, 4);

  EXPECT_THAT(repo().PutMeetingPlan(Plan(2, 2), 1),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("events/fair-2026/meetingPlan")));
  MeetingPlan elsewhere = Plan(1, 1);
  elsewhere.meta.id = "no-such-fair";
  EXPECT_THAT(repo().PutMeetingPlan(elsewhere, 0),
              StatusIs(absl::StatusCode::kNotFound, "events/no-such-fair not found"));
}

TEST_P(MeetingStorageTest, RequestsMergeByPairAndAnswerRepeatedRequestIds) {
  const RequestKey key{"CreateMeetingRequest", "req-1"};
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest created,
                          repo().CreateMeetingRequest(Request("mr-1", "need-1"), key));
  EXPECT_EQ(created.meta.revision, 1);
  EXPECT_EQ(created.state, MeetingRequestState::kPending);
  // The same request id answers with the first request, whatever the second asks.
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest again,
                          repo().CreateMeetingRequest(Request("mr-9", "need-2"), key));
  EXPECT_EQ(again.meta.id, "mr-1");
  EXPECT_THAT(
      repo().GetMeetingRequest(kEvent, "mr-9"),
      StatusIs(absl::StatusCode::kNotFound, "events/fair-2026/meetingRequests/mr-9 not found"));

  // The other side asking for the same pair makes it mutual and accepted, under the first id.
  TM_ASSERT_OK_AND_ASSIGN(
      MeetingRequest merged,
      repo().CreateMeetingRequest(Request("mr-2", "need-1", MeetingSide::kInstitute), {}));
  EXPECT_EQ(merged.meta.id, "mr-1");
  EXPECT_TRUE(merged.mutual);
  EXPECT_EQ(merged.state, MeetingRequestState::kAccepted);
  EXPECT_EQ(merged.meta.revision, 2);
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest got, repo().GetMeetingRequest(kEvent, "mr-1"));
  EXPECT_TRUE(got.mutual);
  EXPECT_EQ(got.requested_by, MeetingSide::kEnterprise);
  EXPECT_EQ(got.score, 812'345);
  EXPECT_EQ(got.meta.create_time, created.meta.create_time);

  // Another pair under a taken id.
  EXPECT_THAT(repo().CreateMeetingRequest(Request("mr-1", "need-2"), {}),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("already exists")));
}

TEST_P(MeetingStorageTest, RequestsListWithFiltersAndReplaceOptimistically) {
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest one,
                          repo().CreateMeetingRequest(Request("mr-1", "need-1"), {}));
  Accepted("mr-2", "need-2");
  ListQuery query;
  query.page_size = 1;
  TM_ASSERT_OK_AND_ASSIGN(Page<MeetingRequest> page, repo().ListMeetingRequests(kEvent, query));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].meta.id, "mr-1");
  query.after_id = page.next_after_id;
  TM_ASSERT_OK_AND_ASSIGN(page, repo().ListMeetingRequests(kEvent, query));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].meta.id, "mr-2");
  EXPECT_TRUE(page.next_after_id.empty());

  ListQuery accepted;
  accepted.page_size = 10;
  accepted.filter = {{"state", FilterOp::kEq, std::string("ACCEPTED")}};
  TM_ASSERT_OK_AND_ASSIGN(page, repo().ListMeetingRequests(kEvent, accepted));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].meta.id, "mr-2");
  EXPECT_THAT(repo().ListMeetingRequests("no-such-fair", accepted),
              StatusIs(absl::StatusCode::kNotFound, "events/no-such-fair not found"));

  MeetingRequest declined = one;
  declined.state = MeetingRequestState::kDeclined;
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest stored, repo().ReplaceMeetingRequest(declined, 1));
  EXPECT_EQ(stored.meta.revision, 2);
  EXPECT_EQ(stored.meta.create_time, one.meta.create_time);
  EXPECT_THAT(repo().ReplaceMeetingRequest(declined, 1),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed since it was read")));
  declined.meta.id = "mr-9";
  EXPECT_THAT(
      repo().ReplaceMeetingRequest(declined, 1),
      StatusIs(absl::StatusCode::kNotFound, "events/fair-2026/meetingRequests/mr-9 not found"));
}

TEST_P(MeetingStorageTest, ScheduleInputNeedsAPlanAndHoldsWhatSchedulingReads) {
  EXPECT_THAT(repo().ReadFairScheduleInput(kEvent),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("has no meeting plan")));
  EXPECT_THAT(repo().ReadFairScheduleInput("no-such-fair"),
              StatusIs(absl::StatusCode::kNotFound, "events/no-such-fair not found"));
  ASSERT_THAT(repo().PutMeetingPlan(Plan(2, 2), 0).status(), IsOk());
  ASSERT_THAT(repo().CreateMeetingRequest(Request("mr-1", "need-1"), {}).status(), IsOk());
  Accepted("mr-2", "need-2");
  // An accepted request whose need has closed is reported inactive.
  TM_ASSERT_OK_AND_ASSIGN(Need need, repo().GetNeed("need-2"));
  need.state = NeedState::kClosed;
  ASSERT_THAT(repo().ReplaceNeed(need, need.meta.revision).status(), IsOk());

  TM_ASSERT_OK_AND_ASSIGN(FairScheduleInput input, repo().ReadFairScheduleInput(kEvent));
  EXPECT_EQ(input.event_id, kEvent);
  EXPECT_EQ(input.plan.slots.size(), 2u);
  EXPECT_THAT(input.delegates, UnorderedElementsAre(Pair("luzhou-laojiao", 2), Pair("scu", 1)));
  ASSERT_EQ(input.requests.size(), 1u);  // Only the accepted one.
  EXPECT_EQ(input.requests[0].meta.id, "mr-2");
  EXPECT_THAT(input.meetings, IsEmpty());
  EXPECT_THAT(input.inactive, ElementsAre(Pair("needs/need-2", "CLOSED")));
}

TEST_P(MeetingStorageTest, SchedulesReplaceUnlockedMeetingsAndKeepLockedOnes) {
  TM_ASSERT_OK_AND_ASSIGN(MeetingPlan plan, repo().PutMeetingPlan(Plan(3, 2), 0));
  Accepted("mr-1", "need-1");
  Accepted("mr-2", "need-2");
  ASSERT_THAT(
      repo().ReplaceSchedule(kEvent, plan.meta.revision, {At("mr-1", 0, 0), At("mr-2", 1, 1)}),
      IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Meeting meeting, repo().GetMeeting(kEvent, "mr-2"));
  EXPECT_EQ(meeting.slot, 1);
  EXPECT_EQ(meeting.table, 1);
  EXPECT_EQ(meeting.meta.revision, 1);
  EXPECT_THAT(repo().GetMeeting(kEvent, "mr-9"),
              StatusIs(absl::StatusCode::kNotFound, "events/fair-2026/meetings/mr-9 not found"));

  TM_ASSERT_OK_AND_ASSIGN(std::vector<MeetingDetails> agenda, repo().ListMeetings(kEvent, "scu"));
  ASSERT_EQ(agenda.size(), 2u);
  EXPECT_EQ(agenda[0].meeting.meta.id, "mr-1");  // By slot.
  EXPECT_EQ(agenda[0].request.need_id, "need-1");
  EXPECT_EQ(agenda[0].need_title, SampleNeed("need-1", "luzhou-laojiao").listing.title);
  EXPECT_EQ(agenda[0].offering_title, SampleOffering("offering-1", "scu").listing.title);
  EXPECT_EQ(agenda[0].enterprise_name, Enterprise("luzhou-laojiao").display_name);
  EXPECT_EQ(agenda[0].institute_name, University("scu").display_name);
  TM_ASSERT_OK_AND_ASSIGN(agenda, repo().ListMeetings(kEvent, "someone-else"));
  EXPECT_THAT(agenda, IsEmpty());
  EXPECT_THAT(repo().ListMeetings("no-such-fair", ""),
              StatusIs(absl::StatusCode::kNotFound, "events/no-such-fair not found"));

  // Lock mr-2 at slot 3, table 2.
  Meeting locked = meeting;
  locked.slot = 2;
  locked.locked = true;
  TM_ASSERT_OK_AND_ASSIGN(Meeting stored, repo().ReplaceMeeting(locked, 1));
  EXPECT_EQ(stored.meta.revision, 2);
  EXPECT_EQ(stored.meta.create_time, meeting.meta.create_time);
  EXPECT_THAT(repo().ReplaceMeeting(locked, 1),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed since it was read")));

  // A plan without the locked meeting's place is refused; one with it drops unlocked meetings.
  EXPECT_THAT(repo().PutMeetingPlan(Plan(2, 2), plan.meta.revision),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("locked meeting events/fair-2026/meetings/mr-2 is at slot 3")));
  TM_ASSERT_OK_AND_ASSIGN(plan, repo().PutMeetingPlan(Plan(3, 3), plan.meta.revision));
  EXPECT_THAT(repo().GetMeeting(kEvent, "mr-1"), StatusIs(absl::StatusCode::kNotFound));
  TM_ASSERT_OK_AND_ASSIGN(FairScheduleInput input, repo().ReadFairScheduleInput(kEvent));
  ASSERT_EQ(input.meetings.size(), 1u);
  EXPECT_TRUE(input.meetings[0].locked);

  // A schedule made for an older plan, or without the locked meeting where it is, is refused.
  EXPECT_THAT(repo().ReplaceSchedule(kEvent, plan.meta.revision - 1, {At("mr-1", 0, 0)}),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed while scheduling")));
  EXPECT_THAT(repo().ReplaceSchedule(kEvent, plan.meta.revision, {At("mr-1", 0, 0)}),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("locked meetings changed")));
  ASSERT_THAT(
      repo().ReplaceSchedule(kEvent, plan.meta.revision, {At("mr-1", 1, 0), input.meetings[0]}),
      IsOk());
  TM_ASSERT_OK_AND_ASSIGN(meeting, repo().GetMeeting(kEvent, "mr-1"));
  EXPECT_EQ(meeting.slot, 1);

  // A declined request loses its meeting; a schedule does not place a request not accepted.
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest request, repo().GetMeetingRequest(kEvent, "mr-1"));
  request.state = MeetingRequestState::kDeclined;
  ASSERT_THAT(repo().ReplaceMeetingRequest(request, request.meta.revision).status(), IsOk());
  EXPECT_THAT(repo().GetMeeting(kEvent, "mr-1"), StatusIs(absl::StatusCode::kNotFound));
  ASSERT_THAT(
      repo().ReplaceSchedule(kEvent, plan.meta.revision, {At("mr-1", 1, 0), input.meetings[0]}),
      IsOk());
  EXPECT_THAT(repo().GetMeeting(kEvent, "mr-1"), StatusIs(absl::StatusCode::kNotFound));
}

// Schedulers racing on one event (as from several servers' or threads' connections) each
// replace the whole schedule: every one succeeds and the event ends with one schedule's
// meetings, never a refused insert at a place another scheduler had just filled.
TEST_P(MeetingStorageTest, ConcurrentSchedulesCommitOneAtATime) {
  TM_ASSERT_OK_AND_ASSIGN(MeetingPlan plan, repo().PutMeetingPlan(Plan(4, 2), 0));
  Accepted("mr-1", "need-1");
  Accepted("mr-2", "need-2");
  constexpr int kThreads = 6;
  constexpr int kRounds = 5;
  absl::Mutex mu;
  std::vector<absl::Status> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        const int slot = (t + round) % 4;
        absl::Status status = repo().ReplaceSchedule(kEvent, plan.meta.revision,
                                                     {At("mr-1", slot, 0), At("mr-2", slot, 1)});
        if (!status.ok()) {
          absl::MutexLock lock(&mu);
          failures.push_back(status);
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(failures, IsEmpty());
  TM_ASSERT_OK_AND_ASSIGN(std::vector<MeetingDetails> agenda, repo().ListMeetings(kEvent, ""));
  ASSERT_EQ(agenda.size(), 2u);
  EXPECT_EQ(agenda[0].meeting.slot, agenda[1].meeting.slot);
}

}  // namespace
}  // namespace techmatch::storage
