#include "server/meeting_conversion.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/events/scheduling_problem.h"
#include "server/proto_fields.h"

namespace techmatch::server {

MeetingPlan MeetingPlanFromProto(const v1::MeetingPlan& proto, Violations& violations) {
  MeetingPlan plan;
  for (int i = 0; i < proto.slots_size(); ++i) {
    const v1::TimeSlot& slot = proto.slots(i);
    TimeSlot out;
    const std::string field = absl::StrCat("slots[", i, "]");
    if (slot.has_start_time()) {
      const size_t before = violations.list().size();
      CheckTimestamp(absl::StrCat(field, ".start_time"), slot.start_time(), violations);
      if (violations.list().size() == before) out.start = TimeFromProto(slot.start_time());
    }
    if (slot.has_end_time()) {
      const size_t before = violations.list().size();
      CheckTimestamp(absl::StrCat(field, ".end_time"), slot.end_time(), violations);
      if (violations.list().size() == before) out.end = TimeFromProto(slot.end_time());
    }
    plan.slots.push_back(out);
  }
  plan.table_count = proto.table_count();
  plan.max_meetings_per_participant = proto.max_meetings_per_participant();
  return plan;
}

void MeetingPlanToProto(const MeetingPlan& plan, v1::MeetingPlan& out) {
  out.set_name(MeetingPlanName(plan.meta.id));
  out.clear_slots();
  for (const TimeSlot& slot : plan.slots) {
    v1::TimeSlot* s = out.add_slots();
    TimeToProto(slot.start, *s->mutable_start_time());
    TimeToProto(slot.end, *s->mutable_end_time());
  }
  out.set_table_count(plan.table_count);
  out.set_max_meetings_per_participant(plan.max_meetings_per_participant);
  MetaToProto(plan.meta, out);
}

void MeetingRequestToProto(const MeetingRequest& request, v1::MeetingRequest& out) {
  out.set_name(MeetingRequestName(request.event_id, request.meta.id));
  out.set_need(ResourceName(kNeeds, request.need_id));
  out.set_offering(ResourceName(kOfferings, request.offering_id));
  out.set_enterprise(ResourceName(kOrganizations, request.enterprise_id));
  out.set_institute(ResourceName(kOrganizations, request.institute_id));
  out.set_requested_by(static_cast<v1::MeetingRequest::Side>(request.requested_by));
  out.set_mutual(request.mutual);
  out.set_score(static_cast<double>(request.score) / kScoreScale);
  out.set_state(static_cast<v1::MeetingRequest::State>(request.state));
  MetaToProto(request.meta, out);
}

void MeetingToProto(const MeetingDetails& details, const MeetingPlan& plan,
                    absl::string_view participant_id, v1::Meeting& out) {
  const Meeting& meeting = details.meeting;
  const MeetingRequest& request = details.request;
  out.set_name(MeetingName(meeting.event_id, meeting.meta.id));
  out.set_meeting_request(MeetingRequestName(request.event_id, request.meta.id));
  out.set_need(ResourceName(kNeeds, request.need_id));
  out.set_offering(ResourceName(kOfferings, request.offering_id));
  out.set_enterprise(ResourceName(kOrganizations, request.enterprise_id));
  out.set_institute(ResourceName(kOrganizations, request.institute_id));
  out.set_slot(meeting.slot + 1);
  if (meeting.slot >= 0 && meeting.slot < static_cast<int>(plan.slots.size())) {
    TimeToProto(plan.slots[meeting.slot].start, *out.mutable_start_time());
    TimeToProto(plan.slots[meeting.slot].end, *out.mutable_end_time());
  }
  out.set_table(meeting.table + 1);
  out.set_locked(meeting.locked);
  out.set_score(static_cast<double>(request.score) / kScoreScale);
  out.set_mutual(request.mutual);
  out.set_need_title(details.need_title);
  out.set_offering_title(details.offering_title);
  out.set_enterprise_display_name(details.enterprise_name);
  out.set_institute_display_name(details.institute_name);
  if (participant_id == request.enterprise_id) {
    out.set_counterpart(ResourceName(kOrganizations, request.institute_id));
    out.set_counterpart_display_name(details.institute_name);
  } else if (participant_id == request.institute_id) {
    out.set_counterpart(ResourceName(kOrganizations, request.enterprise_id));
    out.set_counterpart_display_name(details.enterprise_name);
  }
  MetaToProto(meeting.meta, out);
}

void UnscheduledToProto(absl::string_view event_id, const UnscheduledRequest& unscheduled,
                        v1::UnscheduledRequest& out) {
  out.set_meeting_request(MeetingRequestName(event_id, unscheduled.request_id));
  out.set_reason(static_cast<v1::UnscheduledRequest::Reason>(unscheduled.reason));
  out.set_explanation(unscheduled.explanation);
}

usecases::MeetingPlanUpdate MeetingPlanUpdateFromProto(
    const v1::UpdateMeetingPlanRequest& request) {
  usecases::MeetingPlanUpdate input;
  input.name = request.meeting_plan().name();
  input.etag = request.meeting_plan().etag();
  input.plan = MeetingPlanFromProto(request.meeting_plan(), input.conversion);
  return input;
}

usecases::NewMeetingRequest NewMeetingRequestFromProto(
    const v1::CreateMeetingRequestRequest& request) {
  const v1::MeetingRequest& proto = request.meeting_request();
  usecases::NewMeetingRequest input;
  input.parent = request.parent();
  input.meeting_request_id = request.meeting_request_id();
  input.request_id = request.request_id();
  input.need = proto.need();
  input.offering = proto.offering();
  // SIDE_UNSPECIFIED (or a number no side has) is no side: the use case reports it missing.
  input.requested_by = MeetingSideFromName(v1::MeetingRequest::Side_Name(proto.requested_by()));
  return input;
}

usecases::MeetingRequestGeneration GenerationFromProto(
    const v1::GenerateMeetingRequestsRequest& request) {
  return {request.parent(), request.min_score(), request.per_need_limit(), request.accept()};
}

void GeneratedToProto(const usecases::GeneratedMeetingRequests& generated,
                      v1::GenerateMeetingRequestsResponse& out) {
  for (const MeetingRequest& request : generated.created) {
    MeetingRequestToProto(request, *out.add_meeting_requests());
  }
  out.set_existing_count(static_cast<int32_t>(generated.existing_count));
  out.set_unregistered_count(static_cast<int32_t>(generated.unregistered_count));
}

void ScheduleToProto(const usecases::StoredSchedule& schedule, v1::ScheduleMeetingsResponse& out) {
  for (const MeetingDetails& details : schedule.meetings) {
    MeetingToProto(details, schedule.plan, "", *out.add_meetings());
  }
  for (const UnscheduledRequest& unscheduled : schedule.unscheduled) {
    UnscheduledToProto(schedule.event_id, unscheduled, *out.add_unscheduled());
  }
  out.set_mutual_count(schedule.quality.mutual_meetings);
  out.set_total_score(static_cast<double>(schedule.quality.score) / kScoreScale);
  out.set_idle_slot_count(schedule.quality.idle_slots);
}

}  // namespace techmatch::server
