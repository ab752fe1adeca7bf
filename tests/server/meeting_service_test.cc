// Meeting scheduling over real RPCs: plans, requests and their rules, scheduling
// with delegates, tables and locks, agendas, cancel and decline, generated requests,
// registration windows and delegate counts. Every refused call is checked to change nothing.
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "core/auth/role.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr int64_t kFairStart = 1795000000;  // The fixture's event runs a day from here.

class MeetingServiceTest : public OverBackends<SeededServerTest> {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    matches_ = v1::MatchService::NewStub(channel_);
    CreateOrganization("beta", v1::Organization::ENTERPRISE);
    CreateOrganization("cau", v1::Organization::UNIVERSITY);
    CreateOrganization("loner", v1::Organization::UNIVERSITY);
    CreateOffering("pit-mud", "人工窖泥培养与窖池功能菌强化技术", "organizations/scu");
    CreateOffering("pit-genome", "窖池微生物宏基因组分析", "organizations/cau");
    CreateOffering("own-lab", "白酒窖池自建实验室成果", "organizations/acme");
    CreateOffering("lonely", "窖池老化快速检测", "organizations/loner");
    for (const char* id : {"pit", "pit2"}) {
      v1::Need need = SampleNeed("濃香型白酒窖泥老化防治");
      need.add_events("events/fair");
      CreateNeed(need, id);
    }
    v1::Need beta = SampleNeed("白酒窖池微生物群落调控");
    beta.set_enterprise("organizations/beta");
    beta.add_events("events/fair");
    CreateNeed(beta, "beta-pit");
    for (const char* org : {"acme", "beta", "scu", "cau"}) Register(org);
  }

  void CreateOffering(const std::string& id, const std::string& title,
                      const std::string& institute) {
    v1::CreateOfferingRequest request;
    request.set_offering_id(id);
    v1::Offering& offering = *request.mutable_offering();
    offering = SampleOffering(title);
    offering.set_institute(institute);
    offering.clear_keywords();
    offering.add_keywords("窖池");
    offering.clear_industries();
    offering.add_industries("industries/liquor");
    offering.add_events("events/fair");
    v1::Offering created;
    const grpc::Status status = offerings_->CreateOffering(Ctx().get(), request, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  grpc::Status Register(const std::string& org, int delegates = 0, bool late = false,
                        v1::Participant* out = nullptr, const std::string& event = "fair") {
    v1::RegisterParticipantRequest request;
    request.set_event("events/" + event);
    request.set_organization("organizations/" + org);
    request.set_delegate_count(delegates);
    request.set_late_registration(late);
    v1::Participant participant;
    grpc::Status status = events_->RegisterParticipant(Ctx().get(), request, &participant);
    if (out != nullptr) *out = participant;
    return status;
  }

  // `count` slots of 20 minutes with 5 minutes between, from an hour into the fair.
  static v1::MeetingPlan Plan(int count, int tables, int max_meetings = 0) {
    v1::MeetingPlan plan;
    plan.set_name("events/fair/meetingPlan");
    for (int i = 0; i < count; ++i) {
      v1::TimeSlot* slot = plan.add_slots();
      slot->mutable_start_time()->set_seconds(kFairStart + 3600 + i * 1500);
      slot->mutable_end_time()->set_seconds(kFairStart + 3600 + i * 1500 + 1200);
    }
    plan.set_table_count(tables);
    plan.set_max_meetings_per_participant(max_meetings);
    return plan;
  }

  grpc::Status SetPlan(const v1::MeetingPlan& plan, v1::MeetingPlan* out = nullptr) {
    v1::UpdateMeetingPlanRequest request;
    *request.mutable_meeting_plan() = plan;
    v1::MeetingPlan stored;
    grpc::Status status = matches_->UpdateMeetingPlan(Ctx().get(), request, &stored);
    if (out != nullptr) *out = stored;
    return status;
  }

  grpc::Status Request(const std::string& need, const std::string& offering,
                       v1::MeetingRequest::Side side, v1::MeetingRequest* out = nullptr,
                       const std::string& request_id = "") {
    v1::CreateMeetingRequestRequest request;
    request.set_parent("events/fair");
    request.mutable_meeting_request()->set_need("needs/" + need);
    request.mutable_meeting_request()->set_offering("offerings/" + offering);
    request.mutable_meeting_request()->set_requested_by(side);
    request.set_request_id(request_id);
    v1::MeetingRequest created;
    grpc::Status status = matches_->CreateMeetingRequest(Ctx().get(), request, &created);
    if (out != nullptr) *out = created;
    return status;
  }

  v1::MeetingRequest Accepted(const std::string& need, const std::string& offering) {
    v1::MeetingRequest created;
    EXPECT_TRUE(Request(need, offering, v1::MeetingRequest::ORGANIZER, &created).ok());
    v1::AcceptMeetingRequestRequest accept;
    accept.set_name(created.name());
    v1::MeetingRequest accepted;
    const grpc::Status status = matches_->AcceptMeetingRequest(Ctx().get(), accept, &accepted);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return accepted;
  }

  std::vector<v1::MeetingRequest> Requests() {
    v1::ListMeetingRequestsRequest request;
    request.set_parent("events/fair");
    v1::ListMeetingRequestsResponse response;
    EXPECT_TRUE(matches_->ListMeetingRequests(Ctx().get(), request, &response).ok());
    return {response.meeting_requests().begin(), response.meeting_requests().end()};
  }

  grpc::Status Schedule(v1::ScheduleMeetingsResponse& out) {
    v1::ScheduleMeetingsRequest request;
    request.set_event("events/fair");
    return matches_->ScheduleMeetings(Ctx().get(), request, &out);
  }

  std::vector<v1::Meeting> Meetings(const std::string& participant = "", int page_size = 0) {
    std::vector<v1::Meeting> all;
    v1::ListMeetingsRequest request;
    request.set_parent("events/fair");
    request.set_participant(participant);
    request.set_page_size(page_size);
    do {
      v1::ListMeetingsResponse response;
      const grpc::Status status = matches_->ListMeetings(Ctx().get(), request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      all.insert(all.end(), response.meetings().begin(), response.meetings().end());
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return all;
  }

  // No organization in more meetings of a slot than it sends delegates; no table twice.
  static void ExpectValid(const std::vector<v1::Meeting>& meetings,
                          const std::map<std::string, int>& delegates, int tables) {
    std::map<std::pair<std::string, int>, int> load;
    std::set<std::pair<int, int>> seats;
    for (const v1::Meeting& m : meetings) {
      EXPECT_GE(m.table(), 1);
      EXPECT_LE(m.table(), tables);
      EXPECT_TRUE(seats.insert({m.slot(), m.table()}).second) << "table clash " << m.name();
      for (const std::string& org : {m.enterprise(), m.institute()}) {
        const int limit = delegates.count(org) ? delegates.at(org) : 1;
        const int in_slot = ++load[std::make_pair(org, m.slot())];
        EXPECT_LE(in_slot, limit) << org << " double-booked in " << m.slot();
      }
    }
  }

  std::unique_ptr<v1::MatchService::Stub> matches_;
};

TEST_P(MeetingServiceTest, PlanIsValidatedAndStored) {
  v1::MeetingPlan bad = Plan(3, 0, -1);
  bad.mutable_slots(1)->mutable_start_time()->set_seconds(kFairStart + 3600 + 600);  // overlaps
  bad.mutable_slots(2)->mutable_end_time()->set_seconds(kFairStart + 3600 + 3000);   // ends first
  grpc::Status status = SetPlan(bad);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("overlaps slots[0]"));
  EXPECT_THAT(ViolatedFields(status),
              ElementsAre("meeting_plan.slots[1]", "meeting_plan.slots[2].end_time",
                          "meeting_plan.table_count", "meeting_plan.max_meetings_per_participant"));
  v1::MeetingPlan outside = Plan(1, 2);
  outside.mutable_slots(0)->mutable_start_time()->set_seconds(kFairStart - 3600);
  EXPECT_THAT(ViolatedFields(SetPlan(outside)), ElementsAre("meeting_plan.slots[0]"));
  v1::GetMeetingPlanRequest get;
  get.set_name("events/fair/meetingPlan");
  v1::MeetingPlan read;
  EXPECT_EQ(matches_->GetMeetingPlan(Ctx().get(), get, &read).error_code(),
            grpc::StatusCode::NOT_FOUND);

  v1::MeetingPlan stored;
  ASSERT_TRUE(SetPlan(Plan(4, 3, 2), &stored).ok());
  ASSERT_TRUE(matches_->GetMeetingPlan(Ctx().get(), get, &read).ok());
  EXPECT_EQ(read.slots_size(), 4);
  EXPECT_EQ(read.table_count(), 3);
  EXPECT_EQ(read.max_meetings_per_participant(), 2);
  EXPECT_EQ(read.etag(), stored.etag());
  v1::MeetingPlan stale = Plan(2, 2);
  stale.set_etag("\"99\"");
  EXPECT_EQ(SetPlan(stale).error_code(), grpc::StatusCode::ABORTED);
}

TEST_P(MeetingServiceTest, SchedulingWithoutAPlanIsRefused) {
  Accepted("pit", "pit-mud");
  v1::ScheduleMeetingsResponse response;
  const grpc::Status status = Schedule(response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("events/fair has no meeting plan"));
  EXPECT_THAT(Meetings(), IsEmpty());
}

TEST_P(MeetingServiceTest, DuplicateRequestsAreIdempotentAndTheOtherSideMakesThemMutual) {
  v1::MeetingRequest first, again, other, retried;
  ASSERT_TRUE(Request("pit", "pit-mud", v1::MeetingRequest::ENTERPRISE, &first, "r-1").ok());
  EXPECT_EQ(first.state(), v1::MeetingRequest::PENDING);
  EXPECT_EQ(first.enterprise(), "organizations/acme");
  EXPECT_EQ(first.institute(), "organizations/scu");
  EXPECT_GT(first.score(), 0);
  EXPECT_FALSE(first.mutual());
  ASSERT_TRUE(Request("pit", "pit-mud", v1::MeetingRequest::ENTERPRISE, &again).ok());
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(again.etag(), first.etag());
  ASSERT_TRUE(Request("pit", "pit-mud", v1::MeetingRequest::ENTERPRISE, &retried, "r-1").ok());
  EXPECT_EQ(retried.name(), first.name());
  ASSERT_TRUE(Request("pit", "pit-mud", v1::MeetingRequest::INSTITUTE, &other).ok());
  EXPECT_EQ(other.name(), first.name());
  EXPECT_TRUE(other.mutual());
  EXPECT_EQ(other.state(), v1::MeetingRequest::ACCEPTED);
  EXPECT_EQ(Requests().size(), 1u);
}

TEST_P(MeetingServiceTest, BadRequestsAreRefusedAndChangeNothing) {
  v1::MeetingRequest out;
  grpc::Status status = Request("pit", "own-lab", v1::MeetingRequest::ENTERPRISE, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("same organization"));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("meeting_request.offering"));

  status = Request("pit", "lonely", v1::MeetingRequest::ENTERPRISE, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(),
              HasSubstr("organizations/loner is not registered for events/fair"));

  v1::WithdrawNeedRequest withdraw;
  withdraw.set_name("needs/pit2");
  v1::Need withdrawn;
  ASSERT_TRUE(needs_->WithdrawNeed(Ctx().get(), withdraw, &withdrawn).ok());
  status = Request("pit2", "pit-mud", v1::MeetingRequest::ENTERPRISE, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("needs/pit2 is WITHDRAWN"));

  v1::CreateMeetingRequestRequest empty;
  empty.set_parent("fair");
  status = matches_->CreateMeetingRequest(Ctx().get(), empty, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              ElementsAre("parent", "meeting_request.need", "meeting_request.offering",
                          "meeting_request.requested_by"));
  EXPECT_EQ(Request("nope", "pit-mud", v1::MeetingRequest::ENTERPRISE).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(Requests(), IsEmpty());
}

TEST_P(MeetingServiceTest, SchedulesRespectingDelegatesTablesLocksAndAgendas) {
  ASSERT_TRUE(Register("scu", 2).ok());  // scu sends two delegates
  ASSERT_TRUE(SetPlan(Plan(2, 2)).ok());
  Accepted("pit", "pit-mud");
  Accepted("pit", "pit-genome");
  Accepted("pit2", "pit-mud");
  Accepted("beta-pit", "pit-mud");
  Accepted("beta-pit", "pit-genome");
  v1::ScheduleMeetingsResponse response;
  grpc::Status status = Schedule(response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  const std::map<std::string, int> delegates = {{"organizations/scu", 2}};
  std::vector<v1::Meeting> meetings(response.meetings().begin(), response.meetings().end());
  ExpectValid(meetings, delegates, 2);
  // 2 slots × 2 tables, but acme and beta have one delegate each and 3 + 2 requests: 4 fit.
  EXPECT_EQ(meetings.size(), 4u);
  ASSERT_EQ(response.unscheduled_size(), 1);
  EXPECT_NE(response.unscheduled(0).reason(), v1::UnscheduledRequest::REASON_UNSPECIFIED);
  EXPECT_EQ(response.unscheduled(0).reason(), v1::UnscheduledRequest::TABLES_FULL);
  EXPECT_THAT(response.unscheduled(0).explanation(), HasSubstr("all 2 tables are taken"));
  EXPECT_GT(response.total_score(), 0);

  // acme's agenda: in time order, with counterparts and titles.
  const std::vector<v1::Meeting> agenda = Meetings("organizations/acme");
  ASSERT_FALSE(agenda.empty());
  for (size_t i = 0; i < agenda.size(); ++i) {
    EXPECT_EQ(agenda[i].enterprise(), "organizations/acme");
    EXPECT_EQ(agenda[i].counterpart(), agenda[i].institute());
    EXPECT_FALSE(agenda[i].need_title().empty());
    EXPECT_EQ(agenda[i].start_time().seconds(), kFairStart + 3600 + (agenda[i].slot() - 1) * 1500);
    if (i > 0) {
      EXPECT_LT(agenda[i - 1].slot(), agenda[i].slot());
    }
  }
  EXPECT_EQ(Meetings("", 1).size(), 4u);  // paging by one

  // Lock one meeting, add a request of higher priority, schedule again: the lock holds.
  v1::LockMeetingRequest lock;
  lock.set_name(agenda.back().name());
  v1::Meeting locked;
  ASSERT_TRUE(matches_->LockMeeting(Ctx().get(), lock, &locked).ok());
  EXPECT_TRUE(locked.locked());
  ASSERT_TRUE(Request("pit2", "pit-genome", v1::MeetingRequest::ENTERPRISE).ok());
  v1::MeetingRequest mutual;
  ASSERT_TRUE(Request("pit2", "pit-genome", v1::MeetingRequest::INSTITUTE, &mutual).ok());
  ASSERT_TRUE(mutual.mutual());
  ASSERT_TRUE(Schedule(response).ok());
  meetings.assign(response.meetings().begin(), response.meetings().end());
  ExpectValid(meetings, delegates, 2);
  bool found_lock = false, found_mutual = false;
  for (const v1::Meeting& m : meetings) {
    if (m.name() == locked.name()) {
      found_lock = true;
      EXPECT_TRUE(m.locked());
      EXPECT_EQ(m.slot(), locked.slot());
      EXPECT_EQ(m.table(), locked.table());
    }
    found_mutual = found_mutual || m.meeting_request() == mutual.name();
  }
  EXPECT_TRUE(found_lock);
  EXPECT_TRUE(found_mutual);
  EXPECT_EQ(response.mutual_count(), 1);

  // Declining the locked meeting's request is refused; cancelling the meeting works.
  v1::DeclineMeetingRequestRequest decline;
  decline.set_name(locked.meeting_request());
  v1::MeetingRequest declined;
  status = matches_->DeclineMeetingRequest(Ctx().get(), decline, &declined);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("is locked"));
  v1::CancelMeetingRequest cancel;
  cancel.set_name(locked.name());
  v1::MeetingRequest cancelled;
  ASSERT_TRUE(matches_->CancelMeeting(Ctx().get(), cancel, &cancelled).ok());
  EXPECT_EQ(cancelled.state(), v1::MeetingRequest::CANCELLED);
  for (const v1::Meeting& m : Meetings()) EXPECT_NE(m.name(), locked.name());
  // Now it is not scheduled: locking or cancelling it names the problem.
  status = matches_->LockMeeting(Ctx().get(), lock, &locked);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("not scheduled"));
  lock.set_name("events/fair/meetings/nothing-here");
  EXPECT_EQ(matches_->LockMeeting(Ctx().get(), lock, &locked).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_P(MeetingServiceTest, LockingAnUnscheduledRequestIsRefused) {
  ASSERT_TRUE(SetPlan(Plan(1, 1)).ok());
  const v1::MeetingRequest pending = [&] {
    v1::MeetingRequest out;
    EXPECT_TRUE(Request("pit", "pit-mud", v1::MeetingRequest::ENTERPRISE, &out).ok());
    return out;
  }();
  v1::LockMeetingRequest lock;
  lock.set_name(absl::StrReplaceAll(pending.name(), {{"meetingRequests", "meetings"}}));
  v1::Meeting meeting;
  const grpc::Status status = matches_->LockMeeting(Ctx().get(), lock, &meeting);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("PENDING and not scheduled"));
  // Pending requests are not scheduled at all.
  v1::ScheduleMeetingsResponse response;
  ASSERT_TRUE(Schedule(response).ok());
  EXPECT_THAT(response.meetings(), IsEmpty());
}

TEST_P(MeetingServiceTest, NewPlanKeepsLockedMeetingsOrIsRefused) {
  ASSERT_TRUE(SetPlan(Plan(3, 2)).ok());
  Accepted("pit", "pit-mud");
  Accepted("beta-pit", "pit-genome");
  v1::ScheduleMeetingsResponse response;
  ASSERT_TRUE(Schedule(response).ok());
  ASSERT_EQ(response.meetings_size(), 2);
  v1::LockMeetingRequest lock;
  lock.set_name(response.meetings(1).name());
  v1::Meeting locked;
  ASSERT_TRUE(matches_->LockMeeting(Ctx().get(), lock, &locked).ok());
  // A plan without the locked meeting's table is refused and changes nothing.
  const grpc::Status status = SetPlan(Plan(3, 1));
  if (locked.table() == 2) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_THAT(status.error_message(), HasSubstr(locked.name()));
    EXPECT_EQ(Meetings().size(), 2u);
  }
  // A plan that keeps it drops only the unlocked meetings.
  ASSERT_TRUE(SetPlan(Plan(4, 2)).ok());
  const std::vector<v1::Meeting> left = Meetings();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].name(), locked.name());
}

