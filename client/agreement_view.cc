#include "client/agreement_view.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/agreement_text.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Agreement;

constexpr size_t kTitleWidth = 30;

std::string Amount(bool has, const google::type::Money& money, const ValueFormat& format) {
  return has ? FormatMoney(money, format) : "";
}

std::string History(const Agreement& agreement, const ValueFormat& format) {
  std::vector<std::string> lines;
  for (const auto& change : agreement.history()) {
    lines.push_back(absl::StrCat(
        FormatTime(change.change_time()), "  ", change.field(), "  ",
        change.has_old_value() ? FormatMoney(change.old_value(), format) : "(none)", " → ",
        change.has_new_value() ? FormatMoney(change.new_value(), format) : "(none)"));
  }
  return absl::StrJoin(lines, "\n");
}

}  // namespace

const View<Agreement>& AgreementView() {
  static const auto* view = new View<Agreement>{
      [](const Agreement& a, const ValueFormat& format) {
        Record record = {
            {"name", a.name()},
            {"title", a.title()},
            {"kind", Agreement::Kind_Name(a.kind())},
            {"state", Agreement::State_Name(a.state())},
            {"parties", FormatParties(a.parties())},
            {"event", a.event()},
            {"need", a.need()},
            {"offering", a.offering()},
            {"industries", absl::StrJoin(a.industries(), "; ")},
            {"sign_time", FormatTime(a.sign_time())},
            {"contract_amount", Amount(a.has_contract_amount(), a.contract_amount(), format)},
            {"total_investment", Amount(a.has_total_investment(), a.total_investment(), format)},
            {"expected_sales_revenue",
             Amount(a.has_expected_sales_revenue(), a.expected_sales_revenue(), format)},
            {"expected_profit_tax",
             Amount(a.has_expected_profit_tax(), a.expected_profit_tax(), format)},
            {"realized_output_value",
             Amount(a.has_realized_output_value(), a.realized_output_value(), format)},
            {"realized_profit_tax",
             Amount(a.has_realized_profit_tax(), a.realized_profit_tax(), format)},
            {"create_time", FormatTime(a.create_time())},
            {"update_time", FormatTime(a.update_time())},
            {"etag", a.etag()}};
        if (!a.history().empty()) record.emplace_back("history", History(a, format));
        return record;
      },
      {{"name"},
       {"title", Align::kLeft, kTitleWidth},
       {"kind"},
       {"state"},
       {"contract_amount", Align::kRight},
       {"total_investment", Align::kRight},
       {"sign_time"}}};
  return *view;
}

}  // namespace techmatch::client
