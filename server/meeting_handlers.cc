// MatchService's meeting methods: thin handlers over core/meetings and the
// repository. Scores of requests come from the matching engine, as MatchEvent's do.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/auth/permissions.h"
#include "core/auth/role.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/events/fair_schedule.h"
#include "core/events/meeting.h"
#include "core/events/scheduling_problem.h"
#include "server/handler.h"
#include "server/match_service.h"
#include "server/meeting_conversion.h"
#include "server/proto_fields.h"
#include "usecases/lists.h"
#include "usecases/names.h"
#include "usecases/record_flows.h"

namespace techmatch::server {
namespace {

constexpr int kDefaultGeneratePerNeed = 5;
constexpr int kMaxGeneratePerNeed = 100;

// The pair's match score in millionths: the offering's rank among everything presented at the
// event for the need (every industry considered); 0 when the engine does not rank it.
absl::StatusOr<int64_t> PairScore(ServiceContext& context, const Need& need,
                                  const std::string& offering_id, const std::string& event_id) {
  MatchOptions options;
  options.limit = kMaxMatchLimit;
  options.event_id = event_id;
  options.all_industries = true;
  TM_ASSIGN_OR_RETURN(std::vector<MatchResult> results, context.matching.MatchNeed(need, options));
  for (const MatchResult& result : results) {
    if (result.offering_id == offering_id) {
      return static_cast<int64_t>(std::clamp(result.score, 0.0, 1.0) * kScoreScale + 0.5);
    }
  }
  return 0;
}

// Enterprises and institutes act for themselves only: an ENTERPRISE key requests as the
// ENTERPRISE side for its own needs, an INSTITUTE key as the INSTITUTE side for its own
// offerings; organizers and administrators may act for either side.
absl::Status CheckActingSide(const Principal& principal, MeetingSide side,
                             const MeetingRequest& request) {
  if (principal.role == Role::kEnterprise) {
    if (side != MeetingSide::kEnterprise) {
      return absl::PermissionDeniedError("an ENTERPRISE key acts only as the ENTERPRISE side");
    }
    return CheckOwnership(principal, request.enterprise_id, ResourceName(kNeeds, request.need_id));
  }
  if (principal.role == Role::kInstitute) {
    if (side != MeetingSide::kInstitute) {
      return absl::PermissionDeniedError("an INSTITUTE key acts only as the INSTITUTE side");
    }
    return CheckOwnership(principal, request.institute_id,
                          ResourceName(kOfferings, request.offering_id));
  }
  return absl::OkStatus();
}

// The side a caller's key speaks for when accepting or declining (organizers: ORGANIZER).
MeetingSide SideOf(const Principal& principal) {
  if (principal.role == Role::kEnterprise) return MeetingSide::kEnterprise;
  if (principal.role == Role::kInstitute) return MeetingSide::kInstitute;
  return MeetingSide::kOrganizer;
}

// The meeting `id` of the event; when there is none, FAILED_PRECONDITION if the request exists
// but is not scheduled, NOT_FOUND otherwise.
absl::StatusOr<Meeting> ScheduledMeeting(storage::Repository& repository,
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

// The meeting with its agenda details, as the API shows it.
absl::Status MeetingResponse(storage::Repository& repository, const Meeting& meeting,
                             v1::Meeting& out) {
  TM_ASSIGN_OR_RETURN(MeetingPlan plan, repository.GetMeetingPlan(meeting.event_id));
  TM_ASSIGN_OR_RETURN(std::vector<MeetingDetails> all,
                      repository.ListMeetings(meeting.event_id, ""));
  for (const MeetingDetails& details : all) {
    if (details.meeting.meta.id == meeting.meta.id) {
      MeetingToProto(details, plan, "", out);
      return absl::OkStatus();
    }
  }
  return absl::NotFoundError(
      absl::StrCat(MeetingName(meeting.event_id, meeting.meta.id), " not found"));
}

absl::Status SetLocked(storage::Repository& repository, const std::string& name,
                       const std::string& etag, bool locked, v1::Meeting& out) {
  TM_ASSIGN_OR_RETURN(auto ids, ParseEventChildName(name, kMeetings, "name"));
  TM_ASSIGN_OR_RETURN(Meeting meeting, ScheduledMeeting(repository, ids.first, ids.second));
  TM_RETURN_IF_ERROR(CheckEtag(meeting.meta, etag));
  if (meeting.locked != locked) {
    const int64_t revision = meeting.meta.revision;
    meeting.locked = locked;
    TM_ASSIGN_OR_RETURN(meeting, repository.ReplaceMeeting(meeting, revision));
  }
  return MeetingResponse(repository, meeting, out);
}

}  // namespace

grpc::Status MatchServiceImpl::GetMeetingPlan(grpc::ServerContext* server_context,
                                              const v1::GetMeetingPlanRequest* request,
                                              v1::MeetingPlan* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/GetMeetingPlan", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string event_id, ParseMeetingPlanName(request->name(), "name"));
        TM_ASSIGN_OR_RETURN(MeetingPlan plan, context_.repository.GetMeetingPlan(event_id));
        MeetingPlanToProto(plan, *response);
        return absl::OkStatus();
      });
}

