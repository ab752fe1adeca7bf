// Filter terms (core/common/filter.h) compiled to SQLite SQL: fixed fragments per field, values
// as bound parameters.
//
// SQL text here is only ever assembled from the fragments below and from constants; every
// value a caller supplied travels as a parameter. That keeps injection impossible and lets the
// assembled text serve as the key of the per-connection statement cache.
#ifndef TECHMATCH_STORAGE_SQLITE_SQL_FILTER_H_
#define TECHMATCH_STORAGE_SQLITE_SQL_FILTER_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "core/common/filter.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

// One filter field of a resource in SQL: its name and value type as the API declares them
// (Repository::*FilterFields; tests/storage/filter_fields_test.cc checks each resource's table
// against them) and how it reads in SQL. Each resource's *_rows.cc declares its fields in one
// table of these.
struct SqlField {
  enum class Kind {
    // `expression op ?`; != also matches NULL (a missing parent is "not X").
    kColumn,
    // `id_column IN (subquery)` for =, `NOT IN` for !=; the subquery selects the ids that carry
    // the value, e.g. "SELECT need_id FROM need_industries WHERE industry_code = ?".
    kMembership,
  };
  absl::string_view name;
  FilterFieldType type;
  Kind kind;
  absl::string_view sql;
  // Optional, for kMembership fields whose join table holds each (record, value) once: a JOIN
  // of that table, aliased `driver`, with one `?` for the value, and the driver's record-id
  // column. The first `=` term on such a field becomes this join and the list is ordered and
  // continued by `driver_key`, so SQLite walks the join table's (value, record id) index in
  // page order and stops after one page; as `id IN (subquery)` it first collected every
  // record carrying the value (all ~2,700 needs of an industry for a page of 50).
  absl::string_view driver_join = {};
  absl::string_view driver_key = {};
};

// A field compared as `expression op ?`.
constexpr SqlField Column(absl::string_view name, FilterFieldType type,
                          absl::string_view expression) {
  return {name, type, SqlField::Kind::kColumn, expression};
}
// A field matched by membership in `subquery` (see SqlField::driver_join for the last two).
constexpr SqlField Membership(absl::string_view name, FilterFieldType type,
                              absl::string_view subquery, absl::string_view driver_join = {},
                              absl::string_view driver_key = {}) {
  return {name, type, SqlField::Kind::kMembership, subquery, driver_join, driver_key};
}

using SqlFields = absl::Span<const SqlField>;

// The GLOB pattern of every GB/T 2260 code inside `region` (a valid code): "5105*" for 510500.
// kRegion fields compare with it: a column field as `sql GLOB ?`, a membership field's subquery
// must itself say `region_code GLOB ?`.
std::string RegionGlob(absl::string_view region);

// WHERE conditions with their parameters, in order.
class SqlWhere {
 public:
  using Param = std::variant<std::string, int64_t>;

  // Adds a fixed condition with one `?`.
  void Add(absl::string_view condition, Param param);
  // Adds one condition per term. INVALID_ARGUMENT on "filter" for a field not in `fields`, a
  // value not of the field's type, or an operator the field does not support (the server parses
  // against the same fields, so this is a guard, not the main check).
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
