// The industries table: SQL and row mapping, as storage/sqlite/industry_rows.h.
#ifndef TECHMATCH_STORAGE_POSTGRES_INDUSTRY_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_INDUSTRY_ROWS_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/reference/industry.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct IndustryRows {
  using Record = Industry;
  static constexpr absl::string_view kCollection = kIndustries;

  static absl::Status Insert(Connection& connection, const Industry& record);
  static absl::StatusOr<std::optional<Industry>> Find(Connection& connection,
                                                      absl::string_view code);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view code);
  // Industries have no filter fields; only paging and only_ids apply.
  static absl::StatusOr<Page<Industry>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_INDUSTRY_ROWS_H_
