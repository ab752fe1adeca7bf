// The result of an import as one report: the server's summary merged with the rows the CLI
// rejected itself, so the organizer fixes every problem in one pass over the spreadsheet.
#ifndef TECHMATCH_CLIENT_IMPORT_REPORT_H_
#define TECHMATCH_CLIENT_IMPORT_REPORT_H_

#include <vector>

#include "client/output.h"
#include "techmatch/v1/common.pb.h"

namespace techmatch::client {

// `summary` plus `local` rejections: counts added, rejections ordered by row number.
techmatch::v1::ImportSummary MergeRejections(
    techmatch::v1::ImportSummary summary, const std::vector<techmatch::v1::ImportRejection>& local);

// JSON: the summary message. Otherwise "accepted N, rejected M" and, when rows were
// rejected, one line per field violation: row, field, description (aligned, or CSV).
void PrintImportReport(const techmatch::v1::ImportSummary& summary, Output& output);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_IMPORT_REPORT_H_
