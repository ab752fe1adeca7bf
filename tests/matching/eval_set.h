// A labelled matching set (needs, offerings, graded relevance) read from its TSV files, and
// the ranking metrics the quality test reports: precision@1, best-in-top-5 and nDCG@5, per
// kind of need and overall. See tests/data/matching*/.
#ifndef TECHMATCH_TESTS_MATCHING_EVAL_SET_H_
#define TECHMATCH_TESTS_MATCHING_EVAL_SET_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"

namespace techmatch::eval {

struct EvalSet {
  std::string name;
  std::vector<Need> needs;
  std::vector<std::string> kinds;  // Per need; "all" when the set has no kind column.
  std::vector<Offering> offerings;
  // need id → offering id → grade (2: the expert's pick, 1: related).
  std::map<std::string, std::map<std::string, int>> grades;
};

// Reads needs.tsv, offerings.tsv and relevance.tsv of `dir`.
absl::StatusOr<EvalSet> ReadEvalSet(const std::string& name, const std::string& dir);

// The text a baseline sees for a listing: title, keywords and description.
std::string PlainText(const Listing& listing);

// Metrics of one ranked list of offering ids against a need's grades.
struct NeedMetrics {
  bool first_relevant = false;  // Rank 1 has grade ≥ 1.
  bool best_in_top5 = false;    // The grade-2 offering is within the first five.
  double ndcg5 = 0;             // Gains 2^grade − 1, ideal from every graded offering.
};
NeedMetrics Measure(const std::vector<std::string>& ranked,
                    const std::map<std::string, int>& grades);

// Means over a group of needs.
struct Summary {
  int needs = 0;
  double precision_at_1 = 0;
  double best_in_top5 = 0;
  double ndcg5 = 0;
  void Add(const NeedMetrics& m);
  Summary Mean() const;  // The sums above divided by `needs`.
};

// Per kind ("" is the whole set), for one ranker.
using KindSummaries = std::map<std::string, Summary>;

// Prints "set kind n P@1 top5 nDCG@5" rows for the engine and the baseline side by side.
void PrintTable(const std::string& set, const KindSummaries& engine, const KindSummaries& baseline);

}  // namespace techmatch::eval

#endif  // TECHMATCH_TESTS_MATCHING_EVAL_SET_H_
