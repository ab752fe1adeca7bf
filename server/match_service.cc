#include "server/match_service.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/matching/match_profile.h"
#include "server/call_deadline.h"
#include "server/handler.h"
#include "server/match_conversion.h"
#include "server/proto_fields.h"

namespace techmatch::server {
namespace {

constexpr int kDefaultPerNeedLimit = 5;
constexpr int kMaxPerNeedLimit = 100;

// page_size / per_need_limit: 0 → default, above the maximum → the maximum, negative → error.
absl::StatusOr<size_t> Limit(int requested, size_t default_limit, size_t max_limit,
                             absl::string_view field) {
  if (requested < 0) {
    return InvalidFieldError(std::string(field),
                             absl::StrCat("must not be negative, got ", requested));
  }
  if (requested == 0) return default_limit;
  return std::min(static_cast<size_t>(requested), max_limit);
}

// The optional event restriction: must name an existing event.
absl::StatusOr<std::string> EventFilter(const std::string& name, storage::Repository& repository) {
  if (name.empty()) return std::string();
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kEvents, "event"));
  TM_ASSIGN_OR_RETURN(bool exists, repository.EventExists(id));
  if (!exists) return absl::NotFoundError(absl::StrCat("events/", id, " not found"));
  return id;
}

// Matches for `need`, explained, appended to `out`.
absl::Status MatchesOfNeed(ServiceContext& context, const Need& need, const MatchOptions& options,
                           google::protobuf::RepeatedPtrField<v1::Match>& out) {
  TM_ASSIGN_OR_RETURN(std::vector<MatchResult> results, context.matching.MatchNeed(need, options));
  // The need's text is segmented once for every explanation, not once per match.
  const TextAnalyzer& analyzer = context.matching.analyzer();
  const std::shared_ptr<const PhraseText> own = analyzer.PrepareForPhrases(MatchText(need.listing));
  for (const MatchResult& result : results) {
    TM_ASSIGN_OR_RETURN(Offering offering, context.repository.GetOffering(result.offering_id));
    MatchToProto(result, analyzer, *own, offering.listing, *out.Add());
  }
  return absl::OkStatus();
}

}  // namespace

grpc::Status MatchServiceImpl::MatchNeed(grpc::ServerContext* server_context,
                                         const v1::MatchNeedRequest* request,
                                         v1::MatchNeedResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/MatchNeed", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request->need(), kNeeds, "need"));
        MatchOptions options;
        TM_ASSIGN_OR_RETURN(options.limit, Limit(request->page_size(), kDefaultMatchLimit,
                                                 kMaxMatchLimit, "page_size"));
        TM_ASSIGN_OR_RETURN(options.event_id, EventFilter(request->event(), context_.repository));
        options.all_industries = request->all_industries();
        TM_ASSIGN_OR_RETURN(Need need, context_.repository.GetNeed(id));
        return MatchesOfNeed(context_, need, options, *response->mutable_matches());
      });
}

grpc::Status MatchServiceImpl::MatchOffering(grpc::ServerContext* server_context,
                                             const v1::MatchOfferingRequest* request,
                                             v1::MatchOfferingResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/MatchOffering", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string id,
                            ParseResourceName(request->offering(), kOfferings, "offering"));
        MatchOptions options;
        TM_ASSIGN_OR_RETURN(options.limit, Limit(request->page_size(), kDefaultMatchLimit,
                                                 kMaxMatchLimit, "page_size"));
        TM_ASSIGN_OR_RETURN(options.event_id, EventFilter(request->event(), context_.repository));
        options.all_industries = request->all_industries();
        TM_ASSIGN_OR_RETURN(Offering offering, context_.repository.GetOffering(id));
        TM_ASSIGN_OR_RETURN(std::vector<MatchResult> results,
                            context_.matching.MatchOffering(offering, options));
        const TextAnalyzer& analyzer = context_.matching.analyzer();
        const std::shared_ptr<const PhraseText> own =
            analyzer.PrepareForPhrases(MatchText(offering.listing));
        for (const MatchResult& result : results) {
          TM_ASSIGN_OR_RETURN(Need need, context_.repository.GetNeed(result.need_id));
          MatchToProto(result, analyzer, *own, need.listing, *response->add_matches());
        }
        return absl::OkStatus();
      });
}

grpc::Status MatchServiceImpl::MatchEvent(grpc::ServerContext* server_context,
                                          const v1::MatchEventRequest* request,
                                          grpc::ServerWriter<v1::MatchEventResponse>* writer) {
  return Handle(
      context_, server_context, "/techmatch.v1.MatchService/MatchEvent", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string event_id,
                            ParseResourceName(request->event(), kEvents, "event"));
        MatchOptions options;
        TM_ASSIGN_OR_RETURN(options.limit, Limit(request->per_need_limit(), kDefaultPerNeedLimit,
                                                 kMaxPerNeedLimit, "per_need_limit"));
        TM_ASSIGN_OR_RETURN(Event event, context_.repository.GetEvent(event_id));
        options.event_id = event.meta.id;
        // Every open need registered for the event, a page at a time, in name order.
        storage::ListQuery query;
        query.filter = {{"event", FilterOp::kEq, event.meta.id},
                        {"state", FilterOp::kEq, std::string(NeedStateName(NeedState::kOpen))}};
        query.page_size = kMaxPageSize;
        do {
          TM_ASSIGN_OR_RETURN(Page<Need> page, context_.repository.ListNeeds(query));
          for (const Need& need : page.items) {
            TM_RETURN_IF_ERROR(CallStillWanted(*server_context));
            v1::MatchEventResponse message;
            message.set_need(ResourceName(kNeeds, need.meta.id));
            message.set_need_title(need.listing.title);
            TM_RETURN_IF_ERROR(MatchesOfNeed(context_, need, options, *message.mutable_matches()));
            if (!writer->Write(message)) return absl::CancelledError("the client went away");
          }
          query.after_id = page.next_after_id;
        } while (!query.after_id.empty());
        return absl::OkStatus();
      });
}

}  // namespace techmatch::server
