#include "core/matching/inverted_index.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "core/matching/match_signals.h"

namespace techmatch {
namespace {

// BM25 parameters: the usual values; documents here are a title plus a paragraph or two.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// Postings pack the slot above an 8-bit term frequency.
constexpr uint32_t kTfBits = 8;
constexpr uint32_t kMaxTf = (1u << kTfBits) - 1;
constexpr uint32_t kMaxSlots = 1u << (32 - kTfBits);

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool SharesIndustry(const MatchProfile& a, const MatchProfile& b) {
  for (const std::string& code : a.industry_codes) {
    if (Contains(b.industry_codes, code)) return true;
  }
  return false;
}

bool Better(const ScoredDocument& a, const ScoredDocument& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.profile->id < b.profile->id;
}

}  // namespace

struct InvertedIndex::PlannedTerm {
  const std::vector<uint32_t>* postings;
  double weight;       // query weight × idf × text scale
  double upper_bound;  // the most this term can add to one document's score
};

absl::Status InvertedIndex::Upsert(MatchProfile profile, const AnalyzedText& text) {
  auto existing = slot_of_id_.find(profile.id);
  if (existing != slot_of_id_.end()) {
    Slot& old = slots_[existing->second];
    if (old.profile.revision > profile.revision) return absl::OkStatus();
    old.live = false;
    live_length_ -= lengths_[existing->second];
    --live_count_;
  }
  if (slots_.size() >= kMaxSlots) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the match index holds at most ", kMaxSlots, " revisions; restart to compact"));
  }
  const auto slot = static_cast<uint32_t>(slots_.size());
  for (const AnalyzedTerm& term : text.terms) {
    auto [it, inserted] = term_ids_.try_emplace(term.term, static_cast<uint32_t>(postings_.size()));
    if (inserted) postings_.emplace_back();
    postings_[it->second].push_back(
        (slot << kTfBits) | std::min<uint32_t>(static_cast<uint32_t>(term.count), kMaxTf));
  }
  for (const std::string& code : profile.industry_codes) industry_slots_[code].push_back(slot);
  slot_of_id_[profile.id] = slot;
  lengths_.push_back(static_cast<uint32_t>(text.length));
  live_length_ += static_cast<uint64_t>(text.length);
  ++live_count_;
  slots_.push_back({std::move(profile), true});
  return absl::OkStatus();
}

const MatchProfile* InvertedIndex::Find(const std::string& id) const {
  auto it = slot_of_id_.find(id);
  return it == slot_of_id_.end() ? nullptr : &slots_[it->second].profile;
}

size_t InvertedIndex::posting_bytes() const {
  size_t bytes = 0;
  for (const auto& list : postings_) bytes += list.capacity() * sizeof(uint32_t);
  return bytes;
}

void InvertedIndex::Compact() {
  for (auto& list : postings_) list.shrink_to_fit();
  for (auto& [code, list] : industry_slots_) list.shrink_to_fit();
  slots_.shrink_to_fit();
  lengths_.shrink_to_fit();
}

bool InvertedIndex::Eligible(const Slot& slot, const Eligibility& eligibility) const {
  if (!slot.live) return false;
  const MatchProfile* query = eligibility.query;
  if (query == nullptr) return true;
  const MatchProfile& doc = slot.profile;
  if (!doc.active || doc.owner_id == query->owner_id || doc.id == query->id) return false;
  if (!eligibility.event_id.empty() && !Contains(doc.event_ids, eligibility.event_id)) return false;
  return eligibility.all_industries || SharesIndustry(doc, *query);
}

double InvertedIndex::NonText(const Slot& slot, const Eligibility& eligibility) const {
  if (eligibility.query == nullptr) return 0;
  return eligibility.query_is_need ? NonTextScore(*eligibility.query, slot.profile)
                                   : NonTextScore(slot.profile, *eligibility.query);
}

