#include "client/agreement_sheet.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "client/resource_name.h"
#include "client/table.h"
#include "core/json/json_text.h"
#include "core/money/money_text.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Agreement;
using techmatch::v1::Party;

constexpr size_t kFirstAmountColumn = 11;  // Index of contract_amount in the columns.

// The six amounts, in column order.
const google::type::Money& AmountAt(const Agreement& agreement, size_t index) {
  switch (index) {
    case 0:
      return agreement.contract_amount();
    case 1:
      return agreement.total_investment();
    case 2:
      return agreement.expected_sales_revenue();
    case 3:
      return agreement.expected_profit_tax();
    case 4:
      return agreement.realized_output_value();
    default:
      return agreement.realized_profit_tax();
  }
}

bool HasAmountAt(const Agreement& agreement, size_t index) {
  switch (index) {
    case 0:
      return agreement.has_contract_amount();
    case 1:
      return agreement.has_total_investment();
    case 2:
      return agreement.has_expected_sales_revenue();
    case 3:
      return agreement.has_expected_profit_tax();
    case 4:
      return agreement.has_realized_output_value();
    default:
      return agreement.has_realized_profit_tax();
  }
}

std::string PartiesOf(const Agreement& agreement, Party::Role role,
                      const std::map<std::string, std::string>& display_names) {
  std::vector<std::string> names;
  for (const Party& party : agreement.parties()) {
    if (party.role() != role) continue;
    auto it = display_names.find(party.organization());
    names.push_back(it != display_names.end() && !it->second.empty() ? it->second
                                                                     : IdOf(party.organization()));
  }
  return absl::StrJoin(names, "、");
}

std::string SignDate(const Agreement& agreement) {
  if (!agreement.has_sign_time()) return "";
  return absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(agreement.sign_time().seconds()),
                          absl::LocalTimeZone());
}

std::string JsonObject(const std::vector<SheetColumn>& columns, int minor_digits,
                       const std::vector<SheetCell>& cells) {
  std::vector<std::string> members;
  for (size_t c = 0; c < columns.size(); ++c) {
    const SheetCell& cell = cells[c];
    std::string value;
    if (columns[c].amount) {
      value = cell.minor_units.has_value() ? MinorUnitsToDecimal(cell.minor_units, minor_digits)
                                           : "null";
    } else {
      value = JsonString(cell.text);
    }
    members.push_back(absl::StrCat(JsonString(columns[c].key), ":", value));
  }
  return absl::StrCat("{", absl::StrJoin(members, ","), "}");
}

}  // namespace

const std::vector<SheetColumn>& AgreementSheetColumns() {
  static const auto* columns = new std::vector<SheetColumn>{
      {"name", "协议编号"},
      {"title", "名称"},
      {"kind", "类型"},
      {"state", "状态"},
      {"event", "活动"},
      {"suppliers", "供方"},
      {"demanders", "需方"},
      {"government", "政府"},
      {"financiers", "出资方"},
      {"industries", "产业"},
      {"sign_date", "签约日期"},
      {"contract_amount", "技术合同金额（元）", true},
      {"total_investment", "项目总投资（元）", true},
      {"expected_sales_revenue", "预计销售收入（元）", true},
      {"expected_profit_tax", "预计利税（元）", true},
      {"realized_output_value", "新增产值（元）", true},
      {"realized_profit_tax", "新增利税（元）", true},
  };
  return *columns;
}

