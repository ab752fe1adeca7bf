// Sheets as an Excel workbook (libxlsxwriter), the format officials open: the agreements sheet,
// or several named sheets (the programme report's sections).
#ifndef TECHMATCH_CLIENT_XLSX_EXPORT_H_
#define TECHMATCH_CLIENT_XLSX_EXPORT_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "client/agreement_sheet.h"

namespace techmatch::client {

// `0` → A, `25` → Z, `26` → AA: spreadsheet column letters for formulas.
std::string ColumnLetters(size_t index);

// `=SUM(L2:L11)` over the data rows of amount column `column` when there are `rows` of them.
std::string SumFormula(size_t column, size_t rows);

// Writes `sheet` to `path`: a bold header of the columns' labels, one row per agreement with
// amounts as numbers in ones formatted with the currency's decimals (`#,##0.00` for 元; blank
// when not given), and a bold totals row
// whose cells are SUM formulas over the column with the exact total stored as their value, so
// the file shows the right totals before recalculation and stays correct after edits.
// INTERNAL naming the libxlsxwriter error when the file cannot be written.
absl::Status WriteAgreementXlsx(const AgreementSheet& sheet, const std::string& path);

// Writes one worksheet per (name, sheet), in order, each as above; a sheet whose `total` is
// empty gets no totals row.
absl::Status WriteSheetsXlsx(
    const std::vector<std::pair<std::string, const AgreementSheet*>>& sheets,
    const std::string& path);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_XLSX_EXPORT_H_
