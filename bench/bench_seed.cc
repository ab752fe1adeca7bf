// Fills a database for the load benchmarks: the organizations the generator refers to and
// generated needs n0..n<needs-1>, through the repository (the real schema), in bulk. --db is
// what the server's --db takes (server/database_flags.h): a SQLite file or a PostgreSQL URI
// (the database must exist), opened by the same code.
//
//   bench_seed --db=PATH|postgresql://... [--needs=10000]
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "bench/bench_data.h"
#include "server/database_flags.h"

int main(int argc, char** argv) {
  using namespace techmatch;
  CLI::App app{"bench_seed: organizations and generated needs for the load benchmarks"};
  server::DatabaseFlags flags;
  int needs = 10000;
  app.add_option("--db", flags.db, "SQLite file (created when missing) or PostgreSQL URI")
      ->required();
  app.add_option("--needs", needs, "generated needs to store")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  flags.synchronous = "normal";  // Seeding needs no power-loss safety.
  auto repository = server::OpenDatabase(flags, std::nullopt, /*maintenance=*/false);
  auto generator = bench::OfferingGenerator::Create(bench::kLoadSeed);
  if (!repository.ok() || !generator.ok()) {
    std::fprintf(stderr, "%s %s\n", repository.status().ToString().c_str(),
                 generator.status().ToString().c_str());
    return 1;
  }
  if (absl::Status status = bench::SeedOrganizations(**repository); !status.ok()) {
    std::fprintf(stderr, "organizations: %s\n", status.ToString().c_str());
    return 1;
  }
  std::vector<Need> batch;
  for (int i = 0; i < needs; ++i) {
    batch.push_back((*generator)->MakeNeed(i));
    if (batch.size() == 1000 || i + 1 == needs) {
      auto stored = (*repository)->CreateNeeds(batch);
      if (!stored.ok()) {
        std::fprintf(stderr, "needs: %s\n", stored.status().ToString().c_str());
        return 1;
      }
      for (const auto& one : *stored) {
        if (!one.ok() && one.status().code() != absl::StatusCode::kAlreadyExists) {
          std::fprintf(stderr, "need: %s\n", one.status().ToString().c_str());
          return 1;
        }
      }
      batch.clear();
    }
  }
  std::printf("seeded %s: %d institutes, %d enterprises, %d needs\n",
              server::RedactedDatabase(flags.db).c_str(), bench::kInstitutes, bench::kEnterprises,
              needs);
  return 0;
}