TEST_P(MeetingServiceTest, GeneratedRequestsComeFromMatchEventAboveTheScore) {
  v1::GenerateMeetingRequestsRequest request;
  request.set_parent("events/fair");
  request.set_min_score(0.2);
  request.set_accept(true);
  v1::GenerateMeetingRequestsResponse response;
  ASSERT_TRUE(matches_->GenerateMeetingRequests(Ctx().get(), request, &response).ok());
  ASSERT_GT(response.meeting_requests_size(), 0);
  for (const v1::MeetingRequest& r : response.meeting_requests()) {
    EXPECT_GE(r.score(), 0.2);
    EXPECT_EQ(r.state(), v1::MeetingRequest::ACCEPTED);
    EXPECT_EQ(r.requested_by(), v1::MeetingRequest::MATCHING);
    EXPECT_NE(r.enterprise(), r.institute());
    if (r.offering() == "offerings/own-lab") {
      EXPECT_NE(r.enterprise(), "organizations/acme");
    }
  }
  EXPECT_GT(response.unregistered_count(), 0);  // loner's offering matches but is not registered
  const size_t created = response.meeting_requests_size();
  v1::GenerateMeetingRequestsResponse again;
  ASSERT_TRUE(matches_->GenerateMeetingRequests(Ctx().get(), request, &again).ok());
  EXPECT_EQ(again.meeting_requests_size(), 0);
  EXPECT_EQ(static_cast<size_t>(again.existing_count()), created);
  request.set_min_score(1.5);
  EXPECT_THAT(ViolatedFields(matches_->GenerateMeetingRequests(Ctx().get(), request, &again)),
              ElementsAre("min_score"));
}