grpc::Status MatchServiceImpl::UpdateMeetingPlan(grpc::ServerContext* server_context,
                                                 const v1::UpdateMeetingPlanRequest* request,
                                                 v1::MeetingPlan* response) {
  return Handle(context_, server_context, "/techmatch.v1.MatchService/UpdateMeetingPlan", request,
                [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(
                      std::string event_id,
                      ParseMeetingPlanName(request->meeting_plan().name(), "meeting_plan.name"));
                  Violations violations;
                  MeetingPlan plan = MeetingPlanFromProto(request->meeting_plan(), violations);
                  plan.meta.id = event_id;
                  TM_ASSIGN_OR_RETURN(Event event, context_.repository.GetEvent(event_id));
                  ValidateMeetingPlan(plan, event, violations);
                  if (!violations.empty())
                    return PrefixFieldViolations(violations.ToStatus(), "meeting_plan");
                  int64_t expected_revision = 0;
                  if (!request->meeting_plan().etag().empty()) {
                    TM_ASSIGN_OR_RETURN(MeetingPlan current,
                                        context_.repository.GetMeetingPlan(event_id));
                    TM_RETURN_IF_ERROR(CheckEtag(current.meta, request->meeting_plan().etag()));
                    expected_revision = current.meta.revision;
                  }
                  TM_ASSIGN_OR_RETURN(MeetingPlan stored,
                                      context_.repository.PutMeetingPlan(plan, expected_revision));
                  MeetingPlanToProto(stored, *response);
                  return absl::OkStatus();
                });
}

