// The in-process baselines the server's write paths are compared with:
//
//   --mode=txn:    a plain transaction loop on the server's own database file: BEGIN
//                  IMMEDIATE, one INSERT of a generated need's bytes, COMMIT, with the same
//                  journal (WAL) and synchronous mode as the server. What one durable
//                  transaction per call costs without gRPC, validation or the repository.
//   --mode=import: the same generated offerings an ImportOfferings stream sends, inserted
//                  straight through SqliteRepository::CreateOfferings in batches of 1,000 (the
//                  server's batch) and indexed by the matching engine (the text index),
//                  without gRPC, conversion or validation.
//
// Prints one line: RESULT scenario=... qps=... (transactions or rows per second).
//
//   inprocess_baseline --mode=txn --db=PATH --seconds=5 [--synchronous=full]
//   inprocess_baseline --mode=import --db=PATH --rows=100000 --id_prefix=r1-
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "SQLiteCpp/SQLiteCpp.h"
#include "absl/strings/str_cat.h"
#include "bench/bench_data.h"
#include "core/matching/matching_engine.h"
#include "core/text/text_analyzer.h"
#include "storage/sqlite/sqlite_repository.h"

namespace techmatch::bench {
namespace {

using Clock = std::chrono::steady_clock;

int RunTransactions(const std::string& db_path, const std::string& synchronous, double seconds) {
  auto generator = OfferingGenerator::Create(kLoadSeed);
  if (!generator.ok()) return 2;
  std::vector<std::string> bodies;
  for (uint64_t i = 0; i < 512; ++i) {
    bodies.push_back(NeedInput(**generator, 1000000 + i).SerializeAsString());
  }
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec(absl::StrCat("PRAGMA synchronous = ", synchronous));
  db.exec("PRAGMA busy_timeout = 5000");
  db.exec("CREATE TABLE IF NOT EXISTS bench_plain_writes (id TEXT PRIMARY KEY, body BLOB)");
  SQLite::Statement begin(db, "BEGIN IMMEDIATE");
  SQLite::Statement insert(db, "INSERT INTO bench_plain_writes (id, body) VALUES (?1, ?2)");
  SQLite::Statement commit(db, "COMMIT");
  const std::string prefix = absl::StrCat(Clock::now().time_since_epoch().count(), "-");
  const Clock::time_point start = Clock::now();
  const auto stop =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  uint64_t n = 0;
  while (Clock::now() < stop) {
    begin.exec();
    begin.reset();
    insert.bind(1, absl::StrCat(prefix, n));
    const std::string& body = bodies[n % bodies.size()];
    insert.bind(2, body.data(), static_cast<int>(body.size()));
    insert.exec();
    insert.reset();
    commit.exec();
    commit.reset();
    ++n;
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("RESULT scenario=txn mode=inprocess qps=%.1f calls=%llu synchronous=%s\n",
              n / elapsed, static_cast<unsigned long long>(n), synchronous.c_str());
  return 0;
}

int RunImport(const std::string& db_path, const std::string& synchronous, int rows,
              const std::string& prefix) {
  auto generator = OfferingGenerator::Create(kLoadSeed);
  auto analyzer = TextAnalyzer::Create();
  storage::SqliteOptions options;
  options.synchronous =
      synchronous == "full" ? storage::Synchronous::kFull : storage::Synchronous::kNormal;
  auto repository = storage::SqliteRepository::Open(db_path, options);
  if (!generator.ok() || !analyzer.ok() || !repository.ok()) {
    std::fprintf(stderr, "setup failed\n");
    return 2;
  }
  MatchingEngine engine(*analyzer);
  // The same rows the load client streams, generated before the clock starts.
  std::vector<Offering> offerings;
  offerings.reserve(rows);
  for (int i = 0; i < rows; ++i) {
    Offering offering = (*generator)->MakeOffering(i);
    offering.meta.id = absl::StrCat(prefix, "o", i);
    offerings.push_back(std::move(offering));
  }
  const Clock::time_point start = Clock::now();
  size_t stored_rows = 0;
  for (size_t first = 0; first < offerings.size(); first += 1000) {
    const std::vector<Offering> batch(offerings.begin() + first,
                                      offerings.begin() + std::min(offerings.size(), first + 1000));
    auto stored = (*repository)->CreateOfferings(batch);
    if (!stored.ok()) {
      std::fprintf(stderr, "%s\n", stored.status().ToString().c_str());
      return 1;
    }
    for (const auto& one : *stored) {
      if (!one.ok()) {
        std::fprintf(stderr, "%s\n", one.status().ToString().c_str());
        return 1;
      }
      if (!engine.IndexOffering(*one).ok()) return 1;
      ++stored_rows;
    }
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("RESULT scenario=import mode=inprocess qps=%.1f seconds=%.3f calls=%zu\n",
              stored_rows / elapsed, elapsed, stored_rows);
  return 0;
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  CLI::App app{"inprocess_baseline: the write baselines of the load benchmark"};
  std::string mode, db, synchronous = "full", prefix = "b";
  double seconds = 5;
  int rows = 100000;
  app.add_option("--mode", mode, "txn | import")
      ->required()
      ->check(CLI::IsMember({"txn", "import"}));
  app.add_option("--db", db, "database file (seeded by bench_seed)")->required();
  app.add_option("--synchronous", synchronous, "full | normal, as the server runs")
      ->check(CLI::IsMember({"full", "normal"}))
      ->capture_default_str();
  app.add_option("--seconds", seconds, "txn: measured time")->capture_default_str();
  app.add_option("--rows", rows, "import: rows")->capture_default_str();
  app.add_option("--id_prefix", prefix, "import: prefix of the new ids")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    return mode == "txn" ? techmatch::bench::RunTransactions(db, synchronous, seconds)
                         : techmatch::bench::RunImport(db, synchronous, rows, prefix);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
