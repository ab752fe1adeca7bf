#include "storage/postgres/project_rows.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// Parameters $1..$14 follow the column order of kColumns.
constexpr absl::string_view kColumns =
    "p.id, p.title, p.level, p.programme, p.lead_organization_id, p.partners, p.region_code, "
    "p.year, p.approved_funds, p.arrived_funds, p.arrival_count, p.create_time, p.update_time, "
    "p.revision";
constexpr absl::string_view kInsert =
    "INSERT INTO projects (id, title, level, programme, lead_organization_id, partners, "
    "region_code, year, approved_funds, arrived_funds, arrival_count, create_time, update_time, "
    "revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
// $12 (create_time) is in the shared parameter list, typed, and unused: the row keeps its own.
constexpr absl::string_view kUpdate =
    "UPDATE projects SET title = $2, level = $3, programme = $4, lead_organization_id = $5, "
    "partners = $6, region_code = $7, year = $8, approved_funds = $9, arrived_funds = $10, "
    "arrival_count = $11, update_time = $13, revision = revision + 1 "
    "WHERE id = $1 AND revision = $14 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM projects WHERE id = $1)";
// A set indexing the lead and the partners: duplicates are ignored.
constexpr absl::string_view kInsertOrganizations =
    "INSERT INTO project_organizations (project_id, organization_id) "
    "SELECT $1, id FROM unnest($2::text[]) AS id ON CONFLICT DO NOTHING";
constexpr absl::string_view kDeleteOrganizations =
    "DELETE FROM project_organizations WHERE project_id = $1";
constexpr absl::string_view kArrivalColumns =
    "SELECT id, project_id, amount, arrive_time, note, create_time FROM project_fund_arrivals";
constexpr absl::string_view kInsertArrival =
    "INSERT INTO project_fund_arrivals (project_id, id, amount, arrive_time, note, create_time) "
    "VALUES ($1, $2, $3, $4, $5, $6)";

// The conditions `scope` adds to a projects query: an organization's own (the lead or a
// partner, itself or a college of it); a region's.
void AddScope(const ReadScope& scope, SqlWhere& where) {
  if (scope.party) {
    where.AddText(
        "p.id IN (SELECT sp.project_id FROM project_organizations AS sp JOIN organizations AS so "
        "ON so.id = sp.organization_id WHERE ",
        *scope.party, " IN (so.id, so.parent_id))");
  }
  if (!scope.region.empty()) where.AddText("p.region_code LIKE ", RegionPattern(scope.region));
}

std::string Select() { return absl::StrCat("SELECT ", kColumns, " FROM projects AS p"); }

std::vector<std::string> Organizations(const Project& p) {
  std::vector<std::string> ids = {p.lead_organization_id};
  ids.insert(ids.end(), p.partner_ids.begin(), p.partner_ids.end());
  return ids;
}

