// SQL for the whole-year figures the programme ledger's records give on PostgreSQL
// (Repository::SumRecordFigure; the shape of storage/sqlite/record_figure_rows.h): counts and
// checked_sum sums over projects, fund arrivals, commissioners and financing, aggregated in the
// database over a region and every region under it; and agreements counted by the region of
// their first demander in a region (Repository::CountAgreementsByDemanderRegion).
#ifndef TECHMATCH_STORAGE_POSTGRES_RECORD_FIGURE_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_RECORD_FIGURE_ROWS_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

// `figure` of `year` in `region` or under it; a sum leaving 64 bits fails with checked_sum's
// SQLSTATE (OUT_OF_RANGE once mapped).
absl::StatusOr<int64_t> SumRecordFigureRows(Connection& connection, RecordFigure figure,
                                            absl::string_view region, int year);

// Per region, in code order, the agreements of `kinds` in `states` signed in `year` counted
// under their first demander in `region` (Repository::CountAgreementsByDemanderRegion).
absl::StatusOr<std::vector<RegionFigure>> CountAgreementsByDemanderRegionRows(
    Connection& connection, absl::string_view region, int year,
    const std::vector<AgreementKind>& kinds, const std::vector<AgreementState>& states);

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_RECORD_FIGURE_ROWS_H_
