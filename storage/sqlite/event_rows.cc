#include "storage/sqlite/event_rows.h"

#include <string>
#include <vector>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

// Parameters ?1..?10 follow the column order of kSelect.
constexpr absl::string_view kSelect =
    "SELECT id, display_name, location, start_time, end_time, registration_close_time, "
    "organizers, create_time, update_time, revision FROM events";
constexpr absl::string_view kFind =
    "SELECT id, display_name, location, start_time, end_time, registration_close_time, "
    "organizers, create_time, update_time, revision FROM events WHERE id = ?1";
constexpr absl::string_view kInsert =
    "INSERT INTO events (id, display_name, location, start_time, end_time, "
    "registration_close_time, organizers, create_time, update_time, revision) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
// ?8 (create_time) is left out on purpose: it never changes.
constexpr absl::string_view kUpdate =
    "UPDATE events SET display_name = ?2, location = ?3, start_time = ?4, end_time = ?5, "
    "registration_close_time = ?6, organizers = ?7, update_time = ?9, revision = revision + 1 "
    "WHERE id = ?1 AND revision = ?10 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT 1 FROM events WHERE id = ?1";
constexpr absl::string_view kFindDisplayName = "SELECT display_name FROM events WHERE id = ?1";
constexpr absl::string_view kInsertOrganizer =
    "INSERT OR IGNORE INTO event_organizers (event_id, organization_id) VALUES (?1, ?2)";
constexpr absl::string_view kDeleteOrganizers = "DELETE FROM event_organizers WHERE event_id = ?1";

absl::Status BindEvent(ScopedStatement& statement, const Event& event, int64_t revision) {
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
  statement.BindText(1, event.meta.id);
  statement.BindText(2, event.display_name);
  statement.BindText(3, event.location);
  statement.BindInt64(4, start_time);
  statement.BindInt64(5, end_time);
  statement.BindOptionalInt64(6, close_time);
  statement.BindText(7, organizers);
  statement.BindInt64(8, create_time);
  statement.BindInt64(9, update_time);
  statement.BindInt64(10, revision);
  return absl::OkStatus();
}

Event ReadEvent(const RowReader& row) {
  Event event;
  event.meta.id = row.Text(0);
  event.display_name = row.Text(1);
  event.location = row.Text(2);
  event.start_time = NanosToTime(row.Int64(3));
  event.end_time = NanosToTime(row.Int64(4));
  if (!row.IsNull(5)) event.registration_close_time = NanosToTime(row.Int64(5));
  event.organizer_ids = DecodeList(row.View(6));
  event.meta.create_time = NanosToTime(row.Int64(7));
  event.meta.update_time = NanosToTime(row.Int64(8));
  event.meta.revision = row.Int64(9);
  return event;
}

}  // namespace

absl::Status EventRows::Insert(Connection& connection, const Event& record) {
  {
    ScopedStatement insert = connection.Prepare(kInsert);
    TM_RETURN_IF_ERROR(BindEvent(insert, record, record.meta.revision));
    insert.Run();
  }
  InsertMemberships(connection, kInsertOrganizer, record.meta.id, record.organizer_ids);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> EventRows::Update(Connection& connection,
                                                            const Event& record,
                                                            int64_t expected_revision) {
  std::optional<absl::Time> create_time;
  {
    ScopedStatement update = connection.Prepare(kUpdate);
    TM_RETURN_IF_ERROR(BindEvent(update, record, expected_revision));
    if (!update.Step()) return std::nullopt;
    create_time = NanosToTime(update.Row().Int64(0));
  }
  ReplaceMemberships(connection, kDeleteOrganizers, kInsertOrganizer, record.meta.id,
                     record.organizer_ids);
  return create_time;
}

std::optional<Event> EventRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadEvent(find.Row());
}

bool EventRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<Event>> EventRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, EventFilterColumns(), "id"));
  return RunPageQuery<Event>(connection, kSelect, "id", std::move(where), query, ReadEvent);
}

std::optional<std::string> EventRows::FindDisplayName(Connection& connection,
                                                      absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFindDisplayName);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return find.Row().Text(0);
}

}  // namespace techmatch::storage::sqlite
