// SQL for offerings: the `offerings` row plus the offering_industries / offering_events sets.
//
// Row classes share one shape, which SqliteRepository's generic create/replace/get rely on.
// Their functions run on a connection the caller holds (inside a transaction when writing) and
// throw SQLite::Exception; the repository turns that into a status.
#ifndef TECHMATCH_STORAGE_SQLITE_OFFERING_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_OFFERING_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/listings/offering.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct OfferingRows {
  using Record = Offering;
  static constexpr absl::string_view kCollection = kOfferings;

  // Inserts `offering` as given (meta included). INVALID_ARGUMENT when a value cannot be stored.
  static absl::Status Insert(Connection& connection, const Offering& offering);
  // Overwrites the row if its revision is still `expected_revision`, storing `offering.meta`'s
  // update_time and revision + 1. Returns the stored create_time, or nullopt when no row
  // matched (missing or stale).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Offering& offering,
                                                          int64_t expected_revision);
  static std::optional<Offering> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Offering>> List(Connection& connection, const ListQuery& query);
  // The offering's institute id alone, or nullopt when there is no such offering.
  static std::optional<std::string> FindInstitute(Connection& connection, absl::string_view id);
  // The offerings registered for the event, withdrawn ones left out.
  static int64_t CountAtEvent(Connection& connection, absl::string_view event_id);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_OFFERING_ROWS_H_