absl::StatusOr<Params> ProjectParams(const Project& p, int64_t revision) {
  TM_ASSIGN_OR_RETURN(std::string partners, EncodeList(p.partner_ids, "partners"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(p.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(p.meta.update_time, "update_time"));
  Params params;
  params.Text(p.meta.id)
      .Text(p.title)
      .Text(ProjectLevelName(p.level))
      .Text(p.programme)
      .Text(p.lead_organization_id)
      .Text(partners)
      .Text(p.region_code)
      .Int64(p.year)
      .OptionalInt64(p.approved_minor)
      .Int64(p.arrived_minor)
      .Int64(p.arrival_count)
      .Int64(create_time)
      .Int64(update_time)
      .Int64(revision);
  return params;
}

Project ReadProject(const Result& result, int row) {
  Project p;
  p.meta.id = result.Text(row, 0);
  p.title = result.Text(row, 1);
  p.level = ProjectLevelFromName(result.View(row, 2)).value_or(ProjectLevel::kNational);
  p.programme = result.Text(row, 3);
  p.lead_organization_id = result.Text(row, 4);
  p.partner_ids = DecodeList(result.View(row, 5));
  p.region_code = result.Text(row, 6);
  p.year = static_cast<int>(result.Int64(row, 7));
  if (!result.IsNull(row, 8)) p.approved_minor = result.Int64(row, 8);
  p.arrived_minor = result.Int64(row, 9);
  p.arrival_count = result.Int64(row, 10);
  p.meta.create_time = NanosToTime(result.Int64(row, 11));
  p.meta.update_time = NanosToTime(result.Int64(row, 12));
  p.meta.revision = result.Int64(row, 13);
  return p;
}

FundArrival ReadArrival(const Result& result, int row) {
  FundArrival a;
  a.id = result.Text(row, 0);
  a.project_id = result.Text(row, 1);
  a.amount_minor = result.Int64(row, 2);
  a.arrive_time = NanosToTime(result.Int64(row, 3));
  a.note = result.Text(row, 4);
  a.create_time = NanosToTime(result.Int64(row, 5));
  return a;
}

absl::Status InsertOrganizations(Connection& connection, const Project& project) {
  return connection
      .Exec(kInsertOrganizations, Params().Text(project.meta.id).TextArray(Organizations(project)))
      .status();
}

}  // namespace

absl::Status ProjectRows::Insert(Connection& connection, const Project& project) {
  TM_ASSIGN_OR_RETURN(Params params, ProjectParams(project, project.meta.revision));
  TM_RETURN_IF_ERROR(connection.Exec(kInsert, params).status());
  return InsertOrganizations(connection, project);
}

absl::StatusOr<std::optional<absl::Time>> ProjectRows::Update(Connection& connection,
                                                              const Project& project,
                                                              int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(Params params, ProjectParams(project, expected_revision));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, params));
  if (updated.rows() == 0) return std::nullopt;
  const absl::Time create_time = NanosToTime(updated.Int64(0, 0));
  TM_RETURN_IF_ERROR(
      connection.Exec(kDeleteOrganizations, Params().Text(project.meta.id)).status());
  TM_RETURN_IF_ERROR(InsertOrganizations(connection, project));
  return create_time;
}

absl::StatusOr<std::optional<Project>> ProjectRows::Find(Connection& connection,
                                                         absl::string_view id) {
  static const std::string* const kFind =
      new std::string(absl::StrCat(Select(), " WHERE p.id = $1"));
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(*kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadProject(found, 0);
}

absl::StatusOr<bool> ProjectRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Project>> ProjectRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, ProjectFilterColumns(), "p.id"));
  AddScope(query.scope, where);
  return RunPageQuery<Project>(connection, Select(), "p.id", std::move(where), query, ReadProject);
}

absl::Status ProjectRows::InsertArrival(Connection& connection, const FundArrival& arrival) {
  TM_ASSIGN_OR_RETURN(int64_t arrive_time, TimeToNanos(arrival.arrive_time, "arrive_time"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(arrival.create_time, "create_time"));
  return connection
      .Exec(kInsertArrival, Params()
                                .Text(arrival.project_id)
                                .Text(arrival.id)
                                .Int64(arrival.amount_minor)
                                .Int64(arrive_time)
                                .Text(arrival.note)
                                .Int64(create_time))
      .status();
}

absl::StatusOr<std::optional<FundArrival>> ProjectRows::FindArrival(Connection& connection,
                                                                    absl::string_view project_id,
                                                                    absl::string_view id) {
  static const std::string* const kFindArrival =
      new std::string(absl::StrCat(kArrivalColumns, " WHERE project_id = $1 AND id = $2"));
  TM_ASSIGN_OR_RETURN(Result found,
                      connection.Exec(*kFindArrival, Params().Text(project_id).Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadArrival(found, 0);
}

absl::StatusOr<Page<FundArrival>> ProjectRows::ListArrivals(Connection& connection,
                                                            absl::string_view project_id,
                                                            const ListQuery& query) {
  SqlWhere where;
  where.AddText("project_id = ", project_id);
  return RunPageQuery<FundArrival>(connection, kArrivalColumns, "id", std::move(where), query,
                                   ReadArrival);
}

}  // namespace techmatch::storage::postgres
