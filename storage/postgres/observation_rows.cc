#include "storage/postgres/observation_rows.h"

#include <utility>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// The unit comes from the indicator, which an observation cannot outlive (foreign key).
#define TM_OBSERVATION_COLUMNS                                                               \
  "SELECT o.id, o.indicator_code, o.region_code, o.year, o.half, o.value, o.note, "          \
  "o.create_time, o.update_time, o.revision, i.unit FROM observations AS o JOIN indicators " \
  "AS i ON i.code = o.indicator_code"
constexpr absl::string_view kSelect = TM_OBSERVATION_COLUMNS;
constexpr absl::string_view kFind = TM_OBSERVATION_COLUMNS " WHERE o.id = $1";
constexpr absl::string_view kInRegion = TM_OBSERVATION_COLUMNS
    " WHERE o.indicator_code = $1 AND o.year = $2 AND o.region_code LIKE $3 ORDER BY o.id";
#undef TM_OBSERVATION_COLUMNS
constexpr absl::string_view kInsert =
    "INSERT INTO observations (id, indicator_code, region_code, year, half, value, note, "
    "create_time, update_time, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr absl::string_view kUpdate =
    "UPDATE observations SET value = $2, note = $3, update_time = $4, revision = revision + 1 "
    "WHERE id = $1 AND revision = $5 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM observations WHERE id = $1)";

Observation ReadObservation(const Result& result, int row) {
  Observation o;
  o.meta.id = result.Text(row, 0);
  o.indicator_code = result.Text(row, 1);
  o.region_code = result.Text(row, 2);
  o.year = static_cast<int>(result.Int64(row, 3));
  o.half = static_cast<int>(result.Int64(row, 4));
  o.value = Figure{IndicatorUnitFromName(result.View(row, 10)).value_or(IndicatorUnit::kCount),
                   result.Int64(row, 5)};
  o.note = result.Text(row, 6);
  o.meta.create_time = NanosToTime(result.Int64(row, 7));
  o.meta.update_time = NanosToTime(result.Int64(row, 8));
  o.meta.revision = result.Int64(row, 9);
  return o;
}

int64_t ValueOf(const Observation& o) { return o.value ? o.value->value : 0; }

}  // namespace

absl::Status ObservationRows::Insert(Connection& connection, const Observation& record) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  return connection
      .Exec(kInsert, Params()
                         .Text(record.meta.id)
                         .Text(record.indicator_code)
                         .Text(record.region_code)
                         .Int64(record.year)
                         .Int64(record.half)
                         .Int64(ValueOf(record))
                         .Text(record.note)
                         .Int64(create_time)
                         .Int64(update_time)
                         .Int64(record.meta.revision))
      .status();
}

absl::StatusOr<std::optional<absl::Time>> ObservationRows::Update(Connection& connection,
                                                                  const Observation& record,
                                                                  int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, Params()
                                                                   .Text(record.meta.id)
                                                                   .Int64(ValueOf(record))
                                                                   .Text(record.note)
                                                                   .Int64(update_time)
                                                                   .Int64(expected_revision)));
  if (updated.rows() == 0) return std::nullopt;
  return NanosToTime(updated.Int64(0, 0));
}

absl::StatusOr<std::optional<Observation>> ObservationRows::Find(Connection& connection,
                                                                 absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadObservation(found, 0);
}

absl::StatusOr<bool> ObservationRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Observation>> ObservationRows::List(Connection& connection,
                                                        const LedgerFilter& filter,
                                                        const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, {}, "o.id"));
  if (!filter.indicator_code.empty()) where.AddText("o.indicator_code = ", filter.indicator_code);
  if (!filter.region.empty()) where.AddText("o.region_code LIKE ", RegionPattern(filter.region));
  if (filter.year != 0) where.AddInt64("o.year = ", filter.year);
  if (!query.scope.region.empty()) {
    where.AddText("o.region_code LIKE ", RegionPattern(query.scope.region));
  }
  return RunPageQuery<Observation>(connection, kSelect, "o.id", std::move(where), query,
                                   ReadObservation);
}

absl::StatusOr<std::vector<Observation>> ObservationRows::InRegion(Connection& connection,
                                                                   absl::string_view indicator_code,
                                                                   absl::string_view region,
                                                                   int year) {
  TM_ASSIGN_OR_RETURN(
      Result selected,
      connection.Exec(kInRegion,
                      Params().Text(indicator_code).Int64(year).Text(RegionPattern(region))));
  std::vector<Observation> observations;
  for (int row = 0; row < selected.rows(); ++row) {
    observations.push_back(ReadObservation(selected, row));
  }
  return observations;
}

}  // namespace techmatch::storage::postgres
