#include "storage/postgres/meeting_rows.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kLockSchedules = "LOCK TABLE meetings IN SHARE ROW EXCLUSIVE MODE";

constexpr absl::string_view kFindPlan =
    "SELECT table_count, max_meetings, create_time, update_time, revision FROM meeting_plans "
    "WHERE event_id = $1";
constexpr absl::string_view kFindSlots =
    "SELECT start_time, end_time FROM meeting_slots WHERE event_id = $1 ORDER BY position";
constexpr absl::string_view kInsertPlan =
    "INSERT INTO meeting_plans (event_id, table_count, max_meetings, create_time, update_time, "
    "revision) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr absl::string_view kUpdatePlan =
    "UPDATE meeting_plans SET table_count = $2, max_meetings = $3, update_time = $4, "
    "revision = $5 WHERE event_id = $1";
constexpr absl::string_view kDeleteSlots = "DELETE FROM meeting_slots WHERE event_id = $1";
constexpr absl::string_view kInsertSlot =
    "INSERT INTO meeting_slots (event_id, position, start_time, end_time) "
    "VALUES ($1, $2, $3, $4)";

// The id comes first: it is the keyset column of a request page.
constexpr absl::string_view kSelectRequest =
    "SELECT id, event_id, need_id, offering_id, enterprise_id, institute_id, requested_by, "
    "mutual, score, state, create_time, update_time, revision FROM meeting_requests";
constexpr absl::string_view kFindRequest =
    "SELECT id, event_id, need_id, offering_id, enterprise_id, institute_id, requested_by, "
    "mutual, score, state, create_time, update_time, revision FROM meeting_requests "
    "WHERE event_id = $1 AND id = $2";
constexpr absl::string_view kFindPair =
    "SELECT id, event_id, need_id, offering_id, enterprise_id, institute_id, requested_by, "
    "mutual, score, state, create_time, update_time, revision FROM meeting_requests "
    "WHERE event_id = $1 AND need_id = $2 AND offering_id = $3";
constexpr absl::string_view kSchedulable =
    "SELECT id, event_id, need_id, offering_id, enterprise_id, institute_id, requested_by, "
    "mutual, score, state, create_time, update_time, revision FROM meeting_requests AS r "
    "WHERE event_id = $1 AND (state = 'ACCEPTED' OR EXISTS (SELECT 1 FROM meetings AS m "
    "WHERE m.event_id = r.event_id AND m.request_id = r.id AND m.locked)) ORDER BY id";
constexpr absl::string_view kInsertRequest =
    "INSERT INTO meeting_requests (event_id, id, need_id, offering_id, enterprise_id, "
    "institute_id, requested_by, mutual, score, state, create_time, update_time, revision) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
constexpr absl::string_view kUpdateRequest =
    "UPDATE meeting_requests SET requested_by = $3, mutual = $4, state = $5, update_time = $6, "
    "revision = revision + 1 WHERE event_id = $1 AND id = $2 AND revision = $7 "
    "RETURNING create_time";
constexpr absl::string_view kInactive =
    "SELECT 'needs/' || n.id, n.state FROM needs AS n WHERE n.state <> 'OPEN' AND n.id IN "
    "(SELECT need_id FROM meeting_requests WHERE event_id = $1 AND state = 'ACCEPTED') "
    "UNION ALL "
    "SELECT 'offerings/' || o.id, o.state FROM offerings AS o WHERE o.state <> 'AVAILABLE' AND "
    "o.id IN (SELECT offering_id FROM meeting_requests WHERE event_id = $1 AND "
    "state = 'ACCEPTED')";

constexpr absl::string_view kFindMeeting =
    "SELECT request_id, event_id, slot, table_number, locked, create_time, update_time, "
    "revision FROM meetings WHERE event_id = $1 AND request_id = $2";
constexpr absl::string_view kMeetingsOfEvent =
    "SELECT request_id, event_id, slot, table_number, locked, create_time, update_time, "
    "revision FROM meetings WHERE event_id = $1 ORDER BY slot, table_number";
constexpr absl::string_view kInsertMeeting =
    "INSERT INTO meetings (event_id, request_id, slot, table_number, locked, create_time, "
    "update_time, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr absl::string_view kUpdateMeeting =
    "UPDATE meetings SET slot = $3, table_number = $4, locked = $5, update_time = $6, "
    "revision = revision + 1 WHERE event_id = $1 AND request_id = $2 AND revision = $7 "
    "RETURNING create_time";
