#include "usecases/meetings.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/auth/permissions.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/common/resource_meta.h"
#include "core/common/status_macros.h"
#include "core/events/scheduling_problem.h"
#include "usecases/names.h"
#include "usecases/open_needs.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

constexpr int kDefaultGeneratePerNeed = 5;
constexpr int kMaxGeneratePerNeed = 100;

// Enterprises and institutes act for themselves only (see Meetings::CreateRequest).
absl::Status CheckActingSide(const Principal& caller, MeetingSide side,
                             const MeetingRequest& request) {
  if (caller.role == Role::kEnterprise) {
    if (side != MeetingSide::kEnterprise) {
      return absl::PermissionDeniedError("an ENTERPRISE key acts only as the ENTERPRISE side");
    }
    return CheckOwnership(caller, request.enterprise_id, ResourceName(kNeeds, request.need_id));
  }
  if (caller.role == Role::kInstitute) {
    if (side != MeetingSide::kInstitute) {
      return absl::PermissionDeniedError("an INSTITUTE key acts only as the INSTITUTE side");
    }
    return CheckOwnership(caller, request.institute_id,
                          ResourceName(kOfferings, request.offering_id));
  }
  return absl::OkStatus();
}

// The side a caller's key speaks for when accepting or declining (organizers: ORGANIZER).
MeetingSide SideOf(const Principal& caller) {
  if (caller.role == Role::kEnterprise) return MeetingSide::kEnterprise;
  if (caller.role == Role::kInstitute) return MeetingSide::kInstitute;
  return MeetingSide::kOrganizer;
}

// The meeting `id` of the event; when there is none, FAILED_PRECONDITION if the request exists
// but is not scheduled, NOT_FOUND otherwise.
absl::StatusOr<Meeting> ScheduledMeetingOf(storage::Repository& repository,
                                           const std::string& event_id, const std::string& id) {
  absl::StatusOr<Meeting> meeting = repository.GetMeeting(event_id, id);
  if (meeting.ok() || meeting.status().code() != absl::StatusCode::kNotFound) return meeting;
  absl::StatusOr<MeetingRequest> request = repository.GetMeetingRequest(event_id, id);
  if (!request.ok()) return meeting.status();
  return absl::FailedPreconditionError(absl::StrCat(
      MeetingRequestName(event_id, id), " is ", MeetingRequestStateName(request->state),
      " and not scheduled; only scheduled meetings can be locked, unlocked or cancelled (run "
      "ScheduleMeetings first)"));
}

// The meeting with its agenda details.
absl::StatusOr<ScheduledMeeting> WithDetails(storage::Repository& repository,
                                             const Meeting& meeting) {
  ScheduledMeeting out;
  TM_ASSIGN_OR_RETURN(out.plan, repository.GetMeetingPlan(meeting.event_id));
  TM_ASSIGN_OR_RETURN(std::vector<MeetingDetails> all,
                      repository.ListMeetings(meeting.event_id, ""));
  for (MeetingDetails& details : all) {
    if (details.meeting.meta.id == meeting.meta.id) {
      out.details = std::move(details);
      return out;
    }
  }
  return absl::NotFoundError(
      absl::StrCat(MeetingName(meeting.event_id, meeting.meta.id), " not found"));
}

}  // namespace

int64_t MeetingScore(double match_score) {
  return static_cast<int64_t>(std::clamp(match_score, 0.0, 1.0) * kScoreScale + 0.5);
}

absl::StatusOr<MeetingPlan> Meetings::GetPlan(absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string event_id, ParseMeetingPlanName(name, "name"));
  return repository_.GetMeetingPlan(event_id);
}

absl::StatusOr<MeetingPlan> Meetings::UpdatePlan(const MeetingPlanUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string event_id, ParseMeetingPlanName(input.name, "meeting_plan.name"));
  MeetingPlan plan = input.plan;
  plan.meta.id = event_id;
  TM_ASSIGN_OR_RETURN(Event event, repository_.GetEvent(event_id));
  Violations violations = input.conversion;
  ValidateMeetingPlan(plan, event, violations);
  if (!violations.empty()) return PrefixFieldViolations(violations.ToStatus(), "meeting_plan");
  int64_t expected_revision = 0;
  if (!input.etag.empty()) {
    TM_ASSIGN_OR_RETURN(MeetingPlan current, repository_.GetMeetingPlan(event_id));
    TM_RETURN_IF_ERROR(CheckEtag(current.meta, input.etag));
    expected_revision = current.meta.revision;
  }
  return repository_.PutMeetingPlan(plan, expected_revision);
}

