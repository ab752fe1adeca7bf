#include "client/programme_sheets.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "client/table.h"
#include "core/money/money_text.h"

namespace techmatch::client {
namespace {

using techmatch::v1::ProgrammeReport;
using techmatch::v1::RegionProgrammeFigures;

SheetColumn Text(std::string key, std::string label) { return {std::move(key), std::move(label)}; }
SheetColumn Amount(std::string key, std::string label) {
  return {std::move(key), absl::StrCat(label, "（元）"), true};
}

SheetCell Cell(std::string text) { return {std::move(text)}; }
SheetCell Count(int64_t n) { return {absl::StrCat(n)}; }

// Builds rows while converting amounts; the first failure is kept.
class SheetBuilder {
 public:
  SheetBuilder(const std::string& currency, std::vector<SheetColumn> columns)
      : currency_(currency) {
    sheet_.minor_digits = MinorDigitsOf(currency);
    sheet_.columns = std::move(columns);
  }

  SheetCell Money(const google::type::Money& money, absl::string_view where) {
    absl::StatusOr<int64_t> minor =
        ToMinorUnits(money, currency_, sheet_.minor_digits, std::string(where));
    if (!minor.ok()) {
      if (status_.ok()) status_ = minor.status();
      return {};
    }
    return {"", *minor};
  }
  // A figure of an indicator as text: counts and percentages as they are, money in ones.
  std::string Figure(const techmatch::v1::Figure& figure) {
    switch (figure.value_case()) {
      case techmatch::v1::Figure::kCount:
        return absl::StrCat(figure.count());
      case techmatch::v1::Figure::kPercentBp:
        return absl::StrCat(figure.percent_bp() / 100, ".",
                            absl::Dec(figure.percent_bp() % 100, absl::kZeroPad2), "%");
      case techmatch::v1::Figure::kMoney:
        return MinorUnitsToDecimal(Money(figure.money(), "figure").minor_units,
                                   sheet_.minor_digits);
      default:
        return "";
    }
  }
  void Add(std::vector<SheetCell> row) { sheet_.rows.push_back(std::move(row)); }

  absl::StatusOr<NamedSheet> Finish(std::string name) && {
    if (!status_.ok()) return status_;
    return NamedSheet{std::move(name), std::move(sheet_)};
  }

