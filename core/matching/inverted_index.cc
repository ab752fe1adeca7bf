#include "core/matching/inverted_index.h"

#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "absl/base/attributes.h"
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
// Documents are scored a range of slots at a time, so the range's accumulators, lengths and
// facts stay in the fastest caches while every list is read forward once.
constexpr uint32_t kRangeSize = 4096;
// MaxScore proper reads in full only as many lists as it must (the rest together cannot lift
// an unseen document to θ). Reading a list in full costs a few nanoseconds a posting within a
// range, while each candidate it lets through costs eligibility, signals and searches, so
// lists are read in full until the rest could add this much less than θ needs: on generated
// data at 100,000 and 1,000,000 offerings, 0.2 took the least CPU of 0–0.3 (0.15: +30%,
// 0 : 3×).
constexpr double kEssentialMargin = 0.2;
constexpr uint32_t kNoOwner = std::numeric_limits<uint32_t>::max();
constexpr uint32_t kNoSlot = std::numeric_limits<uint32_t>::max();
// Slack for float accumulation when a bound is compared with θ: a document is dropped only
// when it misses θ by more than this (scores are 0..1; float sums of ≤ 40 terms err by
// well under 1e-5).
constexpr double kEpsilon = 1e-5;
// A compaction step's costs, in postings read (a few nanoseconds each): mapping one slot
// (its record copied, its profile's industry codes looked up: cache misses at 1,000,000
// documents), and starting or releasing one list (an allocation or a free; most lists are
// short, and there are as many as terms). Releasing a long list also costs a unit per 32
// postings: its pages go back to the system.
constexpr size_t kSlotWork = 64;
constexpr size_t kTermWork = 16;
constexpr size_t kPostingsPerReleaseWork = 32;
// The new generation's document → slot array is filled this many entries per unit of work.
constexpr size_t kFillPerWork = 8;

// Room for an eighth more: what a compaction leaves in every list and per-slot array (about
// what a compaction cycle adds at dead_share 0.1, so long lists are rarely copied to grow
// between compactions: each such copy holds the writer lock), and how far a full one grows
// (not doubled: an edited index stays near a fresh one's size).
size_t WithRoom(size_t n) { return n + n / 8 + 2; }

template <typename T>
void Append(std::vector<T>& v, T value) {
  if (v.size() == v.capacity()) v.reserve(WithRoom(v.size()));
  v.push_back(std::move(value));
}

template <typename T>
size_t VectorBytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

template <typename T>
size_t VectorBytes(const std::deque<T>& v) {
  return v.size() * sizeof(T);
}

// Heap bytes of a string beyond the object (libstdc++ keeps up to 15 characters inline).
size_t HeapBytes(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

template <typename Strings>
size_t StringsBytes(const Strings& v) {
  size_t bytes = VectorBytes(v);
  for (const std::string& s : v) bytes += HeapBytes(s);
  return bytes;
}

// A hash table's slots and control bytes (absl's flat tables: one control byte per slot).
template <typename Map>
size_t TableBytes(const Map& map) {
  return map.capacity() * (sizeof(typename Map::value_type) + 1);
}

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

// The first position in [pos, end) whose posting is ≥ key, searching forward from pos with
// doubling steps: cost grows with the log of the distance, not of the list.
size_t Gallop(const uint32_t* p, size_t pos, size_t end, uint32_t key) {
  if (pos >= end || p[pos] >= key) return pos;
  size_t lo = pos, step = 1, hi = pos + 1;
  while (hi < end && p[hi] < key) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > end) hi = end;
  return static_cast<size_t>(std::lower_bound(p + lo + 1, p + hi, key) - p);
}

}  // namespace

struct InvertedIndex::PlannedTerm {
  const Term* term;
  float weight;        // query weight × idf × text scale × (k1 + 1)
  double upper_bound;  // the most this term adds to one document of its list
};

// A query prepared against the index: its planned terms and what the compact eligibility
// and non-text checks compare with.
struct InvertedIndex::Query {
  const Eligibility* eligibility;
  std::vector<PlannedTerm> plan;
  std::vector<double> after;  // after[i]: the most terms i.. can still add (exact suffix sums)
  double text_weight = 1;
  double non_text_max = 0;
  // BM25 length normalization: norm(length) = norm_base + norm_per_term × length.
  float norm_base = 0, norm_per_term = 0;
  bool matching = false;
  DocFacts facts;  // The querying record's, looked up (not interned).
  int64_t amount = 0;
  bool fallback = false;  // Industry codes beyond the interned 64: compare strings.

  float Contribution(const PlannedTerm& term, uint32_t posting, const uint32_t* lengths) const {
    const float tf = static_cast<float>(posting & kMaxTf);
    const float norm = norm_base + norm_per_term * static_cast<float>(lengths[posting >> kTfBits]);
    return term.weight * tf / (tf + norm);
  }
};

// The next generation being built (see the top of inverted_index.h). It is built in rounds:
// the first maps every slot there was when it started and copies every list's postings of
// them; each later round does the same for the slots added during the round before, and only
// for the terms those slots used. A round that finds nothing added swaps.
struct InvertedIndex::Compaction {
  static constexpr size_t kNotStarted = ~size_t{0};