grpc::Status MatchServiceImpl::CreateMeetingRequest(grpc::ServerContext* server_context,
                                                    const v1::CreateMeetingRequestRequest* request,
                                                    v1::MeetingRequest* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/CreateMeetingRequest", request,
      [&](const Principal& principal) -> absl::Status {
        Violations violations;
        usecases::CheckRequestId(request->request_id(), violations);
        const v1::MeetingRequest& proto = request->meeting_request();
        absl::StatusOr<std::string> event_id =
            ParseResourceName(request->parent(), kEvents, "parent");
        if (!event_id.ok()) violations.AddAll(FieldViolationsOf(event_id.status()));
        MeetingRequest meeting_request;
        if (request->meeting_request_id().empty()) {
          meeting_request.meta.id = GenerateId();
        } else if (IsValidId(request->meeting_request_id())) {
          meeting_request.meta.id = request->meeting_request_id();
        } else {
          violations.Add("meeting_request_id",
                         absl::StrCat("must match [a-z0-9][a-z0-9-]{0,62}, got '",
                                      request->meeting_request_id(), "'"));
        }
        meeting_request.need_id =
            usecases::IdFromOptionalName(proto.need(), kNeeds, "meeting_request.need", violations);
        meeting_request.offering_id = usecases::IdFromOptionalName(
            proto.offering(), kOfferings, "meeting_request.offering", violations);
        if (proto.need().empty()) violations.Add("meeting_request.need", "is required");
        if (proto.offering().empty()) violations.Add("meeting_request.offering", "is required");
        const std::optional<MeetingSide> side =
            MeetingSideFromName(v1::MeetingRequest::Side_Name(proto.requested_by()));
        if (!side) {
          violations.Add("meeting_request.requested_by",
                         "is required: ENTERPRISE, INSTITUTE, ORGANIZER or MATCHING");
        }
        TM_RETURN_IF_ERROR(violations.ToStatus());
        meeting_request.event_id = *event_id;
        meeting_request.requested_by = *side;
        storage::Repository& repository = context_.repository;
        TM_ASSIGN_OR_RETURN(Event event, repository.GetEvent(*event_id));
        MeetingRequestFacts facts;
        TM_ASSIGN_OR_RETURN(facts.need, repository.GetNeed(meeting_request.need_id));
        TM_ASSIGN_OR_RETURN(facts.offering, repository.GetOffering(meeting_request.offering_id));
        TM_ASSIGN_OR_RETURN(std::optional<Participant> enterprise,
                            repository.FindParticipant(event.meta.id, facts.need.enterprise_id));
        TM_ASSIGN_OR_RETURN(std::optional<Participant> institute,
                            repository.FindParticipant(event.meta.id, facts.offering.institute_id));
        facts.enterprise_registered = enterprise.has_value();
        facts.institute_registered = institute.has_value();
        MeetingRequest owners = meeting_request;
        owners.enterprise_id = facts.need.enterprise_id;
        owners.institute_id = facts.offering.institute_id;
        TM_RETURN_IF_ERROR(CheckActingSide(principal, *side, owners));
        TM_RETURN_IF_ERROR(CheckNewMeetingRequest(meeting_request, facts));
        TM_ASSIGN_OR_RETURN(
            meeting_request.score,
            PairScore(context_, facts.need, meeting_request.offering_id, event.meta.id));
        TM_ASSIGN_OR_RETURN(MeetingRequest stored,
                            repository.CreateMeetingRequest(
                                meeting_request, {"CreateMeetingRequest", request->request_id()}));
        MeetingRequestToProto(stored, *response);
        return absl::OkStatus();
      });
}

grpc::Status MatchServiceImpl::GetMeetingRequest(grpc::ServerContext* server_context,
                                                 const v1::GetMeetingRequestRequest* request,
                                                 v1::MeetingRequest* response) {
  return Handle(context_, server_context, "/techmatch.v1.MatchService/GetMeetingRequest", request,
                [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(
                      auto ids, ParseEventChildName(request->name(), kMeetingRequests, "name"));
                  TM_ASSIGN_OR_RETURN(MeetingRequest stored,
                                      context_.repository.GetMeetingRequest(ids.first, ids.second));
                  MeetingRequestToProto(stored, *response);
                  return absl::OkStatus();
                });
}

grpc::Status MatchServiceImpl::ListMeetingRequests(grpc::ServerContext* server_context,
                                                   const v1::ListMeetingRequestsRequest* request,
                                                   v1::ListMeetingRequestsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/ListMeetingRequests", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string event_id,
                            ParseResourceName(request->parent(), kEvents, "parent"));
        TM_ASSIGN_OR_RETURN(
            usecases::ParsedList list,
            usecases::ParseList("ListMeetingRequests", event_id, ListRequestOf(*request),
                                storage::Repository::MeetingRequestFilterFields(),
                                context_.page_tokens));
        TM_ASSIGN_OR_RETURN(Page<MeetingRequest> page,
                            context_.repository.ListMeetingRequests(event_id, list.query));
        for (const MeetingRequest& item : page.items) {
          MeetingRequestToProto(item, *response->add_meeting_requests());
        }
        response->set_next_page_token(context_.page_tokens.Encode(list.scope, page.next_after_id));
        return absl::OkStatus();
      });
}

