// SQL for applications to join on PostgreSQL (the shape of storage/sqlite/application_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_APPLICATION_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_APPLICATION_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/reference/application.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct ApplicationRows {
  using Record = Application;
  static constexpr absl::string_view kCollection = kApplications;

  static absl::Status Insert(Connection& connection, const Application& application);
  static absl::StatusOr<std::optional<Application>> Find(Connection& connection,
                                                         absl::string_view id);
  static absl::StatusOr<Page<Application>> List(Connection& connection, const ListQuery& query);
  // Stores the review (state, reason, organization; revision already advanced) while the row's
  // revision is `expected_revision`; false when no row matched.
  static absl::StatusOr<bool> UpdateReview(Connection& connection, const Application& application,
                                           int64_t expected_revision);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_APPLICATION_ROWS_H_
