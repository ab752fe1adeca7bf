// Filter terms compiled to SQLite SQL: the neutral walk (storage/sql_filter.h) rendered with `?`
// parameter markers and GLOB for regions, values as bound parameters; and the other conditions a
// SQLite list query adds.
#ifndef TECHMATCH_STORAGE_SQLITE_SQL_FILTER_H_
#define TECHMATCH_STORAGE_SQLITE_SQL_FILTER_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/common/filter.h"
#include "storage/sql_filter.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

// The GLOB pattern of every GB/T 2260 code inside `region` (a valid code): "5105*" for 510500.
// Region terms compare with it (`expression GLOB ?`); so do the region scopes of list queries.
std::string RegionGlob(absl::string_view region);

// WHERE conditions with their parameters, in order.
class SqlWhere {
 public:
  using Param = std::variant<std::string, int64_t>;

  // Adds a fixed condition with one `?`.
  void Add(absl::string_view condition, Param param);
  // Adds one condition per term (CompileFilter in storage/sql_filter.h, whose INVALID_ARGUMENT
  // it returns); a driver term becomes the Join().
  absl::Status AddFilter(const std::vector<FilterTerm>& terms, SqlFields fields,
                         absl::string_view id_column);

  // The driver's JOIN (see SqlField::driver_join), or "" when no term became one. It goes
  // right after the FROM table, before Clause().
  const std::string& Join() const { return join_; }
  // The column to order and continue by: the driver's key when there is a driver, else
  // `key_column`.
  absl::string_view KeyColumn(absl::string_view key_column) const {
    return join_.empty() ? key_column : driver_key_;
  }
  // " WHERE a AND b" or "" when there are no conditions.
  std::string Clause() const;
  // Binds the parameters from index 1 (the join's first); returns the next free index.
  int Bind(ScopedStatement& statement) const;

 private:
  std::string join_;
  std::string driver_key_;
  std::vector<Param> join_params_;  // At most one.
  std::vector<std::string> conditions_;
  std::vector<Param> params_;
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_SQL_FILTER_H_
