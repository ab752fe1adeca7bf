#include "client/xlsx_export.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "client/display_width.h"
#include "xlsxwriter.h"

namespace techmatch::client {
namespace {

// Widest a column grows to, in character widths; long titles wrap in the cell instead.
constexpr double kMaxColumnWidth = 40;
constexpr double kAmountColumnWidth = 18;

// The amount in ones for the cell's value (the shown figure; the sheet's text exports and its
// totals stay exact).
double AmountInOnes(int64_t minor_units, int minor_digits) {
  double scale = 1;
  for (int d = 0; d < minor_digits; ++d) scale *= 10;
  return static_cast<double>(minor_units) / scale;
}

// `#,##0.00` for two decimals, `#,##0` for none.
std::string AmountFormat(int minor_digits) {
  return minor_digits > 0 ? absl::StrCat("#,##0.", std::string(minor_digits, '0')) : "#,##0";
}

// One worksheet: a bold header of the columns' labels, the rows, and the totals row when the
// sheet has one.
void WriteWorksheet(lxw_workbook* workbook, const std::string& name, const AgreementSheet& sheet) {
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_text_wrap(header);
  const std::string amount_format = AmountFormat(sheet.minor_digits);
  lxw_format* amount = workbook_add_format(workbook);
  format_set_num_format(amount, amount_format.c_str());
  lxw_format* total_text = workbook_add_format(workbook);
  format_set_bold(total_text);
  lxw_format* total_amount = workbook_add_format(workbook);
  format_set_bold(total_amount);
  format_set_num_format(total_amount, amount_format.c_str());

  std::vector<size_t> widths(sheet.columns.size(), 8);
  for (size_t c = 0; c < sheet.columns.size(); ++c) {
    const SheetColumn& column = sheet.columns[c];
    worksheet_write_string(worksheet, 0, c, column.label.c_str(), header);
    widths[c] = std::max(widths[c], DisplayWidth(column.label));
  }
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    const lxw_row_t row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < sheet.columns.size(); ++c) {
      const SheetCell& cell = sheet.rows[r][c];
      if (sheet.columns[c].amount) {
        if (cell.minor_units.has_value()) {
          worksheet_write_number(worksheet, row, c,
                                 AmountInOnes(*cell.minor_units, sheet.minor_digits), amount);
        }
      } else if (!cell.text.empty()) {
        worksheet_write_string(worksheet, row, c, cell.text.c_str(), nullptr);
        widths[c] = std::max(widths[c], DisplayWidth(cell.text));
      }
    }
  }
  const lxw_row_t total_row = static_cast<lxw_row_t>(sheet.rows.size() + 1);
  for (size_t c = 0; c < sheet.columns.size() && c < sheet.total.size(); ++c) {
    const SheetCell& cell = sheet.total[c];
    if (sheet.columns[c].amount) {
      worksheet_write_formula_num(worksheet, total_row, c, SumFormula(c, sheet.rows.size()).c_str(),
                                  total_amount,
                                  AmountInOnes(cell.minor_units.value_or(0), sheet.minor_digits));
    } else if (!cell.text.empty()) {
      worksheet_write_string(worksheet, total_row, c, cell.text.c_str(), total_text);
    }
  }
  for (size_t c = 0; c < sheet.columns.size(); ++c) {
    const double width = sheet.columns[c].amount
                             ? kAmountColumnWidth
                             : std::min(kMaxColumnWidth, static_cast<double>(widths[c]) + 2);
    worksheet_set_column(worksheet, c, c, width, nullptr);
  }
  worksheet_freeze_panes(worksheet, 1, 0);  // The header stays visible while scrolling.
}

}  // namespace

std::string ColumnLetters(size_t index) {
  std::string letters;
  ++index;
  while (index > 0) {
    const size_t digit = (index - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + digit));
    index = (index - 1) / 26;
  }
  return letters;
}

std::string SumFormula(size_t column, size_t rows) {
  const std::string letters = ColumnLetters(column);
  // Row 1 is the header; data rows are 2..rows+1. SUM of an empty range is 0, so no data rows
  // still give a valid formula.
  return absl::StrCat("=SUM(", letters, "2:", letters, std::max<size_t>(rows + 1, 2), ")");
}

absl::Status WriteAgreementXlsx(const AgreementSheet& sheet, const std::string& path) {
  return WriteSheetsXlsx({{"agreements", &sheet}}, path);
}

absl::Status WriteSheetsXlsx(
    const std::vector<std::pair<std::string, const AgreementSheet*>>& sheets,
    const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) {
    return absl::InternalError(absl::StrCat("cannot create workbook '", path, "'"));
  }
  for (const auto& [name, sheet] : sheets) WriteWorksheet(workbook, name, *sheet);
  if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR) {
    return absl::InternalError(absl::StrCat("cannot write '", path, "': ", lxw_strerror(error)));
  }
  return absl::OkStatus();
}

}  // namespace techmatch::client
