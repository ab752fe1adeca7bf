// MatchService.WatchMatches: a live stream of the counterparts stored from the call on that fit
// a need, an offering or a free-text query. The matching engine's watch worker does the
// scoring; this handler turns its matches into explained messages and ends the watch when the
// client leaves.
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "server/call_deadline.h"
#include "server/handler.h"
#include "server/match_conversion.h"
#include "server/match_service.h"
#include "server/proto_fields.h"

namespace techmatch::server {
namespace {

// The header that says the watch is in place (documented in match.proto).
constexpr char kWatchOpenMetadata[] = "techmatch-watch-open";

// How often a waiting handler looks whether its client is still there.
constexpr absl::Duration kCancelCheckInterval = absl::Milliseconds(200);
// How long the handler waits after a first match before sending, so that the matches of the
// changes stored just behind it go out in the same flush. Without it every match costs a
// thread wake-up and a frame on both sides; with 100 watchers and a few hundred writes a
// second that per-message cost, not the scoring, is what took the cores from the writers
// (bench/README.md, "Live match watches"). A person watching does not notice 20 ms.
constexpr absl::Duration kBurstWindow = absl::Milliseconds(20);

// Removes the watch from the engine however the handler ends.
class WatchRegistration {
 public:
  WatchRegistration(MatchingEngine& engine, std::shared_ptr<MatchWatch> watch)
      : engine_(engine), watch_(std::move(watch)) {}
  ~WatchRegistration() { engine_.Unwatch(watch_); }
  WatchRegistration(const WatchRegistration&) = delete;
  WatchRegistration& operator=(const WatchRegistration&) = delete;

  MatchWatch& watch() const { return *watch_; }

 private:
  MatchingEngine& engine_;
  std::shared_ptr<MatchWatch> watch_;
};

absl::StatusOr<WatchSide> TargetOf(v1::WatchTarget target) {
  switch (target) {
    case v1::WATCH_TARGET_NEEDS:
      return WatchSide::kNeeds;
    case v1::WATCH_TARGET_OFFERINGS:
      return WatchSide::kOfferings;
    default:
      return InvalidFieldError("query.target",
                               "must be WATCH_TARGET_NEEDS or WATCH_TARGET_OFFERINGS");
  }
}

absl::StatusOr<std::shared_ptr<MatchWatch>> StartWatch(ServiceContext& context,
                                                       const v1::WatchMatchesRequest& request) {
  switch (request.subject_case()) {
    case v1::WatchMatchesRequest::kNeed: {
      TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request.need(), kNeeds, "need"));
      TM_ASSIGN_OR_RETURN(Need need, context.repository.GetNeed(id));
      return context.matching.WatchNeed(need, request.min_score());
    }
    case v1::WatchMatchesRequest::kOffering: {
      TM_ASSIGN_OR_RETURN(std::string id,
                          ParseResourceName(request.offering(), kOfferings, "offering"));
      TM_ASSIGN_OR_RETURN(Offering offering, context.repository.GetOffering(id));
      return context.matching.WatchOffering(offering, request.min_score());
    }
    case v1::WatchMatchesRequest::kQuery: {
      const v1::WatchQuery& query = request.query();
      TM_ASSIGN_OR_RETURN(WatchSide target, TargetOf(query.target()));
      Violations violations;
      std::vector<std::string> codes =
          IdsFromNames(query.industries(), kIndustries, "query.industries", violations);
      if (!violations.empty()) return violations.ToStatus();
      for (size_t i = 0; i < codes.size(); ++i) {
        TM_ASSIGN_OR_RETURN(bool exists, context.repository.IndustryExists(codes[i]));
        if (!exists) {
          violations.Add(absl::StrCat("query.industries[", i, "]"),
                         absl::StrCat("no industry '", codes[i], "'"));
        }
      }
      if (!violations.empty()) return violations.ToStatus();
      return context.matching.WatchQuery(query.text(), std::move(codes), target,
                                         request.min_score());
    }
    case v1::WatchMatchesRequest::SUBJECT_NOT_SET:
      break;
  }
  return InvalidFieldError("subject", "set one of need, offering or query");
}

// The explained message for `match`. The engine found the shared phrases as it scored and
// carried the counterpart's title along with the change, so nothing is read back here: a
// change that fits every watcher costs one pass over the watchers, not a query per watcher.
v1::WatchMatchesResponse Explain(const MatchResult& match) {
  v1::WatchMatchesResponse message;
  MatchToProto(match, match.shared_phrases.value_or(std::vector<SharedPhrase>()),
               match.counterpart_title.value_or(std::string()), *message.mutable_match());
  return message;
}

}  // namespace

grpc::Status MatchServiceImpl::WatchMatches(grpc::ServerContext* server_context,
                                            const v1::WatchMatchesRequest* request,
                                            grpc::ServerWriter<v1::WatchMatchesResponse>* writer) {
  return Handle(context_, server_context, "/techmatch.v1.MatchService/WatchMatches", request,
                [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(std::shared_ptr<MatchWatch> watch,
                                      StartWatch(context_, *request));
                  WatchRegistration registration(context_.matching, std::move(watch));
                  // Headers tell the client the watch is in place: what is stored from now on
                  // reaches it. (A refused call ends with trailers only, so the marker tells the
                  // two apart.)
                  server_context->AddInitialMetadata(kWatchOpenMetadata, "1");
                  writer->SendInitialMetadata();
                  bool in_burst = false;  // Matches sent since the last flush.
                  for (;;) {
                    TM_RETURN_IF_ERROR(CallStillWanted(*server_context));
                    TM_ASSIGN_OR_RETURN(std::optional<MatchResult> match,
                                        registration.watch().Next(kCancelCheckInterval));
                    if (!match) continue;
                    if (!in_burst) {
                      absl::SleepFor(kBurstWindow);
                      in_burst = true;
                    }
                    // While more matches wait, each is handed to gRPC without a flush of its own;
                    // the last one of the burst flushes them all.
                    grpc::WriteOptions options;
                    if (registration.watch().queued() > 0) {
                      options.set_buffer_hint();
                    } else {
                      in_burst = false;
                    }
                    if (!writer->Write(Explain(*match), options)) {
                      return absl::CancelledError("the client went away");
                    }
                  }
                });
}

}  // namespace techmatch::server
