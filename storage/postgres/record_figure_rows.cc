#include "storage/postgres/record_figure_rows.h"

#include "core/common/status_macros.h"
#include "core/ledger/observation.h"
#include "core/ledger/target.h"
#include "storage/codec.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// $1 the region's LIKE pattern, $2 the year, or $2 and $3 the year's bounds in nanoseconds. A
// financing's grant_year is its grant_time's year in China Standard Time, kept with the row.
constexpr absl::string_view kProjectsApproved =
    "SELECT count(*) FROM projects WHERE region_code LIKE $1 AND year = $2";
constexpr absl::string_view kProjectFundsArrived =
    "SELECT checked_sum(a.amount) FROM project_fund_arrivals AS a JOIN projects AS p "
    "ON p.id = a.project_id WHERE p.region_code LIKE $1 AND a.arrive_time >= $2 "
    "AND a.arrive_time < $3";
constexpr absl::string_view kCommissionersSent =
    "SELECT count(*) FROM commissioners WHERE region_code LIKE $1 AND year = $2";
constexpr absl::string_view kFinancingArranged =
    "SELECT checked_sum(amount) FROM financings WHERE region_code LIKE $1 AND grant_year = $2";
constexpr absl::string_view kLoansArranged =
    "SELECT checked_sum(amount) FROM financings WHERE region_code LIKE $1 AND grant_year = $2 "
    "AND kind = 'LOAN'";

absl::string_view SqlOf(RecordFigure figure) {
  switch (figure) {
    case RecordFigure::kProjectsApproved:
      return kProjectsApproved;
    case RecordFigure::kProjectFundsArrived:
      return kProjectFundsArrived;
    case RecordFigure::kCommissionersSent:
      return kCommissionersSent;
    case RecordFigure::kFinancingArranged:
      return kFinancingArranged;
    case RecordFigure::kLoansArranged:
      return kLoansArranged;
  }
  return kProjectsApproved;
}

}  // namespace

absl::StatusOr<int64_t> SumRecordFigureRows(Connection& connection, RecordFigure figure,
                                            absl::string_view region, int year) {
  Params params;
  params.Text(RegionPattern(region));
  if (figure == RecordFigure::kProjectFundsArrived) {
    TM_ASSIGN_OR_RETURN(int64_t from, TimeToNanos(PeriodEnd(year - 1, kWholeYear), "year"));
    TM_ASSIGN_OR_RETURN(int64_t until, TimeToNanos(PeriodEnd(year, kWholeYear), "year"));
    params.Int64(from).Int64(until);
  } else {
    params.Int64(year);
  }
  TM_ASSIGN_OR_RETURN(Result sum, connection.Exec(SqlOf(figure), params));
  if (sum.rows() == 0 || sum.IsNull(0, 0)) return 0;  // a sum of no rows
  return sum.Int64(0, 0);
}

}  // namespace techmatch::storage::postgres