constexpr absl::string_view kDeleteMeeting =
    "DELETE FROM meetings WHERE event_id = $1 AND request_id = $2";
constexpr absl::string_view kDeleteUnlocked =
    "DELETE FROM meetings WHERE event_id = $1 AND NOT locked";
constexpr absl::string_view kLockedOutside =
    "SELECT request_id, event_id, slot, table_number, locked, create_time, update_time, "
    "revision FROM meetings WHERE event_id = $1 AND locked AND (slot >= $2 OR "
    "table_number >= $3) ORDER BY request_id LIMIT 1";
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
    "WHERE m.event_id = $1 AND ($2 = '' OR r.enterprise_id = $2 OR r.institute_id = $2) "
    "ORDER BY m.slot, m.table_number";

MeetingRequest ReadRequest(const Result& result, int row, int at = 0) {
  MeetingRequest request;
  request.meta.id = result.Text(row, at);
  request.event_id = result.Text(row, at + 1);
  request.need_id = result.Text(row, at + 2);
  request.offering_id = result.Text(row, at + 3);
  request.enterprise_id = result.Text(row, at + 4);
  request.institute_id = result.Text(row, at + 5);
  request.requested_by =
      MeetingSideFromName(result.Text(row, at + 6)).value_or(MeetingSide::kOrganizer);
  request.mutual = result.Bool(row, at + 7);
  request.score = result.Int64(row, at + 8);
  request.state =
      MeetingRequestStateFromName(result.View(row, at + 9)).value_or(MeetingRequestState::kPending);
  request.meta.create_time = NanosToTime(result.Int64(row, at + 10));
  request.meta.update_time = NanosToTime(result.Int64(row, at + 11));
  request.meta.revision = result.Int64(row, at + 12);
  return request;
}

Meeting ReadMeeting(const Result& result, int row) {
  Meeting meeting;
  meeting.meta.id = result.Text(row, 0);
  meeting.event_id = result.Text(row, 1);
  meeting.slot = static_cast<int>(result.Int64(row, 2));
  meeting.table = static_cast<int>(result.Int64(row, 3));
  meeting.locked = result.Bool(row, 4);
  meeting.meta.create_time = NanosToTime(result.Int64(row, 5));
  meeting.meta.update_time = NanosToTime(result.Int64(row, 6));
  meeting.meta.revision = result.Int64(row, 7);
  return meeting;
}

absl::StatusOr<std::vector<Meeting>> ReadMeetings(absl::StatusOr<Result> result) {
  if (!result.ok()) return result.status();
  std::vector<Meeting> meetings;
  for (int row = 0; row < result->rows(); ++row) meetings.push_back(ReadMeeting(*result, row));
  return meetings;
}

absl::StatusOr<std::optional<Meeting>> ReadOneMeeting(absl::StatusOr<Result> result) {
  if (!result.ok()) return result.status();
  if (result->rows() == 0) return std::nullopt;
  return ReadMeeting(*result, 0);
}

absl::StatusOr<std::optional<MeetingRequest>> ReadOneRequest(absl::StatusOr<Result> result) {
  if (!result.ok()) return result.status();
  if (result->rows() == 0) return std::nullopt;
  return ReadRequest(*result, 0);
}

absl::StatusOr<std::optional<absl::Time>> ReturnedCreateTime(absl::StatusOr<Result> result) {
  if (!result.ok()) return result.status();
  if (result->rows() == 0) return std::nullopt;
  return NanosToTime(result->Int64(0, 0));
}

}  // namespace

absl::Status LockSchedules(Connection& connection) { return connection.LockFirst(kLockSchedules); }

absl::StatusOr<std::optional<MeetingPlan>> MeetingPlanRows::Find(Connection& connection,
                                                                 absl::string_view event_id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFindPlan, Params().Text(event_id)));
  if (found.rows() == 0) return std::nullopt;
  MeetingPlan plan;
  plan.meta.id = std::string(event_id);
  plan.table_count = static_cast<int>(found.Int64(0, 0));
  plan.max_meetings_per_participant = static_cast<int>(found.Int64(0, 1));
  plan.meta.create_time = NanosToTime(found.Int64(0, 2));
  plan.meta.update_time = NanosToTime(found.Int64(0, 3));
  plan.meta.revision = found.Int64(0, 4);
  TM_ASSIGN_OR_RETURN(Result slots, connection.Exec(kFindSlots, Params().Text(event_id)));
  for (int row = 0; row < slots.rows(); ++row) {
    plan.slots.push_back({NanosToTime(slots.Int64(row, 0)), NanosToTime(slots.Int64(row, 1))});
  }
  return plan;
}

