#include "core/events/fair_schedule.h"

#include <algorithm>
#include <limits>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "core/common/enum_names.h"
#include "core/common/resource_id.h"

namespace techmatch {
namespace {

constexpr EnumNames<UnscheduledReason, 5> kReasonNames({{
    {UnscheduledReason::kMeetingLimit, "MEETING_LIMIT"},
    {UnscheduledReason::kTablesFull, "TABLES_FULL"},
    {UnscheduledReason::kNoCommonFreeSlot, "NO_COMMON_FREE_SLOT"},
    {UnscheduledReason::kRecordInactive, "RECORD_INACTIVE"},
    {UnscheduledReason::kNotRegistered, "NOT_REGISTERED"},
}});

std::string Org(absl::string_view id) { return ResourceName(kOrganizations, id); }

}  // namespace

absl::string_view UnscheduledReasonName(UnscheduledReason reason) {
  return kReasonNames.Name(reason);
}

absl::StatusOr<FairScheduleResult> ScheduleFair(const FairScheduleInput& input,
                                                const SchedulerOptions& options) {
  const MeetingPlan& plan = input.plan;
  FairScheduleResult result;
  absl::flat_hash_map<std::string, const Meeting*> meeting_of;
  for (const Meeting& meeting : input.meetings) meeting_of[meeting.meta.id] = &meeting;

  SchedulingProblem problem;
  problem.slot_count = static_cast<int>(plan.slots.size());
  problem.table_count = plan.table_count;
  absl::flat_hash_map<std::string, int> party_of;
  std::vector<std::string> party_ids;
  auto party = [&](const std::string& organization_id) {
    auto [it, inserted] = party_of.try_emplace(organization_id, party_ids.size());
    if (inserted) {
      party_ids.push_back(organization_id);
      auto found = input.delegates.find(organization_id);
      SchedulingProblem::Party p;
      p.delegates = found == input.delegates.end() ? 1 : std::max(1, found->second);
      p.max_meetings = plan.max_meetings_per_participant > 0 ? plan.max_meetings_per_participant
                                                             : std::numeric_limits<int>::max();
      problem.parties.push_back(p);
    }
    return it->second;
  };

  // Requests that can take part; the others get their reason now.
  std::vector<const MeetingRequest*> taking_part;
  Schedule previous;
  absl::flat_hash_map<std::string, bool> locked_seen;
  for (const MeetingRequest& request : input.requests) {
    auto meeting = meeting_of.find(request.meta.id);
    const bool locked = meeting != meeting_of.end() && meeting->second->locked;
    if (!locked) {
      std::string inactive_name, inactive_state;
      for (const std::string& name :
           {ResourceName(kNeeds, request.need_id), ResourceName(kOfferings, request.offering_id)}) {
        auto found = input.inactive.find(name);
        if (found != input.inactive.end() && inactive_name.empty()) {
          inactive_name = name;
          inactive_state = found->second;
        }
      }
      if (!inactive_name.empty()) {
        result.unscheduled.push_back({request.meta.id, UnscheduledReason::kRecordInactive,
                                      absl::StrCat(inactive_name, " is ", inactive_state)});
        continue;
      }
      std::string unregistered;
      for (const std::string* id : {&request.enterprise_id, &request.institute_id}) {
        if (!input.delegates.contains(*id) && unregistered.empty()) unregistered = *id;
      }
      if (!unregistered.empty()) {
        result.unscheduled.push_back({request.meta.id, UnscheduledReason::kNotRegistered,
                                      absl::StrCat(Org(unregistered), " is not registered for ",
                                                   ResourceName(kEvents, input.event_id))});
        continue;
      }
    }
    const int index = static_cast<int>(taking_part.size());
    taking_part.push_back(&request);
    SchedulingProblem::Request q;
    q.first = party(request.enterprise_id);
    q.second = party(request.institute_id);
    q.score = std::clamp<int64_t>(request.score, 0, kScoreScale);
    q.mutual = request.mutual;
    problem.requests.push_back(q);
    previous.slot.push_back(meeting == meeting_of.end() ? -1 : meeting->second->slot);
    previous.table.push_back(meeting == meeting_of.end() ? -1 : meeting->second->table);
    if (locked) {
      locked_seen[request.meta.id] = true;
      const Meeting& m = *meeting->second;
      if (m.slot >= problem.slot_count || m.table >= problem.table_count) {
        return absl::FailedPreconditionError(absl::StrCat(
            "locked meeting ", MeetingName(input.event_id, m.meta.id), " is at slot ", m.slot + 1,
            ", table ", m.table + 1, ", which the meeting plan no longer has; unlock it first"));
      }
      problem.locked.push_back({index, m.slot, m.table});
    }
  }
  for (const Meeting& meeting : input.meetings) {
    if (meeting.locked && !locked_seen.contains(meeting.meta.id)) {
      return absl::FailedPreconditionError(
          absl::StrCat("locked meeting ", MeetingName(input.event_id, meeting.meta.id),
                       " has no ACCEPTED request"));
    }
  }

  absl::StatusOr<ScheduleResult> solved = SolveSchedule(problem, options, &previous);
  if (!solved.ok()) return solved.status();
  const Schedule& schedule = solved->schedule;
  for (size_t r = 0; r < taking_part.size(); ++r) {
    if (schedule.slot[r] < 0) continue;
    const MeetingRequest& request = *taking_part[r];
    Meeting meeting;
    auto existing = meeting_of.find(request.meta.id);
    if (existing != meeting_of.end()) meeting = *existing->second;
    meeting.meta.id = request.meta.id;
    meeting.event_id = input.event_id;
    meeting.slot = schedule.slot[r];
    meeting.table = schedule.table[r];
    result.meetings.push_back(meeting);
  }
  std::sort(result.meetings.begin(), result.meetings.end(), [](const Meeting& a, const Meeting& b) {
    return std::tie(a.slot, a.table) < std::tie(b.slot, b.table);
  });
  for (const LeftOut& left : solved->left_out) {
    const MeetingRequest& request = *taking_part[left.request];
    UnscheduledRequest out{request.meta.id, UnscheduledReason::kNoCommonFreeSlot, ""};
    switch (left.reason) {
      case LeftOutReason::kMeetingLimit:
        out.reason = UnscheduledReason::kMeetingLimit;
        out.explanation =
            absl::StrCat(Org(party_ids[left.party]), " already has its maximum of ",
                         plan.max_meetings_per_participant, " meetings, all of higher priority");
        break;
      case LeftOutReason::kTablesFull:
        out.reason = UnscheduledReason::kTablesFull;
        out.explanation = absl::StrCat("all ", plan.table_count,
                                       " tables are taken in every slot by meetings of higher "
                                       "priority");
        break;
      case LeftOutReason::kNoCommonFreeSlot:
        out.explanation = absl::StrCat(
            "in every slot with a free table, ", Org(request.enterprise_id), " or ",
            Org(request.institute_id), " has all its delegates in meetings of higher priority");
        break;
    }
    result.unscheduled.push_back(std::move(out));
  }
  std::sort(result.unscheduled.begin(), result.unscheduled.end(),
            [](const UnscheduledRequest& a, const UnscheduledRequest& b) {
              return a.request_id < b.request_id;
            });
  result.quality = Evaluate(problem, schedule);
  return result;
}

}  // namespace techmatch
