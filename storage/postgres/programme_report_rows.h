// SQL aggregates for the programme report on PostgreSQL (the shape of
// storage/sqlite/programme_report_rows.h): the ledger's projects, commissioners and financings of
// a region and a year summed by the database with checked_sum, grouped by the region's direct
// subordinate regions, one statement per section; the year's projects whose arrivals exceed
// their approved funds; the events organized in the region.
//
// Functions run on a connection inside the caller's read transaction (one snapshot, so the
// sections agree); a sum beyond 64 bits fails with checked_sum's SQLSTATE (OUT_OF_RANGE once
// mapped), or OUT_OF_RANGE directly when the groups' totals overflow.
#ifndef TECHMATCH_STORAGE_POSTGRES_PROGRAMME_REPORT_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_PROGRAMME_REPORT_ROWS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/reports/programme_report.h"
#include "storage/postgres/connection.h"

namespace techmatch::storage::postgres {

struct ProgrammeReportRows {
  // Fills every section of `totals.region` (whose region_code names the region) and of
  // `totals.subordinates` (the direct subordinate regions with records, in code order), and
  // `totals.over_arrived`, for `year` (projects also for the year before).
  static absl::Status Aggregate(Connection& connection, int year, LedgerYearTotals& totals);

  // Ids of the events starting in [from, to) with an organizer whose region lies in `region`,
  // in start order.
  static absl::StatusOr<std::vector<std::string>> EventsOrganizedIn(Connection& connection,
                                                                    absl::string_view region,
                                                                    absl::Time from, absl::Time to);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_PROGRAMME_REPORT_ROWS_H_
