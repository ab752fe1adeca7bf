// SQL for projects of the programme ledger, their organizations and fund arrivals on PostgreSQL
// (the shape of storage/sqlite/project_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_PROJECT_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_PROJECT_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/project.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct ProjectRows {
  using Record = Project;
  static constexpr absl::string_view kCollection = kProjects;

  // The row and its project_organizations (the lead and the partners).
  static absl::Status Insert(Connection& connection, const Project& project);
  // Overwrites the row (and its organizations) if its revision is still `expected_revision`:
  // the stored create_time, or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Project& project,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<Project>> Find(Connection& connection, absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Project>> List(Connection& connection, const ListQuery& query);

  static absl::Status InsertArrival(Connection& connection, const FundArrival& arrival);
  static absl::StatusOr<std::optional<FundArrival>> FindArrival(Connection& connection,
                                                                absl::string_view project_id,
                                                                absl::string_view id);
  // The project's arrivals in id (recording) order.
  static absl::StatusOr<Page<FundArrival>> ListArrivals(Connection& connection,
                                                        absl::string_view project_id,
                                                        const ListQuery& query);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_PROJECT_ROWS_H_