  Slots next;
  std::vector<uint32_t> slot_map;  // Old slot → new slot (kNoSlot: dropped), for mapped slots.
  // This round covers old slots [round_start, round_end).
  uint32_t round_start = 0;
  uint32_t round_end = 0;
  uint32_t round = 1;
  // The terms this round copies postings of: ids [0, all_terms) in the first round, else
  // `round_terms`.
  uint32_t all_terms = 0;
  std::vector<uint32_t> round_terms;
  size_t term_index = 0;                  // Position in this round's terms.
  size_t cursor = kNotStarted;            // The next old posting to read of the list being copied.
  absl::flat_hash_set<uint32_t> touched;  // Terms given postings by slots after `round_end`.
  bool counting = false;  // The first round counts a list's live postings before copying.
  size_t count = 0;
  std::vector<uint32_t> emptied;  // Terms whose new list came out empty (maybe freed).
  // Swapped in: `next` holds the old generation, released a step at a time; `term_index`
  // walks `emptied`.
  bool retiring = false;

  size_t terms_in_round() const { return round == 1 ? all_terms : round_terms.size(); }
  uint32_t term_at(size_t i) const {
    return round == 1 ? static_cast<uint32_t>(i) : round_terms[i];
  }
};

InvertedIndex::InvertedIndex() : InvertedIndex(CompactionOptions{}) {}

InvertedIndex::InvertedIndex(CompactionOptions options) : options_(options) {}

InvertedIndex::~InvertedIndex() = default;

InvertedIndex::DocFacts InvertedIndex::FactsOf(const MatchProfile& profile) const {
  DocFacts facts;
  for (size_t i = 0; i < profile.industry_codes.size(); ++i) {
    auto it = industry_ids_.find(profile.industry_codes[i]);
    if (it == industry_ids_.end()) {
      if (industry_ids_.size() >= 64) facts.flags |= kOverflow;
      continue;
    }
    facts.industries |= uint64_t{1} << it->second;
    if (i == 0) facts.primary = it->second;
  }
  auto owner = owner_ids_.find(profile.owner_id);
  facts.owner = owner == owner_ids_.end() ? kNoOwner : owner->second;
  if (profile.trl >= -128 && profile.trl <= 127) {
    facts.trl = static_cast<int8_t>(profile.trl);
  } else {
    facts.flags |= kOverflow;
  }
  facts.modes = profile.cooperation_modes;
  if (profile.amount_minor) facts.flags |= kHasAmount;
  if (profile.active) facts.flags |= kActive;
  if (!profile.event_ids.empty()) facts.flags |= kHasEvents;
  return facts;
}

absl::Status InvertedIndex::Upsert(MatchProfile profile, const AnalyzedText& text) {
  auto [existing, is_new] = doc_of_id_.try_emplace(profile.id, 0);
  uint32_t doc;
  if (!is_new) {
    doc = existing->second;
    if (docs_[doc].revision > profile.revision) return absl::OkStatus();
  }
  if (slots_.facts.size() >= kMaxSlots) {
    if (is_new) doc_of_id_.erase(existing);
    return absl::ResourceExhaustedError(
        absl::StrCat("the match index holds at most ", kMaxSlots,
                     " slots (documents and revisions not yet compacted away)"));
  }
  if (is_new) {
    doc = static_cast<uint32_t>(docs_.size());
    existing->second = doc;
    docs_.emplace_back();
    Append(slots_.slot_of_doc, kNoSlot);
  } else {
    const uint32_t old_slot = slots_.slot_of_doc[doc];
    Kill(slots_, old_slot);
    if (compaction_ != nullptr && !compaction_->retiring &&
        old_slot < compaction_->slot_map.size()) {
      const uint32_t mapped = compaction_->slot_map[old_slot];
      if (mapped != kNoSlot) Kill(compaction_->next, mapped);
    }
  }
  const auto slot = static_cast<uint32_t>(slots_.facts.size());
  const auto length = static_cast<uint32_t>(text.length);
  for (const AnalyzedTerm& term : text.terms) {
    const uint32_t id = TermId(term.term);
    Term& entry = slots_.terms[id];
    const uint32_t tf = std::min<uint32_t>(static_cast<uint32_t>(term.count), kMaxTf);
    Append(entry.postings, (slot << kTfBits) | tf);
    entry.max_tf = std::max(entry.max_tf, tf);
    entry.min_length = std::min(entry.min_length, length);
    if (compaction_ != nullptr && !compaction_->retiring) compaction_->touched.insert(id);
  }
  for (const std::string& code : profile.industry_codes) {
    Append(slots_.industry_slots[code], slot);
    if (industry_ids_.size() < 64) {
      industry_ids_.try_emplace(code, static_cast<uint8_t>(industry_ids_.size()));
    }
  }
  owner_ids_.try_emplace(profile.owner_id, static_cast<uint32_t>(owner_ids_.size()));
  DocFacts facts = FactsOf(profile);
  facts.flags |= kLive;
  Append(slots_.facts, facts);
  Append(slots_.amounts, profile.amount_minor.value_or(0));
  Append(slots_.lengths, length);
  Append(slots_.docs, doc);
  Append(slots_.term_counts, static_cast<uint32_t>(text.terms.size()));
  slots_.slot_of_doc[doc] = slot;
  slots_.live_length += length;
  ++slots_.live_count;
  slots_.postings += text.terms.size();
  docs_[doc] = std::move(profile);

  if (compaction_ == nullptr && CompactionDue()) StartCompaction();
  if (compaction_ != nullptr) {
    // Twice the work this document adds to a compaction's next round on top of the fixed
    // step: the rounds converge however long the documents written meanwhile are.
    const size_t added = kSlotWork + text.terms.size() * (kTermWork + 1);
    StepCompaction(options_.step_work + 2 * added);
  }
  return absl::OkStatus();
}