TEST_P(MeetingServiceTest, RegistrationClosesExceptForExplicitLateRegistration) {
  v1::CreateEventRequest create;
  create.set_event_id("closed");
  v1::Event& event = *create.mutable_event();
  event.set_display_name("已截止的洽談會");
  event.mutable_start_time()->set_seconds(kFairStart);
  event.mutable_end_time()->set_seconds(kFairStart + 86400);
  event.mutable_registration_close_time()->set_seconds(kFairStart - 86400);
  v1::Event created;
  ASSERT_TRUE(events_->CreateEvent(Ctx().get(), create, &created).ok());
  v1::Participant participant;
  grpc::Status status = Register("acme", 0, false, &participant, "closed");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("registration for events/closed closed"));
  v1::ListParticipantsRequest list;
  list.set_parent("events/closed");
  v1::ListParticipantsResponse listed;
  ASSERT_TRUE(events_->ListParticipants(Ctx().get(), list, &listed).ok());
  EXPECT_THAT(listed.participants(), IsEmpty());

  ASSERT_TRUE(Register("acme", 3, true, &participant, "closed").ok());
  EXPECT_TRUE(participant.late_registration());
  EXPECT_EQ(participant.delegate_count(), 3);
  // Registered already: idempotent after the close too, and the delegates may change.
  ASSERT_TRUE(Register("acme", 2, false, &participant, "closed").ok());
  EXPECT_EQ(participant.delegate_count(), 2);
  EXPECT_TRUE(participant.late_registration());
  ASSERT_TRUE(Register("acme", 0, false, &participant, "closed").ok());
  EXPECT_EQ(participant.delegate_count(), 2);

  status = Register("scu", 101);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("delegate_count"));
  ASSERT_TRUE(Register("cau", 0, false, &participant).ok());
  EXPECT_EQ(participant.delegate_count(), 1);
  EXPECT_FALSE(participant.late_registration());
}

