// SQL for need records on PostgreSQL (the shape of storage/sqlite/need_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_NEED_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_NEED_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/listings/need.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct NeedRows {
  using Record = Need;
  static constexpr absl::string_view kCollection = kNeeds;

  // The row and its need_industries and need_events.
  static absl::Status Insert(Connection& connection, const Need& need);
  // Every need's row and join rows in one statement per table, whatever their number (an
  // import's batch). A refused row fails them all without saying which: the caller undoes
  // the statements (a savepoint) and inserts the rows one at a time with Insert.
  static absl::Status InsertAll(Connection& connection, const std::vector<Need>& needs);
  // Overwrites the row (and its join rows) if its revision is still `expected_revision`: the
  // stored create_time, or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection, const Need& need,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<Need>> Find(Connection& connection, absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Need>> List(Connection& connection, const ListQuery& query);
  // The enterprise that owns the need, or nullopt when there is no such need.
  static absl::StatusOr<std::optional<std::string>> FindEnterprise(Connection& connection,
                                                                   absl::string_view id);
  // The needs registered for the event, withdrawn ones left out.
  static absl::StatusOr<int64_t> CountAtEvent(Connection& connection, absl::string_view event_id);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_NEED_ROWS_H_