uint32_t InvertedIndex::TermId(const std::string& term) {
  auto [it, inserted] = term_ids_.try_emplace(term, 0);
  if (!inserted) return it->second;
  if (!free_term_ids_.empty()) {
    it->second = free_term_ids_.back();
    free_term_ids_.pop_back();
    term_text_[it->second] = term;
  } else {
    it->second = static_cast<uint32_t>(term_text_.size());
    term_text_.push_back(term);
    slots_.terms.emplace_back();
  }
  return it->second;
}

void InvertedIndex::Kill(Slots& slots, uint32_t slot) {
  DocFacts& facts = slots.facts[slot];
  if (!(facts.flags & kLive)) return;
  facts.flags &= static_cast<uint8_t>(~kLive);
  slots.live_length -= slots.lengths[slot];
  --slots.live_count;
  slots.dead_postings += slots.term_counts[slot];
}

bool InvertedIndex::CompactionDue() const {
  const size_t dead_slots = slots_.facts.size() - slots_.live_count;
  if (dead_slots < kMinDeadSlots) return false;
  return static_cast<double>(dead_slots) > options_.dead_share * slots_.facts.size() ||
         static_cast<double>(slots_.dead_postings) > options_.dead_share * slots_.postings;
}

void InvertedIndex::StartCompaction() {
  compaction_ = std::make_unique<Compaction>();
  Compaction& c = *compaction_;
  c.round_end = static_cast<uint32_t>(slots_.facts.size());
  c.all_terms = static_cast<uint32_t>(slots_.terms.size());
  // Reserved, not written (the pages are touched as slots fill them), with room for the slots
  // added while this compaction runs and, once swapped in, until the next one: the arrays
  // then rarely grow (a growth copies them all at once, tens of milliseconds at 1,000,000).
  c.slot_map.reserve(WithRoom(c.round_end));
  Slots& next = c.next;
  const size_t room = WithRoom(slots_.live_count);
  next.facts.reserve(room);
  next.amounts.reserve(room);
  next.lengths.reserve(room);
  next.docs.reserve(room);
  next.term_counts.reserve(room);
  next.slot_of_doc.reserve(docs_.size() + docs_.size() / 16);
  for (const auto& [code, list] : slots_.industry_slots) {
    next.industry_slots[code].reserve(WithRoom(list.size()));
  }
}

bool InvertedIndex::BuildStep(size_t budget) {
  Compaction& c = *compaction_;
  while (true) {
    std::vector<uint32_t>& slot_of_doc = c.next.slot_of_doc;
    while (slot_of_doc.size() < docs_.size()) {
      if (budget < kTermWork) return false;
      budget -= kTermWork;
      const size_t fill = std::min(docs_.size() - slot_of_doc.size(), kTermWork * kFillPerWork);
      slot_of_doc.resize(slot_of_doc.size() + fill, kNoSlot);
    }
    while (c.slot_map.size() < c.round_end) {
      if (budget < kSlotWork) return false;
      budget -= kSlotWork;
      MapSlot(static_cast<uint32_t>(c.slot_map.size()));
    }
    while (c.term_index < c.terms_in_round()) {
      if (budget < kTermWork) return false;
      if (!CopyPostings(c.term_at(c.term_index), budget)) return false;
      budget -= std::min(budget, kTermWork);
      ++c.term_index;
    }
    if (slots_.facts.size() == c.round_end) break;
    StartRound();
  }
  SwapGenerations();
  return RetireStep(budget);
}

bool InvertedIndex::StepCompaction(size_t budget) {
  if (!compaction_->retiring) return BuildStep(budget);
  return RetireStep(budget);
}

void InvertedIndex::StartRound() {
  Compaction& c = *compaction_;
  ++c.round;
  c.round_start = c.round_end;
  c.round_end = static_cast<uint32_t>(slots_.facts.size());
  c.round_terms.assign(c.touched.begin(), c.touched.end());
  c.touched.clear();
  c.term_index = 0;
}

void InvertedIndex::MapSlot(uint32_t old_slot) {
  Compaction& c = *compaction_;
  const DocFacts& facts = slots_.facts[old_slot];
  if (!(facts.flags & kLive)) {
    Append(c.slot_map, kNoSlot);
    return;
  }
  Slots& next = c.next;
  const auto slot = static_cast<uint32_t>(next.facts.size());
  Append(c.slot_map, slot);
  const uint32_t doc = slots_.docs[old_slot];
  Append(next.facts, facts);
  Append(next.amounts, slots_.amounts[old_slot]);
  Append(next.lengths, slots_.lengths[old_slot]);
  Append(next.docs, doc);
  Append(next.term_counts, slots_.term_counts[old_slot]);
  next.slot_of_doc[doc] = slot;
  for (const std::string& code : docs_[doc].industry_codes) {
    Append(next.industry_slots[code], slot);
  }
  next.live_length += slots_.lengths[old_slot];
  ++next.live_count;
  next.postings += slots_.term_counts[old_slot];
}

