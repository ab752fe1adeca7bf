// A fair at a realistic size: a few
// hundred participants with delegates, needs and offerings imported, requests made by both
// sides, by an organizer and generated from matching, scheduled over real RPCs. Every agenda is
// read back and checked for double bookings (more meetings at once than delegates), table
// clashes, limits, time order and counterparts; the total score is compared with two solvers
// of the test's own; locked meetings must survive cancellations, declines, new requests, a new
// plan and rescheduling, exactly where they were.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

constexpr int64_t kStart = 1795000000;  // The fixture's event runs a day from here.
constexpr int kEnterprises = 180;
constexpr int kInstitutes = 140;
constexpr int kSlots = 10;
constexpr int kTables = 36;
constexpr int kMaxPerParticipant = 6;

// Terms per industry: needs and offerings draw from the same pools, so matching finds pairs
// with scores spread over a range.
const std::map<std::string, std::vector<std::string>>& Pools() {
  static const auto* pools = new std::map<std::string, std::vector<std::string>>{
      {"liquor",
       {"窖池", "窖泥", "己酸菌", "酯化酶", "勾調", "基酒", "發酵", "酒糟", "風味", "陳釀", "窖藏",
        "大曲"}},
      {"chemicals",
       {"催化劑", "合成氨", "尿素", "甲醇", "脫硫", "精餾", "聚合", "膜分離", "溶劑", "結晶",
        "氫化", "氧化"}},
      {"machinery",
       {"數控", "機床", "伺服", "減速器", "軸承", "焊接", "液壓", "起重機", "控制器", "傳感器",
        "齒輪", "刀具"}},
      {"energy",
       {"光伏", "儲能", "電池", "氫能", "風電", "生物質", "燃料", "逆變器", "電網", "熱泵",
        "頁岩氣", "餘熱"}},
      {"agriculture",
       {"柚子", "灌溉", "水肥", "育種", "病蟲害", "土壤", "茶葉", "秸稈", "飼料", "溫室", "採摘",
        "保鮮"}},
  };
  return *pools;
}

struct Pair {
  std::string enterprise, institute;
};

