// A bare libpq connection for benchmarks: fixed SQL, text results, COPY FROM STDIN for bulk
// loads, and the per-run database a benchmark creates beside the one a URI names. Benchmarks
// only: the server's own access goes through storage/postgres/.
#ifndef TECHMATCH_BENCH_PG_BENCH_CONNECTION_H_
#define TECHMATCH_BENCH_PG_BENCH_CONNECTION_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct pg_conn;

namespace techmatch::bench {

class PgBenchConnection {
 public:
  static absl::StatusOr<std::unique_ptr<PgBenchConnection>> Open(const std::string& uri);
  ~PgBenchConnection();
  PgBenchConnection(const PgBenchConnection&) = delete;
  PgBenchConnection& operator=(const PgBenchConnection&) = delete;

  // Runs fixed SQL (one or more statements, no parameters) and returns the last statement's
  // rows as text, a NULL as "".
  absl::StatusOr<std::vector<std::vector<std::string>>> Query(absl::string_view sql);
  absl::Status Exec(absl::string_view sql) { return Query(sql).status(); }
  // COPY `target` (a table and its columns) FROM STDIN with `rows` in COPY's text format: tab
  // between columns, a newline after each row, \N for NULL.
  absl::Status Copy(absl::string_view target, absl::string_view rows);

 private:
  explicit PgBenchConnection(pg_conn* conn) : conn_(conn) {}
  pg_conn* conn_;
};

// `uri` with its database name replaced by `database` (postgresql://user@host/db?params).
std::string WithDatabase(absl::string_view uri, absl::string_view database);

}  // namespace techmatch::bench

#endif  // TECHMATCH_BENCH_PG_BENCH_CONNECTION_H_
