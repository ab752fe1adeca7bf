// SQL for the programme ledger's indicators (see need_rows.h for the shape row classes share).
#ifndef TECHMATCH_STORAGE_SQLITE_INDICATOR_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_INDICATOR_ROWS_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "core/ledger/indicator.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct IndicatorRows {
  using Record = Indicator;
  static constexpr absl::string_view kCollection = kIndicators;

  static absl::Status Insert(Connection& connection, const Indicator& record);
  static std::optional<Indicator> Find(Connection& connection, absl::string_view code);
  static bool Exists(Connection& connection, absl::string_view code);
  static absl::StatusOr<Page<Indicator>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_INDICATOR_ROWS_H_
