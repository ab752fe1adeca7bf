#include "storage/sqlite/record_figure_rows.h"

#include <string>
#include <vector>

#include "SQLiteCpp/Exception.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/common/status_macros.h"
#include "core/ledger/observation.h"
#include "core/ledger/target.h"
#include "storage/codec.h"
#include "storage/sqlite/checked_sum.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

// ?1 the region's GLOB, ?2 the year, or ?2 and ?3 the year's bounds in nanoseconds. A
// financing's grant_year is its grant_time's year in China Standard Time, kept with the row.
constexpr absl::string_view kProjectsApproved =
    "SELECT count(*) FROM projects WHERE region_code GLOB ?1 AND year = ?2";
constexpr absl::string_view kProjectFundsArrived =
    "SELECT checked_sum(a.amount) FROM project_fund_arrivals AS a JOIN projects AS p "
    "ON p.id = a.project_id WHERE p.region_code GLOB ?1 AND a.arrive_time >= ?2 "
    "AND a.arrive_time < ?3";
constexpr absl::string_view kCommissionersSent =
    "SELECT count(*) FROM commissioners WHERE region_code GLOB ?1 AND year = ?2";
constexpr absl::string_view kFinancingArranged =
    "SELECT checked_sum(amount) FROM financings WHERE region_code GLOB ?1 AND grant_year = ?2";
constexpr absl::string_view kLoansArranged =
    "SELECT checked_sum(amount) FROM financings WHERE region_code GLOB ?1 AND grant_year = ?2 "
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

// "?first, ?first+1, ..." for `count` parameters.
std::string ParameterMarks(int first, size_t count) {
  std::vector<std::string> marks;
  for (size_t i = 0; i < count; ++i) marks.push_back(absl::StrCat("?", first + i));
  return absl::StrJoin(marks, ", ");
}

}  // namespace

absl::StatusOr<std::vector<RegionFigure>> CountAgreementsByDemanderRegionRows(
    Connection& connection, absl::string_view region, int year,
    const std::vector<AgreementKind>& kinds, const std::vector<AgreementState>& states) {
  std::vector<RegionFigure> figures;
  if (kinds.empty() || states.empty()) return figures;
  // The year's agreements come from the sign_time index (kind and state are left out of index
  // choice with a unary +: a year is a small part of the table, a state may be half of it);
  // each one's first demander in the region is looked up once (materialized) by its parties'
  // primary key.
  const std::string sql = absl::StrCat(
      "WITH counted AS MATERIALIZED (SELECT (SELECT o.region_code FROM agreement_parties AS p "
      "JOIN organizations AS o ON o.id = p.organization_id WHERE p.agreement_id = a.id AND "
      "p.role = 'DEMANDER' AND o.region_code GLOB ?1 ORDER BY p.position LIMIT 1) AS region_code "
      "FROM agreements AS a WHERE a.sign_time >= ?2 AND a.sign_time < ?3 AND +a.kind IN (",
      ParameterMarks(4, kinds.size()), ") AND +a.state IN (",
      ParameterMarks(4 + static_cast<int>(kinds.size()), states.size()),
      ")) SELECT region_code, count(*) FROM counted WHERE region_code IS NOT NULL "
      "GROUP BY region_code ORDER BY region_code");
  ScopedStatement select = connection.Prepare(sql);
  select.BindText(1, RegionGlob(region));
  TM_ASSIGN_OR_RETURN(int64_t from, TimeToNanos(PeriodEnd(year - 1, kWholeYear), "year"));
  TM_ASSIGN_OR_RETURN(int64_t until, TimeToNanos(PeriodEnd(year, kWholeYear), "year"));
  select.BindInt64(2, from);
  select.BindInt64(3, until);
  int parameter = 4;
  for (AgreementKind kind : kinds) select.BindText(parameter++, AgreementKindName(kind));
  for (AgreementState state : states) select.BindText(parameter++, AgreementStateName(state));
  while (select.Step()) {
    const RowReader row = select.Row();
    figures.push_back({row.Text(0), row.Int64(1)});
  }
  return figures;
}

absl::StatusOr<int64_t> SumRecordFigureRows(Connection& connection, RecordFigure figure,
                                            absl::string_view region, int year) {
  ScopedStatement select = connection.Prepare(SqlOf(figure));
  select.BindText(1, RegionGlob(region));
  if (figure == RecordFigure::kProjectFundsArrived) {
    TM_ASSIGN_OR_RETURN(int64_t from, TimeToNanos(PeriodEnd(year - 1, kWholeYear), "year"));
    TM_ASSIGN_OR_RETURN(int64_t until, TimeToNanos(PeriodEnd(year, kWholeYear), "year"));
    select.BindInt64(2, from);
    select.BindInt64(3, until);
  } else {
    select.BindInt64(2, year);
  }
  try {
    if (!select.Step() || select.Row().IsNull(0)) return 0;  // a sum of no rows
    return select.Row().Int64(0);
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() != kSumOverflowCode) throw;
    return absl::OutOfRangeError(
        "a sum of the ledger's records exceeds the largest amount that can be represented "
        "(2^63-1 minor units)");
  }
}

}  // namespace techmatch::storage::sqlite
