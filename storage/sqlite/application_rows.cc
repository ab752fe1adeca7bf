#include "storage/sqlite/application_rows.h"

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kInsert =
    "INSERT INTO applications (id, display_name, kind, region_code, industries, contact_email, "
    "contact_name, state, reject_reason, approved_organization_id, create_time, update_time, "
    "revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?10, ?11, ?12)";
constexpr absl::string_view kSelect =
    "SELECT id, display_name, kind, region_code, industries, contact_email, contact_name, state, "
    "reject_reason, approved_organization_id, create_time, update_time, revision "
    "FROM applications";
constexpr absl::string_view kFind =
    "SELECT id, display_name, kind, region_code, industries, contact_email, contact_name, state, "
    "reject_reason, approved_organization_id, create_time, update_time, revision "
    "FROM applications WHERE id = ?1";
constexpr absl::string_view kUpdateReview =
    "UPDATE applications SET state = ?2, reject_reason = ?3, approved_organization_id = ?4, "
    "update_time = ?5, revision = ?6 WHERE id = ?1 AND revision = ?7 RETURNING id";

Application ReadApplication(const RowReader& row) {
  Application application;
  application.meta.id = row.Text(0);
  application.organization.display_name = row.Text(1);
  application.organization.kind =
      OrganizationKindFromName(row.Text(2)).value_or(OrganizationKind::kEnterprise);
  application.organization.region_code = row.Text(3);
  application.organization.industry_codes = DecodeList(row.View(4));
  application.contact_email = row.Text(5);
  application.contact_name = row.Text(6);
  application.state = ApplicationStateFromName(row.Text(7)).value_or(ApplicationState::kPending);
  application.reject_reason = row.Text(8);
  if (!row.IsNull(9)) application.approved_organization_id = row.Text(9);
  application.meta.create_time = NanosToTime(row.Int64(10));
  application.meta.update_time = NanosToTime(row.Int64(11));
  application.meta.revision = row.Int64(12);
  return application;
}

}  // namespace

absl::Status ApplicationRows::Insert(Connection& connection, const Application& application) {
  TM_ASSIGN_OR_RETURN(std::string industries,
                      EncodeList(application.organization.industry_codes, "industries"));
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, application.meta.id);
  insert.BindText(2, application.organization.display_name);
  insert.BindText(3, OrganizationKindName(application.organization.kind));
  insert.BindText(4, application.organization.region_code);
  insert.BindText(5, industries);
  insert.BindText(6, application.contact_email);
  insert.BindText(7, application.contact_name);
  insert.BindText(8, ApplicationStateName(application.state));
  insert.BindText(9, application.reject_reason);
  insert.BindInt64(10, TimeToNanosSaturated(application.meta.create_time));
  insert.BindInt64(11, TimeToNanosSaturated(application.meta.update_time));
  insert.BindInt64(12, application.meta.revision);
  insert.Run();
  return absl::OkStatus();
}

std::optional<Application> ApplicationRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadApplication(find.Row());
}

absl::StatusOr<Page<Application>> ApplicationRows::List(Connection& connection,
                                                        const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, ApplicationFilterColumns(), "id"));
  return RunPageQuery<Application>(connection, kSelect, "id", std::move(where), query,
                                   ReadApplication);
}

bool ApplicationRows::UpdateReview(Connection& connection, const Application& application,
                                   int64_t expected_revision) {
  ScopedStatement update = connection.Prepare(kUpdateReview);
  update.BindText(1, application.meta.id);
  update.BindText(2, ApplicationStateName(application.state));
  update.BindText(3, application.reject_reason);
  if (application.approved_organization_id.empty()) {
    update.BindNull(4);
  } else {
    update.BindText(4, application.approved_organization_id);
  }
  update.BindInt64(5, TimeToNanosSaturated(application.meta.update_time));
  update.BindInt64(6, application.meta.revision);
  update.BindInt64(7, expected_revision);
  return update.Step();
}

}  // namespace techmatch::storage::sqlite
