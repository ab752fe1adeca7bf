// SQL for observations of the programme ledger on PostgreSQL (the shape of
// storage/sqlite/observation_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_OBSERVATION_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_OBSERVATION_ROWS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/observation.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct ObservationRows {
  using Record = Observation;
  static constexpr absl::string_view kCollection = kObservations;

  static absl::Status Insert(Connection& connection, const Observation& record);
  // Overwrites the value and note if the revision is still `expected_revision`: the stored
  // create_time, or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Observation& record,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<Observation>> Find(Connection& connection,
                                                         absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Observation>> List(Connection& connection, const LedgerFilter& filter,
                                                const ListQuery& query);
  // Every observation of `indicator_code` for `year` in `region` or under it, in id order.
  static absl::StatusOr<std::vector<Observation>> InRegion(Connection& connection,
                                                           absl::string_view indicator_code,
                                                           absl::string_view region, int year);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_OBSERVATION_ROWS_H_
