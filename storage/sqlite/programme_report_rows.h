// SQL aggregates for the programme report (ReportService.GetProgrammeReport): the ledger's
// projects, commissioners and financings of a region and a year summed by the database, grouped
// by the region's direct subordinate regions, one statement per section; the year's projects
// whose arrivals exceed their approved funds; the events organized in the region. Nothing here
// walks the records in C++: each statement returns a few rows per subordinate region.
//
// Functions run on a connection the caller holds (inside one read transaction, so the sections
// agree) and throw SQLite::Exception; a sum beyond 64 bits is OUT_OF_RANGE.
#ifndef TECHMATCH_STORAGE_SQLITE_PROGRAMME_REPORT_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_PROGRAMME_REPORT_ROWS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/reports/programme_report.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

struct ProgrammeReportRows {
  // Fills every section of `totals.region` (whose region_code names the region) and of
  // `totals.subordinates` (the direct subordinate regions with records, in code order), and
  // `totals.over_arrived`, for `year` (projects also for the year before).
  static absl::Status Aggregate(Connection& connection, int year, LedgerYearTotals& totals);

  // Ids of the events starting in [from, to) with an organizer whose region lies in `region`,
  // in start order.
  static std::vector<std::string> EventsOrganizedIn(Connection& connection,
                                                    absl::string_view region, absl::Time from,
                                                    absl::Time to);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_PROGRAMME_REPORT_ROWS_H_
