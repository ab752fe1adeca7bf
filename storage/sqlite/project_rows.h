// SQL for projects of the programme ledger: the `projects` row, its project_organizations set
// (the lead and the partners) and its append-only project_fund_arrivals.
//
// Same shape as the other *Rows classes (SqliteRepository's generic create/get/list rely on
// it); functions run on a connection the caller holds and throw SQLite::Exception.
#ifndef TECHMATCH_STORAGE_SQLITE_PROJECT_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_PROJECT_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/ledger/project.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct ProjectRows {
  using Record = Project;
  static constexpr absl::string_view kCollection = kProjects;

  static absl::Status Insert(Connection& connection, const Project& project);
  // Overwrites the row, arrived funds and count included, if its revision is still
  // `expected_revision`; the stored create_time, or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Project& project,
                                                          int64_t expected_revision);
  static std::optional<Project> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Project>> List(Connection& connection, const ListQuery& query);

  static absl::Status InsertArrival(Connection& connection, const FundArrival& arrival);
  static std::optional<FundArrival> FindArrival(Connection& connection,
                                                absl::string_view project_id, absl::string_view id);
  // The project's arrivals in id (recording) order.
  static Page<FundArrival> ListArrivals(Connection& connection, absl::string_view project_id,
                                        const ListQuery& query);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_PROJECT_ROWS_H_
