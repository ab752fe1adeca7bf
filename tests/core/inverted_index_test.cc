// The inverted index: top-k equals a brute-force scorer (MaxScore pruning never changes the
// answer), revisions replace documents, eligibility follows the ranking rules (README,
// "Matching"), and compaction reclaims dead slots without changing an answer.
#include "core/matching/inverted_index.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/matching/match_signals.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A text from (term, count) pairs.
AnalyzedText Text(const std::vector<std::pair<std::string, int>>& terms) {
  AnalyzedText text;
  for (const auto& [term, count] : terms) {
    text.terms.push_back({term, term, count});
    text.length += count;
  }
  return text;
}

MatchProfile Profile(const std::string& id, const std::string& owner,
                     std::vector<std::string> industries, int64_t revision = 1) {
  MatchProfile profile;
  profile.id = id;
  profile.owner_id = owner;
  profile.industry_codes = std::move(industries);
  profile.revision = revision;
  return profile;
}

std::vector<std::string> Ids(const std::vector<ScoredDocument>& docs) {
  std::vector<std::string> ids;
  for (const ScoredDocument& doc : docs) ids.push_back(doc.profile->id);
  return ids;
}

// Scores every document the slow, obvious way: Okapi BM25 normalized by the query's score
// against itself, capped at 1, weighted, plus the non-text signals. Documents that share
// text with the query come first; eligible ones that share none only fill up the list.
class BruteForce {
 public:
  void Add(const MatchProfile& profile, const AnalyzedText& text) {
    docs_.push_back({profile, text});
  }

  std::vector<std::pair<std::string, double>> TopK(const AnalyzedText& query,
                                                   const Eligibility& eligibility, size_t k) const {
    constexpr double k1 = 1.2, b = 0.75;
    const double n = static_cast<double>(docs_.size());
    double total_length = 0;
    std::map<std::string, double> df;
    for (const Doc& doc : docs_) {
      total_length += doc.text.length;
      for (const AnalyzedTerm& term : doc.text.terms) df[term.term] += 1;
    }
    const double average = std::max(1.0, total_length / n);
    // The query's kMaxQueryTerms terms of highest weight (tf × idf × the term's weight),
    // earlier first on ties; terms no document has, or of weight 0, take no part.
    std::vector<std::pair<const AnalyzedTerm*, double>> weighted;
    for (const AnalyzedTerm& q : query.terms) {
      if (!df.contains(q.term) || !(q.weight > 0)) continue;
      const double d = df.at(q.term);
      const double idf = std::log(1.0 + (n - d + 0.5) / (d + 0.5));
      weighted.emplace_back(&q, (1.0 + std::log(q.count)) * idf * q.weight);
    }
    std::stable_sort(weighted.begin(), weighted.end(),
                     [](const auto& a, const auto& c) { return a.second > c.second; });
    if (weighted.size() > kMaxQueryTerms) weighted.resize(kMaxQueryTerms);
    auto bm25 = [&](const AnalyzedText& text) {
      double score = 0;
      const double norm = k1 * (1 - b + b * text.length / average);
      for (const auto& [q, query_weight] : weighted) {
        for (const AnalyzedTerm& t : text.terms) {
          if (t.term == q->term) score += query_weight * t.count * (k1 + 1) / (t.count + norm);
        }
      }
      return score;
    };
    // Against itself without expansion terms (with them only when nothing else is left).
    const double query_norm = k1 * (1 - b + b * query.length / average);
    double self = 0, expansions = 0;
    for (const auto& [q, query_weight] : weighted) {
      (q->expansion ? expansions : self) +=
          query_weight * q->count * (k1 + 1) / (q->count + query_norm);
    }
    if (self <= 0) self = expansions;
    const bool matching = eligibility.query != nullptr;
    const double text_weight = matching ? kTextWeight : 1.0;
    std::vector<std::pair<std::string, double>> scored;
    std::map<std::string, bool> has_text;
    for (const Doc& doc : docs_) {
      const double raw = self > 0 ? bm25(doc.text) / self : 0;
      has_text[doc.profile.id] = raw > 0;
      if (!matching) {
        if (raw > 0) scored.emplace_back(doc.profile.id, std::min(raw, 1.0));
        continue;
      }
      const MatchProfile& q = *eligibility.query;
      const MatchProfile& d = doc.profile;
      if (!d.active || d.owner_id == q.owner_id) continue;
      if (!eligibility.event_id.empty() && std::find(d.event_ids.begin(), d.event_ids.end(),
                                                     eligibility.event_id) == d.event_ids.end()) {
        continue;
      }
      bool shares = false;
      for (const std::string& code : q.industry_codes) {
        shares |= std::find(d.industry_codes.begin(), d.industry_codes.end(), code) !=
                  d.industry_codes.end();
      }
      if (!shares && !eligibility.all_industries) continue;
      const double non_text = eligibility.query_is_need ? NonTextScore(q, d) : NonTextScore(d, q);
      scored.emplace_back(d.id, text_weight * std::min(raw, 1.0) + non_text);
    }
    std::sort(scored.begin(), scored.end(), [&has_text](const auto& a, const auto& b) {
      if (has_text.at(a.first) != has_text.at(b.first)) return has_text.at(a.first);
      if (a.second != b.second) return a.second > b.second;
      return a.first < b.first;
    });
    if (scored.size() > k) scored.resize(k);
    return scored;
  }

  double ScoreOf(const std::string& id, const AnalyzedText& query,
                 const Eligibility& eligibility) const {
    for (const auto& [doc_id, score] : TopK(query, eligibility, docs_.size())) {
      if (doc_id == id) return score;
    }
    return -1;
  }