absl::StatusOr<MeetingRequest> Meetings::CreateRequest(const Principal& caller,
                                                       const NewMeetingRequest& input) {
  Violations violations;
  CheckRequestId(input.request_id, violations);
  absl::StatusOr<std::string> event_id = ParseResourceName(input.parent, kEvents, "parent");
  if (!event_id.ok()) violations.AddAll(FieldViolationsOf(event_id.status()));
  MeetingRequest request;
  AssignId(request.meta, input.meeting_request_id, "meeting_request_id", violations);
  request.need_id = IdFromOptionalName(input.need, kNeeds, "meeting_request.need", violations);
  request.offering_id =
      IdFromOptionalName(input.offering, kOfferings, "meeting_request.offering", violations);
  if (input.need.empty()) violations.Add("meeting_request.need", "is required");
  if (input.offering.empty()) violations.Add("meeting_request.offering", "is required");
  if (!input.requested_by) {
    violations.Add("meeting_request.requested_by",
                   "is required: ENTERPRISE, INSTITUTE, ORGANIZER or MATCHING");
  }
  TM_RETURN_IF_ERROR(violations.ToStatus());
  request.event_id = *event_id;
  request.requested_by = *input.requested_by;
  TM_ASSIGN_OR_RETURN(Event event, repository_.GetEvent(*event_id));
  MeetingRequestFacts facts;
  TM_ASSIGN_OR_RETURN(facts.need, repository_.GetNeed(request.need_id));
  TM_ASSIGN_OR_RETURN(facts.offering, repository_.GetOffering(request.offering_id));
  TM_ASSIGN_OR_RETURN(std::optional<Participant> enterprise,
                      repository_.FindParticipant(event.meta.id, facts.need.enterprise_id));
  TM_ASSIGN_OR_RETURN(std::optional<Participant> institute,
                      repository_.FindParticipant(event.meta.id, facts.offering.institute_id));
  facts.enterprise_registered = enterprise.has_value();
  facts.institute_registered = institute.has_value();
  MeetingRequest owners = request;
  owners.enterprise_id = facts.need.enterprise_id;
  owners.institute_id = facts.offering.institute_id;
  TM_RETURN_IF_ERROR(CheckActingSide(caller, request.requested_by, owners));
  TM_RETURN_IF_ERROR(CheckNewMeetingRequest(request, facts));
  // The pair's score among everything presented at the event, every industry considered.
  MatchOptions options;
  options.event_id = event.meta.id;
  options.all_industries = true;
  TM_ASSIGN_OR_RETURN(std::optional<MatchResult> match,
                      matching_.ScorePair(facts.need, request.offering_id, options));
  request.score = match ? MeetingScore(match->score) : 0;
  return repository_.CreateMeetingRequest(request, {"CreateMeetingRequest", input.request_id});
}

absl::StatusOr<MeetingRequest> Meetings::GetRequest(absl::string_view name) {
  TM_ASSIGN_OR_RETURN(auto ids, ParseEventChildName(name, kMeetingRequests, "name"));
  return repository_.GetMeetingRequest(ids.first, ids.second);
}

