// SQL for event records (see need_rows.h for the shape row classes share).
#ifndef TECHMATCH_STORAGE_SQLITE_EVENT_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_EVENT_ROWS_H_

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
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct EventRows {
  using Record = Event;
  static constexpr absl::string_view kCollection = kEvents;

  static absl::Status Insert(Connection& connection, const Event& record);
  // Overwrites the row if its revision is still `expected_revision` (see NeedRows::Update).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Event& record,
                                                          int64_t expected_revision);
  static std::optional<Event> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Event>> List(Connection& connection, const ListQuery& query);
  // The display name alone, or nullopt when there is no such event.
  static std::optional<std::string> FindDisplayName(Connection& connection, absl::string_view id);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_EVENT_ROWS_H_