 private:
  struct Doc {
    MatchProfile profile;
    AnalyzedText text;
  };
  std::vector<Doc> docs_;
};

// A random corpus: Zipf-like term frequencies, so a few terms are everywhere (the terms
// pruning skips) and most are rare.
struct RandomCorpus {
  explicit RandomCorpus(uint32_t seed, size_t documents, size_t vocabulary) : rng(seed) {
    for (size_t i = 0; i < vocabulary; ++i) {
      weights.push_back(1.0 / std::pow(static_cast<double>(i + 1), 1.1));
    }
    for (size_t i = 0; i < documents; ++i) {
      MatchProfile profile =
          Profile(absl::StrCat("d", i), absl::StrCat("org", rng() % 7), RandomIndustries());
      profile.trl = 1 + static_cast<int>(rng() % 9);
      if (rng() % 2) profile.amount_minor = static_cast<int64_t>(rng() % 1000) * 1000;
      profile.cooperation_modes = static_cast<uint8_t>(rng() % 8);
      if (rng() % 3 == 0) profile.event_ids.push_back(absl::StrCat("e", rng() % 3));
      profile.active = rng() % 10 != 0;
      AnalyzedText text = RandomText(3 + rng() % 40);
      ASSERT_OK(index.Upsert(profile, text));
      brute.Add(profile, text);
    }
  }

  static void ASSERT_OK(const absl::Status& status) { ASSERT_TRUE(status.ok()) << status; }

  std::vector<std::string> RandomIndustries() {
    static const std::vector<std::string> kCodes = {"liquor", "chemicals", "machinery", "energy",
                                                    "agriculture"};
    std::vector<std::string> codes = {kCodes[rng() % kCodes.size()]};
    if (rng() % 2) {
      const std::string second = kCodes[rng() % kCodes.size()];
      if (second != codes[0]) codes.push_back(second);
    }
    return codes;
  }

  AnalyzedText RandomText(size_t occurrences) {
    std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
    std::map<size_t, int> counts;
    for (size_t i = 0; i < occurrences; ++i) ++counts[pick(rng)];
    std::vector<std::pair<std::string, int>> terms;
    for (const auto& [term, count] : counts) terms.emplace_back(absl::StrCat("t", term), count);
    std::shuffle(terms.begin(), terms.end(), rng);
    return Text(terms);
  }

  std::mt19937 rng;
  std::vector<double> weights;
  InvertedIndex index;
  BruteForce brute;
};

void ExpectSameTopK(const RandomCorpus& corpus, const AnalyzedText& query,
                    const Eligibility& eligibility, size_t k, const std::string& trace) {
  const std::vector<ScoredDocument> got = corpus.index.TopK(query, eligibility, k);
  const auto want = corpus.brute.TopK(query, eligibility, k);
  ASSERT_EQ(got.size(), want.size()) << trace;
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i].score, want[i].second, 1e-5) << trace << " rank " << i;
    if (got[i].profile->id != want[i].first) {
      // Only a tie (within float accumulation error) may swap places.
      EXPECT_NEAR(corpus.brute.ScoreOf(got[i].profile->id, query, eligibility), want[i].second,
                  1e-5)
          << trace << " rank " << i << ": " << got[i].profile->id << " vs " << want[i].first;
    }
  }
}

TEST(InvertedIndexTest, TopKEqualsBruteForceForFreeTextSearch) {
  for (uint32_t seed = 1; seed <= 6; ++seed) {
    RandomCorpus corpus(seed, 1500, 300);
    for (int q = 0; q < 40; ++q) {
      const AnalyzedText query = corpus.RandomText(1 + corpus.rng() % 12);
      for (size_t k : {1u, 5u, 20u}) {
        ExpectSameTopK(corpus, query, Eligibility{}, k,
                       absl::StrCat("seed ", seed, " query ", q, " k ", k));
      }
    }
  }
}

// Query weights (understanding, expansion), terms of weight 0 and terms no document has.
TEST(InvertedIndexTest, TopKEqualsBruteForceForWeightedQueries) {
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    RandomCorpus corpus(seed, 1500, 300);
    for (int q = 0; q < 40; ++q) {
      AnalyzedText query = corpus.RandomText(1 + corpus.rng() % 30);
      for (AnalyzedTerm& term : query.terms) {
        term.weight = static_cast<double>(corpus.rng() % 5) / 4.0;  // 0, 0.25 ... 1
        term.expansion = corpus.rng() % 4 == 0;
      }
      for (int absent = 0; absent < 45; ++absent) {
        query.terms.push_back({absl::StrCat("absent", absent), "", 1});
        ++query.length;
      }
      ExpectSameTopK(corpus, query, Eligibility{}, 10, absl::StrCat("seed ", seed, " q ", q));
    }
  }
}

TEST(InvertedIndexTest, TermsNoDocumentHasDoNotCrowdOutTheRest) {
  InvertedIndex index;
  ASSERT_TRUE(index.Upsert(Profile("a", "x", {"liquor"}), Text({{"窖泥", 1}})).ok());
  ASSERT_TRUE(index.Upsert(Profile("b", "x", {"liquor"}), Text({{"酿造", 1}})).ok());
  std::vector<std::pair<std::string, int>> terms;
  for (int i = 0; i < 60; ++i) terms.emplace_back(absl::StrCat("rare", i), 1);
  terms.emplace_back("窖泥", 1);  // 61st: cut before absent terms stopped counting.
  EXPECT_THAT(Ids(index.TopK(Text(terms), Eligibility{}, 5)), ElementsAre("a"));
  // Its text relevance is against what any document could have: the one term.
  EXPECT_DOUBLE_EQ(index.TopK(Text(terms), Eligibility{}, 5)[0].text, 1.0);
  AnalyzedText zero = Text({{"窖泥", 1}, {"酿造", 1}});
  zero.terms[0].weight = 0;
  EXPECT_THAT(Ids(index.TopK(zero, Eligibility{}, 5)), ElementsAre("b"));
}

