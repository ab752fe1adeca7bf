// Scheduling a fair's meetings from its records: the meeting plan, the participants and their
// delegates, the accepted requests and the meetings already placed (locked ones stay). Turns
// them into a SchedulingProblem, solves it, and answers with the meetings and, for every
// accepted request left out, the reason in words.
#ifndef TECHMATCH_CORE_EVENTS_FAIR_SCHEDULE_H_
#define TECHMATCH_CORE_EVENTS_FAIR_SCHEDULE_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "core/events/meeting.h"
#include "core/events/meeting_scheduler.h"

namespace techmatch {

struct FairScheduleInput {
  std::string event_id;
  MeetingPlan plan;
  // Registered organizations and the delegates each sends.
  absl::flat_hash_map<std::string, int> delegates;
  // ACCEPTED requests, in id order.
  std::vector<MeetingRequest> requests;
  // The event's meetings now; the locked ones stay where they are.
  std::vector<Meeting> meetings;
  // Needs and offerings of the requests that are no longer OPEN / AVAILABLE, with their state
  // name (e.g. "WITHDRAWN"), keyed by resource name (`needs/x`, `offerings/y`).
  absl::flat_hash_map<std::string, std::string> inactive;
};

enum class UnscheduledReason {
  kMeetingLimit = 1,
  kTablesFull = 2,
  kNoCommonFreeSlot = 3,
  kRecordInactive = 4,
  kNotRegistered = 5,
};
absl::string_view UnscheduledReasonName(UnscheduledReason reason);  // "MEETING_LIMIT", ...

struct UnscheduledRequest {
  std::string request_id;
  UnscheduledReason reason = UnscheduledReason::kNoCommonFreeSlot;
  std::string explanation;  // Names the organization, record or limit.
};

struct FairScheduleResult {
  std::vector<Meeting> meetings;  // Every meeting, locked ones included, by (slot, table).
  std::vector<UnscheduledRequest> unscheduled;  // In request-id order.
  ScheduleQuality quality;
};

// FAILED_PRECONDITION when the locked meetings no longer fit the plan or each other (naming
// them). Meetings keep their create_time and their table when they stay in their slot.
absl::StatusOr<FairScheduleResult> ScheduleFair(const FairScheduleInput& input,
                                                const SchedulerOptions& options = {});

}  // namespace techmatch

#endif  // TECHMATCH_CORE_EVENTS_FAIR_SCHEDULE_H_
