// 1:1 meetings at a fair: the event's meeting plan, meeting requests between an
// enterprise's need and an institute's offering, and the scheduled meetings themselves, with
// the rules that govern them. Scheduling proper is in meeting_scheduler.h; fair_schedule.h
// turns these records into a scheduling problem and back.
#ifndef TECHMATCH_CORE_EVENTS_MEETING_H_
#define TECHMATCH_CORE_EVENTS_MEETING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/events/event.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"

namespace techmatch {

inline constexpr absl::string_view kMeetingRequests = "meetingRequests";
inline constexpr absl::string_view kMeetings = "meetings";
inline constexpr absl::string_view kMeetingPlan = "meetingPlan";
inline constexpr int kMaxSlots = 500;
inline constexpr int kMaxTables = 10000;
inline constexpr int kMaxDelegates = 100;

struct TimeSlot {
  absl::Time start = absl::InfinitePast();
  absl::Time end = absl::InfinitePast();
};

// `events/{event}/meetingPlan`: one per event. meta.id is the event id.
struct MeetingPlan {
  ResourceMeta meta;
  std::vector<TimeSlot> slots;  // In time order, never overlapping.
  int table_count = 0;
  // 0: no limit beyond the slots and the participant's delegates.
  int max_meetings_per_participant = 0;
};

// Every slot has a start before its end, inside the event; slots are in time order and do not
// overlap; 1..kMaxSlots slots; 1..kMaxTables tables; the limit is not negative. Violations
// name the fields as in the API (`slots[2].start_time`, `table_count`, ...).
void ValidateMeetingPlan(const MeetingPlan& plan, const Event& event, Violations& violations);

enum class MeetingRequestState { kPending = 1, kAccepted = 2, kDeclined = 3, kCancelled = 4 };
absl::string_view MeetingRequestStateName(MeetingRequestState state);  // "PENDING", ...
std::optional<MeetingRequestState> MeetingRequestStateFromName(absl::string_view name);
std::vector<std::string> MeetingRequestStateNames();

// Who asked for a meeting.
enum class MeetingSide { kEnterprise = 1, kInstitute = 2, kOrganizer = 3, kMatching = 4 };
absl::string_view MeetingSideName(MeetingSide side);  // "ENTERPRISE", ...
std::optional<MeetingSide> MeetingSideFromName(absl::string_view name);
std::vector<std::string> MeetingSideNames();

// `events/{event}/meetingRequests/{id}`: one per (event, need, offering).
struct MeetingRequest {
  ResourceMeta meta;
  std::string event_id;
  std::string need_id;
  std::string offering_id;
  std::string enterprise_id;  // The need's.
  std::string institute_id;   // The offering's.
  MeetingSide requested_by = MeetingSide::kOrganizer;
  // Both the enterprise and the institute asked for it: scheduled before any other.
  bool mutual = false;
  int64_t score = 0;  // The pair's match score in millionths (kScoreScale).
  MeetingRequestState state = MeetingRequestState::kPending;
};

// `events/{event}/meetings/{id}`: a scheduled request; the id is the request's.
struct Meeting {
  ResourceMeta meta;
  std::string event_id;
  int slot = 0;   // Index into the plan's slots.
  int table = 0;  // 0-based; the API counts from 1.
  bool locked = false;
};

// A meeting with what an agenda shows about it.
struct MeetingDetails {
  Meeting meeting;
  MeetingRequest request;
  std::string need_title;
  std::string offering_title;
  std::string enterprise_name;
  std::string institute_name;
};

// What checking a new request needs to know about the records it names.
struct MeetingRequestFacts {
  Need need;
  Offering offering;
  bool enterprise_registered = false;  // For the request's event.
  bool institute_registered = false;
};

// The rules of a new request, in this order: the need and the offering belong to different
// organizations (INVALID_ARGUMENT on `meeting_request.offering`), both are active
// (FAILED_PRECONDITION naming the withdrawn or closed record), both organizations are
// registered for the event (FAILED_PRECONDITION naming the organization and the event), and
// the side is the need's or the offering's owner when it claims to be (INVALID_ARGUMENT on
// `meeting_request.requested_by`). Fills enterprise_id and institute_id.
absl::Status CheckNewMeetingRequest(MeetingRequest& request, const MeetingRequestFacts& facts);

// A request for a pair that already has one. The other side asking too makes it mutual and,
// while pending, accepted (both want the meeting); the same side again changes nothing. A
// declined or cancelled pair is FAILED_PRECONDITION. Returns true when `existing` changed.
absl::StatusOr<bool> MergeDuplicateMeetingRequest(MeetingRequest& existing, MeetingSide side);

// PENDING → ACCEPTED; accepting an accepted request again is a no-op (returns false).
absl::StatusOr<bool> AcceptMeetingRequest(MeetingRequest& request);
// PENDING or ACCEPTED → DECLINED.
absl::Status DeclineMeetingRequest(MeetingRequest& request);
// ACCEPTED → CANCELLED (its meeting is called off).
absl::Status CancelMeetingRequest(MeetingRequest& request);

// "events/e/meetingRequests/r", "events/e/meetings/r", "events/e/meetingPlan".
std::string MeetingRequestName(absl::string_view event_id, absl::string_view id);
std::string MeetingName(absl::string_view event_id, absl::string_view id);
std::string MeetingPlanName(absl::string_view event_id);
// The (event id, id) of a child resource name `events/{e}/{collection}/{id}`; INVALID_ARGUMENT
// naming `field` otherwise.
absl::StatusOr<std::pair<std::string, std::string>> ParseEventChildName(
    absl::string_view name, absl::string_view collection, absl::string_view field);
// The event id of `events/{e}/meetingPlan`.
absl::StatusOr<std::string> ParseMeetingPlanName(absl::string_view name, absl::string_view field);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_EVENTS_MEETING_H_
