// SQL for science-finance records of the programme ledger on PostgreSQL (the shape of
// storage/sqlite/financing_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_FINANCING_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_FINANCING_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/financing.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct FinancingRows {
  using Record = Financing;
  static constexpr absl::string_view kCollection = kFinancings;

  static absl::Status Insert(Connection& connection, const Financing& financing);
  static absl::StatusOr<std::optional<Financing>> Find(Connection& connection,
                                                       absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Financing>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_FINANCING_ROWS_H_
