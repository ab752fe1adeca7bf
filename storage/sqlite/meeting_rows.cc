#include "storage/sqlite/meeting_rows.h"

#include <utility>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kFindPlan =
    "SELECT table_count, max_meetings, create_time, update_time, revision FROM meeting_plans "
    "WHERE event_id = ?1";
constexpr absl::string_view kFindSlots =
    "SELECT start_time, end_time FROM meeting_slots WHERE event_id = ?1 ORDER BY position";
constexpr absl::string_view kInsertPlan =
    "INSERT INTO meeting_plans (event_id, table_count, max_meetings, create_time, update_time, "
    "revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr absl::string_view kUpdatePlan =
    "UPDATE meeting_plans SET table_count = ?2, max_meetings = ?3, update_time = ?4, "
    "revision = ?5 WHERE event_id = ?1";
constexpr absl::string_view kDeleteSlots = "DELETE FROM meeting_slots WHERE event_id = ?1";
constexpr absl::string_view kInsertSlot =
    "INSERT INTO meeting_slots (event_id, position, start_time, end_time) "
    "VALUES (?1, ?2, ?3, ?4)";

// The id comes first: it is the keyset column of a request page.
constexpr absl::string_view kSelectRequest =
    "SELECT id, event_id, need_id, offering_id, enterprise_id, institute_id, requested_by, "
    "mutual, score, state, create_time, update_time, revision FROM meeting_requests";
constexpr absl::string_view kFindRequest =
    "SELECT id, event_id, need_id, offering_id, enterprise_id, institute_id, requested_by, "
    "mutual, score, state, create_time, update_time, revision FROM meeting_requests "
    "WHERE event_id = ?1 AND id = ?2";
constexpr absl::string_view kFindPair =
    "SELECT id, event_id, need_id, offering_id, enterprise_id, institute_id, requested_by, "
    "mutual, score, state, create_time, update_time, revision FROM meeting_requests "
    "WHERE event_id = ?1 AND need_id = ?2 AND offering_id = ?3";
constexpr absl::string_view kSchedulable =
    "SELECT id, event_id, need_id, offering_id, enterprise_id, institute_id, requested_by, "
    "mutual, score, state, create_time, update_time, revision FROM meeting_requests AS r "
    "WHERE event_id = ?1 AND (state = 'ACCEPTED' OR EXISTS (SELECT 1 FROM meetings AS m "
    "WHERE m.event_id = r.event_id AND m.request_id = r.id AND m.locked = 1)) ORDER BY id";
constexpr absl::string_view kInsertRequest =
    "INSERT INTO meeting_requests (event_id, id, need_id, offering_id, enterprise_id, "
    "institute_id, requested_by, mutual, score, state, create_time, update_time, revision) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr absl::string_view kUpdateRequest =
    "UPDATE meeting_requests SET requested_by = ?3, mutual = ?4, state = ?5, update_time = ?6, "
    "revision = revision + 1 WHERE event_id = ?1 AND id = ?2 AND revision = ?7 "
    "RETURNING create_time";
constexpr absl::string_view kInactive =
    "SELECT 'needs/' || n.id, n.state FROM needs AS n WHERE n.state <> 'OPEN' AND n.id IN "
    "(SELECT need_id FROM meeting_requests WHERE event_id = ?1 AND state = 'ACCEPTED') "
    "UNION ALL "
    "SELECT 'offerings/' || o.id, o.state FROM offerings AS o WHERE o.state <> 'AVAILABLE' AND "
    "o.id IN (SELECT offering_id FROM meeting_requests WHERE event_id = ?1 AND "
    "state = 'ACCEPTED')";

constexpr absl::string_view kFindMeeting =
    "SELECT request_id, event_id, slot, table_number, locked, create_time, update_time, "
    "revision FROM meetings WHERE event_id = ?1 AND request_id = ?2";
constexpr absl::string_view kMeetingsOfEvent =
    "SELECT request_id, event_id, slot, table_number, locked, create_time, update_time, "
    "revision FROM meetings WHERE event_id = ?1 ORDER BY slot, table_number";
constexpr absl::string_view kInsertMeeting =
    "INSERT INTO meetings (event_id, request_id, slot, table_number, locked, create_time, "
    "update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr absl::string_view kUpdateMeeting =
    "UPDATE meetings SET slot = ?3, table_number = ?4, locked = ?5, update_time = ?6, "
    "revision = revision + 1 WHERE event_id = ?1 AND request_id = ?2 AND revision = ?7 "
    "RETURNING create_time";
