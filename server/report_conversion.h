// Conversions of ReportService answers from the domain: an event's summary
// (usecases/reports.h) and the programme report (core/reports/programme_report.h).
#ifndef TECHMATCH_SERVER_REPORT_CONVERSION_H_
#define TECHMATCH_SERVER_REPORT_CONVERSION_H_

#include "core/money/money.h"
#include "techmatch/v1/report.pb.h"
#include "usecases/reports.h"

namespace techmatch::server {

void EventSummaryToProto(const usecases::EventSummary& summary, const Currency& currency,
                         v1::EventSummary& out);

// Every section; figures the records cannot support (no target, nothing reported, no previous
// year to compare with) stay unset.
void ProgrammeReportToProto(const usecases::ProgrammeReportView& view, const Currency& currency,
                            v1::ProgrammeReport& out);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_REPORT_CONVERSION_H_
