#include "storage/postgres/target_rows.h"

#include <utility>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// The unit comes from the indicator, which a target cannot outlive (foreign key).
#define TM_TARGET_COLUMNS                                                                 \
  "SELECT t.id, t.indicator_code, t.region_code, t.year, t.value, t.create_time, "        \
  "t.update_time, t.revision, i.unit FROM targets AS t JOIN indicators AS i ON i.code = " \
  "t.indicator_code"
constexpr absl::string_view kSelect = TM_TARGET_COLUMNS;
constexpr absl::string_view kFind = TM_TARGET_COLUMNS " WHERE t.id = $1";
#undef TM_TARGET_COLUMNS
constexpr absl::string_view kInsert =
    "INSERT INTO targets (id, indicator_code, region_code, year, value, create_time, "
    "update_time, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr absl::string_view kUpdate =
    "UPDATE targets SET value = $2, update_time = $3, revision = revision + 1 "
    "WHERE id = $1 AND revision = $4 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM targets WHERE id = $1)";

Target ReadTarget(const Result& result, int row) {
  Target t;
  t.meta.id = result.Text(row, 0);
  t.indicator_code = result.Text(row, 1);
  t.region_code = result.Text(row, 2);
  t.year = static_cast<int>(result.Int64(row, 3));
  t.value = Figure{IndicatorUnitFromName(result.View(row, 8)).value_or(IndicatorUnit::kCount),
                   result.Int64(row, 4)};
  t.meta.create_time = NanosToTime(result.Int64(row, 5));
  t.meta.update_time = NanosToTime(result.Int64(row, 6));
  t.meta.revision = result.Int64(row, 7);
  return t;
}

int64_t ValueOf(const Target& t) { return t.value ? t.value->value : 0; }

}  // namespace

absl::Status TargetRows::Insert(Connection& connection, const Target& record) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  return connection
      .Exec(kInsert, Params()
                         .Text(record.meta.id)
                         .Text(record.indicator_code)
                         .Text(record.region_code)
                         .Int64(record.year)
                         .Int64(ValueOf(record))
                         .Int64(create_time)
                         .Int64(update_time)
                         .Int64(record.meta.revision))
      .status();
}

absl::StatusOr<std::optional<absl::Time>> TargetRows::Update(Connection& connection,
                                                             const Target& record,
                                                             int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, Params()
                                                                   .Text(record.meta.id)
                                                                   .Int64(ValueOf(record))
                                                                   .Int64(update_time)
                                                                   .Int64(expected_revision)));
  if (updated.rows() == 0) return std::nullopt;
  return NanosToTime(updated.Int64(0, 0));
}

absl::StatusOr<std::optional<Target>> TargetRows::Find(Connection& connection,
                                                       absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadTarget(found, 0);
}

absl::StatusOr<bool> TargetRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Target>> TargetRows::List(Connection& connection, const LedgerFilter& filter,
                                              const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, {}, "t.id"));
  if (!filter.indicator_code.empty()) where.AddText("t.indicator_code = ", filter.indicator_code);
  if (!filter.region.empty()) where.AddText("t.region_code LIKE ", RegionPattern(filter.region));
  if (filter.year != 0) where.AddInt64("t.year = ", filter.year);
  if (!query.scope.region.empty()) {
    where.AddText("t.region_code LIKE ", RegionPattern(query.scope.region));
  }
  return RunPageQuery<Target>(connection, kSelect, "t.id", std::move(where), query, ReadTarget);
}

}  // namespace techmatch::storage::postgres