TEST(InvertedIndexTest, IdfAndTermCountsForReranking) {
  InvertedIndex index;
  ASSERT_TRUE(index.Upsert(Profile("a", "x", {"liquor"}), Text({{"窖泥", 3}, {"白酒", 1}})).ok());
  ASSERT_TRUE(index.Upsert(Profile("b", "x", {"liquor"}), Text({{"白酒", 2}})).ok());
  EXPECT_GT(index.Idf("窖泥"), index.Idf("白酒"));
  EXPECT_EQ(index.Idf("absent"), 0);
  const std::vector<int32_t> ids = index.TermIds(Text({{"窖泥", 1}, {"absent", 1}, {"白酒", 1}}));
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[1], -1);
  std::vector<uint32_t> counts;
  ASSERT_TRUE(index.TermCounts("a", ids, counts));
  EXPECT_THAT(counts, ElementsAre(3u, 0u, 1u));
  ASSERT_TRUE(index.TermCounts("b", ids, counts));
  EXPECT_THAT(counts, ElementsAre(0u, 0u, 2u));
  EXPECT_FALSE(index.TermCounts("unknown", ids, counts));
  // Many at once: the same counts.
  const MatchProfile unknown = Profile("unknown", "x", {"liquor"});
  std::vector<std::vector<uint32_t>> batch;
  index.TermCounts({index.Find("b"), &unknown, index.Find("a")}, ids, batch);
  ASSERT_EQ(batch.size(), 3u);
  EXPECT_THAT(batch[0], ElementsAre(0u, 0u, 2u));
  EXPECT_THAT(batch[1], ElementsAre(0u, 0u, 0u));
  EXPECT_THAT(batch[2], ElementsAre(3u, 0u, 1u));
}

TEST(InvertedIndexTest, TopKEqualsBruteForceForMatching) {
  for (uint32_t seed = 11; seed <= 16; ++seed) {
    RandomCorpus corpus(seed, 1500, 300);
    for (int q = 0; q < 40; ++q) {
      MatchProfile need =
          Profile("need", absl::StrCat("org", corpus.rng() % 7), corpus.RandomIndustries());
      need.trl = static_cast<int>(corpus.rng() % 10);
      if (corpus.rng() % 2) need.amount_minor = static_cast<int64_t>(corpus.rng() % 1000) * 1000;
      need.cooperation_modes = static_cast<uint8_t>(corpus.rng() % 8);
      need.event_ids = {"e0"};
      Eligibility eligibility{&need, q % 4 != 3, "", false};
      if (q % 5 == 1) eligibility.all_industries = true;
      if (q % 7 == 2) eligibility.event_id = absl::StrCat("e", corpus.rng() % 3);
      const AnalyzedText query = corpus.RandomText(1 + corpus.rng() % 15);
      for (size_t k : {1u, 5u, 20u}) {
        ExpectSameTopK(corpus, query, eligibility, k,
                       absl::StrCat("seed ", seed, " query ", q, " k ", k));
      }
    }
  }
}

// Pruned TopK against TopKExhaustive (every posting read) on larger random corpora than the
// brute-force scorer can handle, with what pruning depends on varied: many industry codes
// (beyond the 64 with a bit, so the string fallback runs), events on both sides, withdrawn and
// replaced documents, every eligibility option, free text, k from 1 to 200. The two must agree
// exactly (same documents, same order, same scores), and pruning must actually happen.
TEST(InvertedIndexTest, PrunedTopKEqualsExhaustiveTopK) {
  std::mt19937 rng(2026);
  size_t queries = 0, pruned = 0;
  for (int corpus = 0; corpus < 6; ++corpus) {
    // Several ranges of 4,096 slots: θ from the first ranges prunes the later ones.
    const size_t documents = 12000 + rng() % 8000;
    const size_t vocabulary = 200 + rng() % 2000;
    const size_t industries = corpus % 3 == 2 ? 90 : 5 + rng() % 10;
    std::vector<double> weights;
    for (size_t i = 0; i < vocabulary; ++i) weights.push_back(1.0 / std::pow(i + 1.0, 1.05));
    std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
    auto random_text = [&](size_t occurrences) {
      std::map<size_t, int> counts;
      for (size_t i = 0; i < occurrences; ++i) ++counts[pick(rng)];
      std::vector<std::pair<std::string, int>> terms;
      for (const auto& [term, count] : counts) terms.emplace_back(absl::StrCat("t", term), count);
      std::shuffle(terms.begin(), terms.end(), rng);
      return Text(terms);
    };
    auto random_profile = [&](const std::string& id, int64_t revision) {
      std::vector<std::string> codes;
      const size_t count = 1 + rng() % 3;
      for (size_t i = 0; i < count; ++i) {
        const std::string code = absl::StrCat("ind", rng() % industries);
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
      }
      MatchProfile profile = Profile(id, absl::StrCat("org", rng() % 40), codes, revision);
      profile.trl = static_cast<int>(rng() % 10);
      if (rng() % 2) profile.amount_minor = static_cast<int64_t>(rng() % 100) * 1000;
      profile.cooperation_modes = static_cast<uint8_t>(rng() % 16);
      if (rng() % 4 == 0) profile.event_ids.push_back(absl::StrCat("e", rng() % 4));
      profile.active = rng() % 12 != 0;
      return profile;
    };
    InvertedIndex index;
    for (size_t i = 0; i < documents; ++i) {
      ASSERT_TRUE(
          index.Upsert(random_profile(absl::StrCat("d", i), 1), random_text(5 + rng() % 60)).ok());
    }
    // Replace some documents: their old slots go dead.
    for (size_t i = 0; i < documents / 10; ++i) {
      ASSERT_TRUE(index
                      .Upsert(random_profile(absl::StrCat("d", rng() % documents), 2),
                              random_text(5 + rng() % 60))
                      .ok());
    }
    for (int n = 0; n < 40; ++n) {
      MatchProfile query = random_profile("q", 1);
      query.active = true;
      Eligibility eligibility{&query, n % 4 != 3, "", n % 5 == 1};
      if (n % 7 == 2) eligibility.event_id = absl::StrCat("e", rng() % 4);
      if (n % 9 == 4) eligibility = Eligibility{};
      const AnalyzedText text = random_text(3 + rng() % 40);
      for (size_t k : {1u, 20u, 200u}) {
        TopKStats stats;
        const std::vector<ScoredDocument> got = index.TopK(text, eligibility, k, &stats);
        const std::vector<ScoredDocument> want = index.TopKExhaustive(text, eligibility, k);
        const std::string trace = absl::StrCat("corpus ", corpus, " query ", n, " k ", k);
        ASSERT_EQ(Ids(got), Ids(want)) << trace;
        for (size_t i = 0; i < got.size(); ++i) {
          ASSERT_EQ(got[i].score, want[i].score) << trace << " rank " << i;
          ASSERT_EQ(got[i].text, want[i].text) << trace << " rank " << i;
        }
        ++queries;
        if (stats.scanned < stats.postings) ++pruned;
      }
    }
  }
  // Pruning is what is being tested: many queries must have read some lists only for
  // candidates (k = 200 over a few ranges often cannot prune at all).
  EXPECT_GT(pruned, queries / 5) << pruned << " of " << queries;
}

