#include "storage/sqlite/project_rows.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"

namespace techmatch::storage::sqlite {
namespace {

// Parameters ?1..?14 follow the column order of kColumns.
constexpr absl::string_view kColumns =
    "p.id, p.title, p.level, p.programme, p.lead_organization_id, p.partners, p.region_code, "
    "p.year, p.approved_funds, p.arrived_funds, p.arrival_count, p.create_time, p.update_time, "
    "p.revision";
constexpr absl::string_view kInsert =
    "INSERT INTO projects (id, title, level, programme, lead_organization_id, partners, "
    "region_code, year, approved_funds, arrived_funds, arrival_count, create_time, update_time, "
    "revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
// ?12 (create_time) is left out on purpose: it never changes.
constexpr absl::string_view kUpdate =
    "UPDATE projects SET title = ?2, level = ?3, programme = ?4, lead_organization_id = ?5, "
    "partners = ?6, region_code = ?7, year = ?8, approved_funds = ?9, arrived_funds = ?10, "
    "arrival_count = ?11, update_time = ?13, revision = revision + 1 "
    "WHERE id = ?1 AND revision = ?14 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT 1 FROM projects WHERE id = ?1";
constexpr absl::string_view kInsertOrganization =
    "INSERT OR IGNORE INTO project_organizations (project_id, organization_id) VALUES (?1, ?2)";
constexpr absl::string_view kDeleteOrganizations =
    "DELETE FROM project_organizations WHERE project_id = ?1";
constexpr absl::string_view kArrivalColumns =
    "SELECT id, project_id, amount, arrive_time, note, create_time FROM project_fund_arrivals";
constexpr absl::string_view kInsertArrival =
    "INSERT INTO project_fund_arrivals (project_id, id, amount, arrive_time, note, create_time) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

// The conditions `scope` adds to a projects query: an organization's own (the lead or a
// partner, itself or a college of it); a region's.
void AddScope(const ReadScope& scope, SqlWhere& where) {
  if (scope.party) {
    where.Add(
        "p.id IN (SELECT sp.project_id FROM project_organizations AS sp JOIN organizations AS so "
        "ON so.id = sp.organization_id WHERE ? IN (so.id, so.parent_id))",
        *scope.party);
  }
  if (!scope.region.empty()) where.Add("p.region_code GLOB ?", RegionGlob(scope.region));
}

std::string Select() { return absl::StrCat("SELECT ", kColumns, " FROM projects AS p"); }

std::vector<std::string> Organizations(const Project& p) {
  std::vector<std::string> ids = {p.lead_organization_id};
  ids.insert(ids.end(), p.partner_ids.begin(), p.partner_ids.end());
  return ids;
}

absl::Status BindProject(ScopedStatement& statement, const Project& p, int64_t revision) {
  TM_ASSIGN_OR_RETURN(std::string partners, EncodeList(p.partner_ids, "partners"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(p.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(p.meta.update_time, "update_time"));
  statement.BindText(1, p.meta.id);
  statement.BindText(2, p.title);
  statement.BindText(3, ProjectLevelName(p.level));
  statement.BindText(4, p.programme);
  statement.BindText(5, p.lead_organization_id);
  statement.BindText(6, partners);
  statement.BindText(7, p.region_code);
  statement.BindInt64(8, p.year);
  statement.BindOptionalInt64(9, p.approved_minor);
  statement.BindInt64(10, p.arrived_minor);
  statement.BindInt64(11, p.arrival_count);
  statement.BindInt64(12, create_time);
  statement.BindInt64(13, update_time);
  statement.BindInt64(14, revision);
  return absl::OkStatus();
}

Project ReadProject(const RowReader& row) {
  Project p;
  p.meta.id = row.Text(0);
  p.title = row.Text(1);
  p.level = ProjectLevelFromName(row.View(2)).value_or(ProjectLevel::kNational);
  p.programme = row.Text(3);
  p.lead_organization_id = row.Text(4);
  p.partner_ids = DecodeList(row.View(5));
  p.region_code = row.Text(6);
  p.year = static_cast<int>(row.Int64(7));
  if (!row.IsNull(8)) p.approved_minor = row.Int64(8);
  p.arrived_minor = row.Int64(9);
  p.arrival_count = row.Int64(10);
  p.meta.create_time = NanosToTime(row.Int64(11));
  p.meta.update_time = NanosToTime(row.Int64(12));
  p.meta.revision = row.Int64(13);
  return p;
}

FundArrival ReadArrival(const RowReader& row) {
  FundArrival a;
  a.id = row.Text(0);
  a.project_id = row.Text(1);
  a.amount_minor = row.Int64(2);
  a.arrive_time = NanosToTime(row.Int64(3));
  a.note = row.Text(4);
  a.create_time = NanosToTime(row.Int64(5));
  return a;
}

}  // namespace

absl::Status ProjectRows::Insert(Connection& connection, const Project& project) {
  {
    ScopedStatement insert = connection.Prepare(kInsert);
    TM_RETURN_IF_ERROR(BindProject(insert, project, project.meta.revision));
    insert.Run();
  }
  InsertMemberships(connection, kInsertOrganization, project.meta.id, Organizations(project));
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> ProjectRows::Update(Connection& connection,
                                                              const Project& project,
                                                              int64_t expected_revision) {
  std::optional<absl::Time> create_time;
  {
    ScopedStatement update = connection.Prepare(kUpdate);
    TM_RETURN_IF_ERROR(BindProject(update, project, expected_revision));
    if (!update.Step()) return std::nullopt;
    create_time = NanosToTime(update.Row().Int64(0));
  }
  ReplaceMemberships(connection, kDeleteOrganizations, kInsertOrganization, project.meta.id,
                     Organizations(project));
  return create_time;
}

std::optional<Project> ProjectRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(absl::StrCat(Select(), " WHERE p.id = ?1"));
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadProject(find.Row());
}

bool ProjectRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
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
  ScopedStatement insert = connection.Prepare(kInsertArrival);
  insert.BindText(1, arrival.project_id);
  insert.BindText(2, arrival.id);
  insert.BindInt64(3, arrival.amount_minor);
  insert.BindInt64(4, arrive_time);
  insert.BindText(5, arrival.note);
  insert.BindInt64(6, create_time);
  insert.Run();
  return absl::OkStatus();
}

std::optional<FundArrival> ProjectRows::FindArrival(Connection& connection,
                                                    absl::string_view project_id,
                                                    absl::string_view id) {
  ScopedStatement find =
      connection.Prepare(absl::StrCat(kArrivalColumns, " WHERE project_id = ?1 AND id = ?2"));
  find.BindText(1, project_id);
  find.BindText(2, id);
  if (!find.Step()) return std::nullopt;
  return ReadArrival(find.Row());
}

Page<FundArrival> ProjectRows::ListArrivals(Connection& connection, absl::string_view project_id,
                                            const ListQuery& query) {
  SqlWhere where;
  where.Add("project_id = ?", std::string(project_id));
  return RunPageQuery<FundArrival>(connection, kArrivalColumns, "id", std::move(where), query,
                                   ReadArrival);
}

}  // namespace techmatch::storage::sqlite