absl::Status MeetingPlanRows::Put(Connection& connection, const MeetingPlan& plan, bool exists) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(plan.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(plan.meta.update_time, "update_time"));
  if (exists) {
    TM_RETURN_IF_ERROR(connection
                           .Exec(kUpdatePlan, Params()
                                                  .Text(plan.meta.id)
                                                  .Int64(plan.table_count)
                                                  .Int64(plan.max_meetings_per_participant)
                                                  .Int64(update_time)
                                                  .Int64(plan.meta.revision))
                           .status());
  } else {
    TM_RETURN_IF_ERROR(connection
                           .Exec(kInsertPlan, Params()
                                                  .Text(plan.meta.id)
                                                  .Int64(plan.table_count)
                                                  .Int64(plan.max_meetings_per_participant)
                                                  .Int64(create_time)
                                                  .Int64(update_time)
                                                  .Int64(plan.meta.revision))
                           .status());
  }
  TM_RETURN_IF_ERROR(connection.Exec(kDeleteSlots, Params().Text(plan.meta.id)).status());
  for (size_t i = 0; i < plan.slots.size(); ++i) {
    const std::string field = absl::StrCat("slots[", i, "]");
    TM_ASSIGN_OR_RETURN(int64_t start,
                        TimeToNanos(plan.slots[i].start, absl::StrCat(field, ".start_time")));
    TM_ASSIGN_OR_RETURN(int64_t end,
                        TimeToNanos(plan.slots[i].end, absl::StrCat(field, ".end_time")));
    TM_RETURN_IF_ERROR(
        connection
            .Exec(
                kInsertSlot,
                Params().Text(plan.meta.id).Int64(static_cast<int64_t>(i)).Int64(start).Int64(end))
            .status());
  }
  return absl::OkStatus();
}

absl::Status MeetingRequestRows::Insert(Connection& connection, const MeetingRequest& request) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(request.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(request.meta.update_time, "update_time"));
  return connection
      .Exec(kInsertRequest, Params()
                                .Text(request.event_id)
                                .Text(request.meta.id)
                                .Text(request.need_id)
                                .Text(request.offering_id)
                                .Text(request.enterprise_id)
                                .Text(request.institute_id)
                                .Text(MeetingSideName(request.requested_by))
                                .Bool(request.mutual)
                                .Int64(request.score)
                                .Text(MeetingRequestStateName(request.state))
                                .Int64(create_time)
                                .Int64(update_time)
                                .Int64(request.meta.revision))
      .status();
}

absl::StatusOr<std::optional<absl::Time>> MeetingRequestRows::Update(Connection& connection,
                                                                     const MeetingRequest& request,
                                                                     int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(request.meta.update_time, "update_time"));
  return ReturnedCreateTime(
      connection.Exec(kUpdateRequest, Params()
                                          .Text(request.event_id)
                                          .Text(request.meta.id)
                                          .Text(MeetingSideName(request.requested_by))
                                          .Bool(request.mutual)
                                          .Text(MeetingRequestStateName(request.state))
                                          .Int64(update_time)
                                          .Int64(expected_revision)));
}

absl::StatusOr<std::optional<MeetingRequest>> MeetingRequestRows::Find(Connection& connection,
                                                                       absl::string_view event_id,
                                                                       absl::string_view id) {
  return ReadOneRequest(connection.Exec(kFindRequest, Params().Text(event_id).Text(id)));
}

absl::StatusOr<std::optional<MeetingRequest>> MeetingRequestRows::FindPair(
    Connection& connection, absl::string_view event_id, absl::string_view need_id,
    absl::string_view offering_id) {
  return ReadOneRequest(
      connection.Exec(kFindPair, Params().Text(event_id).Text(need_id).Text(offering_id)));
}

absl::StatusOr<Page<MeetingRequest>> MeetingRequestRows::List(Connection& connection,
                                                              absl::string_view event_id,
                                                              const ListQuery& query) {
  SqlWhere where;
  where.AddText("event_id = ", event_id);
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, MeetingRequestFilterColumns(), "id"));
  return RunPageQuery<MeetingRequest>(
      connection, kSelectRequest, "id", std::move(where), query,
      [](const Result& result, int row) { return ReadRequest(result, row); });
}

