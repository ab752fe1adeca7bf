#include "usecases/matching.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/listings/review.h"
#include "core/matching/match_explanation.h"
#include "usecases/open_needs.h"
#include "usecases/region_scope.h"

namespace techmatch::usecases {
namespace {

constexpr int kDefaultPerNeedLimit = 5;
constexpr int kMaxPerNeedLimit = 100;

// How often a waiting watch looks whether its caller is still there.
constexpr absl::Duration kCancelCheckInterval = absl::Milliseconds(200);
// How long a watch waits after a first match before sending, so that the matches of the
// changes stored just behind it go out together. Without it every match costs a thread
// wake-up and a message on both sides; with 100 watchers and a few hundred writes a second that
// per-message cost, not the scoring, is what took the cores from the writers (bench/README.md,
// "Live match watches"). A person watching does not notice 20 ms.
constexpr absl::Duration kBurstWindow = absl::Milliseconds(20);

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
absl::StatusOr<std::string> EventFilter(absl::string_view name, storage::Repository& repository) {
  if (name.empty()) return std::string();
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kEvents, "event"));
  TM_ASSIGN_OR_RETURN(bool exists, repository.EventExists(id));
  if (!exists) return absl::NotFoundError(absl::StrCat("events/", id, " not found"));
  return id;
}

absl::StatusOr<MatchOptions> OptionsOf(const MatchQuery& query, storage::Repository& repository) {
  MatchOptions options;
  TM_ASSIGN_OR_RETURN(options.limit,
                      Limit(query.page_size, kDefaultMatchLimit, kMaxMatchLimit, "page_size"));
  TM_ASSIGN_OR_RETURN(options.event_id, EventFilter(query.event, repository));
  options.all_industries = query.all_industries;
  return options;
}

// Matches for `need`, explained with the offerings' texts read from storage; with a `caller`
// that has a region, only offerings of institutes in it.
absl::StatusOr<std::vector<MatchResult>> ExplainedMatchesOf(const Need& need,
                                                            const MatchOptions& options,
                                                            MatchingEngine& matching,
                                                            storage::Repository& repository,
                                                            const Principal* caller = nullptr) {
  TM_ASSIGN_OR_RETURN(std::vector<MatchResult> results, matching.MatchNeed(need, options));
  const MatchExplainer explainer(matching.analyzer(), need.listing);
  std::vector<MatchResult> kept;
  for (MatchResult& result : results) {
    TM_ASSIGN_OR_RETURN(Offering offering, repository.GetOffering(result.offering_id));
    if (caller != nullptr) {
      TM_ASSIGN_OR_RETURN(bool inside, InCallersRegion(repository, *caller, offering.institute_id));
      if (!inside) continue;
    }
    explainer.Explain(offering.listing, result);
    kept.push_back(std::move(result));
  }
  return kept;
}

// Removes the watch from the engine however the watch ends.
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

}  // namespace

absl::StatusOr<std::vector<MatchResult>> Matching::MatchNeed(const Principal& caller,
                                                             const MatchQuery& query) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(query.subject, kNeeds, "need"));
  TM_ASSIGN_OR_RETURN(MatchOptions options, OptionsOf(query, repository_));
  TM_ASSIGN_OR_RETURN(Need need, repository_.GetNeed(id));
  TM_RETURN_IF_ERROR(
      CheckMaySee(caller, need.enterprise_id, need.published, ResourceName(kNeeds, id)));
  TM_RETURN_IF_ERROR(CheckInRegion(repository_, caller, need.enterprise_id,
                                   ResourceName(kNeeds, id), RegionAccess::kRead));
  return ExplainedMatchesOf(need, options, matching_, repository_, &caller);
}

absl::StatusOr<std::vector<MatchResult>> Matching::MatchOffering(const Principal& caller,
                                                                 const MatchQuery& query) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(query.subject, kOfferings, "offering"));
  TM_ASSIGN_OR_RETURN(MatchOptions options, OptionsOf(query, repository_));
  TM_ASSIGN_OR_RETURN(Offering offering, repository_.GetOffering(id));
  TM_RETURN_IF_ERROR(
      CheckMaySee(caller, offering.institute_id, offering.published, ResourceName(kOfferings, id)));
  TM_RETURN_IF_ERROR(CheckInRegion(repository_, caller, offering.institute_id,
                                   ResourceName(kOfferings, id), RegionAccess::kRead));
  TM_ASSIGN_OR_RETURN(std::vector<MatchResult> results, matching_.MatchOffering(offering, options));
  const MatchExplainer explainer(matching_.analyzer(), offering.listing);
  std::vector<MatchResult> kept;
  for (MatchResult& result : results) {
    TM_ASSIGN_OR_RETURN(Need need, repository_.GetNeed(result.need_id));
    TM_ASSIGN_OR_RETURN(bool inside, InCallersRegion(repository_, caller, need.enterprise_id));
    if (!inside) continue;
    explainer.Explain(need.listing, result);
    kept.push_back(std::move(result));
  }
  return kept;
}