// Needs and offerings join an event under the participants' window: after the close, adding
// one to the event is FAILED_PRECONDITION unless an ORGANIZER or ADMIN passes the late flag,
// which the record keeps in late_registration_events; events it already had need no flag.
class RegistrationWindowTest : public MeetingServiceTest {
 protected:
  void SetUp() override {
    MeetingServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    CreateWindowEvent("closed", absl::Now() - absl::Hours(1));
    CreateWindowEvent("open", absl::Now() + absl::Hours(24));
    enterprise_ = CreateKey(Role::kEnterprise, "acme");
    institute_ = CreateKey(Role::kInstitute, "scu");
    organizer_ = CreateKey(Role::kOrganizer);
  }

  void CreateWindowEvent(const std::string& id, absl::Time close) {
    v1::CreateEventRequest create;
    create.set_event_id(id);
    v1::Event& event = *create.mutable_event();
    event.set_display_name("洽談會 " + id);
    event.mutable_start_time()->set_seconds(absl::ToUnixSeconds(absl::Now() + absl::Hours(48)));
    event.mutable_end_time()->set_seconds(absl::ToUnixSeconds(absl::Now() + absl::Hours(72)));
    event.mutable_registration_close_time()->set_seconds(absl::ToUnixSeconds(close));
    v1::Event created;
    const grpc::Status status = events_->CreateEvent(Ctx().get(), create, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  grpc::Status NewNeed(const std::string& id, const std::vector<std::string>& events, bool late,
                       const std::string& token, v1::Need* out = nullptr) {
    v1::CreateNeedRequest request;
    request.set_need_id(id);
    *request.mutable_need() = SampleNeed("窖泥老化防治 " + id);
    for (const std::string& e : events) request.mutable_need()->add_events("events/" + e);
    request.set_late_registration(late);
    v1::Need created;
    grpc::Status status = needs_->CreateNeed(Ctx(token).get(), request, &created);
    if (out != nullptr) *out = created;
    return status;
  }

  grpc::Status SetNeedEvents(const std::string& id, const std::vector<std::string>& events,
                             bool late, const std::string& token, v1::Need* out = nullptr) {
    v1::UpdateNeedRequest request;
    request.mutable_need()->set_name("needs/" + id);
    for (const std::string& e : events) request.mutable_need()->add_events("events/" + e);
    request.mutable_update_mask()->add_paths("events");
    request.set_late_registration(late);
    v1::Need updated;
    grpc::Status status = needs_->UpdateNeed(Ctx(token).get(), request, &updated);
    if (out != nullptr) *out = updated;
    return status;
  }

  v1::Need GetNeed(const std::string& id) {
    v1::GetNeedRequest request;
    request.set_name("needs/" + id);
    v1::Need need;
    EXPECT_TRUE(needs_->GetNeed(Ctx().get(), request, &need).ok()) << id;
    return need;
  }

  bool NeedExists(const std::string& id) {
    v1::GetNeedRequest request;
    request.set_name("needs/" + id);
    v1::Need need;
    return needs_->GetNeed(Ctx().get(), request, &need).ok();
  }

  static std::vector<std::string> Late(const v1::Need& need) {
    return {need.late_registration_events().begin(), need.late_registration_events().end()};
  }

  std::string enterprise_, institute_, organizer_;
};

TEST_P(RegistrationWindowTest, CreatingANeedForAClosedEventNeedsAnOrganizersLateFlag) {
  v1::Need need;
  grpc::Status status = NewNeed("n-closed", {"fair", "closed"}, false, admin_token_);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("registration for events/closed closed at"));
  EXPECT_THAT(status.error_message(), HasSubstr("needs/n-closed cannot be added"));
  status = NewNeed("n-closed", {"closed"}, false, enterprise_);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // The enterprise may not register its own need late.
  status = NewNeed("n-closed", {"closed"}, true, enterprise_);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(), HasSubstr("only ORGANIZER and ADMIN"));
  EXPECT_FALSE(NeedExists("n-closed"));

