// Ranking quality of the matching engine over the two labelled sets: tests/data/matching (the
// easy set: needs and answers share distinctive words) and tests/data/matching_realistic
// (problem language, synonyms, cross-language, hard distractors, long noisy needs). Every
// need is matched against every offering through MatchingEngine::MatchNeed and the ranking is
// scored with precision@1 (rank 1 relevant), best-in-top-5 (the expert's pick within five)
// and nDCG@5, per kind of need and overall; SQLite FTS5 (trigram tokenizer, BM25) ranks the
// same texts beside it. The floors sit just under what the engine reaches, so a change that
// makes ranking worse fails here.
//
// TECHMATCH_EVAL_VERBOSE=1 also prints every need whose first match is not relevant, with
// the first three matches and where the expert's pick ranked.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/matching/matching_engine.h"
#include "gtest/gtest.h"
#include "tests/matching/eval_set.h"
#include "tests/matching/fts5_baseline.h"

namespace techmatch {
namespace {

using eval::EvalSet;
using eval::KindSummaries;

struct Floors {
  double precision_at_1;
  double best_in_top5;
  double ndcg5;
};

bool Verbose() {
  const char* verbose = std::getenv("TECHMATCH_EVAL_VERBOSE");
  return verbose != nullptr && std::string(verbose) == "1";
}

class MatchingQualityTest : public ::testing::Test {
 protected:
  // Indexes `set`'s offerings in a fresh engine; ranks every need with it and with FTS5.
  void Evaluate(const EvalSet& set) {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    MatchingEngine engine(*analyzer);
    engine.lexicon();  // The default thesaurus and lexicon load now, not in the first timing.
    std::map<std::string, const Offering*> offerings;
    for (const Offering& offering : set.offerings) {
      ASSERT_TRUE(engine.IndexOffering(offering).ok());
      offerings[offering.meta.id] = &offering;
    }
    auto fts = eval::Fts5Baseline::Create(set);
    ASSERT_TRUE(fts.ok()) << fts.status();
    engine_.clear();
    fts_.clear();
    double match_seconds = 0;
    for (size_t i = 0; i < set.needs.size(); ++i) {
      const Need& need = set.needs[i];
      const std::map<std::string, int>& grades = set.grades.at(need.meta.id);
      MatchOptions options;
      options.limit = 10;
      const auto started = std::chrono::steady_clock::now();
      auto matches = engine.MatchNeed(need, options);
      match_seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      ASSERT_TRUE(matches.ok()) << matches.status();
      std::vector<std::string> ranked;
      for (const MatchResult& match : *matches) ranked.push_back(match.offering_id);
      const eval::NeedMetrics metrics = eval::Measure(ranked, grades);
      engine_[set.kinds[i]].Add(metrics);
      engine_[""].Add(metrics);
      auto baseline = (*fts)->Rank(need, 10);
      ASSERT_TRUE(baseline.ok()) << baseline.status();
      const eval::NeedMetrics fts_metrics = eval::Measure(*baseline, grades);
      fts_[set.kinds[i]].Add(fts_metrics);
      fts_[""].Add(fts_metrics);
      if (Verbose() && !metrics.first_relevant) {
        std::string best;
        for (const auto& [id, grade] : grades) {
          if (grade == 2) best = id;
        }
        size_t best_rank = 0;
        for (size_t r = 0; r < ranked.size(); ++r) {
          if (ranked[r] == best) best_rank = r + 1;
        }
        std::printf("miss %s [%s] %s\n  expert's pick %s (rank %s) %s\n", need.meta.id.c_str(),
                    set.kinds[i].c_str(), need.listing.title.c_str(), best.c_str(),
                    best_rank == 0 ? ">10" : std::to_string(best_rank).c_str(),
                    offerings.at(best)->listing.title.c_str());
        for (size_t r = 0; r < matches->size(); ++r) {
          const MatchResult& match = (*matches)[r];
          if (r >= 3 && match.offering_id != best) continue;
          std::printf("  %zu. %s %.3f %s\n     ", r + 1, match.offering_id.c_str(), match.score,
                      offerings.at(match.offering_id)->listing.title.c_str());
          for (const Signal& signal : match.signals) {
            if (signal.contribution() != 0) {
              std::printf(" %s %.3f", signal.name.c_str(), signal.contribution());
            }
          }
          std::printf("\n");
          for (size_t b = 0; b < match.bridges.size() && b < 6; ++b) {
            std::printf("      %s\n", BridgeText(match.bridges[b]).c_str());
          }
        }
      }
    }
    eval::PrintTable(set.name, engine_, fts_);
    std::printf("%s: MatchNeed %.2f ms a need on average (wall)\n", set.name.c_str(),
                1000 * match_seconds / static_cast<double>(set.needs.size()));
    for (const auto& [kind, summary] : engine_) {
      const eval::Summary mean = summary.Mean();
      const std::string prefix = set.name + (kind.empty() ? "" : "_" + kind);
      RecordProperty(prefix + "_precision_at_1", std::to_string(mean.precision_at_1));
      RecordProperty(prefix + "_ndcg_at_5", std::to_string(mean.ndcg5));
    }
  }

  // Fails a kind ("" for the whole set) below its floors.
  void ExpectAtLeast(const std::string& kind, const Floors& floors) {
    ASSERT_TRUE(engine_.contains(kind)) << kind;
    const eval::Summary mean = engine_.at(kind).Mean();
    EXPECT_GE(mean.precision_at_1, floors.precision_at_1) << "P@1 of " << kind;
    EXPECT_GE(mean.best_in_top5, floors.best_in_top5) << "best-in-top-5 of " << kind;
    EXPECT_GE(mean.ndcg5, floors.ndcg5) << "nDCG@5 of " << kind;
  }

  KindSummaries engine_;
  KindSummaries fts_;
};

TEST_F(MatchingQualityTest, EasySetAboveFloors) {
  auto set = eval::ReadEvalSet("easy", TECHMATCH_MATCHING_DATA_DIR "/matching");
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_GE(set->needs.size(), 40u);
  EXPECT_GE(set->offerings.size(), 100u);
  for (const Need& need : set->needs) {
    EXPECT_TRUE(set->grades.contains(need.meta.id)) << need.meta.id;
  }
  Evaluate(*set);
  ExpectAtLeast("", {0.97, 0.97, 0.97});
}

TEST_F(MatchingQualityTest, RealisticSetAboveFloors) {
  auto set = eval::ReadEvalSet("realistic", TECHMATCH_MATCHING_DATA_DIR "/matching_realistic");
  ASSERT_TRUE(set.ok()) << set.status();
  ASSERT_EQ(set->needs.size(), 80u);
  for (const Need& need : set->needs) {
    ASSERT_TRUE(set->grades.contains(need.meta.id)) << need.meta.id;
  }
  Evaluate(*set);
  ExpectAtLeast("", {0.78, 0.85, 0.76});
  ExpectAtLeast("cross_language", {0.65, 0.90, 0.75});
  ExpectAtLeast("distractor", {0.93, 0.93, 0.90});
  ExpectAtLeast("long_noisy", {0.93, 0.93, 0.93});
  ExpectAtLeast("problem", {0.40, 0.45, 0.34});
  ExpectAtLeast("synonym", {0.85, 0.90, 0.84});
}

}  // namespace
}  // namespace techmatch
