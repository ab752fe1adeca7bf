// SQL for technology commissioners of the programme ledger: the `commissioners` row.
//
// Same shape as the other *Rows classes (SqliteRepository's generic create/get/list rely on
// it); functions run on a connection the caller holds and throw SQLite::Exception.
#ifndef TECHMATCH_STORAGE_SQLITE_COMMISSIONER_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_COMMISSIONER_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/commissioner.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct CommissionerRows {
  using Record = Commissioner;
  static constexpr absl::string_view kCollection = kCommissioners;

  static absl::Status Insert(Connection& connection, const Commissioner& commissioner);
  // Overwrites the row if its revision is still `expected_revision`; the stored create_time,
  // or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Commissioner& commissioner,
                                                          int64_t expected_revision);
  static std::optional<Commissioner> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Commissioner>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_COMMISSIONER_ROWS_H_
