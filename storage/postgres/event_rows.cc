#include "storage/postgres/event_rows.h"

#include <string>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// Parameters $1..$10 follow the column order of kSelect.
constexpr absl::string_view kSelect =
    "SELECT id, display_name, location, start_time, end_time, registration_close_time, "
    "organizers, create_time, update_time, revision FROM events";
constexpr absl::string_view kFind =
    "SELECT id, display_name, location, start_time, end_time, registration_close_time, "
    "organizers, create_time, update_time, revision FROM events WHERE id = $1";
constexpr absl::string_view kInsert =
    "INSERT INTO events (id, display_name, location, start_time, end_time, "
    "registration_close_time, organizers, create_time, update_time, revision) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
// $8 (create_time) is in the shared parameter list, typed, and unused: the row keeps its own.
constexpr absl::string_view kUpdate =
    "UPDATE events SET display_name = $2, location = $3, start_time = $4, end_time = $5, "
    "registration_close_time = $6, organizers = $7, update_time = $9, revision = revision + 1 "
    "WHERE id = $1 AND revision = $10 RETURNING create_time";
constexpr absl::string_view kFindDisplayName = "SELECT display_name FROM events WHERE id = $1";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM events WHERE id = $1)";
// A join table is a set that indexes the ordered list in the main row: duplicates are ignored.
constexpr absl::string_view kInsertOrganizers =
    "INSERT INTO event_organizers (event_id, organization_id) "
    "SELECT $1, id FROM unnest($2::text[]) AS id ON CONFLICT DO NOTHING";
constexpr absl::string_view kDeleteOrganizers = "DELETE FROM event_organizers WHERE event_id = $1";

absl::StatusOr<Params> EventParams(const Event& event, int64_t revision) {
  TM_ASSIGN_OR_RETURN(std::string organizers, EncodeList(event.organizer_ids, "organizers"));
  TM_ASSIGN_OR_RETURN(int64_t start_time, TimeToNanos(event.start_time, "start_time"));
  TM_ASSIGN_OR_RETURN(int64_t end_time, TimeToNanos(event.end_time, "end_time"));
  std::optional<int64_t> close_time;
  if (event.registration_close_time) {
    TM_ASSIGN_OR_RETURN(close_time,
                        TimeToNanos(*event.registration_close_time, "registration_close_time"));
  }
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(event.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(event.meta.update_time, "update_time"));
  Params params;
  params.Text(event.meta.id)
      .Text(event.display_name)
      .Text(event.location)
      .Int64(start_time)
      .Int64(end_time)
      .OptionalInt64(close_time)
      .Text(organizers)
      .Int64(create_time)
      .Int64(update_time)
      .Int64(revision);
  return params;
}

Event ReadEvent(const Result& result, int row) {
  Event event;
  event.meta.id = result.Text(row, 0);
  event.display_name = result.Text(row, 1);
  event.location = result.Text(row, 2);
  event.start_time = NanosToTime(result.Int64(row, 3));
  event.end_time = NanosToTime(result.Int64(row, 4));
  if (!result.IsNull(row, 5)) event.registration_close_time = NanosToTime(result.Int64(row, 5));
  event.organizer_ids = DecodeList(result.View(row, 6));
  event.meta.create_time = NanosToTime(result.Int64(row, 7));
  event.meta.update_time = NanosToTime(result.Int64(row, 8));
  event.meta.revision = result.Int64(row, 9);
  return event;
}

absl::Status InsertOrganizers(Connection& connection, const Event& event) {
  if (event.organizer_ids.empty()) return absl::OkStatus();
  return connection
      .Exec(kInsertOrganizers, Params().Text(event.meta.id).TextArray(event.organizer_ids))
      .status();
}

}  // namespace

absl::Status EventRows::Insert(Connection& connection, const Event& record) {
  TM_ASSIGN_OR_RETURN(Params params, EventParams(record, record.meta.revision));
  TM_RETURN_IF_ERROR(connection.Exec(kInsert, params).status());
  return InsertOrganizers(connection, record);
}

absl::StatusOr<std::optional<absl::Time>> EventRows::Update(Connection& connection,
                                                            const Event& record,
                                                            int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(Params params, EventParams(record, expected_revision));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, params));
  if (updated.rows() == 0) return std::nullopt;
  const absl::Time create_time = NanosToTime(updated.Int64(0, 0));
  TM_RETURN_IF_ERROR(connection.Exec(kDeleteOrganizers, Params().Text(record.meta.id)).status());
  TM_RETURN_IF_ERROR(InsertOrganizers(connection, record));
  return create_time;
}

absl::StatusOr<std::optional<Event>> EventRows::Find(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadEvent(found, 0);
}

absl::StatusOr<bool> EventRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Event>> EventRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, EventFilterColumns(), "id"));
  return RunPageQuery<Event>(connection, kSelect, "id", std::move(where), query, ReadEvent);
}

absl::StatusOr<std::optional<std::string>> EventRows::FindDisplayName(Connection& connection,
                                                                      absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFindDisplayName, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return found.Text(0, 0);
}

}  // namespace techmatch::storage::postgres
