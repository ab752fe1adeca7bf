// SQL for science–finance records of the programme ledger: the `financings` row.
//
// Same shape as the other *Rows classes (SqliteRepository's generic create/get/list rely on
// it); functions run on a connection the caller holds and throw SQLite::Exception.
#ifndef TECHMATCH_STORAGE_SQLITE_FINANCING_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_FINANCING_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/financing.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct FinancingRows {
  using Record = Financing;
  static constexpr absl::string_view kCollection = kFinancings;

  static absl::Status Insert(Connection& connection, const Financing& financing);
  static std::optional<Financing> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Financing>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_FINANCING_ROWS_H_