TEST(InvertedIndexTest, NewRevisionReplacesOldAndOlderIsIgnored) {
  InvertedIndex index;
  ASSERT_TRUE(index.Upsert(Profile("a", "x", {"liquor"}, 1), Text({{"白酒", 1}})).ok());
  ASSERT_TRUE(index.Upsert(Profile("b", "x", {"liquor"}, 1), Text({{"窖池", 1}})).ok());
  ASSERT_TRUE(index.Upsert(Profile("a", "x", {"liquor"}, 2), Text({{"窖池", 2}})).ok());
  EXPECT_EQ(index.live_documents(), 2u);
  EXPECT_THAT(Ids(index.TopK(Text({{"白酒", 1}}), Eligibility{}, 10)), IsEmpty());
  EXPECT_THAT(Ids(index.TopK(Text({{"窖池", 1}}), Eligibility{}, 10)), ElementsAre("a", "b"));
  // A late writer reporting revision 1 changes nothing.
  ASSERT_TRUE(index.Upsert(Profile("a", "x", {"liquor"}, 1), Text({{"白酒", 1}})).ok());
  EXPECT_THAT(Ids(index.TopK(Text({{"白酒", 1}}), Eligibility{}, 10)), IsEmpty());
  ASSERT_NE(index.Find("a"), nullptr);
  EXPECT_EQ(index.Find("a")->revision, 2);
  EXPECT_EQ(index.Find("missing"), nullptr);
}

TEST(InvertedIndexTest, WithdrawnExcludedFromMatchingButFoundBySearch) {
  InvertedIndex index;
  MatchProfile withdrawn = Profile("w", "inst", {"liquor"}, 2);
  withdrawn.active = false;
  ASSERT_TRUE(index.Upsert(withdrawn, Text({{"白酒", 1}})).ok());
  ASSERT_TRUE(index.Upsert(Profile("v", "inst", {"liquor"}), Text({{"白酒", 1}, {"x", 3}})).ok());
  const MatchProfile need = Profile("n", "ent", {"liquor"});
  EXPECT_THAT(Ids(index.TopK(Text({{"白酒", 1}}), Eligibility{&need, true, "", false}, 10)),
              ElementsAre("v"));
  EXPECT_THAT(Ids(index.TopK(Text({{"白酒", 1}}), Eligibility{}, 10)), ElementsAre("w", "v"));
}

TEST(InvertedIndexTest, EligibilityOwnerIndustryAndEvent) {
  InvertedIndex index;
  MatchProfile same_owner = Profile("own", "ent", {"liquor"});
  MatchProfile other_industry = Profile("chem", "inst", {"chemicals"});
  MatchProfile secondary = Profile("sec", "inst", {"agriculture", "liquor"});
  MatchProfile at_fair = Profile("fair", "inst", {"liquor"});
  at_fair.event_ids = {"fair"};
  for (const MatchProfile& p : {same_owner, other_industry, secondary, at_fair}) {
    ASSERT_TRUE(index.Upsert(p, Text({{"白酒", 1}})).ok());
  }
  const MatchProfile need = Profile("n", "ent", {"liquor"});
  const AnalyzedText query = Text({{"白酒", 1}});
  // Same primary industry scores higher than a secondary one.
  EXPECT_THAT(Ids(index.TopK(query, Eligibility{&need, true, "", false}, 10)),
              ElementsAre("fair", "sec"));
  EXPECT_THAT(Ids(index.TopK(query, Eligibility{&need, true, "", true}, 10)),
              ElementsAre("fair", "sec", "chem"));
  EXPECT_THAT(Ids(index.TopK(query, Eligibility{&need, true, "fair", false}, 10)),
              ElementsAre("fair"));
  EXPECT_THAT(Ids(index.TopK(query, Eligibility{&need, true, "other", true}, 10)), IsEmpty());
}

