#include "core/matching/matching_engine.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/status_macros.h"
#include "core/common/text_rules.h"
#include "core/matching/match_profile.h"
#include "core/matching/query_expansion.h"
#include "core/matching/reranker.h"

namespace techmatch {
namespace {

absl::Status NotOpen(const Need& need) {
  return absl::FailedPreconditionError(absl::StrCat(
      "need 'needs/", need.meta.id, "' is ", NeedStateName(need.state), "; only OPEN needs match"));
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Whether MatchNeed may return `offering` for `need` at all: the rules of
// InvertedIndex::Eligible, on the profiles.
bool MayMatch(const MatchProfile& need, const MatchProfile& offering, const MatchOptions& options) {
  if (!offering.active || offering.owner_id == need.owner_id) return false;
  if (!options.all_industries &&
      std::none_of(
          need.industry_codes.begin(), need.industry_codes.end(),
          [&](const std::string& code) { return Contains(offering.industry_codes, code); })) {
    return false;
  }
  return options.event_id.empty() || Contains(offering.event_ids, options.event_id);
}

}  // namespace

MatchingEngine::MatchingEngine(std::shared_ptr<const TextAnalyzer> analyzer)
    : MatchingEngine(std::move(analyzer), MatchingResources{}) {
  load_defaults_ = true;
}

MatchingEngine::MatchingEngine(std::shared_ptr<const TextAnalyzer> analyzer,
                               const MatchingResources& resources)
    : analyzer_(std::move(analyzer)),
      thesaurus_(resources.thesaurus),
      lexicon_(resources.lexicon),
      watches_(std::make_unique<MatchWatchHub>(
          [this](const RecordChange& change,
                 const std::vector<std::shared_ptr<MatchWatch>>& watches) {
            Deliver(change, watches);
          })) {}

void MatchingEngine::LoadDefaults() const {
  std::call_once(defaults_loaded_, [this] {
    if (!load_defaults_) return;
    const MatchingResources& defaults = DefaultMatchingResources(*analyzer_);
    thesaurus_.store(defaults.thesaurus);
    lexicon_.store(defaults.lexicon);
  });
}

void MatchingEngine::SetThesaurus(std::shared_ptr<const Thesaurus> thesaurus) {
  LoadDefaults();
  thesaurus_.store(std::move(thesaurus));
}

void MatchingEngine::SetLexicon(std::shared_ptr<const Lexicon> lexicon) {
  LoadDefaults();
  lexicon_.store(std::move(lexicon));
}

std::shared_ptr<const Thesaurus> MatchingEngine::thesaurus() const {
  LoadDefaults();
  return thesaurus_.load();
}

std::shared_ptr<const Lexicon> MatchingEngine::lexicon() const {
  LoadDefaults();
  return lexicon_.load();
}

MatchQuery MatchingEngine::QueryOf(const Listing& listing, bool is_need) const {
  LoadDefaults();
  MatchQuery query = BuildMatchQuery(*analyzer_, listing, is_need);
  query.thesaurus = thesaurus_.load();
  query.lexicon = lexicon_.load();
  ExpandQuery(*analyzer_, query.thesaurus.get(), query.lexicon.get(), query);
  return query;
}

absl::Status MatchingEngine::IndexNeed(const Need& need) {
  const std::string raw_text = MatchText(need.listing);
  const AnalyzedText text = analyzer_->Analyze(raw_text);
  {
    absl::MutexLock lock(&mutex_);
    TM_RETURN_IF_ERROR(needs_.Upsert(ProfileOfNeed(need), text));
  }
  watches_->Changed(WatchSide::kNeeds, need.meta.id, need.listing.title, raw_text, text);
  return absl::OkStatus();
}

absl::Status MatchingEngine::IndexOffering(const Offering& offering) {
  const std::string raw_text = MatchText(offering.listing);
  const AnalyzedText text = analyzer_->Analyze(raw_text);
  {
    absl::MutexLock lock(&mutex_);
    TM_RETURN_IF_ERROR(offerings_.Upsert(ProfileOfOffering(offering), text));
  }
  watches_->Changed(WatchSide::kOfferings, offering.meta.id, offering.listing.title, raw_text,
                    text);
  return absl::OkStatus();
}

void MatchingEngine::Compact() {
  absl::MutexLock lock(&mutex_);
  needs_.Compact();
  offerings_.Compact();
}

absl::StatusOr<std::vector<MatchResult>> MatchingEngine::MatchNeed(
    const Need& need, const MatchOptions& options) const {
  if (need.state != NeedState::kOpen) return NotOpen(need);
  const MatchProfile profile = ProfileOfNeed(need);
  const MatchQuery query = QueryOf(need.listing, /*is_need=*/true);
  Eligibility eligibility{&profile, true, options.event_id, options.all_industries};
  absl::ReaderMutexLock lock(&mutex_);
  const Reranker reranker(query, offerings_);
  return reranker.Rank(
      offerings_.TopK(query.text, eligibility, std::max(options.limit, kRerankDepth)), profile,
      /*subject_is_need=*/true, options.limit);
}

absl::StatusOr<std::optional<MatchResult>> MatchingEngine::ScorePair(
    const Need& need, const std::string& offering_id, const MatchOptions& options) const {
  if (need.state != NeedState::kOpen) return NotOpen(need);
  // Prepared and scored exactly as MatchNeed prepares its query and reranks its candidates.
  const MatchProfile profile = ProfileOfNeed(need);
  const MatchQuery query = QueryOf(need.listing, /*is_need=*/true);
  Eligibility eligibility{&profile, true, options.event_id, options.all_industries};
  absl::ReaderMutexLock lock(&mutex_);
  const Reranker reranker(query, offerings_);
  if (std::optional<ScoredDocument> hit = offerings_.Score(query.text, eligibility, offering_id)) {
    return reranker.Score(*hit, profile, /*subject_is_need=*/true);
  }
  // No shared text, or not eligible at all: MatchNeed fills its list past the offerings that
  // share text with eligible ones scored by their non-text signals alone.
  const MatchProfile* offering = offerings_.Find(offering_id);
  if (offering == nullptr || !MayMatch(profile, *offering, options)) return std::nullopt;
  return reranker.Score(ScoredDocument{offering, 0, NonTextScore(profile, *offering)}, profile,
                        /*subject_is_need=*/true);
}

absl::StatusOr<std::vector<MatchResult>> MatchingEngine::MatchOffering(
    const Offering& offering, const MatchOptions& options) const {
  if (offering.state != OfferingState::kAvailable) {
    return absl::FailedPreconditionError(absl::StrCat("offering 'offerings/", offering.meta.id,
                                                      "' is ", OfferingStateName(offering.state),
                                                      "; only AVAILABLE offerings match"));
  }
  const MatchProfile profile = ProfileOfOffering(offering);
  const MatchQuery query = QueryOf(offering.listing, /*is_need=*/false);
  Eligibility eligibility{&profile, false, options.event_id, options.all_industries};
  absl::ReaderMutexLock lock(&mutex_);
  const Reranker reranker(query, needs_);
  return reranker.Rank(needs_.TopK(query.text, eligibility, std::max(options.limit, kRerankDepth)),
                       profile,
                       /*subject_is_need=*/false, options.limit);
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

absl::StatusOr<std::shared_ptr<MatchWatch>> MatchingEngine::WatchNeed(const Need& need,
                                                                      double min_score) {
  if (need.state != NeedState::kOpen) return NotOpen(need);
  WatchSpec spec;
  spec.subject = WatchSpec::Subject::kNeed;
  spec.subject_id = need.meta.id;
  spec.target = WatchSide::kOfferings;
  spec.min_score = min_score;
  return StartWatch(std::move(spec), QueryOf(need.listing, /*is_need=*/true),
                    MatchText(need.listing));
}

absl::StatusOr<std::shared_ptr<MatchWatch>> MatchingEngine::WatchOffering(const Offering& offering,
                                                                          double min_score) {
  if (offering.state != OfferingState::kAvailable) {
    return absl::FailedPreconditionError(absl::StrCat("offering 'offerings/", offering.meta.id,
                                                      "' is ", OfferingStateName(offering.state),
                                                      "; only AVAILABLE offerings match"));
  }
  WatchSpec spec;
  spec.subject = WatchSpec::Subject::kOffering;
  spec.subject_id = offering.meta.id;
  spec.target = WatchSide::kNeeds;
  spec.min_score = min_score;
  return StartWatch(std::move(spec), QueryOf(offering.listing, /*is_need=*/false),
                    MatchText(offering.listing));
}

absl::StatusOr<std::shared_ptr<MatchWatch>> MatchingEngine::WatchQuery(
    absl::string_view text, std::vector<std::string> industry_codes, WatchSide target,
    double min_score) {
  Violations violations;
  CheckText("query.text", text, 1, kMaxQueryChars, false, violations);
  if (!violations.empty()) return violations.ToStatus();
  WatchSpec spec;
  spec.subject = WatchSpec::Subject::kQuery;
  spec.industry_codes = std::move(industry_codes);
  spec.target = target;
  spec.min_score = min_score;
  return StartWatch(std::move(spec), BuildTextQuery(*analyzer_, text), std::string(text));
}

MatchQuery MatchingEngine::WatchQueryOf(const WatchSpec& spec, const std::string& text) const {
  MatchQuery query =
      spec.subject == WatchSpec::Subject::kQuery
          ? BuildTextQuery(*analyzer_, text)
          : QueryOf(ListingOfMatchText(text), spec.subject == WatchSpec::Subject::kNeed);
  query.source = text;
  return query;
}

absl::StatusOr<std::shared_ptr<MatchWatch>> MatchingEngine::StartWatch(WatchSpec spec,
                                                                       MatchQuery query,
                                                                       const std::string& text) {
  if (!(spec.min_score >= 0 && spec.min_score <= 1)) {  // NaN fails too
    return InvalidFieldError("min_score",
                             absl::StrCat("must be from 0 to 1, got ", spec.min_score));
  }
  auto phrases = analyzer_->PrepareForPhrases(text);
  query.source = text;
  auto watch = std::make_shared<MatchWatch>(std::move(spec), std::move(query), std::move(phrases));
  TM_RETURN_IF_ERROR(watches_->Add(watch));
  return watch;
}

void MatchingEngine::Unwatch(const std::shared_ptr<MatchWatch>& watch) { watches_->Remove(watch); }

void MatchingEngine::DrainWatches() { watches_->Drain(); }

void MatchingEngine::Deliver(const RecordChange& change,
                             const std::vector<std::shared_ptr<MatchWatch>>& watches) const {
  // The changed record prepared for explanations once, when a first watch wants it.
  std::shared_ptr<const PhraseText> counterpart;
  for (const std::shared_ptr<MatchWatch>& watch : watches) {
    const WatchSpec& spec = watch->spec();
    const bool is_subject = spec.subject != WatchSpec::Subject::kQuery &&
                            spec.target != change.side && spec.subject_id == change.id;
    if (is_subject) {
      // The subject was edited: match its new text from now on, or stop when it left the
      // state that matches.
      bool open;
      {
        absl::ReaderMutexLock lock(&mutex_);
        const InvertedIndex& own = spec.target == WatchSide::kOfferings ? needs_ : offerings_;
        const MatchProfile* profile = own.Find(change.id);
        open = profile != nullptr && profile->active;
      }
      if (!open) {
        watch->Close(absl::FailedPreconditionError(
            absl::StrCat(spec.subject == WatchSpec::Subject::kNeed ? "needs/" : "offerings/",
                         change.id, " is no longer open for matching")));
      } else {
        watch->set_subject_text(WatchQueryOf(spec, change.raw_text),
                                analyzer_->PrepareForPhrases(change.raw_text));
      }
    } else if (spec.target == change.side) {
      // A replaced thesaurus or lexicon holds for watches from their next score on.
      if (spec.subject != WatchSpec::Subject::kQuery &&
          (watch->query().thesaurus != thesaurus() || watch->query().lexicon != lexicon())) {
        const std::string text = watch->query().source;
        watch->set_subject_text(WatchQueryOf(spec, text), analyzer_->PrepareForPhrases(text));
      }
      std::optional<MatchResult> match;
      {
        // Locked per watch and only to score: a writer waits for one score at most.
        absl::ReaderMutexLock lock(&mutex_);
        match = ScoreForWatch(*watch, change.id);
      }
      if (!match) continue;
      if (counterpart == nullptr) {
        counterpart = analyzer_->PrepareCounterpartForPhrases(change.raw_text, &change.text);
      }
      match->shared_phrases =
          analyzer_->SharedPhrases(watch->phrases(), *counterpart, kMaxExplainedPhrases);
      match->counterpart_title = change.title;
      watch->Offer(*std::move(match));
    }
  }
}

std::optional<MatchResult> MatchingEngine::ScoreForWatch(const MatchWatch& watch,
                                                         const std::string& id) const {
  const WatchSpec& spec = watch.spec();
  const bool target_offerings = spec.target == WatchSide::kOfferings;
  const InvertedIndex& counterparts = target_offerings ? offerings_ : needs_;
  if (spec.subject != WatchSpec::Subject::kQuery) {
    const InvertedIndex& own = target_offerings ? needs_ : offerings_;
    const MatchProfile* subject = own.Find(spec.subject_id);
    if (subject == nullptr || !subject->active) return std::nullopt;
    Eligibility eligibility{subject, target_offerings, "", false};
    std::optional<ScoredDocument> hit =
        counterparts.Score(watch.query().text, eligibility, id, spec.min_score);
    if (!hit) return std::nullopt;
    // The same final score MatchNeed / MatchOffering give the pair.
    MatchResult result =
        Reranker(watch.query(), counterparts).Score(*hit, *subject, target_offerings);
    if (result.score < spec.min_score) return std::nullopt;
    return result;
  }
  // A free-text watch: text relevance alone, among active records of the chosen industries
  // (checked first: they are cheaper than the text).
  const MatchProfile* profile = counterparts.Find(id);
  if (profile == nullptr || !profile->active) return std::nullopt;
  std::vector<std::string> shared;
  for (const std::string& code : profile->industry_codes) {
    if (std::find(spec.industry_codes.begin(), spec.industry_codes.end(), code) !=
        spec.industry_codes.end()) {
      shared.push_back(code);
    }
  }
  if (!spec.industry_codes.empty() && shared.empty()) return std::nullopt;
  std::optional<ScoredDocument> hit =
      counterparts.Score(watch.query().text, Eligibility{}, id, spec.min_score);
  if (!hit || hit->score < spec.min_score) return std::nullopt;
  MatchResult result;
  (target_offerings ? result.offering_id : result.need_id) = id;
  result.score = hit->score;
  result.signals.push_back({"text", hit->text, 1.0});
  result.shared_industries = std::move(shared);
  return result;
}

}  // namespace techmatch
