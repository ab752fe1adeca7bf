// SQL for industry records (see need_rows.h for the shape row classes share).
// Industries are keyed by their code and, in this version of the API, never replaced.
#ifndef TECHMATCH_STORAGE_SQLITE_INDUSTRY_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_INDUSTRY_ROWS_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/reference/industry.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct IndustryRows {
  using Record = Industry;
  static constexpr absl::string_view kCollection = kIndustries;

  static absl::Status Insert(Connection& connection, const Industry& record);
  static std::optional<Industry> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Industry>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_INDUSTRY_ROWS_H_
