#include "storage/sqlite/target_rows.h"

#include <string>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/sqlite/indicator_figure_rows.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

// The unit comes from the indicator, which a target cannot outlive (foreign key).
#define TM_TARGET_COLUMNS                                                                 \
  "SELECT t.id, t.indicator_code, t.region_code, t.year, t.value, t.create_time, "        \
  "t.update_time, t.revision, i.unit FROM targets AS t JOIN indicators AS i ON i.code = " \
  "t.indicator_code"
constexpr absl::string_view kSelect = TM_TARGET_COLUMNS;
constexpr absl::string_view kFind = TM_TARGET_COLUMNS " WHERE t.id = ?1";
#undef TM_TARGET_COLUMNS
constexpr absl::string_view kInsert =
    "INSERT INTO targets (id, indicator_code, region_code, year, value, create_time, "
    "update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr absl::string_view kUpdate =
    "UPDATE targets SET value = ?2, update_time = ?3, revision = revision + 1 "
    "WHERE id = ?1 AND revision = ?4 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT 1 FROM targets WHERE id = ?1";

Target ReadTarget(const RowReader& row) {
  Target t;
  t.meta.id = row.Text(0);
  t.indicator_code = row.Text(1);
  t.region_code = row.Text(2);
  t.year = static_cast<int>(row.Int64(3));
  t.value = FigureOfRow(row.View(8), row.Int64(4));
  t.meta.create_time = NanosToTime(row.Int64(5));
  t.meta.update_time = NanosToTime(row.Int64(6));
  t.meta.revision = row.Int64(7);
  return t;
}

}  // namespace

absl::Status TargetRows::Insert(Connection& connection, const Target& record) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, record.meta.id);
  insert.BindText(2, record.indicator_code);
  insert.BindText(3, record.region_code);
  insert.BindInt64(4, record.year);
  insert.BindInt64(5, StoredValue(record.value));
  insert.BindInt64(6, create_time);
  insert.BindInt64(7, update_time);
  insert.BindInt64(8, record.meta.revision);
  insert.Run();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> TargetRows::Update(Connection& connection,
                                                             const Target& record,
                                                             int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  ScopedStatement update = connection.Prepare(kUpdate);
  update.BindText(1, record.meta.id);
  update.BindInt64(2, StoredValue(record.value));
  update.BindInt64(3, update_time);
  update.BindInt64(4, expected_revision);
  if (!update.Step()) return std::nullopt;
  return NanosToTime(update.Row().Int64(0));
}

std::optional<Target> TargetRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadTarget(find.Row());
}

bool TargetRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<Target>> TargetRows::List(Connection& connection, const LedgerFilter& filter,
                                              const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(AddLedgerConditions(where, "t", filter, query));
  return RunPageQuery<Target>(connection, kSelect, "t.id", std::move(where), query, ReadTarget);
}

}  // namespace techmatch::storage::sqlite
