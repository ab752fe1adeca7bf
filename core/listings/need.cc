#include "core/listings/need.h"

#include "absl/strings/str_cat.h"
#include "core/common/enum_names.h"
#include "core/common/status_macros.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {
namespace {

constexpr EnumNames<NeedState, 5> kStateNames({{
    {NeedState::kOpen, "OPEN"},
    {NeedState::kWithdrawn, "WITHDRAWN"},
    {NeedState::kClosed, "CLOSED"},
    {NeedState::kSubmitted, "SUBMITTED"},
    {NeedState::kReturned, "RETURNED"},
}});

absl::Status NotIn(const Need& need, absl::string_view action, absl::string_view wanted) {
  return absl::FailedPreconditionError(absl::StrCat("need 'needs/", need.meta.id, "' is ",
                                                    NeedStateName(need.state), "; only ", wanted,
                                                    " needs can be ", action));
}

}  // namespace

absl::string_view NeedStateName(NeedState state) { return kStateNames.Name(state); }

std::optional<NeedState> NeedStateFromName(absl::string_view name) {
  return kStateNames.FromName(name);
}

std::vector<std::string> NeedStateNames() { return kStateNames.Names(); }

void ValidateNeed(const Need& need, Violations& violations) {
  if (need.enterprise_id.empty()) violations.Add("enterprise", "is required");
  ValidateListing(need.listing, violations);
  if (need.min_trl && (*need.min_trl < 1 || *need.min_trl > 9)) {
    violations.Add("min_trl", absl::StrCat("must be between 1 and 9, got ", *need.min_trl));
  }
  if (need.budget_minor && *need.budget_minor < 0) violations.Add("budget", "must not be negative");
}

absl::Status CheckNeedReferences(const Need& need, ReferenceLookup& lookup,
                                 Violations& violations) {
  if (!need.enterprise_id.empty()) {
    TM_ASSIGN_OR_RETURN(std::optional<OrganizationKind> kind,
                        lookup.FindOrganizationKind(need.enterprise_id));
    if (!kind) {
      violations.Add("enterprise",
                     absl::StrCat("unknown organization 'organizations/", need.enterprise_id, "'"));
    } else if (*kind != OrganizationKind::kEnterprise) {
      violations.Add("enterprise",
                     absl::StrCat("must be an ENTERPRISE organization, 'organizations/",
                                  need.enterprise_id, "' is ", OrganizationKindName(*kind)));
    }
  }
  return CheckListingReferences(need.listing, lookup, violations);
}

absl::Status CheckNeedEditable(const Need& need) {
  if (need.state == NeedState::kOpen || need.state == NeedState::kSubmitted ||
      need.state == NeedState::kReturned) {
    return absl::OkStatus();
  }
  return absl::FailedPreconditionError(absl::StrCat("need 'needs/", need.meta.id, "' is ",
                                                    NeedStateName(need.state),
                                                    " and can no longer change"));
}

void ApplyNeedUpdate(const std::vector<std::string>& paths, const Need& patch, Need& target,
                     Violations& violations) {
  static const std::vector<MutableField<Need>> kMutable = [] {
    std::vector<MutableField<Need>> fields = ListingMutableFields<Need>();
    fields.push_back({"budget", [](Need& t, const Need& p) { t.budget_minor = p.budget_minor; }});
    fields.push_back({"min_trl", [](Need& t, const Need& p) { t.min_trl = p.min_trl; }});
    return fields;
  }();
  ApplyUpdateMask(paths, kMutable,
                  {"name", "enterprise", "state", "create_time", "update_time", "etag",
                   "return_reason", "closing_agreement"},
                  patch, target, violations);
}

absl::Status WithdrawNeed(Need& need) {
  TM_RETURN_IF_ERROR(CheckNeedEditable(need));
  need.state = NeedState::kWithdrawn;
  return absl::OkStatus();
}

void StartNeed(Need& need, bool reviewed) {
  need.state = reviewed ? NeedState::kSubmitted : NeedState::kOpen;
  need.published = !reviewed;
  need.return_reason.clear();
  need.closing_agreement_id.clear();
}

void ResubmitNeed(Need& need) {
  if (need.state == NeedState::kReturned) need.state = NeedState::kSubmitted;
}

absl::Status PublishNeed(Need& need) {
  if (need.state != NeedState::kSubmitted) return NotIn(need, "published", "SUBMITTED");
  need.state = NeedState::kOpen;
  need.published = true;
  need.return_reason.clear();
  return absl::OkStatus();
}

absl::Status ReturnNeed(Need& need, absl::string_view reason) {
  if (need.state != NeedState::kSubmitted) return NotIn(need, "returned", "SUBMITTED");
  need.state = NeedState::kReturned;
  need.return_reason = std::string(reason);
  return absl::OkStatus();
}

absl::Status CloseNeed(Need& need, absl::string_view agreement_id) {
  if (need.state != NeedState::kOpen) return NotIn(need, "closed", "OPEN");
  need.state = NeedState::kClosed;
  need.closing_agreement_id = std::string(agreement_id);
  return absl::OkStatus();
}

}  // namespace techmatch