grpc::Status MatchServiceImpl::AcceptMeetingRequest(grpc::ServerContext* server_context,
                                                    const v1::AcceptMeetingRequestRequest* request,
                                                    v1::MeetingRequest* response) {
  return Handle(context_, server_context, "/techmatch.v1.MatchService/AcceptMeetingRequest",
                request, [&](const Principal& principal) -> absl::Status {
                  TM_ASSIGN_OR_RETURN(
                      auto ids, ParseEventChildName(request->name(), kMeetingRequests, "name"));
                  TM_ASSIGN_OR_RETURN(MeetingRequest current,
                                      context_.repository.GetMeetingRequest(ids.first, ids.second));
                  const MeetingSide side = SideOf(principal);
                  TM_RETURN_IF_ERROR(CheckActingSide(principal, side, current));
                  if (side != MeetingSide::kOrganizer && current.requested_by == side) {
                    return absl::PermissionDeniedError(
                        "the other side (or an organizer) accepts a request; its requester cannot");
                  }
                  TM_RETURN_IF_ERROR(CheckEtag(current.meta, request->etag()));
                  const int64_t revision = current.meta.revision;
                  TM_ASSIGN_OR_RETURN(bool changed, techmatch::AcceptMeetingRequest(current));
                  if (changed) {
                    TM_ASSIGN_OR_RETURN(
                        current, context_.repository.ReplaceMeetingRequest(current, revision));
                  }
                  MeetingRequestToProto(current, *response);
                  return absl::OkStatus();
                });
}

grpc::Status MatchServiceImpl::DeclineMeetingRequest(
    grpc::ServerContext* server_context, const v1::DeclineMeetingRequestRequest* request,
    v1::MeetingRequest* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/DeclineMeetingRequest", request,
      [&](const Principal& principal) -> absl::Status {
        TM_ASSIGN_OR_RETURN(auto ids,
                            ParseEventChildName(request->name(), kMeetingRequests, "name"));
        TM_ASSIGN_OR_RETURN(MeetingRequest current,
                            context_.repository.GetMeetingRequest(ids.first, ids.second));
        TM_RETURN_IF_ERROR(CheckActingSide(principal, SideOf(principal), current));
        TM_RETURN_IF_ERROR(CheckEtag(current.meta, request->etag()));
        absl::StatusOr<Meeting> meeting = context_.repository.GetMeeting(ids.first, ids.second);
        if (meeting.ok() && meeting->locked) {
          return absl::FailedPreconditionError(absl::StrCat(
              MeetingName(ids.first, ids.second),
              " is locked; unlock or cancel the meeting before declining its request"));
        }
        const int64_t revision = current.meta.revision;
        TM_RETURN_IF_ERROR(techmatch::DeclineMeetingRequest(current));
        TM_ASSIGN_OR_RETURN(current, context_.repository.ReplaceMeetingRequest(current, revision));
        MeetingRequestToProto(current, *response);
        return absl::OkStatus();
      });
}

