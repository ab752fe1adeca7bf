// SQL for meeting plans (with their slots), meeting requests and meetings on PostgreSQL (the
// shape of storage/sqlite/meeting_rows.h).
//
// The schedule's writers (a plan stored, a schedule replaced, a meeting moved or locked, a
// request's state changed) first take LockSchedules: they commit one at a time, as SQLite's
// single writer commits them, and each sees the previous one's rows (see LockSchedules).
#ifndef TECHMATCH_STORAGE_POSTGRES_MEETING_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_MEETING_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/events/fair_schedule.h"
#include "core/events/meeting.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

// Takes `LOCK TABLE meetings IN SHARE ROW EXCLUSIVE MODE`, which conflicts with itself and with
// every write to meetings, and blocks no reader. It must come before any other statement of the
// transaction (Connection::LockFirst; an audited write stages its record after its body, and
// group commit runs a write that locks after its batch's first one again alone): LOCK takes
// no snapshot, so the REPEATABLE READ snapshot is taken once the lock is granted and sees the
// previous holder's plan, requests and meetings. A lock taken by a SELECT (FOR UPDATE, an
// advisory lock) would come after that SELECT's snapshot: a scheduler could then check a plan
// revision that a concurrent PutMeetingPlan had already replaced, or insert meetings another
// scheduler had just placed at the same tables.
absl::Status LockSchedules(Connection& connection);

struct MeetingPlanRows {
  static absl::StatusOr<std::optional<MeetingPlan>> Find(Connection& connection,
                                                         absl::string_view event_id);
  // Inserts or overwrites the plan row and its slots (plan.meta holds the new revision/times).
  static absl::Status Put(Connection& connection, const MeetingPlan& plan, bool exists);
};

struct MeetingRequestRows {
  static absl::Status Insert(Connection& connection, const MeetingRequest& request);
  // Overwrites state, mutual and requested_by if the revision is still `expected_revision`.
  // Returns the stored create_time, or nullopt when no row matched (stale or gone).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const MeetingRequest& request,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<MeetingRequest>> Find(Connection& connection,
                                                            absl::string_view event_id,
                                                            absl::string_view id);
  static absl::StatusOr<std::optional<MeetingRequest>> FindPair(Connection& connection,
                                                                absl::string_view event_id,
                                                                absl::string_view need_id,
                                                                absl::string_view offering_id);
  static absl::StatusOr<Page<MeetingRequest>> List(Connection& connection,
                                                   absl::string_view event_id,
                                                   const ListQuery& query);
  // ACCEPTED requests plus any with a locked meeting, in id order.
  static absl::StatusOr<std::vector<MeetingRequest>> Schedulable(Connection& connection,
                                                                 absl::string_view event_id);
  // Needs and offerings of the event's accepted requests that are no longer active, by
  // resource name, with their state.
  static absl::StatusOr<absl::flat_hash_map<std::string, std::string>> Inactive(
      Connection& connection, absl::string_view event_id);
};

struct MeetingRows {
  static absl::StatusOr<std::optional<Meeting>> Find(Connection& connection,
                                                     absl::string_view event_id,
                                                     absl::string_view id);
  static absl::StatusOr<std::vector<Meeting>> OfEvent(Connection& connection,
                                                      absl::string_view event_id);
  static absl::Status Insert(Connection& connection, const Meeting& meeting);
  // Overwrites slot, table and lock if the revision is still `expected_revision` (see
  // MeetingRequestRows::Update).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Meeting& meeting,
                                                          int64_t expected_revision);
  static absl::Status Delete(Connection& connection, absl::string_view event_id,
                             absl::string_view id);
  static absl::Status DeleteUnlocked(Connection& connection, absl::string_view event_id);
  // The first locked meeting outside `slot_count` slots or `table_count` tables, if any.
  static absl::StatusOr<std::optional<Meeting>> LockedOutside(Connection& connection,
                                                              absl::string_view event_id,
                                                              int slot_count, int table_count);
  // The event's meetings (or those of one organization) with their requests, titles and
  // names, by slot and table.
  static absl::StatusOr<std::vector<MeetingDetails>> Details(Connection& connection,
                                                             absl::string_view event_id,
                                                             absl::string_view organization_id);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_MEETING_ROWS_H_
