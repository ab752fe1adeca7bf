// The backend-neutral half of compiling filter terms (core/common/filter.h) to SQL: how each
// filter field reads in SQL, and the walk that turns parsed terms into conditions. Each SQL
// backend renders the result in its own dialect (storage/sqlite/sql_filter.h with `?` and GLOB,
// storage/postgres/sql_where.h with `$n` and LIKE); both run the same fragments, so a filter
// selects the same records on either.
//
// SQL text is only ever assembled from the fragments of the tables (storage/filter_columns.h)
// and from constants; every value a caller supplied travels as a bound parameter. That keeps
// injection impossible and lets the assembled text key each connection's statement cache.
#ifndef TECHMATCH_STORAGE_SQL_FILTER_H_
#define TECHMATCH_STORAGE_SQL_FILTER_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "core/common/filter.h"

namespace techmatch::storage {

// One filter field of a resource in SQL: its name and value type as the API declares them
// (Repository::*FilterFields; tests/storage/filter_fields_test.cc checks each resource's table
// against them) and how it reads in SQL. The fragments name only tables, columns and fixed
// values; the comparison and its parameter marker are the dialect's, appended after them.
struct SqlField {
  enum class Kind {
    // `expression <op> value`; != also matches NULL (a missing parent is "not X").
    kColumn,
    // `id_column IN (subquery <compare> value)` for =, `NOT IN` for !=: `sql` is a subquery
    // selecting record ids, ending with the expression compared with the value, e.g.
    // "SELECT need_id FROM need_industries WHERE industry_code".
    kMembership,
  };
  absl::string_view name;
  FilterFieldType type;
  Kind kind;
  absl::string_view sql;
  // Optional, for kMembership fields whose join table holds each (record, value) once: a JOIN
  // of that table, aliased `driver`, ending with the expression compared with the value, and
  // the driver's record-id column. The first `=` term on such a field becomes this join and the
  // list is ordered and continued by `driver_key`, so the database walks the join table's
  // (value, record id) index in page order and stops after one page; as `id IN (subquery)` it
  // first collected every record carrying the value (all ~2,700 needs of an industry for a
  // page of 50).
  absl::string_view driver_join = {};
  absl::string_view driver_key = {};
};

// A field compared as `expression <op> value`.
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

// How a term's expression meets its value. A region field's value is the code's prefix
// (RegionPrefix: "5105" for 510500), which every code inside the region starts with.
enum class SqlComparison { kEq, kNe, kLt, kLe, kGt, kGe, kInRegion, kNotInRegion };

// One compiled term: `head <comparison> <parameter marker> tail`. A driver term is a JOIN placed
// right after the FROM table (see SqlField::driver_join); the others are WHERE conditions.
struct SqlTerm {
  using Value = std::variant<std::string, int64_t>;

  bool driver = false;
  std::string head;
  SqlComparison comparison = SqlComparison::kEq;
  std::string tail;
  Value value;
  absl::string_view driver_key;  // Set on a driver term.
};

// One term per filter term, in order, at most one of them a driver. INVALID_ARGUMENT on
// "filter" for a field not in `fields`, a value not of the field's type, or an operator the
// field does not support (the server parses against the same fields, so this is a guard, not
// the main check). `id_column` is the record id a membership subquery is matched against.
absl::StatusOr<std::vector<SqlTerm>> CompileFilter(const std::vector<FilterTerm>& terms,
                                                   SqlFields fields, absl::string_view id_column);

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_SQL_FILTER_H_