constexpr absl::string_view kDeleteMeeting =
    "DELETE FROM meetings WHERE event_id = ?1 AND request_id = ?2";
constexpr absl::string_view kDeleteUnlocked =
    "DELETE FROM meetings WHERE event_id = ?1 AND locked = 0";
constexpr absl::string_view kLockedOutside =
    "SELECT request_id, event_id, slot, table_number, locked, create_time, update_time, "
    "revision FROM meetings WHERE event_id = ?1 AND locked = 1 AND (slot >= ?2 OR "
    "table_number >= ?3) ORDER BY request_id LIMIT 1";
// Columns 0–7 a meeting, 8–20 its request, then titles and names.
constexpr absl::string_view kDetails =
    "SELECT m.request_id, m.event_id, m.slot, m.table_number, m.locked, m.create_time, "
    "m.update_time, m.revision, "
    "r.id, r.event_id, r.need_id, r.offering_id, r.enterprise_id, r.institute_id, "
    "r.requested_by, r.mutual, r.score, r.state, r.create_time, r.update_time, r.revision, "
    "n.title, o.title, e.display_name, i.display_name "
    "FROM meetings AS m "
    "JOIN meeting_requests AS r ON r.event_id = m.event_id AND r.id = m.request_id "
    "JOIN needs AS n ON n.id = r.need_id JOIN offerings AS o ON o.id = r.offering_id "
    "JOIN organizations AS e ON e.id = r.enterprise_id "
    "JOIN organizations AS i ON i.id = r.institute_id "
    "WHERE m.event_id = ?1 AND (?2 = '' OR r.enterprise_id = ?2 OR r.institute_id = ?2) "
    "ORDER BY m.slot, m.table_number";

MeetingRequest ReadRequest(const RowReader& row, int at = 0) {
  MeetingRequest request;
  request.meta.id = row.Text(at);
  request.event_id = row.Text(at + 1);
  request.need_id = row.Text(at + 2);
  request.offering_id = row.Text(at + 3);
  request.enterprise_id = row.Text(at + 4);
  request.institute_id = row.Text(at + 5);
  request.requested_by = MeetingSideFromName(row.Text(at + 6)).value_or(MeetingSide::kOrganizer);
  request.mutual = row.Int64(at + 7) != 0;
  request.score = row.Int64(at + 8);
  request.state =
      MeetingRequestStateFromName(row.View(at + 9)).value_or(MeetingRequestState::kPending);
  request.meta.create_time = NanosToTime(row.Int64(at + 10));
  request.meta.update_time = NanosToTime(row.Int64(at + 11));
  request.meta.revision = row.Int64(at + 12);
  return request;
}

Meeting ReadMeeting(const RowReader& row) {
  Meeting meeting;
  meeting.meta.id = row.Text(0);
  meeting.event_id = row.Text(1);
  meeting.slot = static_cast<int>(row.Int64(2));
  meeting.table = static_cast<int>(row.Int64(3));
  meeting.locked = row.Int64(4) != 0;
  meeting.meta.create_time = NanosToTime(row.Int64(5));
  meeting.meta.update_time = NanosToTime(row.Int64(6));
  meeting.meta.revision = row.Int64(7);
  return meeting;
}

std::vector<Meeting> ReadMeetings(ScopedStatement& statement) {
  std::vector<Meeting> meetings;
  while (statement.Step()) meetings.push_back(ReadMeeting(statement.Row()));
  return meetings;
}

}  // namespace

std::optional<MeetingPlan> MeetingPlanRows::Find(Connection& connection,
                                                 absl::string_view event_id) {
  MeetingPlan plan;
  {
    ScopedStatement find = connection.Prepare(kFindPlan);
    find.BindText(1, event_id);
    if (!find.Step()) return std::nullopt;
    const RowReader row = find.Row();
    plan.meta.id = std::string(event_id);
    plan.table_count = static_cast<int>(row.Int64(0));
    plan.max_meetings_per_participant = static_cast<int>(row.Int64(1));
    plan.meta.create_time = NanosToTime(row.Int64(2));
    plan.meta.update_time = NanosToTime(row.Int64(3));
    plan.meta.revision = row.Int64(4);
  }
  ScopedStatement slots = connection.Prepare(kFindSlots);
  slots.BindText(1, event_id);
  while (slots.Step()) {
    plan.slots.push_back({NanosToTime(slots.Row().Int64(0)), NanosToTime(slots.Row().Int64(1))});
  }
  return plan;
}

