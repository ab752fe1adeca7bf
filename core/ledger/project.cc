#include "core/ledger/project.h"

#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/common/enum_names.h"
#include "core/common/list_rules.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/common/text_rules.h"
#include "core/common/update_mask.h"
#include "core/ledger/record_fields.h"

namespace techmatch {
namespace {

constexpr EnumNames<ProjectLevel, 4> kLevelNames({{
    {ProjectLevel::kNational, "NATIONAL"},
    {ProjectLevel::kProvincial, "PROVINCIAL"},
    {ProjectLevel::kMunicipal, "MUNICIPAL"},
    {ProjectLevel::kCounty, "COUNTY"},
}});

}  // namespace

absl::string_view ProjectLevelName(ProjectLevel level) { return kLevelNames.Name(level); }
std::optional<ProjectLevel> ProjectLevelFromName(absl::string_view name) {
  return kLevelNames.FromName(name);
}
std::vector<std::string> ProjectLevelNames() { return kLevelNames.Names(); }

bool OverApproved(const Project& project) {
  return project.approved_minor && project.arrived_minor > *project.approved_minor;
}

std::string FundArrivalId(int64_t n) { return absl::StrFormat("%06d", n); }

void ValidateProject(const Project& project, Violations& violations) {
  CheckText("title", project.title, 1, kMaxTitleChars, false, violations);
  if (ProjectLevelName(project.level) == "UNSPECIFIED") {
    violations.Add("level", "is required: NATIONAL, PROVINCIAL, MUNICIPAL or COUNTY");
  }
  CheckText("programme", project.programme, 1, kMaxTitleChars, false, violations);
  if (project.lead_organization_id.empty()) violations.Add("lead_organization", "is required");
  if (CheckListEntries("partners", project.partner_ids, kMaxPartners, violations)) {
    for (size_t i = 0; i < project.partner_ids.size(); ++i) {
      if (!project.partner_ids[i].empty() &&
          project.partner_ids[i] == project.lead_organization_id) {
        violations.Add(absl::StrCat("partners[", i, "]"),
                       "is the lead organization; a partner is another organization");
      }
    }
  }
  CheckLedgerRegion("region_code", project.region_code, violations);
  CheckLedgerYear("year", project.year, violations);
  CheckNotNegative("approved_funds", project.approved_minor, violations);
}

absl::Status CheckProjectReferences(const Project& project, ReferenceLookup& lookup,
                                    Violations& violations) {
  TM_RETURN_IF_ERROR(CheckOrganizationExists("lead_organization", project.lead_organization_id,
                                             lookup, violations));
  if (project.partner_ids.size() > kMaxPartners) return absl::OkStatus();
  for (size_t i = 0; i < project.partner_ids.size(); ++i) {
    TM_RETURN_IF_ERROR(CheckOrganizationExists(absl::StrCat("partners[", i, "]"),
                                               project.partner_ids[i], lookup, violations));
  }
  return absl::OkStatus();
}

void ApplyProjectUpdate(const std::vector<std::string>& paths, const Project& patch,
                        Project& target, Violations& violations) {
  static const std::vector<MutableField<Project>> kMutable = {
      {"title", [](Project& t, const Project& p) { t.title = p.title; }},
      {"level", [](Project& t, const Project& p) { t.level = p.level; }},
      {"programme", [](Project& t, const Project& p) { t.programme = p.programme; }},
      {"lead_organization",
       [](Project& t, const Project& p) { t.lead_organization_id = p.lead_organization_id; }},
      {"partners", [](Project& t, const Project& p) { t.partner_ids = p.partner_ids; }},
      {"region_code", [](Project& t, const Project& p) { t.region_code = p.region_code; }},
      {"year", [](Project& t, const Project& p) { t.year = p.year; }},
      {"approved_funds", [](Project& t, const Project& p) { t.approved_minor = p.approved_minor; }},
  };
  ApplyUpdateMask(paths, kMutable,
                  {"name", "arrived_funds", "over_approved", "arrival_count", "create_time",
                   "update_time", "etag"},
                  patch, target, violations);
}

void ValidateFundArrivalAt(const FundArrival& arrival, absl::Time now, Violations& violations) {
  if (arrival.amount_minor <= 0) violations.Add("amount", "must be more than zero");
  if (arrival.arrive_time == absl::InfinitePast()) {
    violations.Add("arrive_time", "is required");
  } else if (arrival.arrive_time > now + kArriveTimeSkew) {
    violations.Add("arrive_time", "must not be in the future");
  }
  CheckText("note", arrival.note, 0, kMaxArrivalNoteChars, false, violations);
}

absl::Status CountFundArrival(const FundArrival& arrival, Project& project) {
  if (arrival.amount_minor > std::numeric_limits<int64_t>::max() - project.arrived_minor) {
    return absl::OutOfRangeError(
        absl::StrCat("the arrived funds of ", ResourceName(kProjects, project.meta.id),
                     " would exceed the largest amount the ledger can hold"));
  }
  project.arrived_minor += arrival.amount_minor;
  ++project.arrival_count;
  return absl::OkStatus();
}

}  // namespace techmatch
