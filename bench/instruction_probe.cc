// The regression guard's workload (scripts/check-instructions): a fixed number of GetNeed (of
// records not yet cached, then of the same records again), CreateNeed and MatchNeed calls through
// the real service handlers, in process, on generated data. Under valgrind --tool=callgrind
// --instr-atstart=no it instruments only the calls and dumps one profile per method
// (callgrind.out.<pid>.<n>, named by the method), so set-up (text-analysis data, seeding, index
// build) is not counted; outside valgrind it just runs.
//
//   instruction_probe --dir=DIR [--calls=30] [--match_calls=5]   prints "<method> <calls>" per
//   measured method
#include <cstdio>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/bench_data.h"
#include "core/auth/api_key.h"
#include "core/text/text_analyzer.h"
#include "grpcpp/server_context.h"
#include "grpcpp/test/server_context_test_spouse.h"
#include "server/guard.h"
#include "server/index_loader.h"
#include "server/match_service.h"
#include "server/need_service.h"
#include "server/service_context.h"
#include "storage/sqlite/sqlite_repository.h"
#include "valgrind/callgrind.h"

namespace techmatch::bench {
namespace {

constexpr int kSeededNeeds = 200;
constexpr int kSeededOfferings = 1000;

bool Check(const grpc::Status& status, const char* what) {
  if (status.ok()) return true;
  std::fprintf(stderr, "%s failed: %d %s\n", what, status.error_code(),
               status.error_message().c_str());
  return false;
}

int Run(const std::string& dir, int calls, int match_calls) {
  auto generator = OfferingGenerator::Create(kLoadSeed);
  auto analyzer = TextAnalyzer::Create();
  // NORMAL: seeding's thousands of commits skip the fsync (user-space instructions barely
  // differ between the modes; the fsync itself is a system call callgrind does not count).
  storage::SqliteOptions options;
  options.synchronous = storage::Synchronous::kNormal;
  auto repository = storage::SqliteRepository::Open(dir + "/probe.db", options);
  if (!generator.ok() || !analyzer.ok() || !repository.ok()) {
    std::fprintf(stderr, "set-up failed\n");
    return 2;
  }
  if (!SeedOrganizations(**repository).ok()) return 2;
  std::vector<Need> needs;
  for (int i = 0; i < kSeededNeeds; ++i) needs.push_back((*generator)->MakeNeed(i));
  std::vector<Offering> offerings;
  for (int i = 0; i < kSeededOfferings; ++i) offerings.push_back((*generator)->MakeOffering(i));
  if (!(*repository)->CreateNeeds(needs).ok() || !(*repository)->CreateOfferings(offerings).ok()) {
    return 2;
  }
  MatchingEngine matching(*analyzer);
  if (!server::LoadMatchingIndex(**repository, matching).ok()) return 2;
  // Calls carry an ADMIN key, as real clients do: the guard's cost is part of each call.
  absl::StatusOr<NewToken> token = GenerateToken();
  if (!token.ok() ||
      !(*repository)
           ->CreateApiKey(KeyForToken(*token, Role::kAdmin, "", "probe", absl::Now()))
           .ok()) {
    return 2;
  }
  server::Guard guard(**repository);
  server::ServiceContext context{**repository, *Currency::FromCode("CNY"),
                                 usecases::PageTokenCodec(std::string(32, 'k')), matching, guard};
  server::NeedServiceImpl need_service(context);
  server::MatchServiceImpl match_service(context);

  // Requests are built before each measured loop; only the handler calls are counted.
  std::vector<v1::GetNeedRequest> gets(calls);
  std::vector<v1::CreateNeedRequest> creates(calls);
  std::vector<v1::MatchNeedRequest> matches(match_calls);
  for (int i = 0; i < calls; ++i) {
    // needs/n1.., never n0, which the untimed warm-up reads: the first pass misses the record
    // cache on every call, the second hits on every call.
    gets[i].set_name(absl::StrCat("needs/n", 1 + i % (kSeededNeeds - 1)));
    *creates[i].mutable_need() = NeedInput(**generator, 5000 + i);
    creates[i].set_need_id(absl::StrCat("probe-", i));
  }
  for (int i = 0; i < match_calls; ++i) {
    matches[i].set_need(absl::StrCat("needs/n", (i * 13) % kSeededNeeds));
    matches[i].set_page_size(20);
  }
  grpc::ServerContext server_context;
  // The spouse owns the metadata's bytes: it lives as long as the calls.
  grpc::testing::ServerContextTestSpouse spouse(&server_context);
  spouse.AddClientMetadata("authorization", "Bearer " + token->token);
  // One untimed call of each first: statement preparation and first-use caches are set-up.
  {
    v1::Need need;
    v1::MatchNeedResponse matched;
    if (!Check(need_service.GetNeed(&server_context, &gets[0], &need), "GetNeed") ||
        !Check(match_service.MatchNeed(&server_context, &matches[0], &matched), "MatchNeed")) {
      return 1;
    }
    v1::CreateNeedRequest warm = creates[0];
    warm.set_need_id("probe-warm");
    if (!Check(need_service.CreateNeed(&server_context, &warm, &need), "CreateNeed")) return 1;
  }

  CALLGRIND_START_INSTRUMENTATION;
  CALLGRIND_ZERO_STATS;
  // A record not read before: SQLite, then the record cache keeps it (storage/record_cache.h).
  for (int i = 0; i < calls; ++i) {
    v1::Need need;
    if (!Check(need_service.GetNeed(&server_context, &gets[i], &need), "GetNeed")) return 1;
  }
  CALLGRIND_DUMP_STATS_AT("GetNeedMiss");
  // The same records again: answered from the cache, as a hot record is at fair time.
  for (int i = 0; i < calls; ++i) {
    v1::Need need;
    if (!Check(need_service.GetNeed(&server_context, &gets[i], &need), "GetNeed")) return 1;
  }
  CALLGRIND_DUMP_STATS_AT("GetNeed");
  for (int i = 0; i < calls; ++i) {
    v1::Need need;
    if (!Check(need_service.CreateNeed(&server_context, &creates[i], &need), "CreateNeed")) {
      return 1;
    }
  }
  CALLGRIND_DUMP_STATS_AT("CreateNeed");
  for (int i = 0; i < match_calls; ++i) {
    v1::MatchNeedResponse matched;
    if (!Check(match_service.MatchNeed(&server_context, &matches[i], &matched), "MatchNeed")) {
      return 1;
    }
  }
  CALLGRIND_DUMP_STATS_AT("MatchNeed");
  CALLGRIND_STOP_INSTRUMENTATION;
  std::printf("GetNeedMiss %d\nGetNeed %d\nCreateNeed %d\nMatchNeed %d\n", calls, calls, calls,
              match_calls);
  return 0;
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  CLI::App app{"instruction_probe: fixed in-process calls for the instruction-count guard"};
  std::string dir;
  int calls = 30;
  int match_calls = 5;
  app.add_option("--dir", dir, "empty directory for the database")->required();
  app.add_option("--calls", calls, "GetNeed and CreateNeed calls")->capture_default_str();
  app.add_option("--match_calls", match_calls, "MatchNeed calls (each costs far more)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (calls < 1 || calls >= techmatch::bench::kSeededNeeds || match_calls < 1) return 2;
  return techmatch::bench::Run(dir, calls, match_calls);
}
