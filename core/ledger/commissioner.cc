#include "core/ledger/commissioner.h"

#include "core/common/enum_names.h"
#include "core/common/text_rules.h"
#include "core/common/update_mask.h"
#include "core/ledger/record_fields.h"

namespace techmatch {
namespace {

constexpr EnumNames<ServiceModel, 3> kModelNames({{
    {ServiceModel::kMarketLed, "MARKET_LED"},
    {ServiceModel::kTechnologyPushed, "TECHNOLOGY_PUSHED"},
    {ServiceModel::kVenture, "VENTURE"},
}});

constexpr EnumNames<OutcomeCount, kOutcomeCountFields> kCountNames({{
    {OutcomeCount::kTechnologiesPromoted, "technologies_promoted"},
    {OutcomeCount::kNewProducts, "new_products"},
    {OutcomeCount::kProjects, "projects"},
    {OutcomeCount::kJointVentures, "joint_ventures"},
    {OutcomeCount::kCooperatives, "cooperatives"},
    {OutcomeCount::kEnterprisesFounded, "enterprises_founded"},
}});

constexpr EnumNames<OutcomeAmount, kOutcomeAmountFields> kAmountNames({{
    {OutcomeAmount::kInvestment, "investment"},
    {OutcomeAmount::kProfit, "profit"},
    {OutcomeAmount::kFarmerIncomeIncrease, "farmer_income_increase"},
}});

}  // namespace

absl::string_view ServiceModelName(ServiceModel model) { return kModelNames.Name(model); }
std::optional<ServiceModel> ServiceModelFromName(absl::string_view name) {
  return kModelNames.FromName(name);
}
std::vector<std::string> ServiceModelNames() { return kModelNames.Names(); }

absl::string_view OutcomeCountName(OutcomeCount field) { return kCountNames.Name(field); }
absl::string_view OutcomeAmountName(OutcomeAmount field) { return kAmountNames.Name(field); }

void ValidateCommissioner(const Commissioner& c, Violations& violations) {
  CheckText("display_name", c.display_name, 1, kMaxTitleChars, false, violations);
  if (c.home_organization_id.empty()) violations.Add("home_organization", "is required");
  CheckLedgerRegion("region_code", c.region_code, violations);
  CheckLedgerYear("year", c.year, violations);
  if (ServiceModelName(c.service_model) == "UNSPECIFIED") {
    violations.Add("service_model", "is required: MARKET_LED, TECHNOLOGY_PUSHED or VENTURE");
  }
  for (size_t i = 0; i < kOutcomeCountFields; ++i) {
    if (c.counts[i] < 0) {
      violations.Add(std::string(OutcomeCountName(static_cast<OutcomeCount>(i))),
                     "must not be negative");
    }
  }
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
    CheckNotNegative(OutcomeAmountName(static_cast<OutcomeAmount>(i)), c.amounts[i], violations);
  }
}

absl::Status CheckCommissionerReferences(const Commissioner& c, ReferenceLookup& lookup,
                                         Violations& violations) {
  return CheckOrganizationExists("home_organization", c.home_organization_id, lookup, violations);
}

void ApplyCommissionerUpdate(const std::vector<std::string>& paths, const Commissioner& patch,
                             Commissioner& target, Violations& violations) {
  static const std::vector<MutableField<Commissioner>> kMutable = [] {
    std::vector<MutableField<Commissioner>> fields = {
        {"display_name",
         [](Commissioner& t, const Commissioner& p) { t.display_name = p.display_name; }},
        {"home_organization",
         [](Commissioner& t, const Commissioner& p) {
           t.home_organization_id = p.home_organization_id;
         }},
        {"region_code",
         [](Commissioner& t, const Commissioner& p) { t.region_code = p.region_code; }},
        {"year", [](Commissioner& t, const Commissioner& p) { t.year = p.year; }},
        {"service_model",
         [](Commissioner& t, const Commissioner& p) { t.service_model = p.service_model; }},
    };
    for (size_t i = 0; i < kOutcomeCountFields; ++i) {
      fields.push_back(
          {OutcomeCountName(static_cast<OutcomeCount>(i)),
           [i](Commissioner& t, const Commissioner& p) { t.counts[i] = p.counts[i]; }});
    }
    for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
      fields.push_back(
          {OutcomeAmountName(static_cast<OutcomeAmount>(i)),
           [i](Commissioner& t, const Commissioner& p) { t.amounts[i] = p.amounts[i]; }});
    }
    return fields;
  }();
  ApplyUpdateMask(paths, kMutable, {"name", "create_time", "update_time", "etag"}, patch, target,
                  violations);
}

}  // namespace techmatch
