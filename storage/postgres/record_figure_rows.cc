#include "storage/postgres/record_figure_rows.h"

#include <string>
#include <vector>

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

// $1 the region's LIKE pattern, $2 and $3 the year's bounds in nanoseconds, $4 the kinds and
// $5 the states (text[]). Each agreement of the year is looked up once for its first demander
// (in party order) inside the region, through the parties' primary key: the CTE is
// materialized, as a subquery the planner would pull up and run that lookup twice per
// agreement, once for `region_code IS NOT NULL` and once for the group.
constexpr absl::string_view kAgreementsByDemanderRegion =
    "WITH counted AS MATERIALIZED (SELECT (SELECT o.region_code FROM agreement_parties AS p "
    "JOIN organizations AS o ON o.id = p.organization_id WHERE p.agreement_id = a.id AND "
    "p.role = 'DEMANDER' AND o.region_code LIKE $1 ORDER BY p.position LIMIT 1) AS region_code "
    "FROM agreements AS a WHERE a.sign_time >= $2 AND a.sign_time < $3 AND a.kind = ANY($4) "
    "AND a.state = ANY($5)) SELECT region_code, count(*) FROM counted WHERE region_code IS NOT "
    "NULL GROUP BY region_code ORDER BY region_code";

}  // namespace

absl::StatusOr<std::vector<RegionFigure>> CountAgreementsByDemanderRegionRows(
    Connection& connection, absl::string_view region, int year,
    const std::vector<AgreementKind>& kinds, const std::vector<AgreementState>& states) {
  std::vector<RegionFigure> figures;
  if (kinds.empty() || states.empty()) return figures;
  TM_ASSIGN_OR_RETURN(int64_t from, TimeToNanos(PeriodEnd(year - 1, kWholeYear), "year"));
  TM_ASSIGN_OR_RETURN(int64_t until, TimeToNanos(PeriodEnd(year, kWholeYear), "year"));
  std::vector<std::string> kind_names;
  for (AgreementKind kind : kinds) kind_names.emplace_back(AgreementKindName(kind));
  std::vector<std::string> state_names;
  for (AgreementState state : states) state_names.emplace_back(AgreementStateName(state));
  TM_ASSIGN_OR_RETURN(Result rows,
                      connection.Exec(kAgreementsByDemanderRegion, Params()
                                                                       .Text(RegionPattern(region))
                                                                       .Int64(from)
                                                                       .Int64(until)
                                                                       .TextArray(kind_names)
                                                                       .TextArray(state_names)));
  for (int row = 0; row < rows.rows(); ++row) {
    figures.push_back({rows.Text(row, 0), rows.Int64(row, 1)});
  }
  return figures;
}

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
