#include "storage/sqlite/indicator_rows.h"

#include <string>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kSelect =
    "SELECT code, display_name_zh, display_name_en, unit, create_time, update_time, revision "
    "FROM indicators";
constexpr absl::string_view kFind =
    "SELECT code, display_name_zh, display_name_en, unit, create_time, update_time, revision "
    "FROM indicators WHERE code = ?1";
constexpr absl::string_view kInsert =
    "INSERT INTO indicators (code, display_name_zh, display_name_en, unit, create_time, "
    "update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr absl::string_view kExists = "SELECT 1 FROM indicators WHERE code = ?1";

Indicator ReadIndicator(const RowReader& row) {
  Indicator indicator;
  indicator.meta.id = row.Text(0);
  indicator.display_name_zh = row.Text(1);
  indicator.display_name_en = row.Text(2);
  indicator.unit = IndicatorUnitFromName(row.View(3)).value_or(IndicatorUnit::kCount);
  indicator.meta.create_time = NanosToTime(row.Int64(4));
  indicator.meta.update_time = NanosToTime(row.Int64(5));
  indicator.meta.revision = row.Int64(6);
  return indicator;
}

}  // namespace

absl::Status IndicatorRows::Insert(Connection& connection, const Indicator& record) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, record.meta.id);
  insert.BindText(2, record.display_name_zh);
  insert.BindText(3, record.display_name_en);
  insert.BindText(4, IndicatorUnitName(record.unit));
  insert.BindInt64(5, create_time);
  insert.BindInt64(6, update_time);
  insert.BindInt64(7, record.meta.revision);
  insert.Run();
  return absl::OkStatus();
}

std::optional<Indicator> IndicatorRows::Find(Connection& connection, absl::string_view code) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, code);
  if (!find.Step()) return std::nullopt;
  return ReadIndicator(find.Row());
}

bool IndicatorRows::Exists(Connection& connection, absl::string_view code) {
  return RowExists(connection, kExists, code);
}

absl::StatusOr<Page<Indicator>> IndicatorRows::List(Connection& connection,
                                                    const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, {}, "code"));  // Indicators have no filter.
  return RunPageQuery<Indicator>(connection, kSelect, "code", std::move(where), query,
                                 ReadIndicator);
}

}  // namespace techmatch::storage::sqlite
