// SQL for organizations' applications to join.
#ifndef TECHMATCH_STORAGE_SQLITE_APPLICATION_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_APPLICATION_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "core/reference/application.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct ApplicationRows {
  using Record = Application;
  static constexpr absl::string_view kCollection = kApplications;

  static absl::Status Insert(Connection& connection, const Application& application);
  static std::optional<Application> Find(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Application>> List(Connection& connection, const ListQuery& query);
  // Stores the review (state, reason, organization; revision already advanced) while the row's
  // revision is `expected_revision`; false when no row matched.
  static bool UpdateReview(Connection& connection, const Application& application,
                           int64_t expected_revision);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_APPLICATION_ROWS_H_
