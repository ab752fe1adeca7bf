#include "storage/sqlite/indicator_figure_rows.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"

namespace techmatch::storage::sqlite {

Figure FigureOfRow(absl::string_view unit_name, int64_t value) {
  return Figure{IndicatorUnitFromName(unit_name).value_or(IndicatorUnit::kCount), value};
}

absl::Status AddLedgerConditions(SqlWhere& where, absl::string_view alias,
                                 const LedgerFilter& filter, const ListQuery& query) {
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, {}, absl::StrCat(alias, ".id")));
  if (!filter.indicator_code.empty()) {
    where.Add(absl::StrCat(alias, ".indicator_code = ?"), filter.indicator_code);
  }
  if (!filter.region.empty()) {
    where.Add(absl::StrCat(alias, ".region_code GLOB ?"), RegionGlob(filter.region));
  }
  if (filter.year != 0) where.Add(absl::StrCat(alias, ".year = ?"), int64_t{filter.year});
  if (!query.scope.region.empty()) {
    where.Add(absl::StrCat(alias, ".region_code GLOB ?"), RegionGlob(query.scope.region));
  }
  return absl::OkStatus();
}

}  // namespace techmatch::storage::sqlite
