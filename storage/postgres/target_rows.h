// SQL for targets of the programme ledger on PostgreSQL (the shape of
// storage/sqlite/target_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_TARGET_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_TARGET_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/target.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct TargetRows {
  using Record = Target;
  static constexpr absl::string_view kCollection = kTargets;

  static absl::Status Insert(Connection& connection, const Target& record);
  // Overwrites the value if the revision is still `expected_revision` (see
  // ObservationRows::Update).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Target& record,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<Target>> Find(Connection& connection, absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Target>> List(Connection& connection, const LedgerFilter& filter,
                                           const ListQuery& query);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_TARGET_ROWS_H_
