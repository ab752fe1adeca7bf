// Technology commissioners of the programme ledger (科技特派员): who served which region in a
// year, how, and what they achieved there.
#ifndef TECHMATCH_CORE_LEDGER_COMMISSIONER_H_
#define TECHMATCH_CORE_LEDGER_COMMISSIONER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {

inline constexpr absl::string_view kCommissioners = "commissioners";

// Values match the API enum's numbers.
enum class ServiceModel { kMarketLed = 1, kTechnologyPushed = 2, kVenture = 3 };
absl::string_view ServiceModelName(ServiceModel model);  // "MARKET_LED", ...
std::optional<ServiceModel> ServiceModelFromName(absl::string_view name);
std::vector<std::string> ServiceModelNames();

// The counted outcomes, in API field order.
enum class OutcomeCount {
  kTechnologiesPromoted = 0,
  kNewProducts = 1,
  kProjects = 2,
  kJointVentures = 3,
  kCooperatives = 4,
  kEnterprisesFounded = 5,
};
inline constexpr size_t kOutcomeCountFields = 6;
// The API field name, e.g. "technologies_promoted".
absl::string_view OutcomeCountName(OutcomeCount field);

// The money outcomes, in API field order.
enum class OutcomeAmount { kInvestment = 0, kProfit = 1, kFarmerIncomeIncrease = 2 };
inline constexpr size_t kOutcomeAmountFields = 3;
absl::string_view OutcomeAmountName(OutcomeAmount field);  // e.g. "farmer_income_increase"

struct Commissioner {
  ResourceMeta meta;
  std::string display_name;
  std::string home_organization_id;
  std::string region_code;
  int year = 0;
  ServiceModel service_model = ServiceModel::kMarketLed;
  std::array<int64_t, kOutcomeCountFields> counts{};
  // Minor units of the base currency; nullopt = not given.
  std::array<std::optional<int64_t>, kOutcomeAmountFields> amounts{};

  int64_t& count(OutcomeCount f) { return counts[static_cast<size_t>(f)]; }
  int64_t count(OutcomeCount f) const { return counts[static_cast<size_t>(f)]; }
  std::optional<int64_t>& amount(OutcomeAmount f) { return amounts[static_cast<size_t>(f)]; }
  const std::optional<int64_t>& amount(OutcomeAmount f) const {
    return amounts[static_cast<size_t>(f)];
  }
};

// Field rules that need no other record: display name 1–200 characters; a home organization;
// a GB/T 2260 region; year 1980–2100; a service model; counts and amounts not negative.
void ValidateCommissioner(const Commissioner& commissioner, Violations& violations);
// The home organization exists. Fails only when the lookup fails.
absl::Status CheckCommissionerReferences(const Commissioner& commissioner, ReferenceLookup& lookup,
                                         Violations& violations);
// Applies an update_mask; the metadata is output only.
void ApplyCommissionerUpdate(const std::vector<std::string>& paths, const Commissioner& patch,
                             Commissioner& target, Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LEDGER_COMMISSIONER_H_
