// A PostgreSQL query's WHERE conditions and their parameters: filter terms compiled by the
// neutral walk (storage/sql_filter.h) rendered with `$n` parameter markers, IS DISTINCT FROM for !=
// and LIKE for regions, plus the fixed conditions a list adds. Values are always bound
// parameters, numbered in the order added (a `$n` may appear anywhere in the text).
#ifndef TECHMATCH_STORAGE_POSTGRES_SQL_WHERE_H_
#define TECHMATCH_STORAGE_POSTGRES_SQL_WHERE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/common/filter.h"
#include "storage/postgres/connection.h"
#include "storage/sql_filter.h"

namespace techmatch::storage::postgres {

// The LIKE pattern of every GB/T 2260 code inside `region` (a valid code): "5105%" for 510500.
std::string RegionPattern(absl::string_view region);

class SqlWhere {
 public:
  // Adds the condition `before $n after`, $n being the value's parameter marker.
  void AddText(absl::string_view before, absl::string_view value, absl::string_view after = "");
  void AddInt64(absl::string_view before, int64_t value, absl::string_view after = "");
  // `before $n after` with `values` as one text[] parameter (for `= ANY($n)`).
  void AddTextArray(absl::string_view before, const std::vector<std::string>& values,
                    absl::string_view after = "");
  // Adds one condition per term (CompileFilter, whose INVALID_ARGUMENT it returns); a driver
  // term becomes the Join().
  absl::Status AddFilter(const std::vector<FilterTerm>& terms, SqlFields fields,
                         absl::string_view id_column);

  // The driver's JOIN (SqlField::driver_join), or "" when no term became one. It goes right
  // after the FROM table, before Clause().
  const std::string& Join() const { return join_; }
  // The column to order and continue by: the driver's key when there is a driver, else
  // `key_column`.
  absl::string_view KeyColumn(absl::string_view key_column) const {
    return join_.empty() ? key_column : driver_key_;
  }
  // " WHERE a AND b" or "" when there are no conditions.
  std::string Clause() const;
  // The parameters of Join() and Clause(); more may be added for the rest of the statement.
  Params& params() { return params_; }
  const Params& params() const { return params_; }
  // The next parameter's marker, "$n".
  std::string NextParameter() const;

 private:
  std::string join_;
  std::string driver_key_;
  std::vector<std::string> conditions_;
  Params params_;
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_SQL_WHERE_H_