absl::Status MeetingPlanRows::Put(Connection& connection, const MeetingPlan& plan, bool exists) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(plan.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(plan.meta.update_time, "update_time"));
  if (exists) {
    ScopedStatement update = connection.Prepare(kUpdatePlan);
    update.BindText(1, plan.meta.id);
    update.BindInt64(2, plan.table_count);
    update.BindInt64(3, plan.max_meetings_per_participant);
    update.BindInt64(4, update_time);
    update.BindInt64(5, plan.meta.revision);
    update.Run();
  } else {
    ScopedStatement insert = connection.Prepare(kInsertPlan);
    insert.BindText(1, plan.meta.id);
    insert.BindInt64(2, plan.table_count);
    insert.BindInt64(3, plan.max_meetings_per_participant);
    insert.BindInt64(4, create_time);
    insert.BindInt64(5, update_time);
    insert.BindInt64(6, plan.meta.revision);
    insert.Run();
  }
  {
    ScopedStatement clear = connection.Prepare(kDeleteSlots);
    clear.BindText(1, plan.meta.id);
    clear.Run();
  }
  for (size_t i = 0; i < plan.slots.size(); ++i) {
    const std::string field = "slots[" + std::to_string(i) + "]";
    TM_ASSIGN_OR_RETURN(int64_t start, TimeToNanos(plan.slots[i].start, field + ".start_time"));
    TM_ASSIGN_OR_RETURN(int64_t end, TimeToNanos(plan.slots[i].end, field + ".end_time"));
    ScopedStatement insert = connection.Prepare(kInsertSlot);
    insert.BindText(1, plan.meta.id);
    insert.BindInt64(2, static_cast<int64_t>(i));
    insert.BindInt64(3, start);
    insert.BindInt64(4, end);
    insert.Run();
  }
  return absl::OkStatus();
}

absl::Status MeetingRequestRows::Insert(Connection& connection, const MeetingRequest& request) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(request.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(request.meta.update_time, "update_time"));
  ScopedStatement insert = connection.Prepare(kInsertRequest);
  insert.BindText(1, request.event_id);
  insert.BindText(2, request.meta.id);
  insert.BindText(3, request.need_id);
  insert.BindText(4, request.offering_id);
  insert.BindText(5, request.enterprise_id);
  insert.BindText(6, request.institute_id);
  insert.BindText(7, MeetingSideName(request.requested_by));
  insert.BindInt64(8, request.mutual ? 1 : 0);
  insert.BindInt64(9, request.score);
  insert.BindText(10, MeetingRequestStateName(request.state));
  insert.BindInt64(11, create_time);
  insert.BindInt64(12, update_time);
  insert.BindInt64(13, request.meta.revision);
  insert.Run();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> MeetingRequestRows::Update(Connection& connection,
                                                                     const MeetingRequest& request,
                                                                     int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(request.meta.update_time, "update_time"));
  ScopedStatement update = connection.Prepare(kUpdateRequest);
  update.BindText(1, request.event_id);
  update.BindText(2, request.meta.id);
  update.BindText(3, MeetingSideName(request.requested_by));
  update.BindInt64(4, request.mutual ? 1 : 0);
  update.BindText(5, MeetingRequestStateName(request.state));
  update.BindInt64(6, update_time);
  update.BindInt64(7, expected_revision);
  if (!update.Step()) return std::nullopt;
  return NanosToTime(update.Row().Int64(0));
}

std::optional<MeetingRequest> MeetingRequestRows::Find(Connection& connection,
                                                       absl::string_view event_id,
                                                       absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFindRequest);
  find.BindText(1, event_id);
  find.BindText(2, id);
  if (!find.Step()) return std::nullopt;
  return ReadRequest(find.Row());
}

std::optional<MeetingRequest> MeetingRequestRows::FindPair(Connection& connection,
                                                           absl::string_view event_id,
                                                           absl::string_view need_id,
                                                           absl::string_view offering_id) {
  ScopedStatement find = connection.Prepare(kFindPair);
  find.BindText(1, event_id);
  find.BindText(2, need_id);
  find.BindText(3, offering_id);
  if (!find.Step()) return std::nullopt;
  return ReadRequest(find.Row());
}

absl::StatusOr<Page<MeetingRequest>> MeetingRequestRows::List(Connection& connection,
                                                              absl::string_view event_id,
                                                              const ListQuery& query) {
  SqlWhere where;
  where.Add("event_id = ?", std::string(event_id));
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, MeetingRequestFilterColumns(), "id"));
  return RunPageQuery<MeetingRequest>(connection, kSelectRequest, "id", std::move(where), query,
                                      [](const RowReader& row) { return ReadRequest(row); });
}

