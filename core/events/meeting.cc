#include "core/events/meeting.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/common/bounded_text.h"
#include "core/common/enum_names.h"
#include "core/common/resource_id.h"

namespace techmatch {
namespace {

constexpr EnumNames<MeetingRequestState, 4> kStateNames({{
    {MeetingRequestState::kPending, "PENDING"},
    {MeetingRequestState::kAccepted, "ACCEPTED"},
    {MeetingRequestState::kDeclined, "DECLINED"},
    {MeetingRequestState::kCancelled, "CANCELLED"},
}});

constexpr EnumNames<MeetingSide, 4> kSideNames({{
    {MeetingSide::kEnterprise, "ENTERPRISE"},
    {MeetingSide::kInstitute, "INSTITUTE"},
    {MeetingSide::kOrganizer, "ORGANIZER"},
    {MeetingSide::kMatching, "MATCHING"},
}});

std::string TimeText(absl::Time time) {
  return absl::FormatTime(absl::RFC3339_sec, time, absl::UTCTimeZone());
}

absl::Status WrongState(const MeetingRequest& request, absl::string_view action,
                        absl::string_view allowed) {
  return absl::FailedPreconditionError(absl::StrCat(
      MeetingRequestName(request.event_id, request.meta.id), " is ",
      MeetingRequestStateName(request.state), "; only ", allowed, " requests can be ", action));
}

}  // namespace

absl::string_view MeetingRequestStateName(MeetingRequestState state) {
  return kStateNames.Name(state);
}
std::optional<MeetingRequestState> MeetingRequestStateFromName(absl::string_view name) {
  return kStateNames.FromName(name);
}
std::vector<std::string> MeetingRequestStateNames() { return kStateNames.Names(); }

absl::string_view MeetingSideName(MeetingSide side) { return kSideNames.Name(side); }
std::optional<MeetingSide> MeetingSideFromName(absl::string_view name) {
  return kSideNames.FromName(name);
}
std::vector<std::string> MeetingSideNames() { return kSideNames.Names(); }

void ValidateMeetingPlan(const MeetingPlan& plan, const Event& event, Violations& violations) {
  const int count = static_cast<int>(plan.slots.size());
  if (count == 0) violations.Add("slots", "at least one slot is required");
  if (count > kMaxSlots) {
    violations.Add("slots", absl::StrCat("at most ", kMaxSlots, " slots, got ", count));
  }
  for (int i = 0; i < count; ++i) {
    const TimeSlot& slot = plan.slots[i];
    const std::string field = absl::StrCat("slots[", i, "]");
    const bool has_start = slot.start != absl::InfinitePast();
    const bool has_end = slot.end != absl::InfinitePast();
    if (!has_start) violations.Add(absl::StrCat(field, ".start_time"), "is required");
    if (!has_end) violations.Add(absl::StrCat(field, ".end_time"), "is required");
    if (!has_start || !has_end) continue;
    if (slot.end <= slot.start) {
      violations.Add(absl::StrCat(field, ".end_time"), "must be after start_time");
      continue;
    }
    if (slot.start < event.start_time || slot.end > event.end_time) {
      violations.Add(field, absl::StrCat("lies outside the event (", TimeText(event.start_time),
                                         " to ", TimeText(event.end_time), ")"));
    }
    if (i == 0) continue;
    const TimeSlot& before = plan.slots[i - 1];
    if (before.start == absl::InfinitePast() || before.end == absl::InfinitePast() ||
        before.end <= before.start) {
      continue;
    }
    if (slot.start < before.start) {
      violations.Add(
          field, absl::StrCat("starts before slots[", i - 1, "]; list the slots in time order"));
    } else if (slot.start < before.end) {
      violations.Add(field, absl::StrCat("overlaps slots[", i - 1, "] (", TimeText(before.start),
                                         " to ", TimeText(before.end), ")"));
    }
  }
  if (plan.table_count < 1 || plan.table_count > kMaxTables) {
    violations.Add("table_count",
                   absl::StrCat("must be between 1 and ", kMaxTables, ", got ", plan.table_count));
  }
  if (plan.max_meetings_per_participant < 0) {
    violations.Add("max_meetings_per_participant",
                   absl::StrCat("must not be negative (0: no limit), got ",
                                plan.max_meetings_per_participant));
  }
}

absl::Status CheckNewMeetingRequest(MeetingRequest& request, const MeetingRequestFacts& facts) {
  const Need& need = facts.need;
  const Offering& offering = facts.offering;
  if (need.enterprise_id == offering.institute_id) {
    return InvalidFieldError(
        "meeting_request.offering",
        absl::StrCat(ResourceName(kOfferings, offering.meta.id), " belongs to ",
                     ResourceName(kOrganizations, offering.institute_id),
                     ", the same organization as ", ResourceName(kNeeds, need.meta.id),
                     "; a meeting needs two organizations"));
  }
  if (need.state != NeedState::kOpen) {
    return absl::FailedPreconditionError(
        absl::StrCat(ResourceName(kNeeds, need.meta.id), " is ", NeedStateName(need.state),
                     "; meetings can only be requested for OPEN needs"));
  }
  if (offering.state != OfferingState::kAvailable) {
    return absl::FailedPreconditionError(absl::StrCat(
        ResourceName(kOfferings, offering.meta.id), " is ", OfferingStateName(offering.state),
        "; meetings can only be requested for AVAILABLE offerings"));
  }
  for (const auto& [registered, organization] :
       {std::pair{facts.enterprise_registered, need.enterprise_id},
        std::pair{facts.institute_registered, offering.institute_id}}) {
    if (!registered) {
      return absl::FailedPreconditionError(absl::StrCat(
          ResourceName(kOrganizations, organization), " is not registered for ",
          ResourceName(kEvents, request.event_id), "; register it as a participant first"));
    }
  }
  request.enterprise_id = need.enterprise_id;
  request.institute_id = offering.institute_id;
  return absl::OkStatus();
}

absl::StatusOr<bool> MergeDuplicateMeetingRequest(MeetingRequest& existing, MeetingSide side) {
  if (existing.state == MeetingRequestState::kDeclined ||
      existing.state == MeetingRequestState::kCancelled) {
    return absl::FailedPreconditionError(
        absl::StrCat("this need and offering already have ",
                     MeetingRequestName(existing.event_id, existing.meta.id), ", which is ",
                     MeetingRequestStateName(existing.state)));
  }
  const bool other_side =
      (side == MeetingSide::kEnterprise && existing.requested_by == MeetingSide::kInstitute) ||
      (side == MeetingSide::kInstitute && existing.requested_by == MeetingSide::kEnterprise);
  if (!other_side || existing.mutual) return false;
  existing.mutual = true;
  existing.state = MeetingRequestState::kAccepted;
  return true;
}

absl::StatusOr<bool> AcceptMeetingRequest(MeetingRequest& request) {
  if (request.state == MeetingRequestState::kAccepted) return false;
  if (request.state != MeetingRequestState::kPending) {
    return WrongState(request, "accepted", "PENDING");
  }
  request.state = MeetingRequestState::kAccepted;
  return true;
}

absl::Status DeclineMeetingRequest(MeetingRequest& request) {
  if (request.state != MeetingRequestState::kPending &&
      request.state != MeetingRequestState::kAccepted) {
    return WrongState(request, "declined", "PENDING or ACCEPTED");
  }
  request.state = MeetingRequestState::kDeclined;
  return absl::OkStatus();
}

absl::Status CancelMeetingRequest(MeetingRequest& request) {
  if (request.state != MeetingRequestState::kAccepted) {
    return WrongState(request, "cancelled", "ACCEPTED");
  }
  request.state = MeetingRequestState::kCancelled;
  return absl::OkStatus();
}

std::string MeetingRequestName(absl::string_view event_id, absl::string_view id) {
  return absl::StrCat(ResourceName(kEvents, event_id), "/", kMeetingRequests, "/", id);
}
std::string MeetingName(absl::string_view event_id, absl::string_view id) {
  return absl::StrCat(ResourceName(kEvents, event_id), "/", kMeetings, "/", id);
}
std::string MeetingPlanName(absl::string_view event_id) {
  return absl::StrCat(ResourceName(kEvents, event_id), "/", kMeetingPlan);
}

absl::StatusOr<std::pair<std::string, std::string>> ParseEventChildName(
    absl::string_view name, absl::string_view collection, absl::string_view field) {
  const std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != kEvents || parts[2] != collection || !IsValidId(parts[1]) ||
      !IsValidId(parts[3])) {
    return InvalidFieldError(std::string(field),
                             absl::StrCat("must be a resource name 'events/{event}/", collection,
                                          "/{id}' with ids [a-z0-9][a-z0-9-]{0,62}, got '",
                                          BoundedText(name, kMaxEchoBytes), "'"));
  }
  return std::pair<std::string, std::string>(parts[1], parts[3]);
}

absl::StatusOr<std::string> ParseMeetingPlanName(absl::string_view name, absl::string_view field) {
  const std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 3 || parts[0] != kEvents || parts[2] != kMeetingPlan ||
      !IsValidId(parts[1])) {
    return InvalidFieldError(
        std::string(field),
        absl::StrCat("must be a resource name 'events/{event}/meetingPlan', got '",
                     BoundedText(name, kMaxEchoBytes), "'"));
  }
  return std::string(parts[1]);
}

}  // namespace techmatch
