// SQL for organization records on PostgreSQL (the shape of storage/sqlite/organization_rows.h).
#ifndef TECHMATCH_STORAGE_POSTGRES_ORGANIZATION_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_ORGANIZATION_ROWS_H_

#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/reference/organization.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct OrganizationRows {
  using Record = Organization;
  static constexpr absl::string_view kCollection = kOrganizations;

  // The row and its organization_industries.
  static absl::Status Insert(Connection& connection, const Organization& record);
  // Overwrites the row (and its industries) if its revision is still `expected_revision`: the
  // stored create_time, or nullopt when no row matched.
  static absl::StatusOr<std::optional<absl::Time>> Update(Connection& connection,
                                                          const Organization& record,
                                                          int64_t expected_revision);
  static absl::StatusOr<std::optional<Organization>> Find(Connection& connection,
                                                          absl::string_view id);
  static absl::StatusOr<bool> Exists(Connection& connection, absl::string_view id);
  // The kind alone (reference checks ask for nothing else), or nullopt when missing.
  static absl::StatusOr<std::optional<OrganizationKind>> FindKind(Connection& connection,
                                                                  absl::string_view id);
  // The kind and parent (with its kind) agreement rules ask about, or nullopt when missing.
  static absl::StatusOr<std::optional<AgreementLookup::OrganizationFacts>> FindFacts(
      Connection& connection, absl::string_view id);
  static absl::StatusOr<Page<Organization>> List(Connection& connection, const ListQuery& query);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_ORGANIZATION_ROWS_H_
