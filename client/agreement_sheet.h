// Agreements as a sheet for officials: one row per agreement, parties and amounts in readable
// columns, and a totals row. The CSV, JSON and XLSX exports all write this same sheet, so the
// three files always agree with each other.
#ifndef TECHMATCH_CLIENT_AGREEMENT_SHEET_H_
#define TECHMATCH_CLIENT_AGREEMENT_SHEET_H_

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "techmatch/v1/agreement.pb.h"

namespace techmatch::client {

struct SheetColumn {
  std::string key;    // CSV header and JSON key, e.g. `contract_amount`.
  std::string label;  // Spreadsheet header for officials, e.g. `技术合同金额（元）`.
  bool amount = false;
};

// One cell: text, or for an amount column the amount in minor units of the sheet's currency
// (fen for CNY; nullopt when not given).
struct SheetCell {
  std::string text;
  std::optional<int64_t> minor_units{};
};

struct AgreementSheet {
  int minor_digits = 2;  // Decimal places of the currency's minor unit (ISO 4217).
  std::vector<SheetColumn> columns;
  std::vector<std::vector<SheetCell>> rows;  // One per agreement.
  std::vector<SheetCell> total;              // Sums per amount column; a label and the count.
};

// The columns: name, title, kind, state, event, suppliers, demanders, government, financiers,
// industries, sign_date, then the six amounts (labelled in 元; a sheet in another currency
// names its code instead).
const std::vector<SheetColumn>& AgreementSheetColumns();

// Builds the sheet. Parties are shown by display name when `display_names` has them
// (`organizations/scu` → 四川大学), else by id; several are joined with `、`. Sums are exact
// in minor units of `currency` (ISO 4217: fen for CNY, none for JPY, fils for KWD);
// OUT_OF_RANGE when a sum would overflow, INVALID_ARGUMENT for an amount finer than the minor
// unit or in another currency than `currency`.
absl::StatusOr<AgreementSheet> BuildAgreementSheet(
    const std::vector<techmatch::v1::Agreement>& agreements,
    const std::map<std::string, std::string>& display_names, const std::string& currency);

// `money` in minor units of `currency` (`minor_digits` decimals); INVALID_ARGUMENT naming
// `where` for another currency or an amount finer than the minor unit, OUT_OF_RANGE when too
// large.
absl::StatusOr<int64_t> ToMinorUnits(const google::type::Money& money, const std::string& currency,
                                     int minor_digits, const std::string& where);

// `2300000.00`: an amount in minor units written in ones with all `minor_digits` decimals (none
// for JPY, three for KWD), no grouping, so every spreadsheet reads it as a number. Empty for
// nullopt.
std::string MinorUnitsToDecimal(std::optional<int64_t> minor_units, int minor_digits);

// RFC 4180 CSV: header keys, one line per agreement, then the totals line.
void WriteSheetCsv(const AgreementSheet& sheet, std::ostream& out);
// {"agreements": [{key: value, ...}, ...], "total": {...}}: amounts as JSON numbers with the
// currency's decimals (null when not given), everything else as strings.
void WriteSheetJson(const AgreementSheet& sheet, std::ostream& out);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_AGREEMENT_SHEET_H_
