#include "storage/sqlite/organization_rows.h"

#include <string>
#include <vector>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

// Parameters ?1..?9 follow the column order of kSelect. No parent is NULL (the foreign key
// needs it), read back as an empty id.
constexpr absl::string_view kSelect =
    "SELECT id, display_name, kind, parent_id, region_code, industries, create_time, "
    "update_time, revision FROM organizations";
constexpr absl::string_view kFind =
    "SELECT id, display_name, kind, parent_id, region_code, industries, create_time, "
    "update_time, revision FROM organizations WHERE id = ?1";
constexpr absl::string_view kInsert =
    "INSERT INTO organizations (id, display_name, kind, parent_id, region_code, industries, "
    "create_time, update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
// ?7 (create_time) is left out on purpose: it never changes.
constexpr absl::string_view kUpdate =
    "UPDATE organizations SET display_name = ?2, kind = ?3, parent_id = ?4, region_code = ?5, "
    "industries = ?6, update_time = ?8, revision = revision + 1 "
    "WHERE id = ?1 AND revision = ?9 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT 1 FROM organizations WHERE id = ?1";
constexpr absl::string_view kFindKind = "SELECT kind FROM organizations WHERE id = ?1";
constexpr absl::string_view kFindFacts =
    "SELECT o.kind, coalesce(o.parent_id, ''), p.kind FROM organizations AS o "
    "LEFT JOIN organizations AS p ON p.id = o.parent_id WHERE o.id = ?1";
constexpr absl::string_view kInsertIndustry =
    "INSERT OR IGNORE INTO organization_industries (organization_id, industry_code) "
    "VALUES (?1, ?2)";
constexpr absl::string_view kDeleteIndustries =
    "DELETE FROM organization_industries WHERE organization_id = ?1";

absl::Status BindOrganization(ScopedStatement& statement, const Organization& org,
                              int64_t revision) {
  TM_ASSIGN_OR_RETURN(std::string industries, EncodeList(org.industry_codes, "industries"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(org.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(org.meta.update_time, "update_time"));
  statement.BindText(1, org.meta.id);
  statement.BindText(2, org.display_name);
  statement.BindText(3, OrganizationKindName(org.kind));
  if (org.parent_id.empty()) {
    statement.BindNull(4);
  } else {
    statement.BindText(4, org.parent_id);
  }
  statement.BindText(5, org.region_code);
  statement.BindText(6, industries);
  statement.BindInt64(7, create_time);
  statement.BindInt64(8, update_time);
  statement.BindInt64(9, revision);
  return absl::OkStatus();
}

Organization ReadOrganization(const RowReader& row) {
  Organization org;
  org.meta.id = row.Text(0);
  org.display_name = row.Text(1);
  org.kind = OrganizationKindFromName(row.Text(2)).value_or(OrganizationKind::kEnterprise);
  org.parent_id = row.Text(3);
  org.region_code = row.Text(4);
  org.industry_codes = DecodeList(row.View(5));
  org.meta.create_time = NanosToTime(row.Int64(6));
  org.meta.update_time = NanosToTime(row.Int64(7));
  org.meta.revision = row.Int64(8);
  return org;
}

}  // namespace

absl::Status OrganizationRows::Insert(Connection& connection, const Organization& record) {
  {
    ScopedStatement insert = connection.Prepare(kInsert);
    TM_RETURN_IF_ERROR(BindOrganization(insert, record, record.meta.revision));
    insert.Run();
  }
  InsertMemberships(connection, kInsertIndustry, record.meta.id, record.industry_codes);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> OrganizationRows::Update(Connection& connection,
                                                                   const Organization& record,
                                                                   int64_t expected_revision) {
  std::optional<absl::Time> create_time;
  {
    ScopedStatement update = connection.Prepare(kUpdate);
    TM_RETURN_IF_ERROR(BindOrganization(update, record, expected_revision));
    if (!update.Step()) return std::nullopt;
    create_time = NanosToTime(update.Row().Int64(0));
  }
  ReplaceMemberships(connection, kDeleteIndustries, kInsertIndustry, record.meta.id,
                     record.industry_codes);
  return create_time;
}

std::optional<Organization> OrganizationRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadOrganization(find.Row());
}

bool OrganizationRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

std::optional<OrganizationKind> OrganizationRows::FindKind(Connection& connection,
                                                           absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFindKind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return OrganizationKindFromName(find.Row().Text(0));
}

std::optional<AgreementLookup::OrganizationFacts> OrganizationRows::FindFacts(
    Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFindFacts);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  const RowReader row = find.Row();
  AgreementLookup::OrganizationFacts facts{
      OrganizationKindFromName(row.View(0)).value_or(OrganizationKind::kEnterprise), row.Text(1),
      std::nullopt};
  if (!row.IsNull(2)) facts.parent_kind = OrganizationKindFromName(row.View(2));
  return facts;
}

absl::StatusOr<Page<Organization>> OrganizationRows::List(Connection& connection,
                                                          const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, OrganizationFilterColumns(), "id"));
  if (!query.scope.region.empty()) where.Add("region_code GLOB ?", RegionGlob(query.scope.region));
  return RunPageQuery<Organization>(connection, kSelect, "id", std::move(where), query,
                                    ReadOrganization);
}

}  // namespace techmatch::storage::sqlite