bool InvertedIndex::CopyPostings(uint32_t term, size_t& budget) {
  Compaction& c = *compaction_;
  if (term >= c.next.terms.size()) c.next.terms.resize(term + 1);
  const std::vector<uint32_t>& from = slots_.terms[term].postings;
  Term& to = c.next.terms[term];
  const uint32_t key_end = c.round_end << kTfBits;
  if (c.cursor == Compaction::kNotStarted) {
    c.counting = c.round == 1;
    c.count = 0;
    // Later rounds copy only the postings of the slots added since: a search, not a scan.
    c.cursor = c.round == 1 ? 0
                            : static_cast<size_t>(std::lower_bound(from.begin(), from.end(),
                                                                   c.round_start << kTfBits) -
                                                  from.begin());
  }
  auto stop = [&](size_t pos) { return budget >= from.size() - pos ? from.size() : pos + budget; };
  auto more = [&](size_t pos) { return pos < from.size() && from[pos] < key_end; };
  // The first round reads each list twice: to count its live postings, then to copy them into
  // a list allocated at that size and room (copying a long list once it is read, or on its
  // next append, would stall a step).
  if (c.counting) {
    size_t pos = c.cursor;
    for (const size_t end = stop(pos); pos < end && from[pos] < key_end; ++pos) {
      c.count += c.slot_map[from[pos] >> kTfBits] != kNoSlot ? 1 : 0;
    }
    budget -= pos - c.cursor;
    c.cursor = pos;
    if (more(pos)) return false;
    c.counting = false;
    c.cursor = 0;
    to.postings.reserve(WithRoom(c.count));
  }
  size_t pos = c.cursor;
  for (const size_t end = stop(pos); pos < end && from[pos] < key_end; ++pos) {
    const uint32_t slot = c.slot_map[from[pos] >> kTfBits];
    if (slot == kNoSlot) continue;
    const uint32_t tf = from[pos] & kMaxTf;
    Append(to.postings, (slot << kTfBits) | tf);
    to.max_tf = std::max(to.max_tf, tf);
    to.min_length = std::min(to.min_length, c.next.lengths[slot]);
  }
  budget -= pos - c.cursor;
  c.cursor = pos;
  if (more(pos)) return false;
  c.cursor = Compaction::kNotStarted;
  if (to.postings.empty()) c.emptied.push_back(term);
  return true;
}

void InvertedIndex::SwapGenerations() {
  Compaction& c = *compaction_;
  if (c.next.terms.size() < slots_.terms.size()) c.next.terms.resize(slots_.terms.size());
  std::swap(slots_, c.next);
  c.retiring = true;
  c.term_index = 0;
  ++compactions_;
}

bool InvertedIndex::RetireStep(size_t budget) {
  Compaction& c = *compaction_;
  // The old generation's lists, a budget of them at a time: freeing a million lists at once
  // would hold the lock for tens of milliseconds.
  std::deque<Term>& old_terms = c.next.terms;
  while (!old_terms.empty()) {
    const size_t work = kTermWork + old_terms.back().postings.capacity() / kPostingsPerReleaseWork;
    if (budget < work && budget < options_.step_work) return false;
    budget -= std::min(budget, work);
    old_terms.pop_back();
  }
  // Terms whose every posting was dead: their ids are freed (unless an Upsert used them since).
  while (c.term_index < c.emptied.size()) {
    if (budget < kTermWork) return false;
    budget -= kTermWork;
    const uint32_t term = c.emptied[c.term_index++];
    if (!slots_.terms[term].postings.empty() || term_text_[term].empty()) continue;
    term_ids_.erase(term_text_[term]);
    std::string().swap(term_text_[term]);
    slots_.terms[term] = Term{};
    free_term_ids_.push_back(term);
  }
  compaction_.reset();  // The old per-slot arrays and the maps: a few large blocks.
  return true;
}

const MatchProfile* InvertedIndex::Find(const std::string& id) const {
  auto it = doc_of_id_.find(id);
  return it == doc_of_id_.end() ? nullptr : &docs_[it->second];
}