absl::StatusOr<ListPage<MeetingRequest>> Meetings::ListRequests(absl::string_view parent,
                                                                const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(std::string event_id, ParseResourceName(parent, kEvents, "parent"));
  TM_ASSIGN_OR_RETURN(ParsedList list,
                      ParseList("ListMeetingRequests", event_id, request,
                                storage::Repository::MeetingRequestFilterFields(), tokens_));
  TM_ASSIGN_OR_RETURN(Page<MeetingRequest> page,
                      repository_.ListMeetingRequests(event_id, list.query));
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<MeetingRequest> Meetings::AcceptRequest(const Principal& caller,
                                                       absl::string_view name,
                                                       absl::string_view etag) {
  TM_ASSIGN_OR_RETURN(auto ids, ParseEventChildName(name, kMeetingRequests, "name"));
  TM_ASSIGN_OR_RETURN(MeetingRequest current, repository_.GetMeetingRequest(ids.first, ids.second));
  const MeetingSide side = SideOf(caller);
  TM_RETURN_IF_ERROR(CheckActingSide(caller, side, current));
  if (side != MeetingSide::kOrganizer && current.requested_by == side) {
    return absl::PermissionDeniedError(
        "the other side (or an organizer) accepts a request; its requester cannot");
  }
  TM_RETURN_IF_ERROR(CheckEtag(current.meta, etag));
  const int64_t revision = current.meta.revision;
  TM_ASSIGN_OR_RETURN(bool changed, AcceptMeetingRequest(current));
  if (!changed) return current;
  return repository_.ReplaceMeetingRequest(current, revision);
}

absl::StatusOr<MeetingRequest> Meetings::DeclineRequest(const Principal& caller,
                                                        absl::string_view name,
                                                        absl::string_view etag) {
  TM_ASSIGN_OR_RETURN(auto ids, ParseEventChildName(name, kMeetingRequests, "name"));
  TM_ASSIGN_OR_RETURN(MeetingRequest current, repository_.GetMeetingRequest(ids.first, ids.second));
  TM_RETURN_IF_ERROR(CheckActingSide(caller, SideOf(caller), current));
  TM_RETURN_IF_ERROR(CheckEtag(current.meta, etag));
  absl::StatusOr<Meeting> meeting = repository_.GetMeeting(ids.first, ids.second);
  if (meeting.ok() && meeting->locked) {
    return absl::FailedPreconditionError(
        absl::StrCat(MeetingName(ids.first, ids.second),
                     " is locked; unlock or cancel the meeting before declining its request"));
  }
  const int64_t revision = current.meta.revision;
  TM_RETURN_IF_ERROR(DeclineMeetingRequest(current));
  return repository_.ReplaceMeetingRequest(current, revision);
}

absl::StatusOr<GeneratedMeetingRequests> Meetings::GenerateRequests(
    const MeetingRequestGeneration& input, const CallState& call) {
  Violations violations;
  absl::StatusOr<std::string> event_id = ParseResourceName(input.parent, kEvents, "parent");
  if (!event_id.ok()) violations.AddAll(FieldViolationsOf(event_id.status()));
  if (!(input.min_score >= 0 && input.min_score <= 1)) {
    violations.Add("min_score", absl::StrCat("must be between 0 and 1, got ", input.min_score));
  }
  if (input.per_need_limit < 0) {
    violations.Add("per_need_limit",
                   absl::StrCat("must not be negative, got ", input.per_need_limit));
  }
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(Event event, repository_.GetEvent(*event_id));
  MatchOptions options;
  options.event_id = event.meta.id;
  options.limit = input.per_need_limit == 0 ? kDefaultGeneratePerNeed
                                            : std::min(input.per_need_limit, kMaxGeneratePerNeed);
  absl::flat_hash_map<std::string, bool> registered;
  auto is_registered = [&](const std::string& organization_id) -> absl::StatusOr<bool> {
    auto it = registered.find(organization_id);
    if (it != registered.end()) return it->second;
    TM_ASSIGN_OR_RETURN(std::optional<Participant> participant,
                        repository_.FindParticipant(event.meta.id, organization_id));
    registered[organization_id] = participant.has_value();
    return participant.has_value();
  };
  GeneratedMeetingRequests out;
  TM_RETURN_IF_ERROR(
      ForEachOpenNeedAt(repository_, event.meta.id, [&](const Need& need) -> absl::Status {
        TM_RETURN_IF_ERROR(call.StillWanted());
        TM_ASSIGN_OR_RETURN(std::vector<MatchResult> results, matching_.MatchNeed(need, options));
        for (const MatchResult& result : results) {
          if (result.score < input.min_score) continue;
          TM_ASSIGN_OR_RETURN(Offering offering, repository_.GetOffering(result.offering_id));
          TM_ASSIGN_OR_RETURN(bool enterprise_in, is_registered(need.enterprise_id));
          TM_ASSIGN_OR_RETURN(bool institute_in, is_registered(offering.institute_id));
          if (!enterprise_in || !institute_in) {
            ++out.unregistered_count;
            continue;
          }
          MeetingRequest generated;
          generated.meta.id = GenerateId();
          generated.event_id = event.meta.id;
          generated.need_id = need.meta.id;
          generated.offering_id = offering.meta.id;
          generated.requested_by = MeetingSide::kMatching;
          generated.state =
              input.accept ? MeetingRequestState::kAccepted : MeetingRequestState::kPending;
          generated.score = MeetingScore(result.score);
          MeetingRequestFacts facts{need, offering, true, true};
          if (!CheckNewMeetingRequest(generated, facts).ok()) continue;
          TM_ASSIGN_OR_RETURN(MeetingRequest stored,
                              repository_.CreateMeetingRequest(generated, {"", ""}));
          if (stored.meta.id != generated.meta.id) {
            ++out.existing_count;
            continue;
          }
          out.created.push_back(std::move(stored));
        }
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<StoredSchedule> Meetings::Schedule(absl::string_view event) {
  StoredSchedule out;
  TM_ASSIGN_OR_RETURN(out.event_id, ParseResourceName(event, kEvents, "event"));
  TM_ASSIGN_OR_RETURN(FairScheduleInput input, repository_.ReadFairScheduleInput(out.event_id));
  TM_ASSIGN_OR_RETURN(FairScheduleResult result, ScheduleFair(input));
  TM_RETURN_IF_ERROR(
      repository_.ReplaceSchedule(out.event_id, input.plan.meta.revision, result.meetings));
  TM_ASSIGN_OR_RETURN(out.meetings, repository_.ListMeetings(out.event_id, ""));
  out.plan = std::move(input.plan);
  out.unscheduled = std::move(result.unscheduled);
  out.quality = result.quality;
  return out;
}

absl::StatusOr<Agenda> Meetings::ListMeetings(absl::string_view parent,
                                              absl::string_view participant, int page_size,
                                              absl::string_view page_token) {
  Violations violations;
  absl::StatusOr<std::string> event_id = ParseResourceName(parent, kEvents, "parent");
  if (!event_id.ok()) violations.AddAll(FieldViolationsOf(event_id.status()));
  Agenda agenda;
  agenda.participant_id =
      IdFromOptionalName(participant, kOrganizations, "participant", violations);
  absl::StatusOr<int> size = NormalizePageSize(page_size);
  if (!size.ok()) violations.AddAll(FieldViolationsOf(size.status()));
  TM_RETURN_IF_ERROR(violations.ToStatus());
  // The agenda is in time order, not id order: the token carries the position to go on at.
  const std::string scope = absl::StrCat("ListMeetings/", *event_id, "/", agenda.participant_id);
  TM_ASSIGN_OR_RETURN(std::string after, tokens_.Decode(scope, page_token));
  size_t start = 0;
  if (!after.empty() && !absl::SimpleAtoi(after, &start)) {
    return InvalidFieldError("page_token", "is not a token this method issued");
  }
  TM_ASSIGN_OR_RETURN(std::vector<MeetingDetails> all,
                      repository_.ListMeetings(*event_id, agenda.participant_id));
  if (all.empty()) return agenda;
  TM_ASSIGN_OR_RETURN(agenda.plan, repository_.GetMeetingPlan(*event_id));
  const size_t end = std::min(all.size(), start + static_cast<size_t>(*size));
  for (size_t i = start; i < end; ++i) agenda.meetings.push_back(std::move(all[i]));
  if (end < all.size()) agenda.next_page_token = tokens_.Encode(scope, absl::StrCat(end));
  return agenda;
}

absl::StatusOr<ScheduledMeeting> Meetings::SetLocked(absl::string_view name, absl::string_view etag,
                                                     bool locked) {
  TM_ASSIGN_OR_RETURN(auto ids, ParseEventChildName(name, kMeetings, "name"));
  TM_ASSIGN_OR_RETURN(Meeting meeting, ScheduledMeetingOf(repository_, ids.first, ids.second));
  TM_RETURN_IF_ERROR(CheckEtag(meeting.meta, etag));
  if (meeting.locked != locked) {
    const int64_t revision = meeting.meta.revision;
    meeting.locked = locked;
    TM_ASSIGN_OR_RETURN(meeting, repository_.ReplaceMeeting(meeting, revision));
  }
  return WithDetails(repository_, meeting);
}

absl::StatusOr<ScheduledMeeting> Meetings::Lock(absl::string_view name, absl::string_view etag) {
  return SetLocked(name, etag, true);
}

absl::StatusOr<ScheduledMeeting> Meetings::Unlock(absl::string_view name, absl::string_view etag) {
  return SetLocked(name, etag, false);
}

absl::StatusOr<MeetingRequest> Meetings::Cancel(absl::string_view name, absl::string_view etag) {
  TM_ASSIGN_OR_RETURN(auto ids, ParseEventChildName(name, kMeetings, "name"));
  TM_ASSIGN_OR_RETURN(Meeting meeting, ScheduledMeetingOf(repository_, ids.first, ids.second));
  TM_RETURN_IF_ERROR(CheckEtag(meeting.meta, etag));
  TM_ASSIGN_OR_RETURN(MeetingRequest current, repository_.GetMeetingRequest(ids.first, ids.second));
  const int64_t revision = current.meta.revision;
  TM_RETURN_IF_ERROR(CancelMeetingRequest(current));
  return repository_.ReplaceMeetingRequest(current, revision);
}

}  // namespace techmatch::usecases
