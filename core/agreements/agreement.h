// Agreements: signed framework agreements and technology contracts, their money figures and
// their lifecycle.
#ifndef TECHMATCH_CORE_AGREEMENTS_AGREEMENT_H_
#define TECHMATCH_CORE_AGREEMENTS_AGREEMENT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/reference/organization.h"

namespace techmatch {

// Values match the API enums' numbers.
enum class AgreementKind {
  kFrameworkCooperation = 1,
  kTechnologyDevelopment = 2,
  kTechnologyTransfer = 3,
  kTechnologyLicense = 4,
  kTechnologyConsulting = 5,
  kTechnologyService = 6,
};
absl::string_view AgreementKindName(AgreementKind kind);  // "FRAMEWORK_COOPERATION", ...
std::optional<AgreementKind> AgreementKindFromName(absl::string_view name);
std::vector<std::string> AgreementKindNames();
// Every kind but FRAMEWORK_COOPERATION is a technology contract.
bool IsTechnologyContract(AgreementKind kind);

enum class PartyRole { kSupplier = 1, kDemander = 2, kGovernment = 3, kFinancier = 4 };
absl::string_view PartyRoleName(PartyRole role);  // "SUPPLIER", ...
std::optional<PartyRole> PartyRoleFromName(absl::string_view name);

enum class AgreementState { kSigned = 1, kImplementing = 2, kCompleted = 3, kTerminated = 4 };
absl::string_view AgreementStateName(AgreementState state);  // "SIGNED", ...
std::optional<AgreementState> AgreementStateFromName(absl::string_view name);
std::vector<std::string> AgreementStateNames();

// The money figures of an agreement, in API field order.
enum class AmountField {
  kContractAmount = 0,
  kTotalInvestment = 1,
  kExpectedSalesRevenue = 2,
  kExpectedProfitTax = 3,
  kRealizedOutputValue = 4,
  kRealizedProfitTax = 5,
};
inline constexpr size_t kAmountFieldCount = 6;
inline constexpr std::array<AmountField, kAmountFieldCount> kAllAmountFields = {
    AmountField::kContractAmount,       AmountField::kTotalInvestment,
    AmountField::kExpectedSalesRevenue, AmountField::kExpectedProfitTax,
    AmountField::kRealizedOutputValue,  AmountField::kRealizedProfitTax};
// The API field name, e.g. "contract_amount".
absl::string_view AmountFieldName(AmountField field);
std::optional<AmountField> AmountFieldFromName(absl::string_view name);
// Realized figures are recorded after implementation has started.
bool IsRealizedAmount(AmountField field);

// Amounts in the base currency's minor units; nullopt = not given (counts as zero in sums).
using Amounts = std::array<std::optional<int64_t>, kAmountFieldCount>;

struct Party {
  std::string organization_id;
  PartyRole role = PartyRole::kSupplier;

  friend bool operator==(const Party&, const Party&) = default;
};

struct Agreement {
  ResourceMeta meta;
  std::string title;
  AgreementKind kind = AgreementKind::kTechnologyDevelopment;
  std::vector<Party> parties;
  std::string event_id;                         // Empty when none.
  std::string need_id;                          // Empty when none.
  std::string offering_id;                      // Empty when none.
  std::vector<std::string> industry_codes;      // The first is primary.
  absl::Time sign_time = absl::InfinitePast();  // InfinitePast = not given.
  Amounts amounts;
  AgreementState state = AgreementState::kSigned;

  std::optional<int64_t>& amount(AmountField f) { return amounts[static_cast<size_t>(f)]; }
  const std::optional<int64_t>& amount(AmountField f) const {
    return amounts[static_cast<size_t>(f)];
  }
};

// One stored change of a money figure.
struct AmountChange {
  absl::Time change_time = absl::UnixEpoch();
  AmountField field = AmountField::kContractAmount;
  std::optional<int64_t> old_minor;
  std::optional<int64_t> new_minor;

  friend bool operator==(const AmountChange&, const AmountChange&) = default;
};

// How far in the future a sign_time may lie to allow for clients' clock skew.
inline constexpr absl::Duration kSignTimeSkew = absl::Minutes(5);

// What the agreement rules need to know about other records, answered by storage.
class AgreementLookup {
 public:
  virtual ~AgreementLookup() = default;
  struct OrganizationFacts {
    OrganizationKind kind;
    std::string parent_id;  // Empty when none.
    std::optional<OrganizationKind> parent_kind;
  };
  virtual absl::StatusOr<std::optional<OrganizationFacts>> FindOrganizationFacts(
      absl::string_view id) = 0;
  virtual absl::StatusOr<bool> IndustryExists(absl::string_view code) = 0;
  virtual absl::StatusOr<bool> EventExists(absl::string_view id) = 0;
  // The need's enterprise id, or nullopt when there is no such need.
  virtual absl::StatusOr<std::optional<std::string>> FindNeedEnterprise(absl::string_view id) = 0;
  // The offering's institute id, or nullopt when there is no such offering.
  virtual absl::StatusOr<std::optional<std::string>> FindOfferingInstitute(
      absl::string_view id) = 0;
};

// Field rules that need no other record, judged at `now`: title 1–200 characters; at least one
// party, none repeated, no organization both SUPPLIER and DEMANDER; a framework agreement has a
// GOVERNMENT party and a SUPPLIER or a FINANCIER, a technology contract a SUPPLIER and a
// DEMANDER; industries
// not repeated; sign_time given and not after now (+ kSignTimeSkew); amounts not negative;
// realized figures only once implementation has started.
void ValidateAgreementAt(const Agreement& agreement, absl::Time now, Violations& violations);
// ValidateAgreementAt(agreement, absl::Now(), violations).
void ValidateAgreement(const Agreement& agreement, Violations& violations);

// Parties exist; a GOVERNMENT party is a GOVERNMENT organization; a framework agreement's
// SUPPLIER is a university, a research institute or a college of one; industries, the event,
// the need and the offering exist; the need's enterprise and the offering's institute are
// parties. Fails only when a lookup fails.
absl::Status CheckAgreementReferences(const Agreement& agreement, AgreementLookup& lookup,
                                      Violations& violations);

// Applies an update_mask. `state` and the resource metadata are output only.
void ApplyAgreementUpdate(const std::vector<std::string>& paths, const Agreement& patch,
                          Agreement& target, Violations& violations);

// Whether `before` may become `after` in its state: a TERMINATED agreement never changes; a
// COMPLETED one only in its realized figures; a SIGNED one not in its realized figures.
// FAILED_PRECONDITION naming the problem otherwise.
absl::Status CheckAgreementChangeAllowed(const Agreement& before, const Agreement& after);

// The changes of money figures from `before` to `after`, stamped `when`, in field order.
std::vector<AmountChange> AmountChanges(const Agreement& before, const Agreement& after,
                                        absl::Time when);

// The lifecycle (AIP-216 custom methods). FAILED_PRECONDITION on an illegal move.
absl::Status StartAgreement(Agreement& agreement);      // SIGNED → IMPLEMENTING
absl::Status CompleteAgreement(Agreement& agreement);   // IMPLEMENTING → COMPLETED
absl::Status TerminateAgreement(Agreement& agreement);  // SIGNED | IMPLEMENTING → TERMINATED

// The calendar month of `time` in China Standard Time (UTC+08:00) as yyyymm, e.g. 202611:
// what SIGN_YEAR and SIGN_MONTH group by.
int SignMonthOf(absl::Time time);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AGREEMENTS_AGREEMENT_H_