double InvertedIndex::Idf(const std::string& term) const {
  auto it = term_ids_.find(term);
  if (it == term_ids_.end() || slots_.terms[it->second].postings.empty() ||
      slots_.live_count == 0) {
    return 0;
  }
  const double n = static_cast<double>(slots_.live_count);
  const double df = std::min(static_cast<double>(slots_.terms[it->second].postings.size()), n);
  return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

std::vector<int32_t> InvertedIndex::TermIds(const AnalyzedText& terms) const {
  std::vector<int32_t> ids;
  ids.reserve(terms.terms.size());
  for (const AnalyzedTerm& term : terms.terms) {
    auto it = term_ids_.find(term.term);
    ids.push_back(it == term_ids_.end() || slots_.terms[it->second].postings.empty()
                      ? -1
                      : static_cast<int32_t>(it->second));
  }
  return ids;
}

bool InvertedIndex::TermCounts(const std::string& id, const std::vector<int32_t>& term_ids,
                               std::vector<uint32_t>& counts) const {
  counts.assign(term_ids.size(), 0);
  auto found = doc_of_id_.find(id);
  if (found == doc_of_id_.end()) return false;
  const uint32_t slot = slots_.slot_of_doc[found->second];
  if (slot == kNoSlot) return false;
  const uint32_t key = slot << kTfBits;
  for (size_t i = 0; i < term_ids.size(); ++i) {
    if (term_ids[i] < 0) continue;
    const std::vector<uint32_t>& postings = slots_.terms[term_ids[i]].postings;
    auto posting = std::lower_bound(postings.begin(), postings.end(), key);
    if (posting != postings.end() && (*posting >> kTfBits) == slot) {
      counts[i] = *posting & kMaxTf;
    }
  }
  return true;
}

void InvertedIndex::TermCounts(const std::vector<const MatchProfile*>& docs,
                               const std::vector<int32_t>& term_ids,
                               std::vector<std::vector<uint32_t>>& counts) const {
  counts.assign(docs.size(), std::vector<uint32_t>(term_ids.size(), 0));
  std::vector<std::pair<uint32_t, size_t>> slots;  // (slot, index in docs), by slot
  for (size_t d = 0; d < docs.size(); ++d) {
    auto found = doc_of_id_.find(docs[d]->id);
    if (found == doc_of_id_.end()) continue;
    const uint32_t slot = slots_.slot_of_doc[found->second];
    if (slot != kNoSlot) slots.emplace_back(slot, d);
  }
  std::sort(slots.begin(), slots.end());
  for (size_t i = 0; i < term_ids.size(); ++i) {
    if (term_ids[i] < 0) continue;
    const std::vector<uint32_t>& postings = slots_.terms[term_ids[i]].postings;
    size_t pos = 0;
    for (const auto& [slot, d] : slots) {
      pos = Gallop(postings.data(), pos, postings.size(), slot << kTfBits);
      if (pos == postings.size()) break;
      if ((postings[pos] >> kTfBits) == slot) counts[d][i] = postings[pos] & kMaxTf;
    }
  }
}

size_t InvertedIndex::posting_bytes() const {
  size_t bytes = 0;
  for (const Term& term : slots_.terms) bytes += VectorBytes(term.postings);
  return bytes;
}

size_t InvertedIndex::SlotsBytes(const Slots& slots, bool postings) {
  size_t bytes = 0;
  if (postings) {
    for (const Term& term : slots.terms) bytes += VectorBytes(term.postings);
    return bytes;
  }
  bytes += VectorBytes(slots.facts) + VectorBytes(slots.amounts) + VectorBytes(slots.lengths) +
           VectorBytes(slots.docs) + VectorBytes(slots.term_counts) +
           VectorBytes(slots.slot_of_doc) + VectorBytes(slots.terms) +
           TableBytes(slots.industry_slots);
  for (const auto& [code, list] : slots.industry_slots)
    bytes += HeapBytes(code) + VectorBytes(list);
  return bytes;
}

IndexMemory InvertedIndex::memory() const {
  IndexMemory memory;
  memory.postings = SlotsBytes(slots_, true);
  memory.slots = SlotsBytes(slots_, false);
  memory.profiles = docs_.size() * sizeof(MatchProfile) + TableBytes(doc_of_id_);
  for (const MatchProfile& doc : docs_) {
    memory.profiles += HeapBytes(doc.id) + HeapBytes(doc.owner_id) +
                       StringsBytes(doc.industry_codes) + StringsBytes(doc.event_ids);
  }
  for (const auto& [id, doc] : doc_of_id_) memory.profiles += HeapBytes(id);
  memory.dictionary = TableBytes(term_ids_) + StringsBytes(term_text_) +
                      VectorBytes(free_term_ids_) + TableBytes(owner_ids_) +
                      TableBytes(industry_ids_);
  for (const auto& [term, id] : term_ids_) memory.dictionary += HeapBytes(term);
  for (const auto& [owner, id] : owner_ids_) memory.dictionary += HeapBytes(owner);
  for (const auto& [code, id] : industry_ids_) memory.dictionary += HeapBytes(code);
  if (compaction_ != nullptr) {
    const Compaction& c = *compaction_;
    memory.compaction = SlotsBytes(c.next, true) + SlotsBytes(c.next, false) +
                        VectorBytes(c.slot_map) + VectorBytes(c.round_terms) +
                        TableBytes(c.touched) + VectorBytes(c.emptied);
  }
  return memory;
}

IndexCounts InvertedIndex::counts() const {
  IndexCounts counts;
  counts.slots = slots_.facts.size();
  counts.dead_slots = counts.slots - slots_.live_count;
  counts.postings = slots_.postings;
  counts.dead_postings = slots_.dead_postings;
  counts.compactions = compactions_;
  counts.compacting = compaction_ != nullptr;
  return counts;
}

void InvertedIndex::Compact() {
  // One in progress is finished first: it may hold slots that died while it ran, and lists
  // grown while catching up.
  if (compaction_ != nullptr) StepCompaction(std::numeric_limits<size_t>::max());
  StartCompaction();
  StepCompaction(std::numeric_limits<size_t>::max());
  docs_.shrink_to_fit();
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool InvertedIndex::Eligible(const Query& q,
                                                                 uint32_t slot) const {
  const DocFacts& f = slots_.facts[slot];
  if (!(f.flags & kLive)) return false;
  if (!q.matching) return true;
  if (!(f.flags & kActive) || f.owner == q.facts.owner) return false;
  const Eligibility& e = *q.eligibility;
  if (!e.all_industries && (f.industries & q.facts.industries) == 0) {
    if (!(q.fallback || (f.flags & kOverflow))) return false;
    if (!SharesIndustry(ProfileAt(slot), *e.query)) return false;
  }
  if (!e.event_id.empty()) {
    if (!(f.flags & kHasEvents) || !Contains(ProfileAt(slot).event_ids, e.event_id)) return false;
  }
  return true;
}

double InvertedIndex::NonText(const Query& q, uint32_t slot) const {
  if (!q.matching) return 0;
  const Eligibility& e = *q.eligibility;
  return e.query_is_need ? NonTextScore(*e.query, ProfileAt(slot))
                         : NonTextScore(ProfileAt(slot), *e.query);
}

double InvertedIndex::NonTextBound(const Query& q, uint32_t slot) const {
  if (!q.matching) return 0;
  const DocFacts& doc = slots_.facts[slot];
  if (q.fallback || (doc.flags & kOverflow)) return NonText(q, slot);
  const bool query_is_need = q.eligibility->query_is_need;
  const DocFacts& need = query_is_need ? q.facts : doc;
  const DocFacts& offering = query_is_need ? doc : q.facts;
  // The same formulas as match_signals.cc, on the facts (tests compare the two).
  double industry = 0;
  if (need.primary != kNoCode && need.primary == offering.primary) {
    industry = 1.0;
  } else if ((need.primary != kNoCode && (offering.industries >> need.primary & 1)) ||
             (offering.primary != kNoCode && (need.industries >> offering.primary & 1))) {
    industry = 2.0 / 3.0;
  } else if (need.industries & offering.industries) {
    industry = 1.0 / 3.0;
  }
  double maturity = 1.0;
  if (!(need.trl <= 0 || offering.trl >= need.trl)) {
    maturity = std::max(0.0, 1.0 - (need.trl - offering.trl) / 3.0);
  }
  double price = 1.0;
  if ((need.flags & kHasAmount) && (offering.flags & kHasAmount)) {
    const double budget = static_cast<double>(query_is_need ? q.amount : slots_.amounts[slot]);
    const double asking = static_cast<double>(query_is_need ? slots_.amounts[slot] : q.amount);
    if (asking <= budget) {
      price = 1.0;
    } else if (budget <= 0) {
      price = 0;
    } else {
      price = std::max(0.0, 1.0 - (asking - budget) / budget);
    }
  }
  const double modes =
      (need.modes == 0 || offering.modes == 0 || (need.modes & offering.modes) != 0) ? 1.0 : 0.0;
  const double event = (need.flags & kHasEvents) && (offering.flags & kHasEvents) ? 1.0 : 0.0;
  return kIndustryWeight * industry + kMaturityWeight * maturity + kPriceWeight * price +
         kCooperationModeWeight * modes + kEventWeight * event;
}

InvertedIndex::Query InvertedIndex::Prepare(const AnalyzedText& query,
                                            const Eligibility& eligibility) const {
  Query q = PrepareEligibility(eligibility);
  PlanText(query, q);
  return q;
}

InvertedIndex::Query InvertedIndex::PrepareEligibility(const Eligibility& eligibility) const {
  Query q;
  q.eligibility = &eligibility;
  q.after.assign(1, 0.0);
  q.matching = eligibility.query != nullptr;
  q.text_weight = q.matching ? kTextWeight : 1.0;
  q.non_text_max = q.matching ? kNonTextWeight : 0.0;
  if (q.matching) {
    q.facts = FactsOf(*eligibility.query);
    q.fallback = (q.facts.flags & kOverflow) != 0;
    q.amount = eligibility.query->amount_minor.value_or(0);
  }
  return q;
}

void InvertedIndex::PlanText(const AnalyzedText& query, Query& q) const {
  if (slots_.live_count == 0 || query.terms.empty()) return;
  const double n = static_cast<double>(slots_.live_count);
  const double average_length = std::max(1.0, static_cast<double>(slots_.live_length) / n);
  q.norm_base = static_cast<float>(kK1 * (1 - kB));
  q.norm_per_term = static_cast<float>(kK1 * kB / average_length);
  const double query_norm = kK1 * (1 - kB + kB * query.length / average_length);
  struct Weighted {
    const Term* term;
    double query_weight;
    int count;
    bool expansion;
  };
  std::vector<Weighted> weighted;
  for (const AnalyzedTerm& term : query.terms) {
    if (!(term.weight > 0)) continue;
    // A term no document has adds nothing to any score; it must not take the place of one
    // that can (its idf would be the highest of all).
    auto it = term_ids_.find(term.term);
    if (it == term_ids_.end() || slots_.terms[it->second].postings.empty()) continue;
    const Term* entry = &slots_.terms[it->second];
    const double df = std::min(static_cast<double>(entry->postings.size()), n);
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    weighted.push_back(
        {entry,
         (1.0 + std::log(std::max(1.0, static_cast<double>(term.count)))) * idf * term.weight,
         std::max(term.count, 1), term.expansion});
  }
  // A need is a long text; like "more like this" queries, it is represented by its most
  // telling terms. The common ones left out would add little to any score but cost the most
  // (their posting lists are the longest).
  std::stable_sort(weighted.begin(), weighted.end(), [](const Weighted& a, const Weighted& b) {
    return a.query_weight > b.query_weight;
  });
  if (weighted.size() > kMaxQueryTerms) weighted.resize(kMaxQueryTerms);
  // The query scored against itself: a document that says everything the query says, as
  // often, gets text relevance 1. Expansion terms are alternatives to what the query says,
  // not more of it, so they are left out (unless nothing else is left).
  double self_score = 0, expansion_score = 0;
  for (const Weighted& term : weighted) {
    (term.expansion ? expansion_score : self_score) +=
        term.query_weight * term.count * (kK1 + 1) / (term.count + query_norm);
  }
  if (self_score <= 0) self_score = expansion_score;
  if (self_score <= 0) return;
  const double scale = q.text_weight / self_score;
  for (const Weighted& term : weighted) {
    const double weight = term.query_weight * scale * (kK1 + 1);
    // BM25's factor grows with the term frequency and shrinks with the length, so the
    // list's largest frequency over its shortest document bounds every posting.
    const double tf = term.term->max_tf;
    const double norm = kK1 * (1 - kB + kB * term.term->min_length / average_length);
    q.plan.push_back({term.term, static_cast<float>(weight), weight * tf / (tf + norm)});
  }
  std::stable_sort(q.plan.begin(), q.plan.end(), [](const PlannedTerm& a, const PlannedTerm& b) {
    return a.upper_bound > b.upper_bound;
  });
  // Exact suffix sums: a running `remaining -= bound` leaves a rounding residue (even below
  // zero after the last term), and a document tied with the k-th best could fall out.
  q.after.assign(q.plan.size() + 1, 0.0);
  for (size_t i = q.plan.size(); i-- > 0;) q.after[i] = q.after[i + 1] + q.plan[i].upper_bound;
}

void InvertedIndex::FillWithoutText(const Query& q, size_t k,
                                    std::vector<ScoredDocument>& results) const {
  if (!q.matching || results.size() >= k) return;
  // Fewer than k: θ never existed, so nothing was pruned and `results` holds every eligible
  // document with shared text.
  const Eligibility& eligibility = *q.eligibility;
  absl::flat_hash_set<const MatchProfile*> seen;
  for (const ScoredDocument& doc : results) seen.insert(doc.profile);
  std::vector<ScoredDocument> extra;
  auto consider = [&](uint32_t slot) {
    // Eligible first: a dead slot's document is the same profile as its live slot's.
    if (!Eligible(q, slot) || !seen.insert(&ProfileAt(slot)).second) return;
    extra.push_back({&ProfileAt(slot), 0, NonText(q, slot)});
  };
  if (eligibility.all_industries) {
    for (uint32_t slot = 0; slot < slots_.facts.size(); ++slot) consider(slot);
  } else {
    for (const std::string& code : eligibility.query->industry_codes) {
      auto it = slots_.industry_slots.find(code);
      if (it == slots_.industry_slots.end()) continue;
      for (uint32_t slot : it->second) consider(slot);
    }
  }
  const size_t wanted = std::min(extra.size(), k - results.size());
  std::partial_sort(extra.begin(), extra.begin() + wanted, extra.end(), Better);
  results.insert(results.end(), extra.begin(), extra.begin() + wanted);
}

std::vector<ScoredDocument> InvertedIndex::TopK(const AnalyzedText& query,
                                                const Eligibility& eligibility, size_t k,
                                                TopKStats* stats) const {
  return Run(Prepare(query, eligibility), k, /*prune=*/true, stats);
}

std::vector<ScoredDocument> InvertedIndex::TopKExhaustive(const AnalyzedText& query,
                                                          const Eligibility& eligibility,
                                                          size_t k) const {
  return Run(Prepare(query, eligibility), k, /*prune=*/false, nullptr);
}

std::vector<ScoredDocument> InvertedIndex::Run(const Query& q, size_t k, bool prune,
                                               TopKStats* stats) const {
  std::vector<ScoredDocument> results;
  if (k == 0) return results;
  TopKStats local_stats;
  TopKStats& st = stats != nullptr ? *stats : local_stats;
  // Thread CPU time per phase, when asked for statistics.
  auto cpu_now = [stats] {
    if (stats == nullptr) return int64_t{0};
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec;
  };
  int64_t lap_start = cpu_now();
  auto lap = [&](int phase) {
    if (stats == nullptr) return;
    const int64_t now = cpu_now();
    st.phase_ns[phase] += now - lap_start;
    lap_start = now;
  };

  const size_t slot_count = slots_.facts.size();
  const uint32_t* lengths = slots_.lengths.data();
  const std::vector<PlannedTerm>& plan = q.plan;
  const size_t n = plan.size();
  st.terms += n;
  for (const PlannedTerm& term : plan) st.postings += term.term->postings.size();

  // The best k so far, worst on top; θ is its worst once full: a lower bound of the final
  // k-th best, rising as ranges are done.
  std::vector<ScoredDocument>& heap = results;
  double theta = -std::numeric_limits<double>::infinity();
  auto offer = [&](const ScoredDocument& doc) {
    if (heap.size() < k) {
      heap.push_back(doc);
      std::push_heap(heap.begin(), heap.end(), Better);
    } else if (Better(doc, heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), Better);
      heap.back() = doc;
      std::push_heap(heap.begin(), heap.end(), Better);
    } else {
      return;
    }
    if (heap.size() == k) theta = heap.front().score;
  };
  // Documents below this can be dropped: kEpsilon under θ, so ties are compared exactly.
  auto floor = [&] { return prune ? theta - kEpsilon : -std::numeric_limits<double>::infinity(); };

  std::vector<size_t> cursor(n, 0);
  std::vector<uint32_t> candidates;
  std::vector<double> non_text;
  alignas(64) float acc[kRangeSize];
  std::fill(acc, acc + kRangeSize, 0.0f);
  lap(0);

  for (size_t base = 0; base < slot_count; base += kRangeSize) {
    const uint32_t limit = static_cast<uint32_t>(std::min(slot_count, base + kRangeSize));
    const uint32_t key_limit = limit << kTfBits;
    // Terms [0, essential) are read in full in this range; the rest only for candidates:
    // together they cannot lift a document nobody else saw up to θ.
    size_t essential = n;
    while (essential > 0 &&
           std::min(q.after[essential - 1], q.text_weight) + q.non_text_max + kEssentialMargin <
               floor()) {
      --essential;
    }
    for (size_t t = 0; t < essential; ++t) {
      const PlannedTerm& term = plan[t];
      const uint32_t* p = term.term->postings.data();
      const size_t end = term.term->postings.size();
      size_t i = cursor[t];
      const size_t first = i;
      for (; i < end && p[i] < key_limit; ++i) {
        acc[(p[i] >> kTfBits) - base] += q.Contribution(term, p[i], lengths);
      }
      st.scanned += i - first;
      cursor[t] = i;
    }
    lap(1);

    // Candidates: seen in an essential list, eligible, and able to reach θ with the rest.
    candidates.clear();
    non_text.clear();
    {
      const double remaining = q.after[essential];
      const double cut_text = floor() - remaining - q.non_text_max;
      const float cut = cut_text > 0 ? static_cast<float>(cut_text) : 0.0f;
      uint32_t seen[kRangeSize];
      uint32_t count = 0;
      const uint32_t width = limit - static_cast<uint32_t>(base);
      // Scores are non-negative floats, whose bits order as integers do: sixteen at a time
      // are skipped with one (vectorized) integer maximum when none passes the cut.
      uint32_t cut_bits;
      std::memcpy(&cut_bits, &cut, sizeof cut_bits);
      auto bits_of = [&acc](uint32_t i) {
        uint32_t b;
        std::memcpy(&b, &acc[i], sizeof b);
        return b;
      };
      uint32_t i = 0;
      for (; i + 16 <= width; i += 16) {
        uint32_t chunk[16];
        std::memcpy(chunk, &acc[i], sizeof chunk);
        uint32_t most = 0;
        for (uint32_t j = 0; j < 16; ++j) most = std::max(most, chunk[j]);
        if (most <= cut_bits) continue;
        for (uint32_t j = 0; j < 16; ++j) {
          seen[count] = i + j;
          count += chunk[j] > cut_bits ? 1 : 0;
        }
      }
      for (; i < width; ++i) {
        seen[count] = i;
        count += bits_of(i) > cut_bits ? 1 : 0;
      }
      st.seen += count;
      for (uint32_t c = 0; c < count; ++c) {
        const uint32_t slot = static_cast<uint32_t>(base) + seen[c];
        if (!Eligible(q, slot)) continue;
        const double bound = NonTextBound(q, slot);
        if (std::min<double>(acc[seen[c]] + remaining, q.text_weight) + bound < floor()) continue;
        candidates.push_back(slot);
        non_text.push_back(bound);
      }
      st.candidates += candidates.size();
    }
    lap(2);

    // The other lists: only their postings for candidates (galloping through the longer
    // side); after each, drop the candidates that can no longer reach θ.
    for (size_t t = essential; t < n; ++t) {
      const PlannedTerm& term = plan[t];
      const uint32_t* p = term.term->postings.data();
      const size_t list_end = term.term->postings.size();
      const size_t from = cursor[t];
      const size_t end = Gallop(p, from, list_end, key_limit);
      cursor[t] = end;
      if (candidates.empty()) continue;
      if (end - from < candidates.size()) {
        st.probes += end - from;
        const uint32_t* c = candidates.data();
        size_t at = 0;
        for (size_t i = from; i < end; ++i) {
          const uint32_t slot = p[i] >> kTfBits;
          at = Gallop(c, at, candidates.size(), slot);
          if (at == candidates.size()) break;
          if (c[at] == slot) acc[slot - base] += q.Contribution(term, p[i], lengths);
        }
      } else {
        st.probes += candidates.size();
        size_t pos = from;
        for (uint32_t slot : candidates) {
          pos = Gallop(p, pos, end, slot << kTfBits);
          if (pos == end) break;
          if ((p[pos] >> kTfBits) == slot)
            acc[slot - base] += q.Contribution(term, p[pos], lengths);
        }
      }
      const double remaining = q.after[t + 1];
      size_t kept = 0;
      for (size_t c = 0; c < candidates.size(); ++c) {
        const uint32_t slot = candidates[c];
        if (std::min<double>(acc[slot - base] + remaining, q.text_weight) + non_text[c] < floor()) {
          continue;
        }
        candidates[kept] = slot;
        non_text[kept] = non_text[c];
        ++kept;
      }
      candidates.resize(kept);
      non_text.resize(kept);
    }
    lap(3);

    // Exact final scores for the survivors.
    for (size_t c = 0; c < candidates.size(); ++c) {
      const uint32_t slot = candidates[c];
      const double text = std::min<double>(acc[slot - base], q.text_weight);
      if (text + non_text[c] < floor()) continue;
      ++st.rescored;
      offer({&ProfileAt(slot), text / q.text_weight, text + NonText(q, slot)});
    }
    std::fill(acc, acc + (limit - base), 0.0f);
    lap(4);
  }

  std::sort_heap(heap.begin(), heap.end(), Better);
  FillWithoutText(q, k, results);
  lap(5);
  return results;
}

std::optional<ScoredDocument> InvertedIndex::Score(const AnalyzedText& query,
                                                   const Eligibility& eligibility,
                                                   const std::string& id, double min_score) const {
  auto found = doc_of_id_.find(id);
  if (found == doc_of_id_.end()) return std::nullopt;
  const uint32_t slot = slots_.slot_of_doc[found->second];
  // The cheap checks first: most changes are not eligible for most watches (another
  // industry), and planning the query's text (a lookup and a logarithm per query term, a sort)
  // is most of the cost.
  Query q = PrepareEligibility(eligibility);
  if (!Eligible(q, slot)) return std::nullopt;
  const double non_text = NonText(q, slot);
  if (non_text + q.text_weight < min_score - kEpsilon) return std::nullopt;
  PlanText(query, q);
  // The same float sum as Run's, term by term in plan order, so the score is TopK's to the bit.
  float text_sum = 0.0f;
  const uint32_t key = slot << kTfBits;
  for (const PlannedTerm& term : q.plan) {
    const std::vector<uint32_t>& postings = term.term->postings;
    auto posting = std::lower_bound(postings.begin(), postings.end(), key);
    if (posting == postings.end() || (*posting >> kTfBits) != slot) continue;
    text_sum += q.Contribution(term, *posting, slots_.lengths.data());
  }
  if (!(text_sum > 0.0f)) return std::nullopt;
  const double text = std::min<double>(text_sum, q.text_weight);
  return ScoredDocument{&ProfileAt(slot), text / q.text_weight, text + non_text};
}

}  // namespace techmatch
