// Matching (MatchService's matching methods): ranked, explained matches of a need or an
// offering, of every open need at an event, and live watches of what is stored from now on.
#ifndef TECHMATCH_USECASES_MATCHING_H_
#define TECHMATCH_USECASES_MATCHING_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/listings/need.h"
#include "core/matching/match_result.h"
#include "core/matching/match_watch.h"
#include "core/matching/matching_engine.h"
#include "storage/repository.h"
#include "usecases/call_state.h"

namespace techmatch::usecases {

// MatchNeed / MatchOffering.
struct MatchQuery {
  absl::string_view subject;  // needs/{id} or offerings/{id}
  int page_size = 0;          // 0: kDefaultMatchLimit; above kMaxMatchLimit: kMaxMatchLimit
  absl::string_view event;    // Optional: only counterparts registered for this event.
  bool all_industries = false;
};

// Receives MatchEvent's answer, need by need.
class NeedMatchesSink {
 public:
  virtual ~NeedMatchesSink() = default;
  // A non-OK status (the receiver went away) stops the walk with it.
  virtual absl::Status Write(const Need& need, const std::vector<MatchResult>& matches) = 0;
};

// WatchMatches: what to watch.
struct WatchRequest {
  enum class Subject { kNone, kNeed, kOffering, kQuery };
  Subject subject = Subject::kNone;
  absl::string_view name;  // kNeed, kOffering: the subject's resource name.
  // kQuery: the text, which side to watch (nullopt: not given, reported in `conversion`) and
  // the industries whose records qualify (empty: any), as read.
  absl::string_view text;
  std::optional<WatchSide> target;
  std::vector<std::string> industry_codes;
  Violations conversion;  // Problems met reading the query (`query.target`, `query.industries`).
  double min_score = 0;
};

// Receives a watch's matches as they come.
class WatchSink {
 public:
  virtual ~WatchSink() = default;
  // The watch is in place: what is stored from now on reaches it.
  virtual void Opened() = 0;
  // `more_waiting`: further matches are already waiting, so the receiver may hold this one
  // back and send it with them. A non-OK status (the receiver went away) ends the watch.
  virtual absl::Status Send(const MatchResult& match, bool more_waiting) = 0;
};

class Matching {
 public:
  Matching(storage::Repository& repository, MatchingEngine& matching)
      : repository_(repository), matching_(matching) {}

  // Explained (shared phrases and the counterpart's title set), best first.
  // A subject `caller` may not see (core/listings/review.h) is NOT_FOUND; counterparts are
  // published records only.
  absl::StatusOr<std::vector<MatchResult>> MatchNeed(const Principal& caller,
                                                     const MatchQuery& query);
  absl::StatusOr<std::vector<MatchResult>> MatchOffering(const Principal& caller,
                                                         const MatchQuery& query);
  // Every open need registered for `event`, in name order, with its explained matches among
  // the event's offerings (`per_need_limit`: 0 gives 5, at most 100).
  absl::Status MatchEvent(absl::string_view event, int per_need_limit, NeedMatchesSink& sink,
                          const CallState& call);
  // Runs until the caller goes away (CANCELLED / DEADLINE_EXCEEDED) or the watch closes (its
  // subject withdrawn: FAILED_PRECONDITION; the receiver too slow: RESOURCE_EXHAUSTED).
  // A subject `caller` may not see is NOT_FOUND.
  absl::Status Watch(const Principal& caller, const WatchRequest& request, WatchSink& sink,
                     const CallState& call);

 private:
  absl::StatusOr<std::shared_ptr<MatchWatch>> StartWatch(const Principal& caller,
                                                         const WatchRequest& request);

  storage::Repository& repository_;
  MatchingEngine& matching_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_MATCHING_H_
