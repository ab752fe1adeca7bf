// SQL for meeting plans (with their slots), meeting requests and meetings.
#ifndef TECHMATCH_STORAGE_SQLITE_MEETING_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_MEETING_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/events/fair_schedule.h"
#include "core/events/meeting.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct MeetingPlanRows {
  static std::optional<MeetingPlan> Find(Connection& connection, absl::string_view event_id);
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
  static std::optional<MeetingRequest> Find(Connection& connection, absl::string_view event_id,
                                            absl::string_view id);
  static std::optional<MeetingRequest> FindPair(Connection& connection, absl::string_view event_id,
                                                absl::string_view need_id,
                                                absl::string_view offering_id);
  static absl::StatusOr<Page<MeetingRequest>> List(Connection& connection,
                                                   absl::string_view event_id,
                                                   const ListQuery& query);
  // ACCEPTED requests plus any with a locked meeting, in id order.
  static std::vector<MeetingRequest> Schedulable(Connection& connection,
                                                 absl::string_view event_id);
  // Needs and offerings of the event's schedulable requests that are no longer active, by
  // resource name, with their state.
  static absl::flat_hash_map<std::string, std::string> Inactive(Connection& connection,
                                                                absl::string_view event_id);
};

struct MeetingRows {
  static std::optional<Meeting> Find(Connection& connection, absl::string_view event_id,
                                     absl::string_view id);
  static std::vector<Meeting> OfEvent(Connection& connection, absl::string_view event_id);
  static absl::Status Insert(Connection& connection, const Meeting& meeting);
  // Overwrites slot, table and lock if the revision is still `expected_revision` (see
  // MeetingRequestRows::Update).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Meeting& meeting,
                                                          int64_t expected_revision);
  static void Delete(Connection& connection, absl::string_view event_id, absl::string_view id);
  static void DeleteUnlocked(Connection& connection, absl::string_view event_id);
  // The first locked meeting outside `slot_count` slots or `table_count` tables, if any.
  static std::optional<Meeting> LockedOutside(Connection& connection, absl::string_view event_id,
                                              int slot_count, int table_count);
  // The event's meetings (or those of one organization) with their requests, titles and
  // names, by slot and table.
  static std::vector<MeetingDetails> Details(Connection& connection, absl::string_view event_id,
                                             absl::string_view organization_id);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_MEETING_ROWS_H_
