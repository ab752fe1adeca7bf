#include "core/agreements/agreement.h"

#include <algorithm>
#include <array>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "core/common/enum_names.h"
#include "core/common/list_rules.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/common/text_rules.h"
#include "core/common/update_mask.h"

namespace techmatch {
namespace {

constexpr EnumNames<AgreementKind, 6> kKindNames({{
    {AgreementKind::kFrameworkCooperation, "FRAMEWORK_COOPERATION"},
    {AgreementKind::kTechnologyDevelopment, "TECHNOLOGY_DEVELOPMENT"},
    {AgreementKind::kTechnologyTransfer, "TECHNOLOGY_TRANSFER"},
    {AgreementKind::kTechnologyLicense, "TECHNOLOGY_LICENSE"},
    {AgreementKind::kTechnologyConsulting, "TECHNOLOGY_CONSULTING"},
    {AgreementKind::kTechnologyService, "TECHNOLOGY_SERVICE"},
}});

constexpr EnumNames<PartyRole, 4> kRoleNames({{
    {PartyRole::kSupplier, "SUPPLIER"},
    {PartyRole::kDemander, "DEMANDER"},
    {PartyRole::kGovernment, "GOVERNMENT"},
    {PartyRole::kFinancier, "FINANCIER"},
}});

constexpr EnumNames<AgreementState, 4> kStateNames({{
    {AgreementState::kSigned, "SIGNED"},
    {AgreementState::kImplementing, "IMPLEMENTING"},
    {AgreementState::kCompleted, "COMPLETED"},
    {AgreementState::kTerminated, "TERMINATED"},
}});

constexpr EnumNames<AmountField, kAmountFieldCount> kAmountNames({{
    {AmountField::kContractAmount, "contract_amount"},
    {AmountField::kTotalInvestment, "total_investment"},
    {AmountField::kExpectedSalesRevenue, "expected_sales_revenue"},
    {AmountField::kExpectedProfitTax, "expected_profit_tax"},
    {AmountField::kRealizedOutputValue, "realized_output_value"},
    {AmountField::kRealizedProfitTax, "realized_profit_tax"},
}});

std::string PartyField(size_t i) { return absl::StrCat("parties[", i, "]"); }

bool HasRole(const Agreement& a, PartyRole role) {
  return std::any_of(a.parties.begin(), a.parties.end(),
                     [role](const Party& p) { return p.role == role; });
}

bool IsParty(const Agreement& a, absl::string_view organization_id) {
  return std::any_of(a.parties.begin(), a.parties.end(), [organization_id](const Party& p) {
    return p.organization_id == organization_id;
  });
}

bool IsResearchKind(OrganizationKind kind) {
  return kind == OrganizationKind::kUniversity || kind == OrganizationKind::kResearchInstitute;
}

std::string OrgName(absl::string_view id) { return absl::StrCat("organizations/", id); }

absl::Status Illegal(const Agreement& a, absl::string_view method, absl::string_view allowed) {
  return absl::FailedPreconditionError(absl::StrCat(method, " needs an agreement in state ",
                                                    allowed, "; 'agreements/", a.meta.id, "' is ",
                                                    AgreementStateName(a.state)));
}

bool SameExceptRealized(const Agreement& a, const Agreement& b) {
  for (AmountField f : kAllAmountFields) {
    if (!IsRealizedAmount(f) && a.amount(f) != b.amount(f)) return false;
  }
  return a.title == b.title && a.kind == b.kind && a.parties == b.parties &&
         a.event_id == b.event_id && a.need_id == b.need_id && a.offering_id == b.offering_id &&
         a.industry_codes == b.industry_codes && a.sign_time == b.sign_time;
}

}  // namespace

absl::string_view AgreementKindName(AgreementKind kind) { return kKindNames.Name(kind); }
std::optional<AgreementKind> AgreementKindFromName(absl::string_view name) {
  return kKindNames.FromName(name);
}
std::vector<std::string> AgreementKindNames() { return kKindNames.Names(); }
bool IsTechnologyContract(AgreementKind kind) {
  return kind != AgreementKind::kFrameworkCooperation;
}

absl::string_view PartyRoleName(PartyRole role) { return kRoleNames.Name(role); }
std::optional<PartyRole> PartyRoleFromName(absl::string_view name) {
  return kRoleNames.FromName(name);
}

absl::string_view AgreementStateName(AgreementState state) { return kStateNames.Name(state); }
std::optional<AgreementState> AgreementStateFromName(absl::string_view name) {
  return kStateNames.FromName(name);
}
std::vector<std::string> AgreementStateNames() { return kStateNames.Names(); }

absl::string_view AmountFieldName(AmountField field) { return kAmountNames.Name(field); }
std::optional<AmountField> AmountFieldFromName(absl::string_view name) {
  return kAmountNames.FromName(name);
}
bool IsRealizedAmount(AmountField field) {
  return field == AmountField::kRealizedOutputValue || field == AmountField::kRealizedProfitTax;
}

void ValidateAgreementAt(const Agreement& agreement, absl::Time now, Violations& violations) {
  CheckText("title", agreement.title, 1, kMaxTitleChars, false, violations);
  if (AgreementKindName(agreement.kind) == "UNSPECIFIED") {
    violations.Add("kind", "is required: FRAMEWORK_COOPERATION or a TECHNOLOGY_* contract kind");
  }
  const std::vector<Party>& parties = agreement.parties;
  if (parties.empty()) violations.Add("parties", "at least one party is required");
  const bool parties_fit = CheckListSize("parties", parties.size(), kMaxParties, violations);
  // Per organization, the first party of each role: a repeat is found in constant time.
  absl::flat_hash_map<absl::string_view, std::array<std::optional<size_t>, 5>> first_by_role;
  for (size_t i = 0; parties_fit && i < parties.size(); ++i) {
    const Party& p = parties[i];
    if (p.organization_id.empty()) {
      violations.Add(absl::StrCat(PartyField(i), ".organization"), "is required");
    }
    if (PartyRoleName(p.role) == "UNSPECIFIED") {
      violations.Add(absl::StrCat(PartyField(i), ".role"),
                     "must be SUPPLIER, DEMANDER, GOVERNMENT or FINANCIER");
    }
    if (p.organization_id.empty()) continue;
    const size_t role = static_cast<size_t>(p.role);
    if (role >= 5) continue;  // reported above
    auto& first = first_by_role[p.organization_id];
    if (first[role]) {
      violations.Add(PartyField(i), absl::StrCat("repeats ", PartyField(*first[role])));
      continue;
    }
    first[role] = i;
    const size_t other = p.role == PartyRole::kSupplier ? static_cast<size_t>(PartyRole::kDemander)
                         : p.role == PartyRole::kDemander
                             ? static_cast<size_t>(PartyRole::kSupplier)
                             : role;
    if (other != role && first[other]) {
      violations.Add(PartyField(i),
                     absl::StrCat("'", OrgName(p.organization_id),
                                  "' cannot be both SUPPLIER and DEMANDER of one agreement"));
    }
  }
  if (!parties.empty()) {
    if (agreement.kind == AgreementKind::kFrameworkCooperation) {
      // A bureau's cooperation agreement with a bank or guarantee company is a framework
      // agreement too: its counterpart is a FINANCIER, with no SUPPLIER.
      if (!HasRole(agreement, PartyRole::kGovernment) ||
          (!HasRole(agreement, PartyRole::kSupplier) &&
           !HasRole(agreement, PartyRole::kFinancier))) {
        violations.Add("parties",
                       "a FRAMEWORK_COOPERATION agreement needs a GOVERNMENT party and at least "
                       "one SUPPLIER (a university, a research institute or one of their "
                       "colleges) or FINANCIER (a bank, a guarantee company, a fund)");
      }
    } else if (AgreementKindName(agreement.kind) != "UNSPECIFIED") {
      if (!HasRole(agreement, PartyRole::kSupplier) || !HasRole(agreement, PartyRole::kDemander)) {
        violations.Add("parties",
                       "a technology contract needs at least one SUPPLIER and one DEMANDER");
      }
    }
  }
  CheckListEntries("industries", agreement.industry_codes, kMaxIndustries, violations);
  if (agreement.sign_time == absl::InfinitePast()) {
    violations.Add("sign_time", "is required");
  } else if (agreement.sign_time > now + kSignTimeSkew) {
    violations.Add("sign_time", "must not be in the future");
  }
  for (AmountField f : kAllAmountFields) {
    const std::optional<int64_t>& value = agreement.amount(f);
    if (value && *value < 0)
      violations.Add(std::string(AmountFieldName(f)), "must not be negative");
    if (value && IsRealizedAmount(f) && agreement.state == AgreementState::kSigned) {
      violations.Add(std::string(AmountFieldName(f)),
                     "can be recorded only once implementation has started (StartAgreement)");
    }
  }
}

void ValidateAgreement(const Agreement& agreement, Violations& violations) {
  ValidateAgreementAt(agreement, absl::Now(), violations);
}

absl::Status CheckAgreementReferences(const Agreement& agreement, AgreementLookup& lookup,
                                      Violations& violations) {
  // Oversized lists were reported by validation; looking up their entries is not worth it.
  if (agreement.parties.size() > kMaxParties || agreement.industry_codes.size() > kMaxIndustries) {
    return absl::OkStatus();
  }
  for (size_t i = 0; i < agreement.parties.size(); ++i) {
    const Party& p = agreement.parties[i];
    // Malformed names were reported when the request was read.
    if (!IsValidId(p.organization_id)) continue;
    const std::string field = absl::StrCat(PartyField(i), ".organization");
    TM_ASSIGN_OR_RETURN(std::optional<AgreementLookup::OrganizationFacts> facts,
                        lookup.FindOrganizationFacts(p.organization_id));
    if (!facts) {
      violations.Add(field,
                     absl::StrCat("unknown organization '", OrgName(p.organization_id), "'"));
      continue;
    }
    if (p.role == PartyRole::kGovernment && facts->kind != OrganizationKind::kGovernment) {
      violations.Add(field, absl::StrCat("a GOVERNMENT party must be a GOVERNMENT organization, '",
                                         OrgName(p.organization_id), "' is ",
                                         OrganizationKindName(facts->kind)));
    }
    if (p.role == PartyRole::kSupplier && agreement.kind == AgreementKind::kFrameworkCooperation &&
        !IsResearchKind(facts->kind) &&
        !(facts->parent_kind && IsResearchKind(*facts->parent_kind))) {
      violations.Add(
          field,
          absl::StrCat("the SUPPLIER of a framework agreement must be a university, a "
                       "research institute or one of their colleges, '",
                       OrgName(p.organization_id), "' is ", OrganizationKindName(facts->kind)));
    }
  }
  for (size_t i = 0; i < agreement.industry_codes.size(); ++i) {
    TM_ASSIGN_OR_RETURN(bool exists, lookup.IndustryExists(agreement.industry_codes[i]));
    if (!exists) {
      violations.Add(
          absl::StrCat("industries[", i, "]"),
          absl::StrCat("unknown industry 'industries/", agreement.industry_codes[i], "'"));
    }
  }
  if (!agreement.event_id.empty()) {
    TM_ASSIGN_OR_RETURN(bool exists, lookup.EventExists(agreement.event_id));
    if (!exists) {
      violations.Add("event", absl::StrCat("unknown event 'events/", agreement.event_id, "'"));
    }
  }
  if (!agreement.need_id.empty()) {
    TM_ASSIGN_OR_RETURN(std::optional<std::string> enterprise,
                        lookup.FindNeedEnterprise(agreement.need_id));
    if (!enterprise) {
      violations.Add("need", absl::StrCat("unknown need 'needs/", agreement.need_id, "'"));
    } else if (!IsParty(agreement, *enterprise)) {
      violations.Add("need", absl::StrCat("the need's enterprise '", OrgName(*enterprise),
                                          "' must be a party of the agreement"));
    }
  }
  if (!agreement.offering_id.empty()) {
    TM_ASSIGN_OR_RETURN(std::optional<std::string> institute,
                        lookup.FindOfferingInstitute(agreement.offering_id));
    if (!institute) {
      violations.Add("offering",
                     absl::StrCat("unknown offering 'offerings/", agreement.offering_id, "'"));
    } else if (!IsParty(agreement, *institute)) {
      violations.Add("offering", absl::StrCat("the offering's institute '", OrgName(*institute),
                                              "' must be a party of the agreement"));
    }
  }
  return absl::OkStatus();
}

void ApplyAgreementUpdate(const std::vector<std::string>& paths, const Agreement& patch,
                          Agreement& target, Violations& violations) {
  static const std::vector<MutableField<Agreement>> kMutable = [] {
    std::vector<MutableField<Agreement>> fields = {
        {"title", [](Agreement& t, const Agreement& p) { t.title = p.title; }},
        {"kind", [](Agreement& t, const Agreement& p) { t.kind = p.kind; }},
        {"parties", [](Agreement& t, const Agreement& p) { t.parties = p.parties; }},
        {"event", [](Agreement& t, const Agreement& p) { t.event_id = p.event_id; }},
        {"need", [](Agreement& t, const Agreement& p) { t.need_id = p.need_id; }},
        {"offering", [](Agreement& t, const Agreement& p) { t.offering_id = p.offering_id; }},
        {"industries",
         [](Agreement& t, const Agreement& p) { t.industry_codes = p.industry_codes; }},
        {"sign_time", [](Agreement& t, const Agreement& p) { t.sign_time = p.sign_time; }},
    };
    for (AmountField f : kAllAmountFields) {
      fields.push_back({AmountFieldName(f),
                        [f](Agreement& t, const Agreement& p) { t.amount(f) = p.amount(f); }});
    }
    return fields;
  }();
  ApplyUpdateMask(paths, kMutable,
                  {"name", "state", "create_time", "update_time", "etag", "history"}, patch, target,
                  violations);
}

absl::Status CheckAgreementChangeAllowed(const Agreement& before, const Agreement& after) {
  const std::string name = absl::StrCat("agreements/", before.meta.id);
  switch (before.state) {
    case AgreementState::kTerminated:
      return absl::FailedPreconditionError(
          absl::StrCat(name, " is TERMINATED and can no longer change"));
    case AgreementState::kCompleted:
      if (!SameExceptRealized(before, after)) {
        return absl::FailedPreconditionError(absl::StrCat(
            name, " is COMPLETED: only realized_output_value and realized_profit_tax can change"));
      }
      return absl::OkStatus();
    case AgreementState::kSigned:
      for (AmountField f : kAllAmountFields) {
        if (IsRealizedAmount(f) && before.amount(f) != after.amount(f)) {
          return absl::FailedPreconditionError(absl::StrCat(
              name, " is SIGNED: ", AmountFieldName(f),
              " can be recorded only once implementation has started (StartAgreement)"));
        }
      }
      return absl::OkStatus();
    case AgreementState::kImplementing:
      return absl::OkStatus();
  }
  return absl::OkStatus();
}

std::vector<AmountChange> AmountChanges(const Agreement& before, const Agreement& after,
                                        absl::Time when) {
  std::vector<AmountChange> changes;
  for (AmountField f : kAllAmountFields) {
    if (before.amount(f) != after.amount(f)) {
      changes.push_back({when, f, before.amount(f), after.amount(f)});
    }
  }
  return changes;
}

absl::Status StartAgreement(Agreement& agreement) {
  if (agreement.state != AgreementState::kSigned) {
    return Illegal(agreement, "StartAgreement", "SIGNED");
  }
  agreement.state = AgreementState::kImplementing;
  return absl::OkStatus();
}

absl::Status CompleteAgreement(Agreement& agreement) {
  if (agreement.state != AgreementState::kImplementing) {
    return Illegal(agreement, "CompleteAgreement", "IMPLEMENTING");
  }
  agreement.state = AgreementState::kCompleted;
  return absl::OkStatus();
}

absl::Status TerminateAgreement(Agreement& agreement) {
  if (agreement.state != AgreementState::kSigned &&
      agreement.state != AgreementState::kImplementing) {
    return Illegal(agreement, "TerminateAgreement", "SIGNED or IMPLEMENTING");
  }
  agreement.state = AgreementState::kTerminated;
  return absl::OkStatus();
}

int SignMonthOf(absl::Time time) {
  static const absl::TimeZone kChinaStandardTime = absl::FixedTimeZone(8 * 60 * 60);
  const absl::CivilSecond civil = absl::ToCivilSecond(time, kChinaStandardTime);
  return static_cast<int>(civil.year() * 100 + civil.month());
}

}  // namespace techmatch
