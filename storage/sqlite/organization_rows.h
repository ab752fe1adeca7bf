// SQL for organization records (see need_rows.h for the shape row classes share).
#ifndef TECHMATCH_STORAGE_SQLITE_ORGANIZATION_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_ORGANIZATION_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/agreements/agreement.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/reference/organization.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct OrganizationRows {
  using Record = Organization;
  static constexpr absl::string_view kCollection = kOrganizations;

  static absl::Status Insert(Connection& connection, const Organization& record);
  // Overwrites the row if its revision is still `expected_revision` (see NeedRows::Update).
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Organization& record,
                                                          int64_t expected_revision);
  static std::optional<Organization> Find(Connection& connection, absl::string_view id);
  static bool Exists(Connection& connection, absl::string_view id);
  // The kind alone (reference checks ask for nothing else), or nullopt when missing.
  static std::optional<OrganizationKind> FindKind(Connection& connection, absl::string_view id);
  // The kind and parent (with its kind) agreement rules ask about, or nullopt when missing.
  static std::optional<AgreementLookup::OrganizationFacts> FindFacts(Connection& connection,
                                                                     absl::string_view id);
  static absl::StatusOr<Page<Organization>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_ORGANIZATION_ROWS_H_
