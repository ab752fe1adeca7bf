// SQL for event records on PostgreSQL (the shape of storage/sqlite/event_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_EVENT_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_EVENT_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/events/event.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct EventRows {
  using Record = Event;
  static constexpr absl::string_view kCollection = kEvents;

  // The row and its event_organizers.
  static absl::Status Insert(Connection& connection, const Event& record);
  // Overwrites the row (and its organizers) if its revision is still `expected_revision`: the
  // stored create_time, or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Event& record,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<Event>> Find(Connection& connection, absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Event>> List(Connection& connection, const ListQuery& query);
  // The display name alone, or nullopt when there is no such event.
  static absl::StatusOr<std::optional<std::string>> FindDisplayName(Connection& connection,
                                                                    absl::string_view id);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_EVENT_ROWS_H_
