// Meeting plans, meeting requests, meetings and unscheduled requests between proto and domain.
#ifndef TECHMATCH_SERVER_MEETING_CONVERSION_H_
#define TECHMATCH_SERVER_MEETING_CONVERSION_H_

#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/events/fair_schedule.h"
#include "core/events/meeting.h"
#include "techmatch/v1/meeting.pb.h"

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

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_MEETING_CONVERSION_H_
