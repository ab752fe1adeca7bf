#include "core/reports/agreement_report.h"

#include "absl/strings/str_cat.h"
#include "core/common/enum_names.h"
#include "core/common/list_rules.h"
#include "core/common/status_macros.h"
#include "core/money/money.h"

namespace techmatch {
namespace {

constexpr EnumNames<GroupDimension, 9> kDimensionNames({{
    {GroupDimension::kEvent, "EVENT"},
    {GroupDimension::kKind, "KIND"},
    {GroupDimension::kState, "STATE"},
    {GroupDimension::kIndustry, "INDUSTRY"},
    {GroupDimension::kRegion, "REGION"},
    {GroupDimension::kSupplier, "SUPPLIER"},
    {GroupDimension::kDemander, "DEMANDER"},
    {GroupDimension::kSignYear, "SIGN_YEAR"},
    {GroupDimension::kSignMonth, "SIGN_MONTH"},
}});

}  // namespace

absl::string_view GroupDimensionName(GroupDimension dimension) {
  return kDimensionNames.Name(dimension);
}

void ValidateGroupBy(const std::vector<GroupDimension>& group_by, Violations& violations) {
  // Each dimension at most once, so no more entries than there are dimensions.
  if (!CheckListEntries("group_by", group_by, kMaxGroupBy, violations)) return;
  for (size_t i = 0; i < group_by.size(); ++i) {
    if (GroupDimensionName(group_by[i]) == "UNSPECIFIED") {
      violations.Add(absl::StrCat("group_by[", i, "]"),
                     "must be EVENT, KIND, STATE, INDUSTRY, REGION, SUPPLIER, DEMANDER, "
                     "SIGN_YEAR or SIGN_MONTH");
    }
  }
}

absl::Status AddAmounts(const Agreement& agreement, std::array<int64_t, kAmountFieldCount>& sums) {
  for (AmountField f : kAllAmountFields) {
    if (!agreement.amount(f)) continue;
    int64_t& sum = sums[static_cast<size_t>(f)];
    TM_ASSIGN_OR_RETURN(sum, CheckedAdd(sum, *agreement.amount(f)));
  }
  return absl::OkStatus();
}

}  // namespace techmatch