std::vector<InvertedIndex::PlannedTerm> InvertedIndex::Plan(const AnalyzedText& query,
                                                            double text_weight) const {
  std::vector<PlannedTerm> plan;
  if (live_count_ == 0 || query.terms.empty()) return plan;
  const double n = static_cast<double>(live_count_);
  const double average_length = std::max(1.0, static_cast<double>(live_length_) / n);
  const double query_norm = kK1 * (1 - kB + kB * query.length / average_length);
  struct Weighted {
    const std::vector<uint32_t>* postings;  // null for a term no document has
    double query_weight;
    int count;
  };
  std::vector<Weighted> weighted;
  for (const AnalyzedTerm& term : query.terms) {
    auto it = term_ids_.find(term.term);
    const double df = it == term_ids_.end() ? 0.0 : static_cast<double>(postings_[it->second].size());
    const double idf = std::log(1.0 + (n - std::min(df, n) + 0.5) / (std::min(df, n) + 0.5));
    weighted.push_back({it == term_ids_.end() ? nullptr : &postings_[it->second],
                        (1.0 + std::log(static_cast<double>(term.count))) * idf, term.count});
  }
  // A need is a long text; like "more like this" queries, it is represented by its most
  // telling terms. The common ones left out would add little to any score but cost the most
  // (their posting lists are the longest).
  std::stable_sort(weighted.begin(), weighted.end(), [](const Weighted& a, const Weighted& b) {
    return a.query_weight > b.query_weight;
  });
  if (weighted.size() > kMaxQueryTerms) weighted.resize(kMaxQueryTerms);
  // The query scored against itself: a document that says everything the query says, as
  // often, gets text relevance 1.
  double self_score = 0;
  for (const Weighted& term : weighted) {
    self_score += term.query_weight * term.count * (kK1 + 1) / (term.count + query_norm);
  }
  if (self_score <= 0) return plan;
  const double scale = text_weight / self_score;
  for (const Weighted& term : weighted) {
    if (term.postings == nullptr) continue;
    plan.push_back({term.postings, term.query_weight * scale,
                    term.query_weight * scale * (kK1 + 1)});
  }
  std::stable_sort(plan.begin(), plan.end(), [](const PlannedTerm& a, const PlannedTerm& b) {
    return a.upper_bound > b.upper_bound;
  });
  return plan;
}

double InvertedIndex::EstimateThreshold(const std::vector<uint32_t>& pool,
                                        const std::vector<float>& acc, double text_weight,
                                        const Eligibility& eligibility, size_t k) const {
  // Only the documents with the most text so far are scored in full: cheap, and the k-th best
  // of any subset is a valid lower bound.
  const size_t sample = std::min(pool.size(), std::max<size_t>(256, 16 * k));
  std::vector<uint32_t> top(pool.begin(), pool.end());
  std::nth_element(top.begin(), top.begin() + (sample - 1), top.end(),
                   [&acc](uint32_t a, uint32_t b) { return acc[a] > acc[b]; });
  top.resize(sample);
  std::vector<double> finals;
  for (uint32_t slot : top) {
    if (!Eligible(slots_[slot], eligibility)) continue;
    finals.push_back(std::min<double>(acc[slot], text_weight) + NonText(slots_[slot], eligibility));
  }
  if (finals.size() < k) return -1;
  std::nth_element(finals.begin(), finals.begin() + (k - 1), finals.end(), std::greater<>());
  return finals[k - 1];
}

void InvertedIndex::FillWithoutText(const std::vector<float>& acc,
                                    const Eligibility& eligibility, size_t k,
                                    std::vector<ScoredDocument>& results) const {
  if (eligibility.query == nullptr || results.size() >= k) return;
  std::vector<ScoredDocument> extra;
  absl::flat_hash_set<uint32_t> seen;
  auto consider = [&](uint32_t slot) {
    if (acc[slot] != 0 || !seen.insert(slot).second) return;
    const Slot& s = slots_[slot];
    if (!Eligible(s, eligibility)) return;
    extra.push_back({&s.profile, 0, NonText(s, eligibility)});
  };
  if (eligibility.all_industries) {
    for (uint32_t slot = 0; slot < slots_.size(); ++slot) consider(slot);
  } else {
    for (const std::string& code : eligibility.query->industry_codes) {
      auto it = industry_slots_.find(code);
      if (it == industry_slots_.end()) continue;
      for (uint32_t slot : it->second) consider(slot);
    }
  }
  const size_t wanted = std::min(extra.size(), k - results.size());
  std::partial_sort(extra.begin(), extra.begin() + wanted, extra.end(), Better);
  results.insert(results.end(), extra.begin(), extra.begin() + wanted);
}

