#include "server/project_conversion.h"

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "server/proto_fields.h"
#include "usecases/names.h"

namespace techmatch::server {

Project ProjectFromProto(const v1::Project& proto, const Currency& currency,
                         Violations& violations) {
  Project p;
  p.title = proto.title();
  p.level = static_cast<ProjectLevel>(proto.level());
  p.programme = proto.programme();
  p.lead_organization_id = usecases::IdFromOptionalName(proto.lead_organization(), kOrganizations,
                                                        "lead_organization", violations);
  // A malformed name was reported here; keeping it (never looked up) spares "is required".
  if (p.lead_organization_id.empty()) p.lead_organization_id = proto.lead_organization();
  p.partner_ids = IdsFromNames(proto.partners(), kOrganizations, "partners", violations);
  p.region_code = proto.region_code();
  p.year = proto.year();
  if (proto.has_approved_funds()) {
    p.approved_minor =
        MinorUnitsFromProto(proto.approved_funds(), currency, "approved_funds", violations);
  }
  return p;
}

void ProjectToProto(const Project& p, const Currency& currency, v1::Project& out) {
  out.set_name(ResourceName(kProjects, p.meta.id));
  out.set_title(p.title);
  out.set_level(static_cast<v1::Project::Level>(p.level));
  out.set_programme(p.programme);
  out.set_lead_organization(ResourceName(kOrganizations, p.lead_organization_id));
  NamesToProto(p.partner_ids, kOrganizations, *out.mutable_partners());
  out.set_region_code(p.region_code);
  out.set_year(p.year);
  if (p.approved_minor) MoneyToProto(*p.approved_minor, currency, *out.mutable_approved_funds());
  MoneyToProto(p.arrived_minor, currency, *out.mutable_arrived_funds());
  out.set_over_approved(OverApproved(p));
  out.set_arrival_count(p.arrival_count);
  MetaToProto(p.meta, out);
}

std::vector<std::string> PopulatedProjectPaths(const v1::Project& proto) {
  std::vector<std::string> paths;
  if (!proto.title().empty()) paths.emplace_back("title");
  if (proto.level() != v1::Project::LEVEL_UNSPECIFIED) paths.emplace_back("level");
  if (!proto.programme().empty()) paths.emplace_back("programme");
  if (!proto.lead_organization().empty()) paths.emplace_back("lead_organization");
  if (proto.partners_size() > 0) paths.emplace_back("partners");
  if (!proto.region_code().empty()) paths.emplace_back("region_code");
  if (proto.year() != 0) paths.emplace_back("year");
  if (proto.has_approved_funds()) paths.emplace_back("approved_funds");
  return paths;
}

void FundArrivalToProto(const FundArrival& a, const Currency& currency, v1::FundArrival& out) {
  out.set_name(absl::StrCat(ResourceName(kProjects, a.project_id), "/", kFundArrivals, "/", a.id));
  MoneyToProto(a.amount_minor, currency, *out.mutable_amount());
  TimeToProto(a.arrive_time, *out.mutable_arrive_time());
  out.set_note(a.note);
  TimeToProto(a.create_time, *out.mutable_create_time());
}

usecases::NewProject NewProjectFromProto(const v1::CreateProjectRequest& request,
                                         const Currency& currency) {
  usecases::NewProject input;
  input.project = ProjectFromProto(request.project(), currency, input.conversion);
  input.project_id = request.project_id();
  input.request_id = request.request_id();
  return input;
}

usecases::ProjectUpdate ProjectUpdateFromProto(const v1::UpdateProjectRequest& request,
                                               const Currency& currency) {
  usecases::ProjectUpdate input;
  input.name = request.project().name();
  input.etag = request.project().etag();
  input.paths = MaskPaths(request.update_mask(), PopulatedProjectPaths(request.project()));
  input.patch = ProjectFromProto(request.project(), currency, input.conversion);
  return input;
}

usecases::NewFundArrival NewFundArrivalFromProto(const v1::RecordFundArrivalRequest& request,
                                                 const Currency& currency) {
  usecases::NewFundArrival input;
  input.project = request.project();
  input.request_id = request.request_id();
  if (request.has_amount()) {
    input.arrival.amount_minor =
        MinorUnitsFromProto(request.amount(), currency, "amount", input.conversion).value_or(1);
  }
  if (request.has_arrive_time()) {
    const size_t before = input.conversion.list().size();
    CheckTimestamp("arrive_time", request.arrive_time(), input.conversion);
    // An unrepresentable time was reported here; any past time spares a second violation.
    input.arrival.arrive_time = input.conversion.list().size() == before
                                    ? TimeFromProto(request.arrive_time())
                                    : absl::UnixEpoch();
  }
  input.arrival.note = request.note();
  return input;
}

}  // namespace techmatch::server
