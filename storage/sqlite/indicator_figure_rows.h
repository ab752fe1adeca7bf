// What the SQL of observations (observation_rows.h) and targets (target_rows.h) shares: both
// are keyed by an indicator, a region and a year, hold one figure in an INTEGER `value` column
// whose unit comes from their indicator's row, and are listed narrowed by a LedgerFilter.
#ifndef TECHMATCH_STORAGE_SQLITE_INDICATOR_FIGURE_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_INDICATOR_FIGURE_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/ledger/observation.h"
#include "storage/repository.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

// The figure of a row: `value` in the unit its indicator's `unit` column names (COUNT when the
// name is unknown, which the column's CHECK rules out).
Figure FigureOfRow(absl::string_view unit_name, int64_t value);

// The `value` column of a figure (0 when there is none, which validation rules out).
inline int64_t StoredValue(const std::optional<Figure>& figure) {
  return figure ? figure->value : 0;
}

// Narrows `where` over the table aliased `alias` (columns indicator_code, region_code, year) by
// the query's filter terms, `filter` and the query's region scope.
absl::Status AddLedgerConditions(SqlWhere& where, absl::string_view alias,
                                 const LedgerFilter& filter, const ListQuery& query);

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_INDICATOR_FIGURE_ROWS_H_
