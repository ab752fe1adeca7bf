#include "server/match_conversion.h"

#include "core/common/resource_id.h"
#include "server/proto_fields.h"

namespace techmatch::server {
namespace {

v1::BridgeSource BridgeSourceToProto(BridgeSource source) {
  switch (source) {
    case BridgeSource::kThesaurus:
      return v1::BRIDGE_SOURCE_THESAURUS;
    case BridgeSource::kLexicon:
      return v1::BRIDGE_SOURCE_LEXICON;
    case BridgeSource::kTaiwanPhrase:
      return v1::BRIDGE_SOURCE_TAIWAN_PHRASE;
  }
  return v1::BRIDGE_SOURCE_UNSPECIFIED;
}

}  // namespace

void MatchToProto(const MatchResult& result, v1::Match& out) {
  if (!result.need_id.empty()) out.set_need(ResourceName(kNeeds, result.need_id));
  if (!result.offering_id.empty()) out.set_offering(ResourceName(kOfferings, result.offering_id));
  out.set_score(result.score);
  if (result.counterpart_title) out.set_counterpart_title(*result.counterpart_title);
  v1::MatchExplanation& explanation = *out.mutable_explanation();
  if (result.shared_phrases) {
    for (const SharedPhrase& phrase : *result.shared_phrases) {
      v1::SharedTerm* term = explanation.add_shared_terms();
      term->set_text(phrase.text);
      term->set_counterpart_text(phrase.counterpart_text);
    }
  }
  for (const std::string& code : result.shared_industries) {
    explanation.add_shared_industries(ResourceName(kIndustries, code));
  }
  for (const Bridge& bridge : result.bridges) {
    v1::MatchBridge* out_bridge = explanation.add_bridges();
    out_bridge->set_from(bridge.from);
    out_bridge->set_to(bridge.to);
    out_bridge->set_source(BridgeSourceToProto(bridge.source));
    out_bridge->set_detail(bridge.detail);
    out_bridge->set_text(BridgeText(bridge));
  }
  for (const Signal& signal : result.signals) {
    v1::SignalContribution* contribution = explanation.add_signals();
    contribution->set_signal(signal.name);
    contribution->set_value(signal.value);
    contribution->set_weight(signal.weight);
    contribution->set_contribution(signal.contribution());
  }
}

usecases::MatchQuery MatchQueryFromProto(const v1::MatchNeedRequest& request) {
  return {request.need(), request.page_size(), request.event(), request.all_industries()};
}

usecases::MatchQuery MatchQueryFromProto(const v1::MatchOfferingRequest& request) {
  return {request.offering(), request.page_size(), request.event(), request.all_industries()};
}

usecases::WatchRequest WatchRequestFromProto(const v1::WatchMatchesRequest& request) {
  using Subject = usecases::WatchRequest::Subject;
  usecases::WatchRequest out;
  out.min_score = request.min_score();
  switch (request.subject_case()) {
    case v1::WatchMatchesRequest::kNeed:
      out.subject = Subject::kNeed;
      out.name = request.need();
      break;
    case v1::WatchMatchesRequest::kOffering:
      out.subject = Subject::kOffering;
      out.name = request.offering();
      break;
    case v1::WatchMatchesRequest::kQuery: {
      const v1::WatchQuery& query = request.query();
      out.subject = Subject::kQuery;
      out.text = query.text();
      switch (query.target()) {
        case v1::WATCH_TARGET_NEEDS:
          out.target = WatchSide::kNeeds;
          break;
        case v1::WATCH_TARGET_OFFERINGS:
          out.target = WatchSide::kOfferings;
          break;
        default:
          out.conversion.Add("query.target",
                             "must be WATCH_TARGET_NEEDS or WATCH_TARGET_OFFERINGS");
      }
      out.industry_codes =
          IdsFromNames(query.industries(), kIndustries, "query.industries", out.conversion);
      break;
    }
    case v1::WatchMatchesRequest::SUBJECT_NOT_SET:
      break;
  }
  return out;
}

}  // namespace techmatch::server