TEST(InvertedIndexTest, TiesBreakById) {
  InvertedIndex index;
  for (const std::string id : {"c", "a", "d", "b"}) {
    ASSERT_TRUE(index.Upsert(Profile(id, "inst", {"energy"}), Text({{"光伏", 1}})).ok());
  }
  const MatchProfile need = Profile("n", "ent", {"energy"});
  EXPECT_THAT(Ids(index.TopK(Text({{"光伏", 1}}), Eligibility{&need, true, "", false}, 3)),
              ElementsAre("a", "b", "c"));
  EXPECT_THAT(Ids(index.TopK(Text({{"光伏", 1}}), Eligibility{}, 10)),
              ElementsAre("a", "b", "c", "d"));
}

TEST(InvertedIndexTest, EligibleDocumentsWithoutSharedTextFillTheList) {
  InvertedIndex index;
  ASSERT_TRUE(index.Upsert(Profile("text", "inst", {"energy"}), Text({{"光伏", 1}})).ok());
  ASSERT_TRUE(index.Upsert(Profile("none", "inst", {"energy"}), Text({{"风电", 1}})).ok());
  ASSERT_TRUE(index.Upsert(Profile("far", "inst", {"liquor"}), Text({{"白酒", 1}})).ok());
  const MatchProfile need = Profile("n", "ent", {"energy"});
  const auto docs = index.TopK(Text({{"光伏", 1}}), Eligibility{&need, true, "", false}, 10);
  EXPECT_THAT(Ids(docs), ElementsAre("text", "none"));
  EXPECT_EQ(docs[1].text, 0);
  EXPECT_GT(docs[1].score, 0);
  // Free-text search returns only documents with shared text.
  EXPECT_THAT(Ids(index.TopK(Text({{"光伏", 1}}), Eligibility{}, 10)), ElementsAre("text"));
  EXPECT_THAT(Ids(index.TopK(Text({}), Eligibility{}, 10)), IsEmpty());
  EXPECT_THAT(Ids(index.TopK(Text({{"光伏", 1}}), Eligibility{}, 0)), IsEmpty());
}

TEST(InvertedIndexTest, TextRelevanceIsOneForTheQueryItself) {
  InvertedIndex index;
  const AnalyzedText text = Text({{"白酒", 2}, {"窖池", 1}});
  ASSERT_TRUE(index.Upsert(Profile("a", "inst", {"liquor"}), text).ok());
  ASSERT_TRUE(index.Upsert(Profile("b", "inst", {"liquor"}), Text({{"机床", 1}})).ok());
  const auto docs = index.TopK(text, Eligibility{}, 1);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NEAR(docs[0].text, 1.0, 1e-6);
  EXPECT_GT(index.posting_bytes(), 0u);
  index.Compact();
  EXPECT_THAT(Ids(index.TopK(text, Eligibility{}, 1)), ElementsAre("a"));
}

// Score (one document, for match watches) must say exactly what TopK says of that document:
// a watcher and a MatchNeed call must never disagree about a score or a threshold.
TEST(InvertedIndexTest, ScoreEqualsTopKForEveryReturnedDocument) {
  for (uint32_t seed = 21; seed <= 24; ++seed) {
    RandomCorpus corpus(seed, 1500, 300);
    for (int q = 0; q < 30; ++q) {
      MatchProfile need =
          Profile("need", absl::StrCat("org", corpus.rng() % 7), corpus.RandomIndustries());
      need.trl = static_cast<int>(corpus.rng() % 10);
      need.event_ids = {"e0"};
      Eligibility matching{&need, true, "", q % 3 == 0};
      Eligibility search;
      const AnalyzedText query = corpus.RandomText(1 + corpus.rng() % 15);
      for (const Eligibility* eligibility : {&matching, &search}) {
        for (const ScoredDocument& doc : corpus.index.TopK(query, *eligibility, 50)) {
          const std::optional<ScoredDocument> one =
              corpus.index.Score(query, *eligibility, doc.profile->id);
          const std::string trace = absl::StrCat("seed ", seed, " query ", q, " ", doc.profile->id);
          if (doc.text == 0) {
            // Filled in without shared text: a watch reports only documents sharing text.
            EXPECT_FALSE(one.has_value()) << trace;
            continue;
          }
          ASSERT_TRUE(one.has_value()) << trace;
          EXPECT_EQ(one->profile, doc.profile) << trace;
          EXPECT_EQ(one->score, doc.score) << trace;
          EXPECT_EQ(one->text, doc.text) << trace;
        }
      }
    }
  }
}

TEST(InvertedIndexTest, ScoreOfUnknownIneligibleOrReplacedDocument) {
  InvertedIndex index;
  ASSERT_TRUE(index.Upsert(Profile("a", "org1", {"liquor"}), Text({{"酿造", 2}})).ok());
  MatchProfile b = Profile("b", "org2", {"liquor"});
  ASSERT_TRUE(index.Upsert(b, Text({{"酿造", 1}})).ok());
  MatchProfile need = Profile("need", "org1", {"liquor"});
  const Eligibility eligibility{&need, true, "", false};
  const AnalyzedText query = Text({{"酿造", 1}});
  EXPECT_FALSE(index.Score(query, eligibility, "missing").has_value());
  EXPECT_FALSE(index.Score(query, eligibility, "a").has_value());  // the need's own organization
  ASSERT_TRUE(index.Score(query, eligibility, "b").has_value());
  EXPECT_FALSE(index.Score(Text({{"白酒", 1}}), eligibility, "b").has_value());  // no shared text
  // A new revision with other text replaces the old one: the old text no longer counts.
  b.revision += 1;
  ASSERT_TRUE(index.Upsert(b, Text({{"白酒", 3}})).ok());
  EXPECT_FALSE(index.Score(query, eligibility, "b").has_value());
  EXPECT_TRUE(index.Score(Text({{"白酒", 1}}), eligibility, "b").has_value());
}