class FairScaleTest : public SeededServerTest {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    matches_ = v1::MatchService::NewStub(channel_);
  }

  static std::string Enterprise(int i) { return absl::StrFormat("ent-%03d", i); }
  static std::string Institute(int i) { return absl::StrFormat("inst-%03d", i); }

  // Picks `count` distinct terms of `industry`'s pool.
  std::vector<std::string> Terms(const std::string& industry, int count) {
    std::vector<std::string> pool = Pools().at(industry);
    std::shuffle(pool.begin(), pool.end(), random_);
    pool.resize(count);
    return pool;
  }

  std::string IndustryOf(int i) const {
    static const char* kIndustries[] = {"liquor", "chemicals", "machinery", "energy",
                                        "agriculture"};
    return kIndustries[i % 5];
  }

  // Organizations, participants (some with 2 or 3 delegates), needs and offerings.
  void RegisterFair() {
    for (int i = 0; i < kEnterprises; ++i) {
      CreateOrganization(Enterprise(i), v1::Organization::ENTERPRISE);
    }
    for (int i = 0; i < kInstitutes; ++i) {
      CreateOrganization(Institute(i), i % 3 == 0 ? v1::Organization::RESEARCH_INSTITUTE
                                                  : v1::Organization::UNIVERSITY);
    }
    auto register_org = [&](const std::string& id, int delegates) {
      v1::RegisterParticipantRequest request;
      request.set_event("events/fair");
      request.set_organization("organizations/" + id);
      request.set_delegate_count(delegates);
      v1::Participant participant;
      const grpc::Status status = events_->RegisterParticipant(Ctx().get(), request, &participant);
      ASSERT_TRUE(status.ok()) << status.error_message();
      delegates_["organizations/" + id] = participant.delegate_count();
    };
    for (int i = 0; i < kEnterprises; ++i) register_org(Enterprise(i), i % 9 == 0 ? 2 : 1);
    for (int i = 0; i < kInstitutes; ++i) {
      register_org(Institute(i), i % 7 == 0 ? 3 : i % 4 == 0 ? 2 : 1);
    }

    {
      auto context = Ctx();
      v1::ImportSummary summary;
      auto writer = needs_->ImportNeeds(context.get(), &summary);
      for (int i = 0; i < kEnterprises; ++i) {
        for (int k = 0; k < (i % 3 == 0 ? 2 : 1); ++k) {
          const std::string industry = IndustryOf(i + k);
          const std::vector<std::string> terms = Terms(industry, 4);
          v1::ImportNeedsRequest row;
          row.set_need_id(absl::StrCat("n-", i, "-", k));
          v1::Need& need = *row.mutable_need();
          need.set_enterprise("organizations/" + Enterprise(i));
          need.set_title(absl::StrCat(terms[0], terms[1], "技術需求"));
          need.set_description(absl::StrCat("尋求", terms[0], "、", terms[1], "與", terms[2],
                                            "相關技術，兼顧", terms[3], "。"));
          for (const std::string& t : terms) need.add_keywords(t);
          need.add_industries("industries/" + industry);
          need.add_events("events/fair");
          ASSERT_TRUE(writer->Write(row));
          need_owner_["needs/" + row.need_id()] = "organizations/" + Enterprise(i);
        }
      }
      writer->WritesDone();
      ASSERT_TRUE(writer->Finish().ok());
      ASSERT_EQ(summary.rejected_count(), 0);
    }
    {
      auto context = Ctx();
      v1::ImportSummary summary;
      auto writer = offerings_->ImportOfferings(context.get(), &summary);
      for (int i = 0; i < kInstitutes; ++i) {
        for (int k = 0; k < (i % 2 == 0 ? 2 : 1); ++k) {
          const std::string industry = IndustryOf(i + 2 * k);
          const std::vector<std::string> terms = Terms(industry, 4);
          v1::ImportOfferingsRequest row;
          row.set_offering_id(absl::StrCat("o-", i, "-", k));
          v1::Offering& offering = *row.mutable_offering();
          offering.set_institute("organizations/" + Institute(i));
          offering.set_title(absl::StrCat(terms[0], terms[2], "成果"));
          offering.set_description(absl::StrCat(terms[0], "、", terms[1], "、", terms[2], "及",
                                                terms[3], "的研究成果，已中試。"));
          for (const std::string& t : terms) offering.add_keywords(t);
          offering.add_industries("industries/" + industry);
          offering.set_trl(5 + i % 4);
          offering.add_events("events/fair");
          ASSERT_TRUE(writer->Write(row));
          offering_owner_["offerings/" + row.offering_id()] = "organizations/" + Institute(i);
        }
      }
      writer->WritesDone();
      ASSERT_TRUE(writer->Finish().ok());
      ASSERT_EQ(summary.rejected_count(), 0);
    }
  }

  grpc::Status Request(const std::string& need, const std::string& offering,
                       v1::MeetingRequest::Side side, v1::MeetingRequest* out = nullptr) {
    v1::CreateMeetingRequestRequest request;
    request.set_parent("events/fair");
    request.mutable_meeting_request()->set_need(need);
    request.mutable_meeting_request()->set_offering(offering);
    request.mutable_meeting_request()->set_requested_by(side);
    v1::MeetingRequest created;
    grpc::Status status = matches_->CreateMeetingRequest(Ctx().get(), request, &created);
    if (out != nullptr) *out = created;
    return status;
  }

  // A need and an offering that have no request yet, drawn at random.
  std::pair<std::string, std::string> FreshPair(
      std::set<std::pair<std::string, std::string>>& used) {
    std::vector<std::string> needs, offerings;
    for (const auto& [name, owner] : need_owner_) needs.push_back(name);
    for (const auto& [name, owner] : offering_owner_) offerings.push_back(name);
    while (true) {
      const std::string& need = needs[random_() % needs.size()];
      const std::string& offering = offerings[random_() % offerings.size()];
      if (used.insert({need, offering}).second) return {need, offering};
    }
  }

  static v1::MeetingPlan Plan(int slots, int tables) {
    v1::MeetingPlan plan;
    plan.set_name("events/fair/meetingPlan");
    for (int i = 0; i < slots; ++i) {
      v1::TimeSlot* slot = plan.add_slots();
      // Twenty minutes each, five between, a lunch break after the fifth.
      const int64_t start = kStart + 3600 + i * 1500 + (i >= 5 ? 3600 : 0);
      slot->mutable_start_time()->set_seconds(start);
      slot->mutable_end_time()->set_seconds(start + 1200);
    }
    plan.set_table_count(tables);
    plan.set_max_meetings_per_participant(kMaxPerParticipant);
    return plan;
  }

  void SetPlan(const v1::MeetingPlan& plan) {
    v1::UpdateMeetingPlanRequest request;
    *request.mutable_meeting_plan() = plan;
    v1::MeetingPlan stored;
    const grpc::Status status = matches_->UpdateMeetingPlan(Ctx().get(), request, &stored);
    ASSERT_TRUE(status.ok()) << status.error_message();
    plan_ = stored;
  }

  std::map<std::string, v1::MeetingRequest> AllRequests() {
    std::map<std::string, v1::MeetingRequest> all;
    v1::ListMeetingRequestsRequest request;
    request.set_parent("events/fair");
    request.set_page_size(1000);
    do {
      v1::ListMeetingRequestsResponse response;
      const grpc::Status status = matches_->ListMeetingRequests(Ctx().get(), request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      for (const auto& r : response.meeting_requests()) all[r.name()] = r;
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return all;
  }

  std::vector<v1::Meeting> Meetings(const std::string& participant = "") {
    std::vector<v1::Meeting> all;
    v1::ListMeetingsRequest request;
    request.set_parent("events/fair");
    request.set_participant(participant);
    request.set_page_size(participant.empty() ? 97 : 0);  // pages that do not divide evenly
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

  v1::ScheduleMeetingsResponse Schedule() {
    v1::ScheduleMeetingsRequest request;
    request.set_event("events/fair");
    v1::ScheduleMeetingsResponse response;
    const grpc::Status status = matches_->ScheduleMeetings(Ctx().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  // What an outside client checks: the schedule against the requests, the plan and the
  // delegates, and every participant's agenda against the schedule.
  void ExpectValidSchedule(const v1::ScheduleMeetingsResponse& response) {
    const std::map<std::string, v1::MeetingRequest> requests = AllRequests();
    const std::vector<v1::Meeting> meetings = Meetings();
    ASSERT_EQ(meetings.size(), static_cast<size_t>(response.meetings_size()));
    std::set<std::pair<int, int>> seats;
    std::map<std::pair<std::string, int>, int> busy;  // (organization, slot) → meetings
    std::map<std::string, int> per_org;
    std::map<std::string, std::set<std::string>> by_org;
    std::set<std::string> scheduled_requests;
    double score = 0;
    int mutual = 0;
    for (const v1::Meeting& m : meetings) {
      SCOPED_TRACE(m.name());
      ASSERT_GE(m.slot(), 1);
      ASSERT_LE(m.slot(), plan_.slots_size());
      EXPECT_GE(m.table(), 1);
      EXPECT_LE(m.table(), plan_.table_count());
      EXPECT_TRUE(seats.insert({m.slot(), m.table()}).second) << "table clash";
      const v1::TimeSlot& slot = plan_.slots(m.slot() - 1);
      EXPECT_EQ(m.start_time().seconds(), slot.start_time().seconds());
      EXPECT_EQ(m.end_time().seconds(), slot.end_time().seconds());
      ASSERT_TRUE(requests.count(m.meeting_request()));
      const v1::MeetingRequest& r = requests.at(m.meeting_request());
      EXPECT_EQ(r.state(), v1::MeetingRequest::ACCEPTED);
      EXPECT_EQ(m.need(), r.need());
      EXPECT_EQ(m.offering(), r.offering());
      EXPECT_EQ(m.enterprise(), need_owner_.at(r.need()));
      EXPECT_EQ(m.institute(), offering_owner_.at(r.offering()));
      EXPECT_EQ(m.mutual(), r.mutual());
      EXPECT_TRUE(scheduled_requests.insert(m.meeting_request()).second) << "scheduled twice";
      for (const std::string& org : {m.enterprise(), m.institute()}) {
        const int in_slot = ++busy[std::make_pair(org, m.slot())];
        EXPECT_LE(in_slot, delegates_.at(org)) << org << " double-booked in slot " << m.slot();
        ++per_org[org];
        by_org[org].insert(m.name());
      }
      score += m.score();
      mutual += m.mutual() ? 1 : 0;
    }
    for (const auto& [org, count] : per_org) EXPECT_LE(count, kMaxPerParticipant) << org;
    EXPECT_NEAR(score, response.total_score(), 1e-6);
    EXPECT_EQ(mutual, response.mutual_count());

    // Every accepted request is either scheduled or explained; nothing else is either.
    std::set<std::string> explained;
    for (const v1::UnscheduledRequest& u : response.unscheduled()) {
      EXPECT_NE(u.reason(), v1::UnscheduledRequest::REASON_UNSPECIFIED) << u.meeting_request();
      EXPECT_FALSE(u.explanation().empty());
      EXPECT_FALSE(scheduled_requests.count(u.meeting_request()));
      EXPECT_TRUE(explained.insert(u.meeting_request()).second);
    }
    for (const auto& [name, r] : requests) {
      const bool placed = scheduled_requests.count(name) || explained.count(name);
      EXPECT_EQ(placed, r.state() == v1::MeetingRequest::ACCEPTED) << name;
    }

    // Each participant's agenda: its meetings exactly, in time order, with the counterpart.
    for (const auto& [org, delegates] : delegates_) {
      const std::vector<v1::Meeting> agenda = Meetings(org);
      std::set<std::string> names;
      for (size_t i = 0; i < agenda.size(); ++i) {
        const v1::Meeting& m = agenda[i];
        names.insert(m.name());
        EXPECT_TRUE(m.enterprise() == org || m.institute() == org) << org << " " << m.name();
        EXPECT_EQ(m.counterpart(), m.enterprise() == org ? m.institute() : m.enterprise());
        if (i > 0) {
          EXPECT_LE(agenda[i - 1].start_time().seconds(), m.start_time().seconds());
        }
      }
      EXPECT_EQ(names, by_org[org]) << org << "'s agenda differs from the schedule";
    }
  }

  // The test's own solvers, under the same rules: requests in `order`, each into the first
  // slot where both parties have a free delegate and are under the maximum and a table is
  // free; locked meetings first. Returns (mutual meetings, total score).
  std::pair<int, double> FirstFit(const std::map<std::string, v1::MeetingRequest>& requests,
                                  const std::vector<v1::Meeting>& locked, bool by_priority) {
    std::vector<const v1::MeetingRequest*> order;
    std::set<std::string> locked_requests;
    for (const v1::Meeting& m : locked) locked_requests.insert(m.meeting_request());
    for (const auto& [name, r] : requests) {
      if (r.state() == v1::MeetingRequest::ACCEPTED && !locked_requests.count(name)) {
        order.push_back(&r);
      }
    }
    if (by_priority) {
      std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        return std::make_tuple(a->mutual(), a->score()) > std::make_tuple(b->mutual(), b->score());
      });
    }
    std::map<int, int> tables_used;
    std::map<std::pair<std::string, int>, int> busy;
    std::map<std::string, int> per_org;
    int mutual = 0;
    double score = 0;
    auto place = [&](const std::string& e, const std::string& in, int slot, const auto& r) {
      ++tables_used[slot];
      ++busy[{e, slot}];
      ++busy[{in, slot}];
      ++per_org[e];
      ++per_org[in];
      mutual += r.mutual() ? 1 : 0;
      score += r.score();
    };
    for (const v1::Meeting& m : locked) place(m.enterprise(), m.institute(), m.slot(), m);
    for (const v1::MeetingRequest* r : order) {
      const std::string& e = r->enterprise();
      const std::string& in = r->institute();
      if (per_org[e] >= kMaxPerParticipant || per_org[in] >= kMaxPerParticipant) continue;
      for (int slot = 1; slot <= plan_.slots_size(); ++slot) {
        if (tables_used[slot] < plan_.table_count() &&
            busy[std::make_pair(e, slot)] < delegates_.at(e) &&
            busy[std::make_pair(in, slot)] < delegates_.at(in)) {
          place(e, in, slot, *r);
          break;
        }
      }
    }
    return {mutual, score};
  }

  void ExpectAtLeastAsGoodAs(const v1::ScheduleMeetingsResponse& response,
                             std::pair<int, double> other, const char* what) {
    EXPECT_GE(response.mutual_count(), other.first) << what;
    if (response.mutual_count() == other.first) {
      EXPECT_GE(response.total_score(), other.second - 1e-9) << what;
    }
    std::printf("[ fair     ] %s: %d mutual, score %.3f; techmatch: %d mutual, score %.3f\n", what,
                other.first, other.second, response.mutual_count(), response.total_score());
  }

  std::unique_ptr<v1::MatchService::Stub> matches_;
  std::mt19937 random_{20261128};
  std::map<std::string, int> delegates_;           // organizations/{id} → delegates
  std::map<std::string, std::string> need_owner_;  // needs/{id} → organizations/{id}
  std::map<std::string, std::string> offering_owner_;
  v1::MeetingPlan plan_;
};

TEST_F(FairScaleTest, AFewHundredParticipantsGetValidAgendasAndLockedMeetingsStay) {
  RegisterFair();
  ASSERT_EQ(delegates_.size(), static_cast<size_t>(kEnterprises + kInstitutes));
  std::set<std::pair<std::string, std::string>> used;

  // Mutual requests (each side asks), one-sided pending ones, organizer-made ones.
  for (int i = 0; i < 40; ++i) {
    const auto [need, offering] = FreshPair(used);
    ASSERT_TRUE(Request(need, offering, v1::MeetingRequest::ENTERPRISE).ok());
    v1::MeetingRequest mutual;
    ASSERT_TRUE(Request(need, offering, v1::MeetingRequest::INSTITUTE, &mutual).ok());
    ASSERT_TRUE(mutual.mutual());
  }
  for (int i = 0; i < 25; ++i) {
    const auto [need, offering] = FreshPair(used);
    ASSERT_TRUE(Request(need, offering, v1::MeetingRequest::ENTERPRISE).ok());
  }
  for (int i = 0; i < 25; ++i) {
    const auto [need, offering] = FreshPair(used);
    v1::MeetingRequest created;
    ASSERT_TRUE(Request(need, offering, v1::MeetingRequest::ORGANIZER, &created).ok());
    v1::AcceptMeetingRequestRequest accept;
    accept.set_name(created.name());
    v1::MeetingRequest accepted;
    ASSERT_TRUE(matches_->AcceptMeetingRequest(Ctx().get(), accept, &accepted).ok());
  }
  // The bulk: generated from matching, accepted on the parties' behalf.
  v1::GenerateMeetingRequestsRequest generate;
  generate.set_parent("events/fair");
  generate.set_min_score(0.05);
  generate.set_per_need_limit(6);
  generate.set_accept(true);
  v1::GenerateMeetingRequestsResponse generated;
  ASSERT_TRUE(matches_->GenerateMeetingRequests(Ctx().get(), generate, &generated).ok());
  std::map<std::string, v1::MeetingRequest> requests = AllRequests();
  int accepted = 0;
  for (const auto& [name, r] : requests) accepted += r.state() == v1::MeetingRequest::ACCEPTED;
  std::printf(
      "[ fair     ] %zu participants, %zu needs, %zu offerings, %zu requests (%d accepted, "
      "%d generated)\n",
      delegates_.size(), need_owner_.size(), offering_owner_.size(), requests.size(), accepted,
      generated.meeting_requests_size());
  ASSERT_GE(accepted, 600);  // more than the plan holds: scheduling must choose

  SetPlan(Plan(kSlots, kTables));
  v1::ScheduleMeetingsResponse first = Schedule();
  ASSERT_GE(first.meetings_size(), kSlots * kTables * 8 / 10);
  ExpectValidSchedule(first);
  ExpectAtLeastAsGoodAs(first, FirstFit(requests, {}, false), "first-fit in request order");
  ExpectAtLeastAsGoodAs(first, FirstFit(requests, {}, true), "first-fit by priority");
  EXPECT_EQ(first.mutual_count(), 40);  // room for every mutual request

  // Lock a dozen meetings spread over the schedule.
  std::vector<v1::Meeting> locked;
  for (int i = 0; i < first.meetings_size() && locked.size() < 12;
       i += first.meetings_size() / 12) {
    v1::LockMeetingRequest lock;
    lock.set_name(first.meetings(i).name());
    v1::Meeting meeting;
    ASSERT_TRUE(matches_->LockMeeting(Ctx().get(), lock, &meeting).ok());
    ASSERT_TRUE(meeting.locked());
    locked.push_back(meeting);
  }
  std::set<std::string> locked_names;
  for (const v1::Meeting& m : locked) locked_names.insert(m.name());
  auto expect_locks_kept = [&](const std::string& when) {
    SCOPED_TRACE(when);
    std::map<std::string, v1::Meeting> now;
    for (const v1::Meeting& m : Meetings()) now[m.name()] = m;
    for (const v1::Meeting& m : locked) {
      ASSERT_TRUE(now.count(m.name())) << "lost locked meeting " << m.name();
      EXPECT_TRUE(now[m.name()].locked());
      EXPECT_EQ(now[m.name()].slot(), m.slot());
      EXPECT_EQ(now[m.name()].table(), m.table());
      EXPECT_EQ(now[m.name()].start_time().seconds(), m.start_time().seconds());
    }
  };

  // Changes before the second run: cancel some unlocked meetings, decline some left-out
  // requests, new mutual requests, a participant sending more delegates, a plan with two more
  // slots after the last (which keeps the locked meetings).
  std::set<std::string> cancelled;
  int cancelled_mutual = 0;
  for (int i = 1; i < first.meetings_size() && cancelled.size() < 6; i += 17) {
    const v1::Meeting& m = first.meetings(i);
    if (locked_names.count(m.name())) continue;
    cancelled_mutual += m.mutual() ? 1 : 0;
    v1::CancelMeetingRequest cancel;
    cancel.set_name(m.name());
    v1::MeetingRequest out;
    ASSERT_TRUE(matches_->CancelMeeting(Ctx().get(), cancel, &out).ok());
    EXPECT_EQ(out.state(), v1::MeetingRequest::CANCELLED);
    cancelled.insert(m.meeting_request());
  }
  for (int i = 0; i < first.unscheduled_size() && i < 30; i += 5) {
    v1::DeclineMeetingRequestRequest decline;
    decline.set_name(first.unscheduled(i).meeting_request());
    v1::MeetingRequest out;
    ASSERT_TRUE(matches_->DeclineMeetingRequest(Ctx().get(), decline, &out).ok());
  }
  for (const auto& [name, r] : AllRequests()) used.insert({r.need(), r.offering()});
  for (int i = 0; i < 10; ++i) {
    const auto [need, offering] = FreshPair(used);
    ASSERT_TRUE(Request(need, offering, v1::MeetingRequest::INSTITUTE).ok());
    v1::MeetingRequest mutual;
    ASSERT_TRUE(Request(need, offering, v1::MeetingRequest::ENTERPRISE, &mutual).ok());
    ASSERT_TRUE(mutual.mutual());
  }
  {
    v1::RegisterParticipantRequest more;
    more.set_event("events/fair");
    more.set_organization(locked[0].institute());
    more.set_delegate_count(4);
    v1::Participant participant;
    ASSERT_TRUE(events_->RegisterParticipant(Ctx().get(), more, &participant).ok());
    delegates_[locked[0].institute()] = 4;
  }
  SetPlan(Plan(kSlots + 2, kTables));
  expect_locks_kept("after the new plan");

  requests = AllRequests();
  v1::ScheduleMeetingsResponse second = Schedule();
  ExpectValidSchedule(second);
  expect_locks_kept("after rescheduling");
  for (const v1::Meeting& m : second.meetings()) {
    EXPECT_FALSE(cancelled.count(m.meeting_request())) << "a cancelled request came back";
  }
  ExpectAtLeastAsGoodAs(second, FirstFit(requests, locked, true), "first-fit by priority, locks");
  EXPECT_EQ(second.mutual_count(), 50 - cancelled_mutual);

  // Scheduling again with nothing changed starts from the schedule in place: never worse.
  v1::ScheduleMeetingsResponse third = Schedule();
  ExpectValidSchedule(third);
  expect_locks_kept("after a third run");
  EXPECT_EQ(third.mutual_count(), second.mutual_count());
  EXPECT_GE(third.total_score(), second.total_score() - 1e-9);
}

}  // namespace
}  // namespace techmatch::testing
