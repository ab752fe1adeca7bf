// SQL for offering records on PostgreSQL (the shape of storage/sqlite/offering_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_OFFERING_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_OFFERING_ROWS_H_

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
#include "core/listings/offering.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct OfferingRows {
  using Record = Offering;
  static constexpr absl::string_view kCollection = kOfferings;

  // The row and its offering_industries and offering_events.
  static absl::Status Insert(Connection& connection, const Offering& offering);
  // Every offering's row and join rows in one statement per table, whatever their number (an
  // import's batch). A refused row fails them all without saying which: the caller undoes
  // the statements (a savepoint) and inserts the rows one at a time with Insert.
  static absl::Status InsertAll(Connection& connection, const std::vector<Offering>& offerings);
  // Overwrites the row (and its join rows) if its revision is still `expected_revision`: the
  // stored create_time, or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Offering& offering,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<Offering>> Find(Connection& connection, absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Offering>> List(Connection& connection, const ListQuery& query);
  // The institute that owns the offering, or nullopt when there is no such offering.
  static absl::StatusOr<std::optional<std::string>> FindInstitute(Connection& connection,
                                                                  absl::string_view id);
  // The offerings registered for the event, withdrawn ones left out.
  static absl::StatusOr<int64_t> CountAtEvent(Connection& connection, absl::string_view event_id);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_OFFERING_ROWS_H_