  ASSERT_TRUE(NewNeed("n-closed", {"fair", "closed"}, true, organizer_, &need).ok());
  EXPECT_THAT(need.events(), ElementsAre("events/fair", "events/closed"));
  EXPECT_THAT(Late(need), ElementsAre("events/closed"));
  EXPECT_THAT(Late(GetNeed("n-closed")), ElementsAre("events/closed"));
  ASSERT_TRUE(NewNeed("n-admin", {"closed"}, true, admin_token_, &need).ok());
  EXPECT_THAT(Late(need), ElementsAre("events/closed"));

  // Before the close nothing is late, with or without the flag.
  ASSERT_TRUE(NewNeed("n-open", {"open"}, false, enterprise_, &need).ok());
  EXPECT_THAT(Late(need), IsEmpty());
  ASSERT_TRUE(NewNeed("n-open2", {"open", "fair"}, true, organizer_, &need).ok());
  EXPECT_THAT(Late(need), IsEmpty());
  // An unknown event is a field violation, as before.
  status = NewNeed("n-unknown", {"nowhere"}, false, admin_token_);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("need.events[0]"));
}

TEST_P(RegistrationWindowTest, UpdatingChecksOnlyNewlyAddedEventsAndKeepsLateMarks) {
  v1::Need before = GetNeed("pit"), need;
  grpc::Status status = SetNeedEvents("pit", {"fair", "closed"}, false, enterprise_);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("needs/pit cannot be added"));
  status = SetNeedEvents("pit", {"fair", "closed"}, true, enterprise_);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(GetNeed("pit").etag(), before.etag());  // refused: nothing changed

  ASSERT_TRUE(SetNeedEvents("pit", {"fair", "closed"}, true, admin_token_, &need).ok());
  EXPECT_THAT(Late(need), ElementsAre("events/closed"));
  // Events it already has need no flag: the enterprise edits its need freely, the mark stays.
  v1::UpdateNeedRequest retitle;
  retitle.mutable_need()->set_name("needs/pit");
  retitle.mutable_need()->set_title("窖泥老化防治（修訂）");
  ASSERT_TRUE(needs_->UpdateNeed(Ctx(enterprise_).get(), retitle, &need).ok());
  EXPECT_THAT(Late(need), ElementsAre("events/closed"));
  ASSERT_TRUE(SetNeedEvents("pit", {"closed", "open"}, false, enterprise_, &need).ok());
  EXPECT_THAT(need.events(), ElementsAre("events/closed", "events/open"));
  EXPECT_THAT(Late(need), ElementsAre("events/closed"));
  // Leaving the closed event drops its mark; coming back is a new addition.
  ASSERT_TRUE(SetNeedEvents("pit", {"open"}, false, enterprise_, &need).ok());
  EXPECT_THAT(Late(need), IsEmpty());
  status = SetNeedEvents("pit", {"open", "closed"}, false, enterprise_);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(GetNeed("pit").events(), ElementsAre("events/open"));
}

