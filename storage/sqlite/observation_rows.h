// SQL for the programme ledger's observations (see need_rows.h for the shape row classes share).
#ifndef TECHMATCH_STORAGE_SQLITE_OBSERVATION_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_OBSERVATION_ROWS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/observation.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct ObservationRows {
  using Record = Observation;
  static constexpr absl::string_view kCollection = kObservations;

  static absl::Status Insert(Connection& connection, const Observation& record);
  // Overwrites the value and note if the revision is still `expected_revision` (see
  // NeedRows::Update).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Observation& record,
                                                          int64_t expected_revision);
  static std::optional<Observation> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Observation>> List(Connection& connection, const LedgerFilter& filter,
                                                const ListQuery& query);
  // Every observation of `indicator_code` for `year` in `region` or under it.
  static std::vector<Observation> InRegion(Connection& connection, absl::string_view indicator_code,
                                           absl::string_view region, int year);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_OBSERVATION_ROWS_H_