grpc::Status MatchServiceImpl::GenerateMeetingRequests(
    grpc::ServerContext* server_context, const v1::GenerateMeetingRequestsRequest* request,
    v1::GenerateMeetingRequestsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/GenerateMeetingRequests", request,
      [&]() -> absl::Status {
        Violations violations;
        absl::StatusOr<std::string> event_id =
            ParseResourceName(request->parent(), kEvents, "parent");
        if (!event_id.ok()) violations.AddAll(FieldViolationsOf(event_id.status()));
        if (!(request->min_score() >= 0 && request->min_score() <= 1)) {
          violations.Add("min_score",
                         absl::StrCat("must be between 0 and 1, got ", request->min_score()));
        }
        if (request->per_need_limit() < 0) {
          violations.Add("per_need_limit",
                         absl::StrCat("must not be negative, got ", request->per_need_limit()));
        }
        TM_RETURN_IF_ERROR(violations.ToStatus());
        storage::Repository& repository = context_.repository;
        TM_ASSIGN_OR_RETURN(Event event, repository.GetEvent(*event_id));
        MatchOptions options;
        options.event_id = event.meta.id;
        options.limit = request->per_need_limit() == 0
                            ? kDefaultGeneratePerNeed
                            : std::min(request->per_need_limit(), kMaxGeneratePerNeed);
        absl::flat_hash_map<std::string, bool> registered;
        auto is_registered = [&](const std::string& organization_id) -> absl::StatusOr<bool> {
          auto it = registered.find(organization_id);
          if (it != registered.end()) return it->second;
          TM_ASSIGN_OR_RETURN(std::optional<Participant> participant,
                              repository.FindParticipant(event.meta.id, organization_id));
          registered[organization_id] = participant.has_value();
          return participant.has_value();
        };
        // Every open need registered for the event, as MatchEvent walks them.
        storage::ListQuery query;
        query.filter = {{"event", FilterOp::kEq, event.meta.id},
                        {"state", FilterOp::kEq, std::string(NeedStateName(NeedState::kOpen))}};
        query.page_size = kMaxPageSize;
        do {
          TM_ASSIGN_OR_RETURN(Page<Need> page, repository.ListNeeds(query));
          for (const Need& need : page.items) {
            if (server_context->IsCancelled()) return absl::CancelledError("the client cancelled");
            TM_ASSIGN_OR_RETURN(std::vector<MatchResult> results,
                                context_.matching.MatchNeed(need, options));
            for (const MatchResult& result : results) {
              if (result.score < request->min_score()) continue;
              TM_ASSIGN_OR_RETURN(Offering offering, repository.GetOffering(result.offering_id));
              TM_ASSIGN_OR_RETURN(bool enterprise_in, is_registered(need.enterprise_id));
              TM_ASSIGN_OR_RETURN(bool institute_in, is_registered(offering.institute_id));
              if (!enterprise_in || !institute_in) {
                response->set_unregistered_count(response->unregistered_count() + 1);
                continue;
              }
              MeetingRequest generated;
              generated.meta.id = GenerateId();
              generated.event_id = event.meta.id;
              generated.need_id = need.meta.id;
              generated.offering_id = offering.meta.id;
              generated.requested_by = MeetingSide::kMatching;
              generated.state = request->accept() ? MeetingRequestState::kAccepted
                                                  : MeetingRequestState::kPending;
              generated.score =
                  static_cast<int64_t>(std::clamp(result.score, 0.0, 1.0) * kScoreScale + 0.5);
              MeetingRequestFacts facts{need, offering, true, true};
              if (!CheckNewMeetingRequest(generated, facts).ok()) continue;
              TM_ASSIGN_OR_RETURN(MeetingRequest stored,
                                  repository.CreateMeetingRequest(generated, {"", ""}));
              if (stored.meta.id != generated.meta.id) {
                response->set_existing_count(response->existing_count() + 1);
                continue;
              }
              MeetingRequestToProto(stored, *response->add_meeting_requests());
            }
          }
          query.after_id = page.next_after_id;
        } while (!query.after_id.empty());
        return absl::OkStatus();
      });
}

grpc::Status MatchServiceImpl::ScheduleMeetings(grpc::ServerContext* server_context,
                                                const v1::ScheduleMeetingsRequest* request,
                                                v1::ScheduleMeetingsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/ScheduleMeetings", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string event_id,
                            ParseResourceName(request->event(), kEvents, "event"));
        storage::Repository& repository = context_.repository;
        TM_ASSIGN_OR_RETURN(FairScheduleInput input, repository.ReadFairScheduleInput(event_id));
        TM_ASSIGN_OR_RETURN(FairScheduleResult result, ScheduleFair(input));
        TM_RETURN_IF_ERROR(
            repository.ReplaceSchedule(event_id, input.plan.meta.revision, result.meetings));
        TM_ASSIGN_OR_RETURN(std::vector<MeetingDetails> stored,
                            repository.ListMeetings(event_id, ""));
        for (const MeetingDetails& details : stored) {
          MeetingToProto(details, input.plan, "", *response->add_meetings());
        }
        for (const UnscheduledRequest& unscheduled : result.unscheduled) {
          UnscheduledToProto(event_id, unscheduled, *response->add_unscheduled());
        }
        response->set_mutual_count(result.quality.mutual_meetings);
        response->set_total_score(static_cast<double>(result.quality.score) / kScoreScale);
        response->set_idle_slot_count(result.quality.idle_slots);
        return absl::OkStatus();
      });
}