TEST_P(RegistrationWindowTest, OfferingsFollowTheSameWindow) {
  v1::CreateOfferingRequest create;
  create.set_offering_id("o-closed");
  *create.mutable_offering() = SampleOffering();
  create.mutable_offering()->add_events("events/closed");
  v1::Offering offering;
  grpc::Status status = offerings_->CreateOffering(Ctx(institute_).get(), create, &offering);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("offerings/o-closed cannot be added"));
  create.set_late_registration(true);
  EXPECT_EQ(offerings_->CreateOffering(Ctx(institute_).get(), create, &offering).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::GetOfferingRequest get;
  get.set_name("offerings/o-closed");
  EXPECT_EQ(offerings_->GetOffering(Ctx().get(), get, &offering).error_code(),
            grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(offerings_->CreateOffering(Ctx(organizer_).get(), create, &offering).ok());
  EXPECT_THAT(offering.late_registration_events(), ElementsAre("events/closed"));

  // pit-mud (scu's, in events/fair) joins the closed event: only late, only by an organizer.
  v1::UpdateOfferingRequest update;
  update.mutable_offering()->set_name("offerings/pit-mud");
  update.mutable_offering()->add_events("events/fair");
  update.mutable_offering()->add_events("events/closed");
  status = offerings_->UpdateOffering(Ctx(institute_).get(), update, &offering);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  update.set_late_registration(true);
  status = offerings_->UpdateOffering(Ctx(institute_).get(), update, &offering);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(offerings_->UpdateOffering(Ctx(organizer_).get(), update, &offering).ok());
  EXPECT_THAT(offering.late_registration_events(), ElementsAre("events/closed"));
  get.set_name("offerings/pit-mud");
  ASSERT_TRUE(offerings_->GetOffering(Ctx().get(), get, &offering).ok());
  EXPECT_THAT(offering.late_registration_events(), ElementsAre("events/closed"));
}

TEST_P(RegistrationWindowTest, ImportRejectsClosedEventRowsWholeAndRecordsLateOnes) {
  auto import = [&](const std::string& token, const std::vector<v1::ImportNeedsRequest>& rows) {
    auto context = Ctx(token);
    v1::ImportSummary summary;
    auto writer = needs_->ImportNeeds(context.get(), &summary);
    for (const v1::ImportNeedsRequest& row : rows) EXPECT_TRUE(writer->Write(row));
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    return summary;
  };
  auto row = [](const std::string& id, const std::vector<std::string>& events, bool late) {
    v1::ImportNeedsRequest request;
    request.set_need_id(id);
    *request.mutable_need() = SampleNeed("導入需求 " + id);
    for (const std::string& e : events) request.mutable_need()->add_events("events/" + e);
    request.set_late_registration(late);
    return request;
  };
  v1::ImportSummary summary = import(
      admin_token_, {row("i-open", {"open"}, false), row("i-closed", {"fair", "closed"}, false),
                     row("i-late", {"fair", "closed"}, true)});
  EXPECT_EQ(summary.accepted_count(), 2);
  ASSERT_EQ(summary.rejections_size(), 1);
  EXPECT_EQ(summary.rejections(0).row_number(), 2);
  ASSERT_EQ(summary.rejections(0).field_violations_size(), 1);
  EXPECT_EQ(summary.rejections(0).field_violations(0).field(), "events[1]");
  EXPECT_THAT(summary.rejections(0).field_violations(0).description(),
              HasSubstr("registration for events/closed closed at"));
  EXPECT_FALSE(NeedExists("i-closed"));  // a rejected row never half-lands
  EXPECT_THAT(Late(GetNeed("i-late")), ElementsAre("events/closed"));
  EXPECT_THAT(Late(GetNeed("i-open")), IsEmpty());

  // An enterprise's rows: the late flag is not its to pass; its other rows go on.
  summary = import(enterprise_, {row("e-late", {"closed"}, true), row("e-open", {"open"}, false),
                                 row("e-closed", {"closed"}, false)});
  EXPECT_EQ(summary.accepted_count(), 1);
  ASSERT_EQ(summary.rejections_size(), 2);
  EXPECT_EQ(summary.rejections(0).row_number(), 1);
  std::vector<std::string> fields;
  for (const auto& v : summary.rejections(0).field_violations()) fields.push_back(v.field());
  EXPECT_THAT(fields, ElementsAre("late_registration", "events[0]"));
  EXPECT_EQ(summary.rejections(1).row_number(), 3);
  EXPECT_FALSE(NeedExists("e-late"));
  EXPECT_FALSE(NeedExists("e-closed"));
  EXPECT_TRUE(NeedExists("e-open"));
}

// Who may do what with meetings, with real records: an ENTERPRISE key acts only as the
// enterprise side of its own needs, an INSTITUTE key only as the institute side of its own
// offerings (PERMISSION_DENIED otherwise, changing nothing); planning, generating, scheduling,
// locking and cancelling are the organizers'; an OFFICIAL key reads everything and writes
// nothing.
class MeetingRolesTest : public MeetingServiceTest {
 protected:
  void SetUp() override {
    MeetingServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    acme_ = CreateKey(Role::kEnterprise, "acme");
    beta_ = CreateKey(Role::kEnterprise, "beta");
    scu_ = CreateKey(Role::kInstitute, "scu");
    cau_ = CreateKey(Role::kInstitute, "cau");
    official_ = CreateKey(Role::kOfficial);
    organizer_ = CreateKey(Role::kOrganizer);
  }

  grpc::Status RequestAs(const std::string& token, const std::string& need,
                         const std::string& offering, v1::MeetingRequest::Side side,
                         v1::MeetingRequest* out = nullptr) {
    v1::CreateMeetingRequestRequest request;
    request.set_parent("events/fair");
    request.mutable_meeting_request()->set_need("needs/" + need);
    request.mutable_meeting_request()->set_offering("offerings/" + offering);
    request.mutable_meeting_request()->set_requested_by(side);
    v1::MeetingRequest created;
    grpc::Status status = matches_->CreateMeetingRequest(Ctx(token).get(), request, &created);
    if (out != nullptr) *out = created;
    return status;
  }

  grpc::Status AcceptAs(const std::string& token, const std::string& name,
                        v1::MeetingRequest* out = nullptr) {
    v1::AcceptMeetingRequestRequest request;
    request.set_name(name);
    v1::MeetingRequest accepted;
    grpc::Status status = matches_->AcceptMeetingRequest(Ctx(token).get(), request, &accepted);
    if (out != nullptr) *out = accepted;
    return status;
  }

  grpc::Status DeclineAs(const std::string& token, const std::string& name,
                         v1::MeetingRequest* out = nullptr) {
    v1::DeclineMeetingRequestRequest request;
    request.set_name(name);
    v1::MeetingRequest declined;
    grpc::Status status = matches_->DeclineMeetingRequest(Ctx(token).get(), request, &declined);
    if (out != nullptr) *out = declined;
    return status;
  }

  v1::MeetingRequest GetRequest(const std::string& name) {
    v1::GetMeetingRequestRequest request;
    request.set_name(name);
    v1::MeetingRequest got;
    EXPECT_TRUE(matches_->GetMeetingRequest(Ctx().get(), request, &got).ok()) << name;
    return got;
  }

  // The organizer-only meeting methods, each called as `token`, on a scheduled meeting.
  std::map<std::string, grpc::StatusCode> CuratorCalls(const std::string& token,
                                                       const std::string& meeting) {
    std::map<std::string, grpc::StatusCode> codes;
    {
      v1::UpdateMeetingPlanRequest request;
      *request.mutable_meeting_plan() = Plan(3, 3);
      v1::MeetingPlan out;
      codes["UpdateMeetingPlan"] =
          matches_->UpdateMeetingPlan(Ctx(token).get(), request, &out).error_code();
    }
    {
      v1::GenerateMeetingRequestsRequest request;
      request.set_parent("events/fair");
      v1::GenerateMeetingRequestsResponse out;
      codes["GenerateMeetingRequests"] =
          matches_->GenerateMeetingRequests(Ctx(token).get(), request, &out).error_code();
    }
    {
      v1::ScheduleMeetingsRequest request;
      request.set_event("events/fair");
      v1::ScheduleMeetingsResponse out;
      codes["ScheduleMeetings"] =
          matches_->ScheduleMeetings(Ctx(token).get(), request, &out).error_code();
    }
    {
      v1::LockMeetingRequest request;
      request.set_name(meeting);
      v1::Meeting out;
      codes["LockMeeting"] = matches_->LockMeeting(Ctx(token).get(), request, &out).error_code();
    }
    {
      v1::UnlockMeetingRequest request;
      request.set_name(meeting);
      v1::Meeting out;
      codes["UnlockMeeting"] =
          matches_->UnlockMeeting(Ctx(token).get(), request, &out).error_code();
    }
    {
      v1::CancelMeetingRequest request;
      request.set_name(meeting);
      v1::MeetingRequest out;
      codes["CancelMeeting"] =
          matches_->CancelMeeting(Ctx(token).get(), request, &out).error_code();
    }
    return codes;
  }

  std::string acme_, beta_, scu_, cau_, official_, organizer_;
};

TEST_P(MeetingRolesTest, AnEnterpriseRequestsAcceptsAndDeclinesOnlyForItsOwnNeeds) {
  v1::MeetingRequest own;
  ASSERT_TRUE(RequestAs(acme_, "pit", "pit-mud", v1::MeetingRequest::ENTERPRISE, &own).ok());
  EXPECT_EQ(own.requested_by(), v1::MeetingRequest::ENTERPRISE);
  // Another enterprise's need; or speaking for the other side, or as an organizer.
  grpc::Status status = RequestAs(acme_, "beta-pit", "pit-mud", v1::MeetingRequest::ENTERPRISE);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(), HasSubstr("needs/beta-pit"));
  status = RequestAs(acme_, "pit", "pit-genome", v1::MeetingRequest::INSTITUTE);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(), HasSubstr("only as the ENTERPRISE side"));
  EXPECT_EQ(RequestAs(acme_, "pit", "pit-genome", v1::MeetingRequest::ORGANIZER).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(RequestAs(acme_, "pit", "pit-genome", v1::MeetingRequest::MATCHING).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Requests().size(), 1u);  // only its own request exists

  // Its own request is accepted by the other side, not by itself.
  status = AcceptAs(acme_, own.name());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(), HasSubstr("the other side"));
  EXPECT_EQ(GetRequest(own.name()).state(), v1::MeetingRequest::PENDING);

  // A request the institute made about acme's need: acme accepts; beta may not touch it.
  v1::MeetingRequest from_institute, accepted;
  ASSERT_TRUE(
      RequestAs(scu_, "pit2", "pit-mud", v1::MeetingRequest::INSTITUTE, &from_institute).ok());
  EXPECT_EQ(AcceptAs(beta_, from_institute.name()).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(DeclineAs(beta_, from_institute.name()).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(GetRequest(from_institute.name()).state(), v1::MeetingRequest::PENDING);
  ASSERT_TRUE(AcceptAs(acme_, from_institute.name(), &accepted).ok());
  EXPECT_EQ(accepted.state(), v1::MeetingRequest::ACCEPTED);

  // An organizer's request about beta's need: acme cannot decline it, beta can.
  v1::MeetingRequest about_beta, declined;
  ASSERT_TRUE(
      RequestAs(organizer_, "beta-pit", "pit-genome", v1::MeetingRequest::ORGANIZER, &about_beta)
          .ok());
  EXPECT_EQ(DeclineAs(acme_, about_beta.name()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(GetRequest(about_beta.name()).state(), v1::MeetingRequest::PENDING);
  ASSERT_TRUE(DeclineAs(beta_, about_beta.name(), &declined).ok());
  EXPECT_EQ(declined.state(), v1::MeetingRequest::DECLINED);
}

TEST_P(MeetingRolesTest, AnInstituteRequestsAcceptsAndDeclinesOnlyForItsOwnOfferings) {
  v1::MeetingRequest own;
  ASSERT_TRUE(RequestAs(scu_, "pit", "pit-mud", v1::MeetingRequest::INSTITUTE, &own).ok());
  EXPECT_EQ(own.requested_by(), v1::MeetingRequest::INSTITUTE);
  grpc::Status status = RequestAs(scu_, "pit", "pit-genome", v1::MeetingRequest::INSTITUTE);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(), HasSubstr("offerings/pit-genome"));
  status = RequestAs(scu_, "beta-pit", "pit-mud", v1::MeetingRequest::ENTERPRISE);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(), HasSubstr("only as the INSTITUTE side"));
  EXPECT_EQ(RequestAs(scu_, "beta-pit", "pit-mud", v1::MeetingRequest::ORGANIZER).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Requests().size(), 1u);
  EXPECT_EQ(AcceptAs(scu_, own.name()).error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // acme asks cau's offering: scu may neither accept nor decline; cau may.
  v1::MeetingRequest to_cau, accepted;
  ASSERT_TRUE(RequestAs(acme_, "pit", "pit-genome", v1::MeetingRequest::ENTERPRISE, &to_cau).ok());
  EXPECT_EQ(AcceptAs(scu_, to_cau.name()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(DeclineAs(scu_, to_cau.name()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(GetRequest(to_cau.name()).state(), v1::MeetingRequest::PENDING);
  ASSERT_TRUE(AcceptAs(cau_, to_cau.name(), &accepted).ok());
  EXPECT_EQ(accepted.state(), v1::MeetingRequest::ACCEPTED);
  // The enterprise's side answering scu's request makes it mutual only through acme.
  v1::MeetingRequest mutual;
  ASSERT_TRUE(RequestAs(acme_, "pit", "pit-mud", v1::MeetingRequest::ENTERPRISE, &mutual).ok());
  EXPECT_EQ(mutual.name(), own.name());
  EXPECT_TRUE(mutual.mutual());
}

TEST_P(MeetingRolesTest, PlanningSchedulingLockingAndCancellingAreTheOrganizers) {
  ASSERT_TRUE(SetPlan(Plan(2, 2)).ok());
  Accepted("pit", "pit-mud");
  v1::ScheduleMeetingsResponse response;
  ASSERT_TRUE(Schedule(response).ok());
  ASSERT_EQ(response.meetings_size(), 1);
  const v1::Meeting meeting = response.meetings(0);
  // Even the parties of the meeting, and officials, are refused each organizer call.
  for (const std::string* token : {&acme_, &scu_, &official_}) {
    for (const auto& [method, code] : CuratorCalls(*token, meeting.name())) {
      EXPECT_EQ(code, grpc::StatusCode::PERMISSION_DENIED) << method;
    }
  }
  const std::vector<v1::Meeting> after = Meetings();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].etag(), meeting.etag());
  EXPECT_FALSE(after[0].locked());
  EXPECT_EQ(Requests().size(), 1u);
  // The organizer may do each of them.
  for (const auto& [method, code] : CuratorCalls(organizer_, meeting.name())) {
    EXPECT_NE(code, grpc::StatusCode::PERMISSION_DENIED) << method;
  }
}

TEST_P(MeetingRolesTest, AnOfficialReadsEverythingAndWritesNothing) {
  ASSERT_TRUE(SetPlan(Plan(2, 2)).ok());
  const v1::MeetingRequest accepted = Accepted("pit", "pit-mud");
  v1::MeetingRequest pending;
  ASSERT_TRUE(Request("beta-pit", "pit-genome", v1::MeetingRequest::ENTERPRISE, &pending).ok());
  v1::ScheduleMeetingsResponse scheduled;
  ASSERT_TRUE(Schedule(scheduled).ok());
  ASSERT_EQ(scheduled.meetings_size(), 1);

  // Reads.
  v1::GetMeetingPlanRequest get_plan;
  get_plan.set_name("events/fair/meetingPlan");
  v1::MeetingPlan plan;
  EXPECT_TRUE(matches_->GetMeetingPlan(Ctx(official_).get(), get_plan, &plan).ok());
  EXPECT_EQ(plan.slots_size(), 2);
  v1::ListMeetingRequestsRequest list_requests;
  list_requests.set_parent("events/fair");
  v1::ListMeetingRequestsResponse requests;
  ASSERT_TRUE(matches_->ListMeetingRequests(Ctx(official_).get(), list_requests, &requests).ok());
  EXPECT_EQ(requests.meeting_requests_size(), 2);
  v1::GetMeetingRequestRequest get_request;
  get_request.set_name(accepted.name());
  v1::MeetingRequest got;
  EXPECT_TRUE(matches_->GetMeetingRequest(Ctx(official_).get(), get_request, &got).ok());
  v1::ListMeetingsRequest list_meetings;
  list_meetings.set_parent("events/fair");
  list_meetings.set_participant("organizations/acme");
  v1::ListMeetingsResponse agenda;
  ASSERT_TRUE(matches_->ListMeetings(Ctx(official_).get(), list_meetings, &agenda).ok());
  EXPECT_EQ(agenda.meetings_size(), 1);
  // The parties read agendas too, their own and others'.
  for (const std::string* token : {&acme_, &cau_}) {
    EXPECT_TRUE(matches_->ListMeetings(Ctx(*token).get(), list_meetings, &agenda).ok());
  }

  // Writes: refused, by role, before anything is looked up.
  for (v1::MeetingRequest::Side side :
       {v1::MeetingRequest::ENTERPRISE, v1::MeetingRequest::INSTITUTE,
        v1::MeetingRequest::ORGANIZER}) {
    EXPECT_EQ(RequestAs(official_, "pit2", "pit-genome", side).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  EXPECT_EQ(AcceptAs(official_, pending.name()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(DeclineAs(official_, pending.name()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(AcceptAs(official_, "events/fair/meetingRequests/none").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Requests().size(), 2u);
  EXPECT_EQ(GetRequest(pending.name()).state(), v1::MeetingRequest::PENDING);
}

TEST_P(MeetingServiceTest, MoreBadRequestsNameTheProblemAndChangeNothing) {
  // A withdrawn offering.
  v1::WithdrawOfferingRequest withdraw;
  withdraw.set_name("offerings/pit-genome");
  v1::Offering withdrawn;
  ASSERT_TRUE(offerings_->WithdrawOffering(Ctx().get(), withdraw, &withdrawn).ok());
  v1::MeetingRequest out;
  grpc::Status status = Request("pit", "pit-genome", v1::MeetingRequest::ENTERPRISE, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("offerings/pit-genome is WITHDRAWN"));
  // The enterprise side not registered for the event (its need names the event all the same).
  CreateOrganization("gamma", v1::Organization::ENTERPRISE);
  v1::Need gamma = SampleNeed("窖池微生物");
  gamma.set_enterprise("organizations/gamma");
  gamma.add_events("events/fair");
  CreateNeed(gamma, "gamma-pit");
  status = Request("gamma-pit", "pit-mud", v1::MeetingRequest::ORGANIZER, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(),
              HasSubstr("organizations/gamma is not registered for events/fair"));
  // An event that does not exist; a malformed requested id.
  v1::CreateMeetingRequestRequest request;
  request.set_parent("events/no-such-fair");
  request.mutable_meeting_request()->set_need("needs/pit");
  request.mutable_meeting_request()->set_offering("offerings/pit-mud");
  request.mutable_meeting_request()->set_requested_by(v1::MeetingRequest::ORGANIZER);
  EXPECT_EQ(matches_->CreateMeetingRequest(Ctx().get(), request, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  request.set_parent("events/fair");
  request.set_meeting_request_id("Bad Id");
  EXPECT_THAT(ViolatedFields(matches_->CreateMeetingRequest(Ctx().get(), request, &out)),
              ElementsAre("meeting_request_id"));
  EXPECT_THAT(Requests(), IsEmpty());
  // Accepting or declining what is not there; a declined request cannot be accepted.
  v1::AcceptMeetingRequestRequest accept;
  accept.set_name("events/fair/meetingRequests/none");
  EXPECT_EQ(matches_->AcceptMeetingRequest(Ctx().get(), accept, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(Request("pit", "pit-mud", v1::MeetingRequest::ENTERPRISE, &out).ok());
  v1::DeclineMeetingRequestRequest decline;
  decline.set_name(out.name());
  v1::MeetingRequest declined;
  ASSERT_TRUE(matches_->DeclineMeetingRequest(Ctx().get(), decline, &declined).ok());
  accept.set_name(out.name());
  status = matches_->AcceptMeetingRequest(Ctx().get(), accept, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Requests().size(), 1u);
  EXPECT_EQ(Requests()[0].state(), v1::MeetingRequest::DECLINED);
  // Scheduling an event that does not exist.
  v1::ScheduleMeetingsRequest schedule;
  schedule.set_event("events/no-such-fair");
  v1::ScheduleMeetingsResponse response;
  EXPECT_EQ(matches_->ScheduleMeetings(Ctx().get(), schedule, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

INSTANTIATE_TEST_SUITE_P(Backends, MeetingServiceTest, storage::testing::kBackends,
                         storage::testing::BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, RegistrationWindowTest, storage::testing::kBackends,
                         storage::testing::BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, MeetingRolesTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
