#include "storage/postgres/indicator_rows.h"

#include <utility>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kSelect =
    "SELECT code, display_name_zh, display_name_en, unit, create_time, update_time, revision "
    "FROM indicators";
constexpr absl::string_view kFind =
    "SELECT code, display_name_zh, display_name_en, unit, create_time, update_time, revision "
    "FROM indicators WHERE code = $1";
constexpr absl::string_view kInsert =
    "INSERT INTO indicators (code, display_name_zh, display_name_en, unit, create_time, "
    "update_time, revision) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM indicators WHERE code = $1)";

Indicator ReadIndicator(const Result& result, int row) {
  Indicator indicator;
  indicator.meta.id = result.Text(row, 0);
  indicator.display_name_zh = result.Text(row, 1);
  indicator.display_name_en = result.Text(row, 2);
  indicator.unit = IndicatorUnitFromName(result.View(row, 3)).value_or(IndicatorUnit::kCount);
  indicator.meta.create_time = NanosToTime(result.Int64(row, 4));
  indicator.meta.update_time = NanosToTime(result.Int64(row, 5));
  indicator.meta.revision = result.Int64(row, 6);
  return indicator;
}

}  // namespace

absl::Status IndicatorRows::Insert(Connection& connection, const Indicator& record) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  return connection
      .Exec(kInsert, Params()
                         .Text(record.meta.id)
                         .Text(record.display_name_zh)
                         .Text(record.display_name_en)
                         .Text(IndicatorUnitName(record.unit))
                         .Int64(create_time)
                         .Int64(update_time)
                         .Int64(record.meta.revision))
      .status();
}

absl::StatusOr<std::optional<Indicator>> IndicatorRows::Find(Connection& connection,
                                                             absl::string_view code) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(code)));
  if (found.rows() == 0) return std::nullopt;
  return ReadIndicator(found, 0);
}

absl::StatusOr<bool> IndicatorRows::Exists(Connection& connection, absl::string_view code) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(code)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Indicator>> IndicatorRows::List(Connection& connection,
                                                    const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, {}, "code"));  // Indicators have no filter.
  return RunPageQuery<Indicator>(connection, kSelect, "code", std::move(where), query,
                                 ReadIndicator);
}

}  // namespace techmatch::storage::postgres
