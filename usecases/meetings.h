// Meetings at a fair (MatchService's meeting methods): the event's meeting plan, meeting
// requests between an enterprise's need and an institute's offering (asked for by either
// side, an organizer, or generated from the matches), the fair schedule, and locking or
// cancelling scheduled meetings.
#ifndef TECHMATCH_USECASES_MEETINGS_H_
#define TECHMATCH_USECASES_MEETINGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/events/fair_schedule.h"
#include "core/events/meeting.h"
#include "core/matching/matching_engine.h"
#include "storage/repository.h"
#include "usecases/call_state.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct MeetingPlanUpdate {
  absl::string_view name;  // meeting_plan.name: events/{id}/meetingPlan
  absl::string_view etag;  // Empty: replace whatever is stored.
  MeetingPlan plan;
  Violations conversion;  // Named relative to the plan (`slots[1].start_time`).
};

struct NewMeetingRequest {
  absl::string_view parent;              // events/{id}
  absl::string_view meeting_request_id;  // Empty: generated.
  absl::string_view request_id;
  absl::string_view need;                   // needs/{id}
  absl::string_view offering;               // offerings/{id}
  std::optional<MeetingSide> requested_by;  // nullopt: not given.
};

struct MeetingRequestGeneration {
  absl::string_view parent;  // events/{id}
  double min_score = 0;      // 0..1
  int per_need_limit = 0;    // 0: 5; at most 100.
  bool accept = false;       // Create them ACCEPTED instead of PENDING.
};

struct GeneratedMeetingRequests {
  std::vector<MeetingRequest> created;
  int64_t unregistered_count = 0;  // Matches left out: a side is not registered for the event.
  int64_t existing_count = 0;      // Matches whose pair already had a request.
};

// A schedule as ScheduleMeetings stored it.
struct StoredSchedule {
  std::string event_id;
  MeetingPlan plan;
  std::vector<MeetingDetails> meetings;
  std::vector<UnscheduledRequest> unscheduled;
  ScheduleQuality quality;
};

// One page of an event's agenda (every meeting, or one participant's), in time order.
struct Agenda {
  MeetingPlan plan;  // Read only when there is a meeting.
  std::vector<MeetingDetails> meetings;
  std::string participant_id;  // Empty: the whole event's.
  std::string next_page_token;
};

// A meeting with its agenda details and the plan that gives its slot times.
struct ScheduledMeeting {
  MeetingDetails details;
  MeetingPlan plan;
};

class Meetings {
 public:
  Meetings(storage::Repository& repository, MatchingEngine& matching, const PageTokenCodec& tokens)
      : repository_(repository), matching_(matching), tokens_(tokens) {}

  absl::StatusOr<MeetingPlan> GetPlan(absl::string_view name);
  absl::StatusOr<MeetingPlan> UpdatePlan(const MeetingPlanUpdate& input);

  // Enterprises and institutes act for themselves only: an ENTERPRISE key requests as the
  // ENTERPRISE side for its own needs, an INSTITUTE key as the INSTITUTE side for its own
  // offerings; organizers and administrators may act for either side. The request carries the
  // pair's match score at the event, every industry considered (MatchingEngine::ScorePair). A
  // request for a pair that has one already merges into it.
  absl::StatusOr<MeetingRequest> CreateRequest(const Principal& caller,
                                               const NewMeetingRequest& input);
  absl::StatusOr<MeetingRequest> GetRequest(absl::string_view name);
  absl::StatusOr<ListPage<MeetingRequest>> ListRequests(absl::string_view parent,
                                                        const ListRequest& request);
  // The other side (or an organizer) accepts a request; its requester cannot.
  absl::StatusOr<MeetingRequest> AcceptRequest(const Principal& caller, absl::string_view name,
                                               absl::string_view etag);
  // Either side (or an organizer) declines; not while its meeting is locked.
  absl::StatusOr<MeetingRequest> DeclineRequest(const Principal& caller, absl::string_view name,
                                                absl::string_view etag);
  // A request for each open need's best matches at the event (as MatchEvent finds them)
  // scoring at least min_score, when both sides are registered for the event.
  absl::StatusOr<GeneratedMeetingRequests> GenerateRequests(const MeetingRequestGeneration& input,
                                                            const CallState& call);

  // Schedules every accepted request that fits (locked meetings stay) and stores the schedule.
  absl::StatusOr<StoredSchedule> Schedule(absl::string_view event);
  // `participant`: organizations/{id}, or empty for every meeting of the event.
  absl::StatusOr<Agenda> ListMeetings(absl::string_view parent, absl::string_view participant,
                                      int page_size, absl::string_view page_token);
  absl::StatusOr<ScheduledMeeting> Lock(absl::string_view name, absl::string_view etag);
  absl::StatusOr<ScheduledMeeting> Unlock(absl::string_view name, absl::string_view etag);
  // Calls the meeting off: its request becomes CANCELLED.
  absl::StatusOr<MeetingRequest> Cancel(absl::string_view name, absl::string_view etag);

 private:
  absl::StatusOr<ScheduledMeeting> SetLocked(absl::string_view name, absl::string_view etag,
                                             bool locked);

  storage::Repository& repository_;
  MatchingEngine& matching_;
  const PageTokenCodec& tokens_;
};

// A meeting request's score: the pair's match score (0..1) in millionths (kScoreScale).
int64_t MeetingScore(double match_score);

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_MEETINGS_H_