std::vector<MeetingRequest> MeetingRequestRows::Schedulable(Connection& connection,
                                                            absl::string_view event_id) {
  ScopedStatement select = connection.Prepare(kSchedulable);
  select.BindText(1, event_id);
  std::vector<MeetingRequest> requests;
  while (select.Step()) requests.push_back(ReadRequest(select.Row()));
  return requests;
}

absl::flat_hash_map<std::string, std::string> MeetingRequestRows::Inactive(
    Connection& connection, absl::string_view event_id) {
  ScopedStatement select = connection.Prepare(kInactive);
  select.BindText(1, event_id);
  absl::flat_hash_map<std::string, std::string> inactive;
  while (select.Step()) inactive[select.Row().Text(0)] = select.Row().Text(1);
  return inactive;
}

std::optional<Meeting> MeetingRows::Find(Connection& connection, absl::string_view event_id,
                                         absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFindMeeting);
  find.BindText(1, event_id);
  find.BindText(2, id);
  if (!find.Step()) return std::nullopt;
  return ReadMeeting(find.Row());
}

std::vector<Meeting> MeetingRows::OfEvent(Connection& connection, absl::string_view event_id) {
  ScopedStatement select = connection.Prepare(kMeetingsOfEvent);
  select.BindText(1, event_id);
  return ReadMeetings(select);
}

absl::Status MeetingRows::Insert(Connection& connection, const Meeting& meeting) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(meeting.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(meeting.meta.update_time, "update_time"));
  ScopedStatement insert = connection.Prepare(kInsertMeeting);
  insert.BindText(1, meeting.event_id);
  insert.BindText(2, meeting.meta.id);
  insert.BindInt64(3, meeting.slot);
  insert.BindInt64(4, meeting.table);
  insert.BindInt64(5, meeting.locked ? 1 : 0);
  insert.BindInt64(6, create_time);
  insert.BindInt64(7, update_time);
  insert.BindInt64(8, meeting.meta.revision);
  insert.Run();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> MeetingRows::Update(Connection& connection,
                                                              const Meeting& meeting,
                                                              int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(meeting.meta.update_time, "update_time"));
  ScopedStatement update = connection.Prepare(kUpdateMeeting);
  update.BindText(1, meeting.event_id);
  update.BindText(2, meeting.meta.id);
  update.BindInt64(3, meeting.slot);
  update.BindInt64(4, meeting.table);
  update.BindInt64(5, meeting.locked ? 1 : 0);
  update.BindInt64(6, update_time);
  update.BindInt64(7, expected_revision);
  if (!update.Step()) return std::nullopt;
  return NanosToTime(update.Row().Int64(0));
}

void MeetingRows::Delete(Connection& connection, absl::string_view event_id, absl::string_view id) {
  ScopedStatement remove = connection.Prepare(kDeleteMeeting);
  remove.BindText(1, event_id);
  remove.BindText(2, id);
  remove.Run();
}

void MeetingRows::DeleteUnlocked(Connection& connection, absl::string_view event_id) {
  ScopedStatement remove = connection.Prepare(kDeleteUnlocked);
  remove.BindText(1, event_id);
  remove.Run();
}

std::optional<Meeting> MeetingRows::LockedOutside(Connection& connection,
                                                  absl::string_view event_id, int slot_count,
                                                  int table_count) {
  ScopedStatement select = connection.Prepare(kLockedOutside);
  select.BindText(1, event_id);
  select.BindInt64(2, slot_count);
  select.BindInt64(3, table_count);
  if (!select.Step()) return std::nullopt;
  return ReadMeeting(select.Row());
}

std::vector<MeetingDetails> MeetingRows::Details(Connection& connection, absl::string_view event_id,
                                                 absl::string_view organization_id) {
  ScopedStatement select = connection.Prepare(kDetails);
  select.BindText(1, event_id);
  select.BindText(2, organization_id);
  std::vector<MeetingDetails> details;
  while (select.Step()) {
    const RowReader row = select.Row();
    MeetingDetails d;
    d.meeting = ReadMeeting(row);
    d.request = ReadRequest(row, 8);
    d.need_title = row.Text(21);
    d.offering_title = row.Text(22);
    d.enterprise_name = row.Text(23);
    d.institute_name = row.Text(24);
    details.push_back(std::move(d));
  }
  return details;
}

}  // namespace techmatch::storage::sqlite