std::vector<ScoredDocument> InvertedIndex::TopK(const AnalyzedText& query,
                                                const Eligibility& eligibility,
                                                size_t k) const {
  std::vector<ScoredDocument> results;
  if (k == 0) return results;
  const double text_weight = eligibility.query != nullptr ? kTextWeight : 1.0;
  const double non_text_max = eligibility.query != nullptr ? kNonTextWeight : 0.0;
  const std::vector<PlannedTerm> plan = Plan(query, text_weight);

  // Per-thread accumulators, sized to the index and left zeroed after each query.
  thread_local std::vector<float> acc;
  thread_local std::vector<uint32_t> touched;
  if (acc.size() < slots_.size()) acc.resize(slots_.size(), 0.0f);
  touched.clear();

  const double average_length =
      std::max(1.0, static_cast<double>(live_length_) / std::max<size_t>(1, live_count_));
  auto contribution = [&](const PlannedTerm& term, uint32_t posting) {
    const double tf = posting & kMaxTf;
    const double norm = kK1 * (1 - kB + kB * lengths_[posting >> kTfBits] / average_length);
    return static_cast<float>(term.weight * tf * (kK1 + 1) / (tf + norm));
  };

  // What the terms after the i-th can still add, as exact suffix sums: a running
  // `remaining -= bound` leaves a rounding residue (even below zero after the last term),
  // and a document tied with the k-th best would then fall out of the candidates.
  std::vector<double> after(plan.size() + 1, 0.0);
  for (size_t i = plan.size(); i-- > 0;) after[i] = after[i + 1] + plan[i].upper_bound;
  const double total = after[0];
  double next_checkpoint = 0.5;
  bool pruned = false;
  std::vector<uint32_t> candidates;  // Sorted by slot once pruned.

  for (size_t term_index = 0; term_index < plan.size(); ++term_index) {
    const PlannedTerm& term = plan[term_index];
    if (!pruned) {
      for (uint32_t posting : *term.postings) {
        const uint32_t slot = posting >> kTfBits;
        if (acc[slot] == 0.0f) touched.push_back(slot);
        acc[slot] += contribution(term, posting);
      }
    } else {
      const std::vector<uint32_t>& list = *term.postings;
      auto from = list.begin();
      for (uint32_t slot : candidates) {
        from = std::lower_bound(from, list.end(), slot << kTfBits);
        if (from == list.end()) break;
        if ((*from >> kTfBits) == slot) acc[slot] += contribution(term, *from);
      }
    }
    const double remaining = after[term_index + 1];
    if (!pruned && term_index + 1 < plan.size() && touched.size() >= k &&
        remaining < next_checkpoint * total) {
      next_checkpoint /= 2;
      const double threshold = EstimateThreshold(touched, acc, text_weight, eligibility, k);
      // A document not yet seen can reach at most `remaining` text plus every other signal.
      if (threshold >= 0 && remaining + non_text_max < threshold) {
        pruned = true;
        for (uint32_t slot : touched) {
          if (acc[slot] + remaining + non_text_max >= threshold) candidates.push_back(slot);
        }
        std::sort(candidates.begin(), candidates.end());
      }
    }
  }

  // Exact final scores, but only where they can matter: the other signals move a document
  // by at most non_text_max, so anything that far below the k-th best is out.
  const std::vector<uint32_t>& pool = pruned ? candidates : touched;
  if (!pool.empty()) {
    const double threshold = EstimateThreshold(pool, acc, text_weight, eligibility, k);
    for (uint32_t slot : pool) {
      const double text = std::min<double>(acc[slot], text_weight);
      if (threshold >= 0 && text + non_text_max < threshold) continue;
      const Slot& s = slots_[slot];
      if (!Eligible(s, eligibility)) continue;
      results.push_back({&s.profile, text / text_weight, text + NonText(s, eligibility)});
    }
  }
  const size_t keep = std::min(k, results.size());
  std::partial_sort(results.begin(), results.begin() + keep, results.end(), Better);
  results.resize(keep);
  FillWithoutText(acc, eligibility, k, results);

  for (uint32_t slot : touched) acc[slot] = 0.0f;
  touched.clear();
  return results;
}

}  // namespace techmatch