 private:
  const std::string& currency_;
  AgreementSheet sheet_;
  absl::Status status_;
};

// The region first, then its subordinates.
std::vector<const RegionProgrammeFigures*> Regions(const ProgrammeReport& report) {
  std::vector<const RegionProgrammeFigures*> regions = {&report.region()};
  for (const RegionProgrammeFigures& region : report.subordinate_regions()) {
    regions.push_back(&region);
  }
  return regions;
}

std::string Percent(const techmatch::v1::YearChange& change) {
  if (!change.has_percent_bp()) return "";
  const int64_t bp = change.percent_bp();
  const int64_t tenths = (bp < 0 ? -bp : bp) / 10;
  return absl::StrCat(bp < 0 ? "-" : "+", tenths / 10, ".", tenths % 10, "%");
}

std::string LevelName(techmatch::v1::Project::Level level) {
  return level == techmatch::v1::Project::LEVEL_UNSPECIFIED
             ? "TOTAL"
             : techmatch::v1::Project::Level_Name(level);
}

absl::StatusOr<NamedSheet> Indicators(const ProgrammeReport& report, const std::string& currency) {
  SheetBuilder b(currency,
                 {Text("region", "地区"), Text("indicator", "指标"), Text("display_name", "名称"),
                  Text("unit", "单位"), Text("target", "目标"), Text("actual", "完成"),
                  Text("completion", "完成率"), Text("assessment", "评价")});
  for (const RegionProgrammeFigures* region : Regions(report)) {
    for (const techmatch::v1::IndicatorReport& line : region->indicators()) {
      b.Add({Cell(region->region_code()), Cell(line.indicator()), Cell(line.display_name_zh()),
             Cell(techmatch::v1::IndicatorUnit_Name(line.unit())),
             Cell(line.has_target() ? b.Figure(line.target()) : ""),
             Cell(line.has_actual() ? b.Figure(line.actual()) : ""),
             Cell(line.has_completion()
                      ? absl::StrCat(line.completion() / 100, ".",
                                     absl::Dec(line.completion() % 100, absl::kZeroPad2), "%")
                      : ""),
             Cell(line.assessment() == techmatch::v1::ASSESSMENT_UNSPECIFIED
                      ? ""
                      : techmatch::v1::Assessment_Name(line.assessment()))});
    }
  }
  return std::move(b).Finish("indicators");
}

absl::StatusOr<NamedSheet> Fairs(const ProgrammeReport& report, const std::string& currency) {
  SheetBuilder b(currency, {Text("event", "活动"), Text("needs", "需求"), Text("offerings", "成果"),
                            Text("agreements", "协议"), Amount("contract_amount", "技术合同金额"),
                            Amount("total_investment", "项目总投资")});
  for (const techmatch::v1::EventSummary& event : report.events()) {
    b.Add({Cell(event.event()), Count(event.needs_count()), Count(event.offerings_count()),
           Count(event.total().agreement_count()),
           b.Money(event.total().contract_amount(), "contract_amount"),
           b.Money(event.total().total_investment(), "total_investment")});
  }
  return std::move(b).Finish("fairs");
}

absl::StatusOr<NamedSheet> Agreements(const ProgrammeReport& report, const std::string& currency) {
  SheetBuilder b(
      currency,
      {Text("region", "地区"), Text("agreements", "协议"), Text("suppliers", "高校院所"),
       Text("demanders", "企业"), Amount("contract_amount", "技术合同金额"),
       Amount("total_investment", "项目总投资"), Amount("expected_sales_revenue", "预计销售收入"),
       Amount("expected_profit_tax", "预计利税"), Amount("realized_output_value", "新增产值"),
       Amount("realized_profit_tax", "新增利税")});
  for (const RegionProgrammeFigures* region : Regions(report)) {
    const techmatch::v1::AgreementSummary& a = region->agreements();
    b.Add({Cell(region->region_code()), Count(a.agreement_count()), Count(a.supplier_count()),
           Count(a.demander_count()), b.Money(a.contract_amount(), "contract_amount"),
           b.Money(a.total_investment(), "total_investment"),
           b.Money(a.expected_sales_revenue(), "expected_sales_revenue"),
           b.Money(a.expected_profit_tax(), "expected_profit_tax"),
           b.Money(a.realized_output_value(), "realized_output_value"),
           b.Money(a.realized_profit_tax(), "realized_profit_tax")});
  }
  return std::move(b).Finish("agreements");
}

absl::StatusOr<NamedSheet> Projects(const ProgrammeReport& report, const std::string& currency) {
  SheetBuilder b(
      currency,
      {Text("region", "地区"), Text("level", "级别"), Text("projects", "项目"),
       Amount("approved_funds", "批准资金"), Amount("arrived_funds", "到位资金"),
       Text("previous_projects", "上年项目"), Amount("previous_approved_funds", "上年批准资金"),
       Amount("previous_arrived_funds", "上年到位资金"),
       Amount("arrived_funds_change", "到位资金增减"),
       Text("arrived_funds_change_percent", "增减幅度")});
  for (const RegionProgrammeFigures* region : Regions(report)) {
    std::vector<const techmatch::v1::ProjectLevelReport*> lines;
    for (const auto& line : region->projects().levels()) lines.push_back(&line);
    lines.push_back(&region->projects().total());
    for (const techmatch::v1::ProjectLevelReport* line : lines) {
      b.Add({Cell(region->region_code()), Cell(LevelName(line->level())),
             Count(line->project_count()), b.Money(line->approved_funds(), "approved_funds"),
             b.Money(line->arrived_funds(), "arrived_funds"), Count(line->previous_project_count()),
             b.Money(line->previous_approved_funds(), "previous_approved_funds"),
             b.Money(line->previous_arrived_funds(), "previous_arrived_funds"),
             b.Money(line->arrived_funds_change().amount(), "arrived_funds_change"),
             Cell(Percent(line->arrived_funds_change()))});
    }
  }
  return std::move(b).Finish("projects");
}

absl::StatusOr<NamedSheet> OverArrived(const ProgrammeReport& report, const std::string& currency) {
  SheetBuilder b(currency, {Text("project", "项目"), Text("title", "名称"), Text("level", "级别"),
                            Text("region", "地区"), Amount("approved_funds", "批准资金"),
                            Amount("arrived_funds", "到位资金"), Amount("excess", "超出")});
  for (const techmatch::v1::OverArrivedProject& p : report.region().projects().over_arrived()) {
    b.Add({Cell(p.project()), Cell(p.title()), Cell(LevelName(p.level())), Cell(p.region_code()),
           b.Money(p.approved_funds(), "approved_funds"),
           b.Money(p.arrived_funds(), "arrived_funds"), b.Money(p.excess(), "excess")});
  }
  return std::move(b).Finish("over_arrived");
}

absl::StatusOr<NamedSheet> Commissioners(const ProgrammeReport& report,
                                         const std::string& currency) {
  SheetBuilder b(
      currency,
      {Text("region", "地区"), Text("commissioners", "特派员"),
       Text("home_organizations", "派出单位"), Text("technologies_promoted", "推广新技术"),
       Text("new_products", "新品种新产品"), Text("projects", "实施项目"),
       Text("joint_ventures", "经济实体"), Text("cooperatives", "专业合作社"),
       Text("enterprises_founded", "创办企业"), Amount("investment", "带动投资"),
       Amount("profit", "创造利润"), Amount("farmer_income_increase", "农民增收")});
  for (const RegionProgrammeFigures* region : Regions(report)) {
    const techmatch::v1::CommissionersReport& c = region->commissioners();
    b.Add({Cell(region->region_code()), Count(c.commissioner_count()),
           Count(c.home_organization_count()), Count(c.technologies_promoted()),
           Count(c.new_products()), Count(c.projects()), Count(c.joint_ventures()),
           Count(c.cooperatives()), Count(c.enterprises_founded()),
           b.Money(c.investment(), "investment"), b.Money(c.profit(), "profit"),
           b.Money(c.farmer_income_increase(), "farmer_income_increase")});
  }
  return std::move(b).Finish("commissioners");
}

absl::StatusOr<NamedSheet> Financing(const ProgrammeReport& report, const std::string& currency) {
  SheetBuilder b(currency,
                 {Text("region", "地区"), Text("kind", "类别"), Text("financings", "笔数"),
                  Text("recipients", "受益单位"), Amount("amount", "金额")});
  for (const RegionProgrammeFigures* region : Regions(report)) {
    std::vector<const techmatch::v1::FinancingKindReport*> lines;
    for (const auto& line : region->financing().kinds()) lines.push_back(&line);
    lines.push_back(&region->financing().total());
    for (const techmatch::v1::FinancingKindReport* line : lines) {
      b.Add({Cell(region->region_code()),
             Cell(line->kind() == techmatch::v1::Financing::KIND_UNSPECIFIED
                      ? "TOTAL"
                      : techmatch::v1::Financing::Kind_Name(line->kind())),
             Count(line->financing_count()), Count(line->recipient_count()),
             b.Money(line->amount(), "amount")});
    }
  }
  return std::move(b).Finish("financing");
}

absl::StatusOr<NamedSheet> Narrative(const ProgrammeReport& report, const std::string& currency) {
  SheetBuilder b(currency, {Text("paragraph", "综述")});
  for (const std::string& paragraph : report.narrative()) b.Add({Cell(paragraph)});
  return std::move(b).Finish("narrative");
}

// The cells of a row as text: amounts in ones with every minor digit.
std::vector<std::string> Texts(const AgreementSheet& sheet, const std::vector<SheetCell>& row) {
  std::vector<std::string> texts;
  for (size_t c = 0; c < sheet.columns.size() && c < row.size(); ++c) {
    texts.push_back(sheet.columns[c].amount
                        ? MinorUnitsToDecimal(row[c].minor_units, sheet.minor_digits)
                        : row[c].text);
  }
  return texts;
}

}  // namespace

absl::StatusOr<std::vector<NamedSheet>> ProgrammeSheets(const ProgrammeReport& report,
                                                        const std::string& currency) {
  std::vector<NamedSheet> sheets;
  for (auto section : {&Indicators, &Fairs, &Agreements, &Projects, &OverArrived, &Commissioners,
                       &Financing, &Narrative}) {
    absl::StatusOr<NamedSheet> sheet = section(report, currency);
    if (!sheet.ok()) return sheet.status();
    sheets.push_back(*std::move(sheet));
  }
  return sheets;
}

void WriteSheetsCsv(const std::vector<NamedSheet>& sheets, std::ostream& out) {
  for (const NamedSheet& named : sheets) {
    RenderCsvRow({absl::StrCat("# ", named.name)}, out);
    std::vector<Column> columns;
    for (const SheetColumn& column : named.sheet.columns) columns.push_back({column.key});
    Table table(std::move(columns));
    for (const auto& row : named.sheet.rows) table.AddRow(Texts(named.sheet, row));
    table.RenderCsv(out);
    out << "\r\n";
  }
}

void RenderSheets(const std::vector<NamedSheet>& sheets, std::ostream& out) {
  for (const NamedSheet& named : sheets) {
    if (named.sheet.rows.empty()) continue;
    out << "== " << named.name << " ==\n";
    if (named.name == "narrative") {
      for (const auto& row : named.sheet.rows) out << row[0].text << "\n\n";
      continue;
    }
    std::vector<Column> columns;
    for (const SheetColumn& column : named.sheet.columns) {
      columns.push_back(
          {absl::AsciiStrToUpper(column.key), column.amount ? Align::kRight : Align::kLeft, 40});
    }
    Table table(std::move(columns));
    for (const auto& row : named.sheet.rows) table.AddRow(Texts(named.sheet, row));
    table.RenderAligned(out);
    out << '\n';
  }
}

}  // namespace techmatch::client
