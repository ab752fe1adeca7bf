#include "core/ledger/financing.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/common/enum_names.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/ledger/record_fields.h"

namespace techmatch {
namespace {

constexpr EnumNames<FinancingKind, 5> kKindNames({{
    {FinancingKind::kLoan, "LOAN"},
    {FinancingKind::kGuarantee, "GUARANTEE"},
    {FinancingKind::kEquity, "EQUITY"},
    {FinancingKind::kAward, "AWARD"},
    {FinancingKind::kSubsidy, "SUBSIDY"},
}});

}  // namespace

absl::string_view FinancingKindName(FinancingKind kind) { return kKindNames.Name(kind); }
std::optional<FinancingKind> FinancingKindFromName(absl::string_view name) {
  return kKindNames.FromName(name);
}
std::vector<std::string> FinancingKindNames() { return kKindNames.Names(); }

int GrantYearOf(absl::Time grant_time) {
  static const absl::TimeZone kChinaStandardTime = absl::FixedTimeZone(8 * 60 * 60);
  return static_cast<int>(absl::ToCivilYear(grant_time, kChinaStandardTime).year());
}

void ValidateFinancingAt(const Financing& f, absl::Time now, Violations& violations) {
  if (FinancingKindName(f.kind) == "UNSPECIFIED") {
    violations.Add("kind", "is required: LOAN, GUARANTEE, EQUITY, AWARD or SUBSIDY");
  }
  if (f.provider_id.empty()) violations.Add("provider", "is required");
  if (f.recipient_id.empty()) {
    violations.Add("recipient", "is required");
  } else if (f.recipient_id == f.provider_id) {
    violations.Add("recipient", "must be another organization than the provider");
  }
  if (f.amount_minor <= 0) violations.Add("amount", "must be more than zero");
  if (f.grant_time == absl::InfinitePast()) {
    violations.Add("grant_time", "is required");
  } else if (f.grant_time > now + kGrantTimeSkew) {
    violations.Add("grant_time", "must not be in the future");
  } else {
    CheckLedgerYear("grant_time", GrantYearOf(f.grant_time), violations);
  }
  CheckLedgerRegion("region_code", f.region_code, violations);
}

void ValidateFinancing(const Financing& financing, Violations& violations) {
  ValidateFinancingAt(financing, absl::Now(), violations);
}

absl::Status CheckFinancingReferences(const Financing& f, ReferenceLookup& lookup,
                                      const AgreementExists& agreement_exists,
                                      Violations& violations) {
  TM_RETURN_IF_ERROR(CheckOrganizationExists("provider", f.provider_id, lookup, violations));
  TM_RETURN_IF_ERROR(CheckOrganizationExists("recipient", f.recipient_id, lookup, violations));
  if (IsValidId(f.agreement_id)) {
    TM_ASSIGN_OR_RETURN(bool exists, agreement_exists(f.agreement_id));
    if (!exists) {
      violations.Add("agreement", absl::StrCat("unknown agreement '",
                                               ResourceName(kAgreements, f.agreement_id), "'"));
    }
  }
  return absl::OkStatus();
}

}  // namespace techmatch
