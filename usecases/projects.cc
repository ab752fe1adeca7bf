#include "usecases/projects.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "usecases/ledger_scope.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

RecordRules<Project> Rules() { return {ValidateProject, CheckProjectReferences}; }

}  // namespace

absl::StatusOr<Project> Projects::Visible(const Principal& caller, absl::string_view id) {
  return GetVisibleLedgerRecord<Project>(repository_, caller, kProjects, id,
                                         &storage::Repository::GetProject,
                                         &storage::Repository::ListProjects);
}

absl::StatusOr<Project> Projects::Create(const Principal& caller, NewProject input) {
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  // Output-only figures start at zero whatever the request said.
  input.project.arrived_minor = 0;
  input.project.arrival_count = 0;
  TM_RETURN_IF_ERROR(PrepareNew(input.project, input.project_id, "project_id", "project",
                                input.conversion, Rules(), repository_, request_level));
  TM_RETURN_IF_ERROR(CheckLedgerWriteRegion(caller, input.project.region_code, "a project"));
  return repository_.CreateProject(input.project, {"CreateProject", input.request_id});
}

absl::StatusOr<Project> Projects::Get(const Principal& caller, absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kProjects, "name"));
  return Visible(caller, id);
}

absl::StatusOr<ListPage<Project>> Projects::List(const Principal& caller,
                                                 const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(ParsedList list,
                      ParseList("ListProjects", "", request,
                                storage::Repository::ProjectFilterFields(minor_digits_), tokens_));
  list.query.scope = LedgerScopeOf(caller);
  TM_ASSIGN_OR_RETURN(Page<Project> page, repository_.ListProjects(list.query));
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<Project> Projects::Update(const Principal& caller, const ProjectUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kProjects, "project.name"));
  storage::Repository& repository = repository_;
  const StoredRecord<Project> stored{
      [&repository](absl::string_view key) { return repository.GetProject(key); },
      [&repository](const Project& project, int64_t revision) {
        return repository.ReplaceProject(project, revision);
      },
      [&caller](const Project& current) {
        return CheckLedgerWriteRegion(caller, current.region_code, "a project");
      },
      [&caller](const Project&, Project& updated) {
        return CheckLedgerWriteRegion(caller, updated.region_code, "a project");
      }};
  return UpdateRecord<Project>(stored, Rules(), repository_, id, input.etag, input.paths,
                               input.patch, input.conversion, "project", ApplyProjectUpdate);
}

absl::StatusOr<FundArrival> Projects::RecordFundArrival(const Principal& caller,
                                                        NewFundArrival input) {
  Violations violations = input.conversion;
  CheckRequestId(input.request_id, violations);
  absl::StatusOr<std::string> id = ParseResourceName(input.project, kProjects, "project");
  if (!id.ok()) violations.AddAll(FieldViolationsOf(id.status()));
  ValidateFundArrivalAt(input.arrival, absl::Now(), violations);
  if (!violations.empty()) return violations.ToStatus();
  TM_ASSIGN_OR_RETURN(Project project, repository_.GetProject(*id));
  TM_RETURN_IF_ERROR(CheckLedgerWriteRegion(caller, project.region_code, "a project"));
  input.arrival.project_id = *id;
  return repository_.RecordFundArrival(input.arrival, {"RecordFundArrival", input.request_id});
}

absl::StatusOr<ListPage<FundArrival>> Projects::ListFundArrivals(const Principal& caller,
                                                                 absl::string_view parent,
                                                                 const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(parent, kProjects, "parent"));
  TM_ASSIGN_OR_RETURN(ParsedList list, ParseList("ListFundArrivals", id, request, {}, tokens_));
  TM_RETURN_IF_ERROR(Visible(caller, id).status());
  TM_ASSIGN_OR_RETURN(Page<FundArrival> page, repository_.ListFundArrivals(id, list.query));
  return Continued(std::move(page), list, tokens_);
}

}  // namespace techmatch::usecases