grpc::Status MatchServiceImpl::ListMeetings(grpc::ServerContext* server_context,
                                            const v1::ListMeetingsRequest* request,
                                            v1::ListMeetingsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/ListMeetings", request,
      [&]() -> absl::Status {
        Violations violations;
        absl::StatusOr<std::string> event_id =
            ParseResourceName(request->parent(), kEvents, "parent");
        if (!event_id.ok()) violations.AddAll(FieldViolationsOf(event_id.status()));
        const std::string participant = usecases::IdFromOptionalName(
            request->participant(), kOrganizations, "participant", violations);
        absl::StatusOr<int> page_size = NormalizePageSize(request->page_size());
        if (!page_size.ok()) violations.AddAll(FieldViolationsOf(page_size.status()));
        TM_RETURN_IF_ERROR(violations.ToStatus());
        // The agenda is in time order, not id order: the token carries the position to go on at.
        const std::string scope = absl::StrCat("ListMeetings/", *event_id, "/", participant);
        TM_ASSIGN_OR_RETURN(std::string after,
                            context_.page_tokens.Decode(scope, request->page_token()));
        size_t start = 0;
        if (!after.empty() && !absl::SimpleAtoi(after, &start)) {
          return InvalidFieldError("page_token", "is not a token this method issued");
        }
        storage::Repository& repository = context_.repository;
        TM_ASSIGN_OR_RETURN(std::vector<MeetingDetails> all,
                            repository.ListMeetings(*event_id, participant));
        if (all.empty()) return absl::OkStatus();
        TM_ASSIGN_OR_RETURN(MeetingPlan plan, repository.GetMeetingPlan(*event_id));
        const size_t end = std::min(all.size(), start + static_cast<size_t>(*page_size));
        for (size_t i = start; i < end; ++i) {
          MeetingToProto(all[i], plan, participant, *response->add_meetings());
        }
        if (end < all.size()) {
          response->set_next_page_token(context_.page_tokens.Encode(scope, absl::StrCat(end)));
        }
        return absl::OkStatus();
      });
}

grpc::Status MatchServiceImpl::LockMeeting(grpc::ServerContext* server_context,
                                           const v1::LockMeetingRequest* request,
                                           v1::Meeting* response) {
  return Handle(context_, server_context, "/techmatch.v1.MatchService/LockMeeting", request,
                [&]() -> absl::Status {
                  return SetLocked(context_.repository, request->name(), request->etag(), true,
                                   *response);
                });
}

grpc::Status MatchServiceImpl::UnlockMeeting(grpc::ServerContext* server_context,
                                             const v1::UnlockMeetingRequest* request,
                                             v1::Meeting* response) {
  return Handle(context_, server_context, "/techmatch.v1.MatchService/UnlockMeeting", request,
                [&]() -> absl::Status {
                  return SetLocked(context_.repository, request->name(), request->etag(), false,
                                   *response);
                });
}

grpc::Status MatchServiceImpl::CancelMeeting(grpc::ServerContext* server_context,
                                             const v1::CancelMeetingRequest* request,
                                             v1::MeetingRequest* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/CancelMeeting", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(auto ids, ParseEventChildName(request->name(), kMeetings, "name"));
        storage::Repository& repository = context_.repository;
        TM_ASSIGN_OR_RETURN(Meeting meeting, ScheduledMeeting(repository, ids.first, ids.second));
        TM_RETURN_IF_ERROR(CheckEtag(meeting.meta, request->etag()));
        TM_ASSIGN_OR_RETURN(MeetingRequest current,
                            repository.GetMeetingRequest(ids.first, ids.second));
        const int64_t revision = current.meta.revision;
        TM_RETURN_IF_ERROR(CancelMeetingRequest(current));
        TM_ASSIGN_OR_RETURN(current, repository.ReplaceMeetingRequest(current, revision));
        MeetingRequestToProto(current, *response);
        return absl::OkStatus();
      });
}

}  // namespace techmatch::server