absl::StatusOr<std::vector<MeetingRequest>> MeetingRequestRows::Schedulable(
    Connection& connection, absl::string_view event_id) {
  TM_ASSIGN_OR_RETURN(Result selected, connection.Exec(kSchedulable, Params().Text(event_id)));
  std::vector<MeetingRequest> requests;
  for (int row = 0; row < selected.rows(); ++row) requests.push_back(ReadRequest(selected, row));
  return requests;
}

absl::StatusOr<absl::flat_hash_map<std::string, std::string>> MeetingRequestRows::Inactive(
    Connection& connection, absl::string_view event_id) {
  TM_ASSIGN_OR_RETURN(Result selected, connection.Exec(kInactive, Params().Text(event_id)));
  absl::flat_hash_map<std::string, std::string> inactive;
  for (int row = 0; row < selected.rows(); ++row) {
    inactive[selected.Text(row, 0)] = selected.Text(row, 1);
  }
  return inactive;
}

absl::StatusOr<std::optional<Meeting>> MeetingRows::Find(Connection& connection,
                                                         absl::string_view event_id,
                                                         absl::string_view id) {
  return ReadOneMeeting(connection.Exec(kFindMeeting, Params().Text(event_id).Text(id)));
}

absl::StatusOr<std::vector<Meeting>> MeetingRows::OfEvent(Connection& connection,
                                                          absl::string_view event_id) {
  return ReadMeetings(connection.Exec(kMeetingsOfEvent, Params().Text(event_id)));
}

absl::Status MeetingRows::Insert(Connection& connection, const Meeting& meeting) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(meeting.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(meeting.meta.update_time, "update_time"));
  return connection
      .Exec(kInsertMeeting, Params()
                                .Text(meeting.event_id)
                                .Text(meeting.meta.id)
                                .Int64(meeting.slot)
                                .Int64(meeting.table)
                                .Bool(meeting.locked)
                                .Int64(create_time)
                                .Int64(update_time)
                                .Int64(meeting.meta.revision))
      .status();
}

absl::StatusOr<std::optional<absl::Time>> MeetingRows::Update(Connection& connection,
                                                              const Meeting& meeting,
                                                              int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(meeting.meta.update_time, "update_time"));
  return ReturnedCreateTime(connection.Exec(kUpdateMeeting, Params()
                                                                .Text(meeting.event_id)
                                                                .Text(meeting.meta.id)
                                                                .Int64(meeting.slot)
                                                                .Int64(meeting.table)
                                                                .Bool(meeting.locked)
                                                                .Int64(update_time)
                                                                .Int64(expected_revision)));
}

absl::Status MeetingRows::Delete(Connection& connection, absl::string_view event_id,
                                 absl::string_view id) {
  return connection.Exec(kDeleteMeeting, Params().Text(event_id).Text(id)).status();
}

absl::Status MeetingRows::DeleteUnlocked(Connection& connection, absl::string_view event_id) {
  return connection.Exec(kDeleteUnlocked, Params().Text(event_id)).status();
}

absl::StatusOr<std::optional<Meeting>> MeetingRows::LockedOutside(Connection& connection,
                                                                  absl::string_view event_id,
                                                                  int slot_count, int table_count) {
  return ReadOneMeeting(connection.Exec(
      kLockedOutside, Params().Text(event_id).Int64(slot_count).Int64(table_count)));
}

absl::StatusOr<std::vector<MeetingDetails>> MeetingRows::Details(
    Connection& connection, absl::string_view event_id, absl::string_view organization_id) {
  TM_ASSIGN_OR_RETURN(Result selected,
                      connection.Exec(kDetails, Params().Text(event_id).Text(organization_id)));
  std::vector<MeetingDetails> details;
  for (int row = 0; row < selected.rows(); ++row) {
    MeetingDetails d;
    d.meeting = ReadMeeting(selected, row);
    d.request = ReadRequest(selected, row, 8);
    d.need_title = selected.Text(row, 21);
    d.offering_title = selected.Text(row, 22);
    d.enterprise_name = selected.Text(row, 23);
    d.institute_name = selected.Text(row, 24);
    details.push_back(std::move(d));
  }
  return details;
}

}  // namespace techmatch::storage::postgres
