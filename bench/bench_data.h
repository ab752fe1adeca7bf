// What the load benchmarks share: the organizations every generated need and offering refers
// to, and generated records as API messages. The seed, the reference server and the load
// client all build the same records from the same seed, so the reference answers messages of
// the same sizes as the real server and the client sends the same rows to both sides.
#ifndef TECHMATCH_BENCH_BENCH_DATA_H_
#define TECHMATCH_BENCH_BENCH_DATA_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "bench/generators/offering_generator.h"
#include "storage/repository.h"
#include "techmatch/v1/need.pb.h"
#include "techmatch/v1/offering.pb.h"

namespace techmatch::bench {

// The generator's seed for every load benchmark.
inline constexpr uint64_t kLoadSeed = 7;
// The generator refers to institutes i0..i1999 and enterprises e0..e4999.
inline constexpr int kInstitutes = 2000;
inline constexpr int kEnterprises = 5000;
// Industries ListNeeds is filtered by (the seeded ones the generator uses).
inline constexpr const char* kIndustries[] = {"liquor",    "chemicals",   "machinery",
                                              "energy",    "agriculture", "pharmaceuticals",
                                              "materials", "electronics", "environment"};

// Creates the institutes, enterprises and fairs the generator refers to (idempotent: existing
// ones are kept).
absl::Status SeedOrganizations(storage::Repository& repository);

// Generated need `index` as the API shows it (name needs/n<index>), and as a create request
// body (no name, no output fields).
v1::Need NeedMessage(const OfferingGenerator& generator, uint64_t index);
v1::Need NeedInput(const OfferingGenerator& generator, uint64_t index);
// Generated offering `index` as an import row, with the id `id`.
v1::ImportOfferingsRequest OfferingRow(const OfferingGenerator& generator, uint64_t index,
                                       const std::string& id);

}  // namespace techmatch::bench

#endif  // TECHMATCH_BENCH_BENCH_DATA_H_
