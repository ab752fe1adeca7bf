#include "storage/sqlite/observation_rows.h"

#include <string>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/sqlite/indicator_figure_rows.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

// The unit comes from the indicator, which an observation cannot outlive (foreign key).
#define TM_OBSERVATION_COLUMNS                                                               \
  "SELECT o.id, o.indicator_code, o.region_code, o.year, o.half, o.value, o.note, "          \
  "o.create_time, o.update_time, o.revision, i.unit FROM observations AS o JOIN indicators " \
  "AS i ON i.code = o.indicator_code"
constexpr absl::string_view kSelect = TM_OBSERVATION_COLUMNS;
constexpr absl::string_view kFind = TM_OBSERVATION_COLUMNS " WHERE o.id = ?1";
constexpr absl::string_view kInRegion = TM_OBSERVATION_COLUMNS
    " WHERE o.indicator_code = ?1 AND o.year = ?2 AND o.region_code GLOB ?3 ORDER BY o.id";
#undef TM_OBSERVATION_COLUMNS
constexpr absl::string_view kInsert =
    "INSERT INTO observations (id, indicator_code, region_code, year, half, value, note, "
    "create_time, update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr absl::string_view kUpdate =
    "UPDATE observations SET value = ?2, note = ?3, update_time = ?4, revision = revision + 1 "
    "WHERE id = ?1 AND revision = ?5 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT 1 FROM observations WHERE id = ?1";

Observation ReadObservation(const RowReader& row) {
  Observation o;
  o.meta.id = row.Text(0);
  o.indicator_code = row.Text(1);
  o.region_code = row.Text(2);
  o.year = static_cast<int>(row.Int64(3));
  o.half = static_cast<int>(row.Int64(4));
  o.value = FigureOfRow(row.View(10), row.Int64(5));
  o.note = row.Text(6);
  o.meta.create_time = NanosToTime(row.Int64(7));
  o.meta.update_time = NanosToTime(row.Int64(8));
  o.meta.revision = row.Int64(9);
  return o;
}

}  // namespace

absl::Status ObservationRows::Insert(Connection& connection, const Observation& record) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, record.meta.id);
  insert.BindText(2, record.indicator_code);
  insert.BindText(3, record.region_code);
  insert.BindInt64(4, record.year);
  insert.BindInt64(5, record.half);
  insert.BindInt64(6, StoredValue(record.value));
  insert.BindText(7, record.note);
  insert.BindInt64(8, create_time);
  insert.BindInt64(9, update_time);
  insert.BindInt64(10, record.meta.revision);
  insert.Run();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> ObservationRows::Update(Connection& connection,
                                                                  const Observation& record,
                                                                  int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  ScopedStatement update = connection.Prepare(kUpdate);
  update.BindText(1, record.meta.id);
  update.BindInt64(2, StoredValue(record.value));
  update.BindText(3, record.note);
  update.BindInt64(4, update_time);
  update.BindInt64(5, expected_revision);
  if (!update.Step()) return std::nullopt;
  return NanosToTime(update.Row().Int64(0));
}

std::optional<Observation> ObservationRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadObservation(find.Row());
}

bool ObservationRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<Observation>> ObservationRows::List(Connection& connection,
                                                        const LedgerFilter& filter,
                                                        const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(AddLedgerConditions(where, "o", filter, query));
  return RunPageQuery<Observation>(connection, kSelect, "o.id", std::move(where), query,
                                   ReadObservation);
}

std::vector<Observation> ObservationRows::InRegion(Connection& connection,
                                                   absl::string_view indicator_code,
                                                   absl::string_view region, int year) {
  ScopedStatement select = connection.Prepare(kInRegion);
  select.BindText(1, indicator_code);
  select.BindInt64(2, year);
  select.BindText(3, RegionGlob(region));
  std::vector<Observation> observations;
  while (select.Step()) observations.push_back(ReadObservation(select.Row()));
  return observations;
}

}  // namespace techmatch::storage::sqlite
