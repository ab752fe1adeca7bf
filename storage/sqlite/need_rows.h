// SQL for needs: the `needs` row plus the need_industries / need_events sets.
//
// Row classes share one shape, which SqliteRepository's generic create/replace/get rely on.
// Their functions run on a connection the caller holds (inside a transaction when writing) and
// throw SQLite::Exception; the repository turns that into a status.
#ifndef TECHMATCH_STORAGE_SQLITE_NEED_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_NEED_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/listings/need.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct NeedRows {
  using Record = Need;
  static constexpr absl::string_view kCollection = kNeeds;

  // Inserts `need` as given (meta included). INVALID_ARGUMENT when a value cannot be stored.
  static absl::Status Insert(Connection& connection, const Need& need);
  // Overwrites the row if its revision is still `expected_revision`, storing `need.meta`'s
  // update_time and revision + 1. Returns the stored create_time, or nullopt when no row
  // matched (missing or stale).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection, const Need& need,
                                                          int64_t expected_revision);
  static std::optional<Need> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Need>> List(Connection& connection, const ListQuery& query);
  // The need's enterprise id alone, or nullopt when there is no such need.
  static std::optional<std::string> FindEnterprise(Connection& connection, absl::string_view id);
  // The needs registered for the event, withdrawn ones left out.
  static int64_t CountAtEvent(Connection& connection, absl::string_view event_id);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_NEED_ROWS_H_