// Records edited at random, as a server sees them over months: text, industries, owner, state,
// price and events change; some edits add a word no other record has (a model number), and
// new records keep arriving.
class Churn {
 public:
  // Texts have 4 to 3 + `most_occurrences` words of a Zipf vocabulary.
  explicit Churn(uint32_t seed, size_t vocabulary = 400, size_t most_occurrences = 50)
      : rng_(seed), most_occurrences_(most_occurrences) {
    std::vector<double> weights;
    for (size_t i = 0; i < vocabulary; ++i) weights.push_back(1.0 / std::pow(i + 1.0, 1.05));
    pick_ = std::discrete_distribution<size_t>(weights.begin(), weights.end());
  }

  // A new revision of record `i` (revision one above the last).
  std::pair<MatchProfile, AnalyzedText> Edit(size_t i) {
    const std::string id = absl::StrCat("d", i);
    const int64_t revision = ++revisions_[id];
    std::vector<std::string> codes;
    for (size_t n = 1 + rng_() % 3; n > 0; --n) {
      const std::string code = absl::StrCat("ind", rng_() % 12);
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    MatchProfile profile = Profile(id, absl::StrCat("org", rng_() % 30), codes, revision);
    profile.trl = static_cast<int>(rng_() % 10);
    if (rng_() % 2) profile.amount_minor = static_cast<int64_t>(rng_() % 100) * 1000;
    profile.cooperation_modes = static_cast<uint8_t>(rng_() % 16);
    if (rng_() % 4 == 0) profile.event_ids.push_back(absl::StrCat("e", rng_() % 3));
    profile.active = rng_() % 10 != 0;
    AnalyzedText text = RandomText(4 + rng_() % most_occurrences_);
    if (rng_() % 2) {
      text.terms.push_back({absl::StrCat("model-", rng_()), "", 1});
      text.length += 1;
    }
    latest_[id] = {profile, text};
    return {profile, text};
  }

  AnalyzedText RandomText(size_t occurrences) {
    std::map<size_t, int> counts;
    for (size_t i = 0; i < occurrences; ++i) ++counts[pick_(rng_)];
    std::vector<std::pair<std::string, int>> terms;
    for (const auto& [term, count] : counts) terms.emplace_back(absl::StrCat("t", term), count);
    std::shuffle(terms.begin(), terms.end(), rng_);
    return Text(terms);
  }

  MatchProfile RandomQuery() {
    MatchProfile query =
        Profile("q", absl::StrCat("org", rng_() % 30),
                {absl::StrCat("ind", rng_() % 12), absl::StrCat("ind", rng_() % 12)});
    query.trl = static_cast<int>(rng_() % 10);
    if (rng_() % 2) query.amount_minor = static_cast<int64_t>(rng_() % 100) * 1000;
    query.cooperation_modes = static_cast<uint8_t>(rng_() % 16);
    query.event_ids = {"e0"};
    return query;
  }

  // A fresh index of every record's latest revision, added in random order, then compacted as
  // the server does after loading.
  std::unique_ptr<InvertedIndex> Fresh() {
    std::vector<const std::pair<MatchProfile, AnalyzedText>*> records;
    for (const auto& [id, record] : latest_) records.push_back(&record);
    std::shuffle(records.begin(), records.end(), rng_);
    auto index = std::make_unique<InvertedIndex>();
    for (const auto* record : records) {
      EXPECT_TRUE(index->Upsert(record->first, record->second).ok());
    }
    index->Compact();
    return index;
  }

  std::mt19937& rng() { return rng_; }
  size_t records() const { return latest_.size(); }

 private:
  std::mt19937 rng_;
  size_t most_occurrences_;
  std::discrete_distribution<size_t> pick_;
  std::map<std::string, int64_t> revisions_;
  std::map<std::string, std::pair<MatchProfile, AnalyzedText>> latest_;
};

// Queries of every kind (matching both ways, all industries, an event, free text, k from 1 to
// 100) must get bit-for-bit the same answers from both indexes.
void ExpectSameAnswers(const InvertedIndex& got, const InvertedIndex& want, Churn& churn,
                       const std::string& trace) {
  for (int n = 0; n < 60; ++n) {
    const MatchProfile query = churn.RandomQuery();
    Eligibility eligibility{&query, n % 4 != 3, "", n % 5 == 1};
    if (n % 7 == 2) eligibility.event_id = "e0";
    if (n % 6 == 5) eligibility = Eligibility{};
    const AnalyzedText text = churn.RandomText(2 + churn.rng()() % 30);
    for (size_t k : {1u, 20u, 100u}) {
      const std::string where = absl::StrCat(trace, " query ", n, " k ", k);
      const std::vector<ScoredDocument> a = got.TopK(text, eligibility, k);
      const std::vector<ScoredDocument> b = want.TopK(text, eligibility, k);
      ASSERT_EQ(Ids(a), Ids(b)) << where;
      for (size_t i = 0; i < a.size(); ++i) {
        ASSERT_EQ(a[i].score, b[i].score) << where << " rank " << i;
        ASSERT_EQ(a[i].text, b[i].text) << where << " rank " << i;
        if (a[i].text == 0) continue;
        const std::optional<ScoredDocument> one = got.Score(text, eligibility, a[i].profile->id);
        ASSERT_TRUE(one.has_value()) << where << " rank " << i;
        ASSERT_EQ(one->score, a[i].score) << where << " rank " << i;
      }
    }
  }
}

void ExpectPrunedEqualsExhaustive(const InvertedIndex& index, Churn& churn,
                                  const std::string& trace) {
  for (int n = 0; n < 8; ++n) {
    const MatchProfile query = churn.RandomQuery();
    Eligibility eligibility{&query, n % 2 == 0, "", n % 3 == 1};
    if (n == 7) eligibility = Eligibility{};
    const AnalyzedText text = churn.RandomText(2 + churn.rng()() % 30);
    const std::vector<ScoredDocument> a = index.TopK(text, eligibility, 20);
    const std::vector<ScoredDocument> b = index.TopKExhaustive(text, eligibility, 20);
    ASSERT_EQ(Ids(a), Ids(b)) << trace << " query " << n;
    for (size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a[i].score, b[i].score) << trace;
  }
}

// Edits compact the index online, in small steps interleaved with more edits (edits of slots
// already copied to the generation being built, of slots not yet reached, new records and new
// terms). Throughout, pruning stays exact; once compacted, the index answers exactly as a fresh
// index of the same records.
TEST(InvertedIndexTest, CompactedIndexAnswersAsAFreshIndex) {
  for (uint32_t seed = 1; seed <= 3; ++seed) {
    Churn churn(seed);
    InvertedIndex index(CompactionOptions{.dead_share = 0.1, .step_work = 1000});
    size_t records = 3000;
    for (size_t i = 0; i < records; ++i) {
      auto [profile, text] = churn.Edit(i);
      ASSERT_TRUE(index.Upsert(profile, text).ok());
    }
    size_t checks_while_compacting = 0;
    for (int edit = 0; edit < 12000; ++edit) {
      const size_t i = churn.rng()() % 50 == 0 ? records++ : churn.rng()() % records;
      auto [profile, text] = churn.Edit(i);
      ASSERT_TRUE(index.Upsert(profile, text).ok());
      if (edit % 500 == 0) {
        checks_while_compacting += index.counts().compacting ? 1 : 0;
        ExpectPrunedEqualsExhaustive(index, churn, absl::StrCat("seed ", seed, " edit ", edit));
      }
    }
    const IndexCounts counts = index.counts();
    EXPECT_GE(counts.compactions, 3u) << "seed " << seed;
    EXPECT_GT(checks_while_compacting, 0u) << "seed " << seed;
    // Dead slots stay near the share that starts a compaction, not one per edit.
    EXPECT_LT(counts.dead_slots, counts.slots / 4) << "seed " << seed;
    EXPECT_EQ(index.live_documents(), churn.records());

    index.Compact();
    EXPECT_EQ(index.counts().dead_slots, 0u);
    EXPECT_EQ(index.counts().dead_postings, 0u);
    const std::unique_ptr<InvertedIndex> fresh = churn.Fresh();
    EXPECT_EQ(index.counts().postings, fresh->counts().postings);
    ExpectSameAnswers(index, *fresh, churn, absl::StrCat("seed ", seed));
    for (size_t i = 0; i < churn.records(); i += 97) {
      const std::string id = absl::StrCat("d", i);
      ASSERT_NE(index.Find(id), nullptr);
      EXPECT_EQ(index.Find(id)->revision, fresh->Find(id)->revision);
    }
  }
}

// A compaction finished online, with only new records arriving while it ran (so nothing died
// after it started), leaves no dead slot and answers exactly as a fresh index: the generation
// swapped in is the fresh index's, slots numbered in another order. Each record adds more to
// the next round than the fixed step does, and the rounds must still converge.
TEST(InvertedIndexTest, OnlineCompactionLeavesTheFreshIndex) {
  Churn churn(7);
  InvertedIndex index(CompactionOptions{.dead_share = 0.1, .step_work = 200});
  size_t records = 2000;
  for (size_t i = 0; i < records; ++i) {
    auto [profile, text] = churn.Edit(i);
    ASSERT_TRUE(index.Upsert(profile, text).ok());
  }
  while (!index.counts().compacting) {
    auto [profile, text] = churn.Edit(churn.rng()() % records);
    ASSERT_TRUE(index.Upsert(profile, text).ok());
  }
  // From here only new records: an edit now would leave a dead slot in the generation being
  // built (reclaimed by the next compaction).
  size_t added = 0;
  while (index.counts().compacting) {
    auto [profile, text] = churn.Edit(records++);
    ASSERT_TRUE(index.Upsert(profile, text).ok());
    ++added;
  }
  EXPECT_GT(added, 10u);  // The build took many steps, with rounds for the records added.
  EXPECT_EQ(index.counts().dead_slots, 0u);
  EXPECT_EQ(index.counts().dead_postings, 0u);
  ExpectSameAnswers(index, *churn.Fresh(), churn, "online");
}

// Compact on an index with nothing dead changes no answer (slots keep their order; only
// spare capacity goes).
TEST(InvertedIndexTest, CompactWithNothingDeadChangesNoAnswer) {
  RandomCorpus corpus(31, 1500, 300);
  std::vector<std::vector<ScoredDocument>> before;
  std::vector<AnalyzedText> queries;
  for (int q = 0; q < 30; ++q) {
    queries.push_back(corpus.RandomText(1 + corpus.rng() % 12));
    before.push_back(corpus.index.TopK(queries.back(), Eligibility{}, 20));
  }
  std::vector<std::vector<std::string>> before_ids;
  std::vector<std::vector<double>> before_scores;
  for (const auto& docs : before) {
    before_ids.push_back(Ids(docs));
    std::vector<double> scores;
    for (const ScoredDocument& doc : docs) scores.push_back(doc.score);
    before_scores.push_back(scores);
  }
  corpus.index.Compact();
  for (size_t q = 0; q < queries.size(); ++q) {
    const std::vector<ScoredDocument> after = corpus.index.TopK(queries[q], Eligibility{}, 20);
    EXPECT_EQ(Ids(after), before_ids[q]);
    for (size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].score, before_scores[q][i]);
  }
}