absl::StatusOr<AgreementSheet> BuildAgreementSheet(
    const std::vector<Agreement>& agreements,
    const std::map<std::string, std::string>& display_names, const std::string& currency) {
  AgreementSheet sheet;
  sheet.minor_digits = MinorDigitsOf(currency);
  sheet.columns = AgreementSheetColumns();
  if (currency != "CNY") {
    for (SheetColumn& column : sheet.columns) {
      if (column.amount) {
        column.label =
            absl::StrReplaceAll(column.label, {{"（元）", absl::StrCat("（", currency, "）")}});
      }
    }
  }
  constexpr size_t kAmounts = 6;
  std::vector<int64_t> sums(kAmounts, 0);
  for (const Agreement& agreement : agreements) {
    std::vector<std::string> industries;
    for (const std::string& industry : agreement.industries()) industries.push_back(IdOf(industry));
    std::vector<SheetCell> row = {
        {agreement.name()},
        {agreement.title()},
        {Agreement::Kind_Name(agreement.kind())},
        {Agreement::State_Name(agreement.state())},
        {agreement.event()},
        {PartiesOf(agreement, Party::SUPPLIER, display_names)},
        {PartiesOf(agreement, Party::DEMANDER, display_names)},
        {PartiesOf(agreement, Party::GOVERNMENT, display_names)},
        {PartiesOf(agreement, Party::FINANCIER, display_names)},
        {absl::StrJoin(industries, "、")},
        {SignDate(agreement)},
    };
    for (size_t i = 0; i < kAmounts; ++i) {
      SheetCell cell;
      if (HasAmountAt(agreement, i)) {
        absl::StatusOr<int64_t> minor_units = ToMinorUnits(
            AmountAt(agreement, i), currency, sheet.minor_digits,
            absl::StrCat(agreement.name(), " ", sheet.columns[kFirstAmountColumn + i].key));
        if (!minor_units.ok()) return minor_units.status();
        if (__builtin_add_overflow(sums[i], *minor_units, &sums[i])) {
          return absl::OutOfRangeError(absl::StrCat(
              "the total of ", sheet.columns[kFirstAmountColumn + i].key, " overflows"));
        }
        cell.minor_units = *minor_units;
      }
      row.push_back(std::move(cell));
    }
    sheet.rows.push_back(std::move(row));
  }
  sheet.total.resize(sheet.columns.size());
  sheet.total[0].text = "合计 total";
  sheet.total[1].text = absl::StrCat(agreements.size(), " agreements");
  for (size_t i = 0; i < kAmounts; ++i) sheet.total[kFirstAmountColumn + i].minor_units = sums[i];
  return sheet;
}

absl::StatusOr<int64_t> ToMinorUnits(const google::type::Money& money, const std::string& currency,
                                     int minor_digits, const std::string& where) {
  if (!money.currency_code().empty() && money.currency_code() != currency) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, " is in ", money.currency_code(), ", not ", currency));
  }
  int32_t nanos_per_minor_unit = 1'000'000'000;
  for (int d = 0; d < minor_digits; ++d) nanos_per_minor_unit /= 10;
  if (money.nanos() % nanos_per_minor_unit != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, " is finer than the minor unit of ", currency));
  }
  const std::optional<int64_t> minor_units =
      MinorUnitsOfAmount({money.units(), money.nanos()}, minor_digits);
  if (!minor_units.has_value()) {
    return absl::OutOfRangeError(absl::StrCat(where, " is too large"));
  }
  return *minor_units;
}

std::string MinorUnitsToDecimal(std::optional<int64_t> minor_units, int minor_digits) {
  if (!minor_units.has_value()) return "";
  MoneyStyle style;
  style.minor_digits = MinorDigits::kAlways;
  style.group_thousands = false;
  return FormatMoneyText(AmountOfMinorUnits(*minor_units, minor_digits), minor_digits, style);
}

void WriteSheetCsv(const AgreementSheet& sheet, std::ostream& out) {
  std::vector<Column> columns;
  for (const SheetColumn& column : sheet.columns) columns.push_back({column.key});
  Table table(std::move(columns));
  auto texts = [&sheet](const std::vector<SheetCell>& cells) {
    std::vector<std::string> out;
    for (size_t c = 0; c < sheet.columns.size(); ++c) {
      out.push_back(sheet.columns[c].amount
                        ? MinorUnitsToDecimal(cells[c].minor_units, sheet.minor_digits)
                        : cells[c].text);
    }
    return out;
  };
  for (const auto& row : sheet.rows) table.AddRow(texts(row));
  table.AddRow(texts(sheet.total));
  table.RenderCsv(out);
}

void WriteSheetJson(const AgreementSheet& sheet, std::ostream& out) {
  std::vector<std::string> rows;
  for (const auto& row : sheet.rows)
    rows.push_back(JsonObject(sheet.columns, sheet.minor_digits, row));
  out << "{\"agreements\":[" << absl::StrJoin(rows, ",\n")
      << "],\n\"total\":" << JsonObject(sheet.columns, sheet.minor_digits, sheet.total) << "}\n";
}

}  // namespace techmatch::client
