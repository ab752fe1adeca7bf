// A benchmark's SQL on either backend, for loads and hand-written baselines that read the same
// on SQLite and PostgreSQL: statements written with SQLite's ?1, ?2 markers (sent to
// PostgreSQL as $1, $2), values as text or integers, rows read as text or integers. On
// PostgreSQL a load's statements are prepared once and pipelined (libpq's pipeline mode), so a
// bulk load does not wait a round trip per row. A failed statement ends the benchmark with the
// database's message (exit 1): there is nothing to recover in a measurement.
#ifndef TECHMATCH_BENCH_BENCH_SQL_H_
#define TECHMATCH_BENCH_BENCH_SQL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"

namespace techmatch::bench {

using SqlValue = std::variant<std::string, int64_t>;

// One row of a query; a NULL reads as "" or 0.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual std::string Text(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
};

// An INSERT a load runs many times. Bindings stay until cleared, as SQLite's do; an unbound
// marker is NULL.
class LoadStatement {
 public:
  virtual ~LoadStatement() = default;
  virtual void Bind(int index, absl::string_view text) = 0;
  virtual void Bind(int index, int64_t value) = 0;
  virtual void ClearBindings() = 0;
  virtual void Exec() = 0;
};

class BenchSql {
 public:
  static std::unique_ptr<BenchSql> OpenSqlite(const std::string& path, bool read_only);
  static std::unique_ptr<BenchSql> OpenPostgres(const std::string& uri);
  virtual ~BenchSql() = default;

  virtual bool postgres() const = 0;
  // Fixed SQL without markers (BEGIN, COMMIT, settings). Waits for pipelined load statements.
  virtual void Exec(const std::string& sql) = 0;
  // Runs `sql` with `binds` for ?1, ?2, ... and calls `row` for each row. Waits for pipelined
  // load statements first.
  virtual void Query(const std::string& sql, const std::vector<SqlValue>& binds,
                     absl::FunctionRef<void(const SqlRow&)> row) = 0;
  virtual std::unique_ptr<LoadStatement> Prepare(const std::string& sql) = 0;
};

// `sql` with SQLite's ?N markers written as PostgreSQL's $N.
std::string PostgresMarkers(absl::string_view sql);

}  // namespace techmatch::bench

#endif  // TECHMATCH_BENCH_BENCH_SQL_H_
