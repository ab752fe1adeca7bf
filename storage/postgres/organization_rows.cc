#include "storage/postgres/organization_rows.h"

#include <string>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// Parameters $1..$9 follow the column order of kSelect. No parent is NULL (the foreign key
// needs it; NULLIF turns the empty id into it), read back as an empty id.
constexpr absl::string_view kSelect =
    "SELECT id, display_name, kind, coalesce(parent_id, ''), region_code, industries, "
    "create_time, update_time, revision FROM organizations";
constexpr absl::string_view kFind =
    "SELECT id, display_name, kind, coalesce(parent_id, ''), region_code, industries, "
    "create_time, update_time, revision FROM organizations WHERE id = $1";
constexpr absl::string_view kInsert =
    "INSERT INTO organizations (id, display_name, kind, parent_id, region_code, industries, "
    "create_time, update_time, revision) VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7, $8, $9)";
// $7 (create_time) is in the shared parameter list, typed, and unused: the row keeps its own.
constexpr absl::string_view kUpdate =
    "UPDATE organizations SET display_name = $2, kind = $3, parent_id = NULLIF($4, ''), "
    "region_code = $5, industries = $6, update_time = $8, revision = revision + 1 "
    "WHERE id = $1 AND revision = $9 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = $1)";
constexpr absl::string_view kFindKind = "SELECT kind FROM organizations WHERE id = $1";
constexpr absl::string_view kFindFacts =
    "SELECT o.kind, coalesce(o.parent_id, ''), p.kind IS NOT NULL, coalesce(p.kind, '') "
    "FROM organizations AS o LEFT JOIN organizations AS p ON p.id = o.parent_id WHERE o.id = $1";
// A join table is a set that indexes the ordered list in the main row: duplicates are ignored.
constexpr absl::string_view kInsertIndustries =
    "INSERT INTO organization_industries (organization_id, industry_code) "
    "SELECT $1, code FROM unnest($2::text[]) AS code ON CONFLICT DO NOTHING";
constexpr absl::string_view kDeleteIndustries =
    "DELETE FROM organization_industries WHERE organization_id = $1";

absl::StatusOr<Params> OrganizationParams(const Organization& org, int64_t revision) {
  TM_ASSIGN_OR_RETURN(std::string industries, EncodeList(org.industry_codes, "industries"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(org.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(org.meta.update_time, "update_time"));
  Params params;
  params.Text(org.meta.id)
      .Text(org.display_name)
      .Text(OrganizationKindName(org.kind))
      .Text(org.parent_id)
      .Text(org.region_code)
      .Text(industries)
      .Int64(create_time)
      .Int64(update_time)
      .Int64(revision);
  return params;
}

Organization ReadOrganization(const Result& result, int row) {
  Organization org;
  org.meta.id = result.Text(row, 0);
  org.display_name = result.Text(row, 1);
  org.kind = OrganizationKindFromName(result.View(row, 2)).value_or(OrganizationKind::kEnterprise);
  org.parent_id = result.Text(row, 3);
  org.region_code = result.Text(row, 4);
  org.industry_codes = DecodeList(result.View(row, 5));
  org.meta.create_time = NanosToTime(result.Int64(row, 6));
  org.meta.update_time = NanosToTime(result.Int64(row, 7));
  org.meta.revision = result.Int64(row, 8);
  return org;
}

absl::Status InsertIndustries(Connection& connection, const Organization& org) {
  if (org.industry_codes.empty()) return absl::OkStatus();
  return connection
      .Exec(kInsertIndustries, Params().Text(org.meta.id).TextArray(org.industry_codes))
      .status();
}

}  // namespace

absl::Status OrganizationRows::Insert(Connection& connection, const Organization& record) {
  TM_ASSIGN_OR_RETURN(Params params, OrganizationParams(record, record.meta.revision));
  TM_RETURN_IF_ERROR(connection.Exec(kInsert, params).status());
  return InsertIndustries(connection, record);
}

absl::StatusOr<std::optional<absl::Time>> OrganizationRows::Update(Connection& connection,
                                                                   const Organization& record,
                                                                   int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(Params params, OrganizationParams(record, expected_revision));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, params));
  if (updated.rows() == 0) return std::nullopt;
  const absl::Time create_time = NanosToTime(updated.Int64(0, 0));
  TM_RETURN_IF_ERROR(connection.Exec(kDeleteIndustries, Params().Text(record.meta.id)).status());
  TM_RETURN_IF_ERROR(InsertIndustries(connection, record));
  return create_time;
}

absl::StatusOr<std::optional<Organization>> OrganizationRows::Find(Connection& connection,
                                                                   absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadOrganization(found, 0);
}

absl::StatusOr<bool> OrganizationRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<std::optional<OrganizationKind>> OrganizationRows::FindKind(Connection& connection,
                                                                           absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFindKind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return OrganizationKindFromName(found.View(0, 0));
}

absl::StatusOr<std::optional<AgreementLookup::OrganizationFacts>> OrganizationRows::FindFacts(
    Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFindFacts, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  AgreementLookup::OrganizationFacts facts{
      OrganizationKindFromName(found.View(0, 0)).value_or(OrganizationKind::kEnterprise),
      found.Text(0, 1), std::nullopt};
  if (found.Bool(0, 2)) facts.parent_kind = OrganizationKindFromName(found.View(0, 3));
  return facts;
}

absl::StatusOr<Page<Organization>> OrganizationRows::List(Connection& connection,
                                                          const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, OrganizationFilterColumns(), "id"));
  if (!query.scope.region.empty()) {
    where.AddText("region_code LIKE ", RegionPattern(query.scope.region));
  }
  return RunPageQuery<Organization>(connection, kSelect, "id", std::move(where), query,
                                    ReadOrganization);
}

}  // namespace techmatch::storage::postgres