// A record replaced while a compaction runs: the answer reflects the last revision whether
// its old slot was already copied into the generation being built or not yet reached.
TEST(InvertedIndexTest, EditsDuringACompactionAreKept) {
  InvertedIndex index(CompactionOptions{.dead_share = 0.1, .step_work = 40});
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(index
                    .Upsert(Profile(absl::StrCat("d", i), "inst", {"energy"}),
                            Text({{"光伏", 1}, {absl::StrCat("w", i), 1}}))
                    .ok());
  }
  int64_t revision = 1;
  while (!index.counts().compacting) {
    ASSERT_TRUE(index
                    .Upsert(Profile("d199", "inst", {"energy"}, ++revision),
                            Text({{"光伏", 1}, {"w199", 1}}))
                    .ok());
  }
  // d0 is among the first slots (copied by now), d150 among the last (not yet reached).
  ASSERT_TRUE(index.Upsert(Profile("d0", "inst", {"energy"}, 2), Text({{"风电", 2}})).ok());
  MatchProfile withdrawn = Profile("d150", "inst", {"energy"}, 2);
  withdrawn.active = false;
  ASSERT_TRUE(index.Upsert(withdrawn, Text({{"风电", 1}})).ok());
  ASSERT_TRUE(index.Upsert(Profile("new", "inst", {"energy"}), Text({{"潮汐", 1}})).ok());
  ASSERT_TRUE(index.counts().compacting);
  while (index.counts().compacting) {
    ASSERT_TRUE(index
                    .Upsert(Profile("d199", "inst", {"energy"}, ++revision),
                            Text({{"光伏", 1}, {"w199", 1}}))
                    .ok());
  }
  EXPECT_THAT(Ids(index.TopK(Text({{"w0", 1}}), Eligibility{}, 10)), IsEmpty());
  EXPECT_THAT(Ids(index.TopK(Text({{"风电", 1}}), Eligibility{}, 10)), ElementsAre("d0", "d150"));
  EXPECT_THAT(Ids(index.TopK(Text({{"潮汐", 1}}), Eligibility{}, 10)), ElementsAre("new"));
  const MatchProfile need = Profile("n", "ent", {"energy"});
  EXPECT_THAT(Ids(index.TopK(Text({{"风电", 1}}), Eligibility{&need, true, "", false}, 1)),
              ElementsAre("d0"));
  EXPECT_FALSE(index.Score(Text({{"风电", 1}}), Eligibility{&need, true, "", false}, "d150"));
  EXPECT_EQ(index.Find("d150")->revision, 2);
  EXPECT_EQ(index.live_documents(), 201u);
  EXPECT_EQ(index.TopK(Text({{"光伏", 1}}), Eligibility{}, 500).size(), 198u);
}

