// Report responses as tables and text: agreement summaries per group, and an event's figures.
#ifndef TECHMATCH_CLIENT_REPORT_FORMAT_H_
#define TECHMATCH_CLIENT_REPORT_FORMAT_H_

#include <ostream>
#include <vector>

#include "client/field_values.h"
#include "client/table.h"
#include "techmatch/v1/report.pb.h"

namespace techmatch::client {

// One row per group (its values in the dimensions' columns, `(none)` for an empty value) and a
// last `TOTAL` row; then agreement, supplier and demander counts and the six sums in
// `format.unit`. Header names are lower-case (`kind`, `contract_amount`); `upper` capitalizes
// them for the terminal.
Table SummaryTable(const techmatch::v1::SummarizeAgreementsResponse& response,
                   const std::vector<techmatch::v1::GroupBy>& dimensions, const ValueFormat& format,
                   bool upper);

// The counts as `key: value` lines, the agreements by kind as a table (each kind, technology
// contracts together, and the total), then the narrative paragraph.
void RenderEventSummary(const techmatch::v1::EventSummary& summary, const ValueFormat& format,
                        std::ostream& out);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_REPORT_FORMAT_H_
