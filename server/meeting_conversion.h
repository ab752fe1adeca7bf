// Meeting plans, meeting requests, meetings and unscheduled requests between proto and domain,
// and the meeting requests of MatchService → the meetings use cases' input.
#ifndef TECHMATCH_SERVER_MEETING_CONVERSION_H_
#define TECHMATCH_SERVER_MEETING_CONVERSION_H_

#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/events/fair_schedule.h"
#include "core/events/meeting.h"
#include "techmatch/v1/meeting.pb.h"
#include "usecases/meetings.h"

namespace techmatch::server {

// Slots, tables and the limit; violations named as in the plan (`slots[1].start_time`).
MeetingPlan MeetingPlanFromProto(const v1::MeetingPlan& proto, Violations& violations);
void MeetingPlanToProto(const MeetingPlan& plan, v1::MeetingPlan& out);

void MeetingRequestToProto(const MeetingRequest& request, v1::MeetingRequest& out);

// `plan` gives the slot times; `participant_id` (may be empty) the side whose counterpart is
// named.
void MeetingToProto(const MeetingDetails& details, const MeetingPlan& plan,
                    absl::string_view participant_id, v1::Meeting& out);

void UnscheduledToProto(absl::string_view event_id, const UnscheduledRequest& unscheduled,
                        v1::UnscheduledRequest& out);

// The requests' views point into `request`, which must outlive the result.
usecases::MeetingPlanUpdate MeetingPlanUpdateFromProto(const v1::UpdateMeetingPlanRequest& request);
usecases::NewMeetingRequest NewMeetingRequestFromProto(
    const v1::CreateMeetingRequestRequest& request);
usecases::MeetingRequestGeneration GenerationFromProto(
    const v1::GenerateMeetingRequestsRequest& request);

void GeneratedToProto(const usecases::GeneratedMeetingRequests& generated,
                      v1::GenerateMeetingRequestsResponse& out);
void ScheduleToProto(const usecases::StoredSchedule& schedule, v1::ScheduleMeetingsResponse& out);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_MEETING_CONVERSION_H_