// The memory bound on a scaled run (10,000 records, 100,000 edits: the proportions of
// 100,000 offerings and 1,000,000 updates), in the index's own byte accounting: within 1.2× of
// a fresh index of the same records when no compaction runs, and the generation being built
// adds at most the fresh index's postings and slots.
TEST(InvertedIndexTest, EditedIndexStaysWithinMemoryBound) {
  // About 50 distinct terms a record, as the generated offerings of bench/ have: postings
  // are a third of a fresh index's bytes, the profiles most of the rest.
  Churn churn(2027, 3000, 150);
  InvertedIndex index;
  const size_t records = 10000;
  for (size_t i = 0; i < records; ++i) {
    auto [profile, text] = churn.Edit(i);
    ASSERT_TRUE(index.Upsert(profile, text).ok());
  }
  index.Compact();
  size_t most_outside = 0, most_during = 0;
  for (int edit = 1; edit <= 100000; ++edit) {
    auto [profile, text] = churn.Edit(churn.rng()() % records);
    ASSERT_TRUE(index.Upsert(profile, text).ok());
    if (edit % 500 == 0) {
      const IndexMemory memory = index.memory();
      most_outside = std::max(most_outside, memory.total() - memory.compaction);
      most_during = std::max(most_during, memory.total());
    }
  }
  EXPECT_GE(index.counts().compactions, 5u);
  const std::unique_ptr<InvertedIndex> fresh = churn.Fresh();
  const IndexMemory fresh_memory = fresh->memory();
  const IndexMemory memory = index.memory();
  const double base = static_cast<double>(fresh_memory.total());
  EXPECT_LE(static_cast<double>(memory.total() - memory.compaction), 1.2 * base);
  EXPECT_LE(static_cast<double>(most_outside), 1.2 * base);
  EXPECT_LE(static_cast<double>(most_during),
            1.2 * base + static_cast<double>(fresh_memory.postings + fresh_memory.slots) * 1.1);
  // Both hold room for an eighth more in every list: the entries themselves, live and dead,
  // are within the bound too.
  EXPECT_LE(static_cast<double>(index.counts().postings), 1.2 * fresh->counts().postings);
  EXPECT_LE(static_cast<double>(index.counts().slots), 1.2 * fresh->counts().slots);
  // The term dictionary does not keep the model numbers of replaced revisions.
  EXPECT_LE(static_cast<double>(memory.dictionary), 1.2 * fresh_memory.dictionary);
}

}  // namespace
}  // namespace techmatch