absl::Status Matching::MatchEvent(absl::string_view event, int per_need_limit,
                                  NeedMatchesSink& sink, const CallState& call) {
  TM_ASSIGN_OR_RETURN(std::string event_id, ParseResourceName(event, kEvents, "event"));
  MatchOptions options;
  TM_ASSIGN_OR_RETURN(options.limit, Limit(per_need_limit, kDefaultPerNeedLimit, kMaxPerNeedLimit,
                                           "per_need_limit"));
  TM_ASSIGN_OR_RETURN(Event found, repository_.GetEvent(event_id));
  options.event_id = found.meta.id;
  return ForEachOpenNeedAt(repository_, found.meta.id, [&](const Need& need) -> absl::Status {
    TM_RETURN_IF_ERROR(call.StillWanted());
    TM_ASSIGN_OR_RETURN(std::vector<MatchResult> matches,
                        ExplainedMatchesOf(need, options, matching_, repository_));
    return sink.Write(need, matches);
  });
}

absl::StatusOr<std::shared_ptr<MatchWatch>> Matching::StartWatch(const Principal& caller,
                                                                 const WatchRequest& request) {
  switch (request.subject) {
    case WatchRequest::Subject::kNeed: {
      TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request.name, kNeeds, "need"));
      TM_ASSIGN_OR_RETURN(Need need, repository_.GetNeed(id));
      TM_RETURN_IF_ERROR(
          CheckMaySee(caller, need.enterprise_id, need.published, ResourceName(kNeeds, id)));
      return matching_.WatchNeed(need, request.min_score);
    }
    case WatchRequest::Subject::kOffering: {
      TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request.name, kOfferings, "offering"));
      TM_ASSIGN_OR_RETURN(Offering offering, repository_.GetOffering(id));
      TM_RETURN_IF_ERROR(CheckMaySee(caller, offering.institute_id, offering.published,
                                     ResourceName(kOfferings, id)));
      return matching_.WatchOffering(offering, request.min_score);
    }
    case WatchRequest::Subject::kQuery: {
      TM_RETURN_IF_ERROR(request.conversion.ToStatus());
      Violations violations;
      for (size_t i = 0; i < request.industry_codes.size(); ++i) {
        TM_ASSIGN_OR_RETURN(bool exists, repository_.IndustryExists(request.industry_codes[i]));
        if (!exists) {
          violations.Add(absl::StrCat("query.industries[", i, "]"),
                         absl::StrCat("no industry '", request.industry_codes[i], "'"));
        }
      }
      TM_RETURN_IF_ERROR(violations.ToStatus());
      return matching_.WatchQuery(request.text, request.industry_codes, *request.target,
                                  request.min_score);
    }
    case WatchRequest::Subject::kNone:
      break;
  }
  return InvalidFieldError("subject", "set one of need, offering or query");
}

absl::Status Matching::Watch(const Principal& caller, const WatchRequest& request, WatchSink& sink,
                             const CallState& call) {
  TM_ASSIGN_OR_RETURN(std::shared_ptr<MatchWatch> watch, StartWatch(caller, request));
  WatchRegistration registration(matching_, std::move(watch));
  sink.Opened();
  bool in_burst = false;  // Matches sent since the receiver last had none waiting.
  for (;;) {
    TM_RETURN_IF_ERROR(call.StillWanted());
    TM_ASSIGN_OR_RETURN(std::optional<MatchResult> match,
                        registration.watch().Next(kCancelCheckInterval));
    if (!match) continue;
    if (!in_burst) {
      absl::SleepFor(kBurstWindow);
      in_burst = true;
    }
    const bool more_waiting = registration.watch().queued() > 0;
    if (!more_waiting) in_burst = false;
    TM_RETURN_IF_ERROR(sink.Send(*match, more_waiting));
  }
}

}  // namespace techmatch::usecases
