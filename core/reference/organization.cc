#include "core/reference/organization.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/common/enum_names.h"
#include "core/common/list_rules.h"
#include "core/common/status_macros.h"
#include "core/common/text_rules.h"
#include "core/common/update_mask.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {
namespace {

constexpr EnumNames<OrganizationKind, 6> kKindNames({{
    {OrganizationKind::kEnterprise, "ENTERPRISE"},
    {OrganizationKind::kUniversity, "UNIVERSITY"},
    {OrganizationKind::kResearchInstitute, "RESEARCH_INSTITUTE"},
    {OrganizationKind::kGovernment, "GOVERNMENT"},
    {OrganizationKind::kIntermediary, "INTERMEDIARY"},
    {OrganizationKind::kFinancialInstitution, "FINANCIAL_INSTITUTION"},
}});

}  // namespace

absl::string_view OrganizationKindName(OrganizationKind kind) { return kKindNames.Name(kind); }

std::optional<OrganizationKind> OrganizationKindFromName(absl::string_view name) {
  return kKindNames.FromName(name);
}

std::vector<std::string> OrganizationKindNames() { return kKindNames.Names(); }

void ValidateOrganization(const Organization& org, Violations& violations) {
  CheckText("display_name", org.display_name, 1, kMaxTitleChars, false, violations);
  if (!org.region_code.empty()) {
    bool six_digits = org.region_code.size() == 6;
    for (char c : org.region_code) six_digits = six_digits && absl::ascii_isdigit(c);
    if (!six_digits) {
      violations.Add("region_code", "must be a six-digit GB/T 2260 code such as 510500");
    }
  }
  CheckListEntries("industries", org.industry_codes, kMaxIndustries, violations);
  if (!org.parent_id.empty() && org.parent_id == org.meta.id) {
    violations.Add("parent", "must not be the organization itself");
  }
}

absl::Status CheckOrganizationReferences(const Organization& org, ReferenceLookup& lookup,
                                         Violations& violations) {
  if (!org.parent_id.empty() && org.parent_id != org.meta.id) {
    TM_ASSIGN_OR_RETURN(std::optional<OrganizationKind> parent_kind,
                        lookup.FindOrganizationKind(org.parent_id));
    if (!parent_kind) {
      violations.Add("parent",
                     absl::StrCat("unknown organization 'organizations/", org.parent_id, "'"));
    }
  }
  return CheckIndustriesExist("industries", org.industry_codes, lookup, violations);
}

void ApplyOrganizationUpdate(const std::vector<std::string>& paths, const Organization& patch,
                             Organization& target, Violations& violations) {
  static const std::vector<MutableField<Organization>> kMutable = {
      {"display_name",
       [](Organization& t, const Organization& p) { t.display_name = p.display_name; }},
      {"parent", [](Organization& t, const Organization& p) { t.parent_id = p.parent_id; }},
      {"region_code",
       [](Organization& t, const Organization& p) { t.region_code = p.region_code; }},
      {"industries",
       [](Organization& t, const Organization& p) { t.industry_codes = p.industry_codes; }},
  };
  ApplyUpdateMask(paths, kMutable, {"name", "kind", "create_time", "update_time", "etag"}, patch,
                  target, violations);
}

}  // namespace techmatch
