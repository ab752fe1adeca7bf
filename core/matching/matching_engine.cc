#include "core/matching/matching_engine.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/field_violations.h"
#include "core/matching/match_profile.h"
#include "core/text_rules.h"

namespace techmatch {
namespace {

MatchResult ToResult(const MatchProfile& need, const MatchProfile& offering,
                     const ScoredDocument& hit) {
  MatchResult result;
  result.need_id = need.id;
  result.offering_id = offering.id;
  result.score = hit.score;
  result.signals = AllSignals(hit.text, need, offering);
  result.shared_industries = SharedIndustries(need, offering);
  return result;
}

}  // namespace

absl::Status MatchingEngine::IndexNeed(const Need& need) {
  const AnalyzedText text = analyzer_->Analyze(MatchText(need.listing));
  absl::MutexLock lock(&mutex_);
  return needs_.Upsert(ProfileOfNeed(need), text);
}

absl::Status MatchingEngine::IndexOffering(const Offering& offering) {
  const AnalyzedText text = analyzer_->Analyze(MatchText(offering.listing));
  absl::MutexLock lock(&mutex_);
  return offerings_.Upsert(ProfileOfOffering(offering), text);
}

void MatchingEngine::Compact() {
  absl::MutexLock lock(&mutex_);
  needs_.Compact();
  offerings_.Compact();
}

absl::StatusOr<std::vector<MatchResult>> MatchingEngine::MatchNeed(
    const Need& need, const MatchOptions& options) const {
  if (need.state != NeedState::kOpen) {
    return absl::FailedPreconditionError(absl::StrCat(
        "need 'needs/", need.meta.id, "' is ", NeedStateName(need.state), "; only OPEN needs match"));
  }
  const MatchProfile profile = ProfileOfNeed(need);
  const AnalyzedText query = analyzer_->Analyze(MatchText(need.listing));
  Eligibility eligibility{&profile, true, options.event_id, options.all_industries};
  std::vector<MatchResult> results;
  absl::ReaderMutexLock lock(&mutex_);
  for (const ScoredDocument& hit : offerings_.TopK(query, eligibility, options.limit)) {
    results.push_back(ToResult(profile, *hit.profile, hit));
  }
  return results;
}

absl::StatusOr<std::vector<MatchResult>> MatchingEngine::MatchOffering(
    const Offering& offering, const MatchOptions& options) const {
  if (offering.state != OfferingState::kAvailable) {
    return absl::FailedPreconditionError(absl::StrCat(
        "offering 'offerings/", offering.meta.id, "' is ", OfferingStateName(offering.state),
        "; only AVAILABLE offerings match"));
  }
  const MatchProfile profile = ProfileOfOffering(offering);
  const AnalyzedText query = analyzer_->Analyze(MatchText(offering.listing));
  Eligibility eligibility{&profile, false, options.event_id, options.all_industries};
  std::vector<MatchResult> results;
  absl::ReaderMutexLock lock(&mutex_);
  for (const ScoredDocument& hit : needs_.TopK(query, eligibility, options.limit)) {
    results.push_back(ToResult(*hit.profile, profile, hit));
  }
  return results;
}

absl::StatusOr<std::vector<SearchHit>> MatchingEngine::Search(const InvertedIndex& index,
                                                              absl::string_view query,
                                                              size_t limit) const {
  Violations violations;
  CheckText("query", query, 1, kMaxQueryChars, false, violations);
  if (!violations.empty()) return violations.ToStatus();
  const AnalyzedText analyzed = analyzer_->Analyze(query);
  std::vector<SearchHit> hits;
  for (const ScoredDocument& hit : index.TopK(analyzed, Eligibility{}, limit)) {
    hits.push_back({hit.profile->id, hit.score});
  }
  return hits;
}

absl::StatusOr<std::vector<SearchHit>> MatchingEngine::SearchNeeds(absl::string_view query,
                                                                   size_t limit) const {
  absl::ReaderMutexLock lock(&mutex_);
  return Search(needs_, query, limit);
}

absl::StatusOr<std::vector<SearchHit>> MatchingEngine::SearchOfferings(absl::string_view query,
                                                                       size_t limit) const {
  absl::ReaderMutexLock lock(&mutex_);
  return Search(offerings_, query, limit);
}

size_t MatchingEngine::indexed_needs() const {
  absl::ReaderMutexLock lock(&mutex_);
  return needs_.live_documents();
}

size_t MatchingEngine::indexed_offerings() const {
  absl::ReaderMutexLock lock(&mutex_);
  return offerings_.live_documents();
}

size_t MatchingEngine::posting_bytes() const {
  absl::ReaderMutexLock lock(&mutex_);
  return needs_.posting_bytes() + offerings_.posting_bytes();
}

}  // namespace techmatch
