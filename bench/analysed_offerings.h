// Generated offerings with their analysed text, cached on disk: analysis (ICU, OpenCC) is most
// of an index build, so the benchmarks of the index itself analyse once (~10 minutes for
// 1,000,000 offerings on the shared machine) and read the records back in seconds.
#ifndef TECHMATCH_BENCH_ANALYSED_OFFERINGS_H_
#define TECHMATCH_BENCH_ANALYSED_OFFERINGS_H_

#include <cstddef>
#include <fstream>
#include <string>

#include "absl/status/statusor.h"
#include "core/matching/match_profile.h"
#include "core/text/text_analyzer.h"

namespace techmatch::bench {

// The cache of the first `count` offerings of OfferingGenerator seed 20260101 in `dir`
// (`offerings-20260101-<count>.bin`), written first when missing (progress on stderr).
// Returns its path.
absl::StatusOr<std::string> EnsureAnalysedOfferings(const std::string& dir, size_t count);

// Reads a cache's records in order: profile (revision 1, active) and analysed text (terms and
// counts; no surface forms).
class AnalysedOfferingReader {
 public:
  AnalysedOfferingReader(const std::string& path, size_t count);
  // The next record; after the last, the first again.
  void Next(MatchProfile& profile, AnalyzedText& text);
  // The index of the record Next returns next.
  size_t position() const { return position_ == count_ ? 0 : position_; }

 private:
  std::string path_;
  size_t count_;
  size_t position_ = 0;
  std::ifstream in_;
};

}  // namespace techmatch::bench

#endif  // TECHMATCH_BENCH_ANALYSED_OFFERINGS_H_
