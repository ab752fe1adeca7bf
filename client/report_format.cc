#include "client/report_format.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "client/agreement_text.h"

namespace techmatch::client {
namespace {

using techmatch::v1::AgreementSummary;

std::vector<Column> FigureColumns() {
  return {{"agreements", Align::kRight},          {"suppliers", Align::kRight},
          {"demanders", Align::kRight},           {"contract_amount", Align::kRight},
          {"total_investment", Align::kRight},    {"expected_sales_revenue", Align::kRight},
          {"expected_profit_tax", Align::kRight}, {"realized_output_value", Align::kRight},
          {"realized_profit_tax", Align::kRight}};
}

void AppendFigures(const AgreementSummary& summary, const ValueFormat& format,
                   std::vector<std::string>& cells) {
  cells.push_back(absl::StrCat(summary.agreement_count()));
  cells.push_back(absl::StrCat(summary.supplier_count()));
  cells.push_back(absl::StrCat(summary.demander_count()));
  for (const google::type::Money* money :
       {&summary.contract_amount(), &summary.total_investment(), &summary.expected_sales_revenue(),
        &summary.expected_profit_tax(), &summary.realized_output_value(),
        &summary.realized_profit_tax()}) {
    cells.push_back(FormatMoney(*money, format));
  }
}

Table MakeTable(std::vector<Column> columns, bool upper) {
  if (upper) {
    for (Column& column : columns) column.header = absl::AsciiStrToUpper(column.header);
  }
  return Table(std::move(columns));
}

}  // namespace

Table SummaryTable(const techmatch::v1::SummarizeAgreementsResponse& response,
                   const std::vector<techmatch::v1::GroupBy>& dimensions, const ValueFormat& format,
                   bool upper) {
  std::vector<Column> columns;
  for (techmatch::v1::GroupBy dimension : dimensions) columns.push_back({GroupByLabel(dimension)});
  for (Column& column : FigureColumns()) columns.push_back(std::move(column));
  Table table = MakeTable(std::move(columns), upper);
  for (const AgreementSummary& row : response.rows()) {
    std::vector<std::string> cells;
    for (size_t d = 0; d < dimensions.size(); ++d) {
      // Values come in request order; match them by dimension in case the server reorders.
      std::string value = "(none)";
      for (const auto& group_value : row.group_values()) {
        if (group_value.dimension() == dimensions[d] && !group_value.value().empty()) {
          value = group_value.value();
        }
      }
      cells.push_back(std::move(value));
    }
    AppendFigures(row, format, cells);
    table.AddRow(std::move(cells));
  }
  std::vector<std::string> total(dimensions.size());
  if (!total.empty()) total[0] = "TOTAL";
  AppendFigures(response.total(), format, total);
  table.AddRow(std::move(total));
  return table;
}

void RenderEventSummary(const techmatch::v1::EventSummary& summary, const ValueFormat& format,
                        std::ostream& out) {
  RenderRecord({{"event", summary.event()},
                {"needs", absl::StrCat(summary.needs_count())},
                {"offerings", absl::StrCat(summary.offerings_count())},
                {"enterprises", absl::StrCat(summary.enterprise_count())},
                {"universities", absl::StrCat(summary.university_count())},
                {"research_institutes", absl::StrCat(summary.research_institute_count())},
                {"government", absl::StrCat(summary.government_count())},
                {"other_participants", absl::StrCat(summary.other_count())}},
               out);
  out << '\n';
  std::vector<Column> columns = {{"kind"}};
  for (Column& column : FigureColumns()) columns.push_back(std::move(column));
  Table table = MakeTable(std::move(columns), /*upper=*/true);
  for (const auto& kind : summary.agreements_by_kind()) {
    std::vector<std::string> cells = {techmatch::v1::Agreement::Kind_Name(kind.kind())};
    AppendFigures(kind.summary(), format, cells);
    table.AddRow(std::move(cells));
  }
  std::vector<std::string> technology = {"TECHNOLOGY CONTRACTS"};
  AppendFigures(summary.technology_contracts(), format, technology);
  table.AddRow(std::move(technology));
  std::vector<std::string> total = {"TOTAL"};
  AppendFigures(summary.total(), format, total);
  table.AddRow(std::move(total));
  table.RenderAligned(out);
  if (!summary.narrative().empty()) out << '\n' << summary.narrative() << '\n';
}

}  // namespace techmatch::client
