// Realistic synthetic needs and offerings for benchmarks: technical vocabulary per industry,
// titles and paragraphs built from it in the way fair catalogues read, in Simplified or
// Traditional script (OpenCC s2t), with English terms and model numbers mixed in, of varied
// length. Deterministic: record i of a seed is always the same, so a benchmark can generate
// the same data twice (for the engine and for a baseline) without keeping it in memory.
#ifndef TECHMATCH_BENCH_GENERATORS_OFFERING_GENERATOR_H_
#define TECHMATCH_BENCH_GENERATORS_OFFERING_GENERATOR_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"

namespace techmatch::bench {

class OfferingGenerator {
 public:
  // Fails when OpenCC's s2t configuration is not installed.
  static absl::StatusOr<std::unique_ptr<OfferingGenerator>> Create(uint64_t seed);
  ~OfferingGenerator();

  // Offering `index`: id `o{index}`, one of `institutes` institutes, 1–3 industries, TRL,
  // price, cooperation modes; ~30% Traditional; 40–400 characters of description.
  Offering MakeOffering(uint64_t index) const;
  // Need `index`: id `n{index}`, enterprise `e{index % 5000}`, a shorter text (a title, a few
  // keywords and one to three sentences), budget and minimum TRL sometimes.
  Need MakeNeed(uint64_t index) const;

 private:
  explicit OfferingGenerator(uint64_t seed, void* s2t) : seed_(seed), s2t_(s2t) {}
  std::string ToTraditional(const std::string& text) const;

  uint64_t seed_;
  void* s2t_;  // opencc_t
};

}  // namespace techmatch::bench

#endif  // TECHMATCH_BENCH_GENERATORS_OFFERING_GENERATOR_H_
