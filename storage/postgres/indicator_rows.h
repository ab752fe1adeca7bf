// SQL for indicators of the programme ledger on PostgreSQL (the shape of
// storage/sqlite/indicator_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_INDICATOR_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_INDICATOR_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/indicator.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct IndicatorRows {
  using Record = Indicator;
  static constexpr absl::string_view kCollection = kIndicators;

  static absl::Status Insert(Connection& connection, const Indicator& record);
  static absl::StatusOr<std::optional<Indicator>> Find(Connection& connection,
                                                       absl::string_view code);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view code);
  static absl::StatusOr<Page<Indicator>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_INDICATOR_ROWS_H_
