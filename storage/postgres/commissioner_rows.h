// SQL for technology commissioners of the programme ledger on PostgreSQL (the shape of
// storage/sqlite/commissioner_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_COMMISSIONER_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_COMMISSIONER_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/commissioner.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct CommissionerRows {
  using Record = Commissioner;
  static constexpr absl::string_view kCollection = kCommissioners;

  static absl::Status Insert(Connection& connection, const Commissioner& commissioner);
  // Overwrites the row if its revision is still `expected_revision`: the stored create_time,
  // or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Commissioner& commissioner,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<Commissioner>> Find(Connection& connection,
                                                          absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Commissioner>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_COMMISSIONER_ROWS_H_
