#include "storage/postgres/application_rows.h"

#include <string>
#include <utility>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kInsert =
    "INSERT INTO applications (id, display_name, kind, region_code, industries, contact_email, "
    "contact_name, state, reject_reason, approved_organization_id, create_time, update_time, "
    "revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11, $12)";
constexpr absl::string_view kSelect =
    "SELECT id, display_name, kind, region_code, industries, contact_email, contact_name, state, "
    "reject_reason, approved_organization_id, create_time, update_time, revision "
    "FROM applications";
constexpr absl::string_view kFind =
    "SELECT id, display_name, kind, region_code, industries, contact_email, contact_name, state, "
    "reject_reason, approved_organization_id, create_time, update_time, revision "
    "FROM applications WHERE id = $1";
constexpr absl::string_view kUpdateReview =
    "UPDATE applications SET state = $2, reject_reason = $3, "
    "approved_organization_id = NULLIF($4, ''), update_time = $5, revision = $6 "
    "WHERE id = $1 AND revision = $7 RETURNING id";

Application ReadApplication(const Result& result, int row) {
  Application application;
  application.meta.id = result.Text(row, 0);
  application.organization.display_name = result.Text(row, 1);
  application.organization.kind =
      OrganizationKindFromName(result.Text(row, 2)).value_or(OrganizationKind::kEnterprise);
  application.organization.region_code = result.Text(row, 3);
  application.organization.industry_codes = DecodeList(result.View(row, 4));
  application.contact_email = result.Text(row, 5);
  application.contact_name = result.Text(row, 6);
  application.state =
      ApplicationStateFromName(result.Text(row, 7)).value_or(ApplicationState::kPending);
  application.reject_reason = result.Text(row, 8);
  application.approved_organization_id = result.Text(row, 9);  // NULL reads as "".
  application.meta.create_time = NanosToTime(result.Int64(row, 10));
  application.meta.update_time = NanosToTime(result.Int64(row, 11));
  application.meta.revision = result.Int64(row, 12);
  return application;
}

}  // namespace

absl::Status ApplicationRows::Insert(Connection& connection, const Application& application) {
  TM_ASSIGN_OR_RETURN(std::string industries,
                      EncodeList(application.organization.industry_codes, "industries"));
  return connection
      .Exec(kInsert, Params()
                         .Text(application.meta.id)
                         .Text(application.organization.display_name)
                         .Text(OrganizationKindName(application.organization.kind))
                         .Text(application.organization.region_code)
                         .Text(industries)
                         .Text(application.contact_email)
                         .Text(application.contact_name)
                         .Text(ApplicationStateName(application.state))
                         .Text(application.reject_reason)
                         .Int64(TimeToNanosSaturated(application.meta.create_time))
                         .Int64(TimeToNanosSaturated(application.meta.update_time))
                         .Int64(application.meta.revision))
      .status();
}

absl::StatusOr<std::optional<Application>> ApplicationRows::Find(Connection& connection,
                                                                 absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadApplication(found, 0);
}

absl::StatusOr<Page<Application>> ApplicationRows::List(Connection& connection,
                                                        const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, ApplicationFilterColumns(), "id"));
  return RunPageQuery<Application>(connection, kSelect, "id", std::move(where), query,
                                   ReadApplication);
}

absl::StatusOr<bool> ApplicationRows::UpdateReview(Connection& connection,
                                                   const Application& application,
                                                   int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(
      Result updated,
      connection.Exec(kUpdateReview, Params()
                                         .Text(application.meta.id)
                                         .Text(ApplicationStateName(application.state))
                                         .Text(application.reject_reason)
                                         .Text(application.approved_organization_id)
                                         .Int64(TimeToNanosSaturated(application.meta.update_time))
                                         .Int64(application.meta.revision)
                                         .Int64(expected_revision)));
  return updated.rows() > 0;
}

}  // namespace techmatch::storage::postgres
