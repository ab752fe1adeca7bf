// The programme report (ReportService.GetProgrammeReport) as sheets, one per section, each
// with a row for the region and one per subordinate region: the terminal tables, the CSV
// sections and the XLSX worksheets are all written from these, so they always agree.
#ifndef TECHMATCH_CLIENT_PROGRAMME_SHEETS_H_
#define TECHMATCH_CLIENT_PROGRAMME_SHEETS_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "client/agreement_sheet.h"
#include "techmatch/v1/report.pb.h"

namespace techmatch::client {

// A section: its sheet name (`indicators`, `fairs`, `agreements`, `projects`, `over_arrived`,
// `commissioners`, `financing`, `narrative`) and its rows (no totals row: the region's own row
// is the total of its subordinates').
struct NamedSheet {
  std::string name;
  AgreementSheet sheet;
};

// Amounts in minor units of `currency`; INVALID_ARGUMENT for an amount in another currency or
// finer than its minor unit.
absl::StatusOr<std::vector<NamedSheet>> ProgrammeSheets(
    const techmatch::v1::ProgrammeReport& report, const std::string& currency);

// Each section as a `# name` line, its CSV header and rows, and an empty line (RFC 4180 cells
// with formula-like text made inert, as every CSV of the CLI).
void WriteSheetsCsv(const std::vector<NamedSheet>& sheets, std::ostream& out);

// Each section as a heading and an aligned table, amounts right-aligned with every minor
// digit; the narrative as paragraphs.
void RenderSheets(const std::vector<NamedSheet>& sheets, std::ostream& out);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_PROGRAMME_SHEETS_H_
