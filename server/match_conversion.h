// Matches to their proto form, explanations included (MatchNeed, MatchOffering, MatchEvent,
// WatchMatches), and the matching requests → the matching use cases' input.
#ifndef TECHMATCH_SERVER_MATCH_CONVERSION_H_
#define TECHMATCH_SERVER_MATCH_CONVERSION_H_

#include "core/matching/match_result.h"
#include "techmatch/v1/match.pb.h"
#include "usecases/matching.h"

namespace techmatch::server {

// Copies `result` and its explanation (computed by core/matching/match_explanation.h or the
// watch that found it). Ids left empty in `result` (a free-text watch has no record on its own
// side) stay empty.
void MatchToProto(const MatchResult& result, v1::Match& out);

// The requests' views point into `request`, which must outlive the result.
usecases::MatchQuery MatchQueryFromProto(const v1::MatchNeedRequest& request);
usecases::MatchQuery MatchQueryFromProto(const v1::MatchOfferingRequest& request);
usecases::WatchRequest WatchRequestFromProto(const v1::WatchMatchesRequest& request);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_MATCH_CONVERSION_H_
