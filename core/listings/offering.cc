#include "core/listings/offering.h"

#include "absl/strings/str_cat.h"
#include "core/common/enum_names.h"
#include "core/common/list_rules.h"
#include "core/common/status_macros.h"
#include "core/common/text_rules.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {
namespace {

constexpr EnumNames<OfferingState, 4> kStateNames({{
    {OfferingState::kAvailable, "AVAILABLE"},
    {OfferingState::kWithdrawn, "WITHDRAWN"},
    {OfferingState::kSubmitted, "SUBMITTED"},
    {OfferingState::kReturned, "RETURNED"},
}});

absl::Status NotSubmitted(const Offering& offering, absl::string_view action) {
  return absl::FailedPreconditionError(absl::StrCat("offering 'offerings/", offering.meta.id,
                                                    "' is ", OfferingStateName(offering.state),
                                                    "; only SUBMITTED offerings can be ", action));
}

constexpr size_t kMaxPatentChars = 64;

}  // namespace

absl::string_view OfferingStateName(OfferingState state) { return kStateNames.Name(state); }

std::optional<OfferingState> OfferingStateFromName(absl::string_view name) {
  return kStateNames.FromName(name);
}

std::vector<std::string> OfferingStateNames() { return kStateNames.Names(); }

void ValidateOffering(const Offering& offering, Violations& violations) {
  if (offering.institute_id.empty()) violations.Add("institute", "is required");
  ValidateListing(offering.listing, violations);
  if (offering.trl < 1 || offering.trl > 9) {
    violations.Add("trl", offering.trl == 0
                              ? std::string("is required (1–9)")
                              : absl::StrCat("must be between 1 and 9, got ", offering.trl));
  }
  if (CheckListEntries("patents", offering.patents, kMaxPatents, violations)) {
    for (size_t i = 0; i < offering.patents.size(); ++i) {
      CheckText(absl::StrCat("patents[", i, "]"), offering.patents[i], 1, kMaxPatentChars, false,
                violations);
    }
  }
  if (offering.asking_price_minor && *offering.asking_price_minor < 0) {
    violations.Add("asking_price", "must not be negative");
  }
}

absl::Status CheckOfferingReferences(const Offering& offering, ReferenceLookup& lookup,
                                     Violations& violations) {
  if (!offering.institute_id.empty()) {
    TM_ASSIGN_OR_RETURN(std::optional<OrganizationKind> kind,
                        lookup.FindOrganizationKind(offering.institute_id));
    if (!kind) {
      violations.Add("institute", absl::StrCat("unknown organization 'organizations/",
                                               offering.institute_id, "'"));
    } else if (*kind != OrganizationKind::kUniversity &&
               *kind != OrganizationKind::kResearchInstitute &&
               *kind != OrganizationKind::kEnterprise) {
      violations.Add("institute",
                     absl::StrCat("must be a UNIVERSITY, RESEARCH_INSTITUTE or ENTERPRISE, "
                                  "'organizations/",
                                  offering.institute_id, "' is ", OrganizationKindName(*kind)));
    }
  }
  return CheckListingReferences(offering.listing, lookup, violations);
}

absl::Status CheckOfferingEditable(const Offering& offering) {
  if (offering.state != OfferingState::kWithdrawn) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat("offering 'offerings/", offering.meta.id,
                                                    "' is ", OfferingStateName(offering.state),
                                                    " and can no longer change"));
}

void ApplyOfferingUpdate(const std::vector<std::string>& paths, const Offering& patch,
                         Offering& target, Violations& violations) {
  static const std::vector<MutableField<Offering>> kMutable = [] {
    std::vector<MutableField<Offering>> fields = ListingMutableFields<Offering>();
    fields.push_back({"trl", [](Offering& t, const Offering& p) { t.trl = p.trl; }});
    fields.push_back({"patents", [](Offering& t, const Offering& p) { t.patents = p.patents; }});
    fields.push_back({"asking_price", [](Offering& t, const Offering& p) {
                        t.asking_price_minor = p.asking_price_minor;
                      }});
    return fields;
  }();
  ApplyUpdateMask(
      paths, kMutable,
      {"name", "institute", "state", "create_time", "update_time", "etag", "return_reason"}, patch,
      target, violations);
}

absl::Status WithdrawOffering(Offering& offering) {
  TM_RETURN_IF_ERROR(CheckOfferingEditable(offering));
  offering.state = OfferingState::kWithdrawn;
  return absl::OkStatus();
}

void StartOffering(Offering& offering, bool reviewed) {
  offering.state = reviewed ? OfferingState::kSubmitted : OfferingState::kAvailable;
  offering.published = !reviewed;
  offering.return_reason.clear();
}

void ResubmitOffering(Offering& offering) {
  if (offering.state == OfferingState::kReturned) offering.state = OfferingState::kSubmitted;
}

absl::Status PublishOffering(Offering& offering) {
  if (offering.state != OfferingState::kSubmitted) return NotSubmitted(offering, "published");
  offering.state = OfferingState::kAvailable;
  offering.published = true;
  offering.return_reason.clear();
  return absl::OkStatus();
}

absl::Status ReturnOffering(Offering& offering, absl::string_view reason) {
  if (offering.state != OfferingState::kSubmitted) return NotSubmitted(offering, "returned");
  offering.state = OfferingState::kReturned;
  offering.return_reason = std::string(reason);
  return absl::OkStatus();
}

}  // namespace techmatch
