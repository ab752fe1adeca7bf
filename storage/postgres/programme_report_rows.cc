#include "storage/postgres/programme_report_rows.h"

#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/reference/region_code.h"
#include "storage/codec.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// The direct subordinate region a record's region_code counts in: a province's cities (the
// code's first four digits and "00"), a city's counties (the code itself). A record of the
// region itself groups under the region's own code, which is no subordinate.
absl::string_view SubordinateKey(absl::string_view region) {
  return LevelOf(region) == RegionLevel::kProvince ? "substr(region_code, 1, 4) || '00'"
                                                   : "region_code";
}

// The key of the whole region in the statements that also total it.
constexpr absl::string_view kWhole = "";

absl::Status AddTo(int64_t& sum, int64_t value) {
  if (__builtin_add_overflow(sum, value, &sum)) {
    return absl::OutOfRangeError(
        "a sum of the ledger's records exceeds the largest amount that can be represented "
        "(2^63-1 minor units)");
  }
  return absl::OkStatus();
}

int64_t SumOf(const Result& result, int row, int column) {
  return result.IsNull(row, column) ? 0 : result.Int64(row, column);
}

using ByKey = std::map<std::string, LedgerRegionTotals>;

absl::Status AggregateProjects(Connection& connection, absl::string_view region, int year,
                               ByKey& by_key) {
  const std::string sql = absl::StrCat(
      "SELECT ", SubordinateKey(region),
      " AS k, year, level, count(*), checked_sum(approved_funds), checked_sum(arrived_funds) "
      "FROM projects WHERE region_code LIKE $1 AND year IN ($2, $3) GROUP BY k, year, level");
  TM_ASSIGN_OR_RETURN(
      Result rows,
      connection.Exec(sql, Params().Text(RegionPattern(region)).Int64(year).Int64(year - 1)));
  for (int row = 0; row < rows.rows(); ++row) {
    const std::optional<ProjectLevel> level = ProjectLevelFromName(rows.View(row, 2));
    if (!level) continue;  // The table's CHECK admits only the four levels.
    const ProjectTotals totals{rows.Int64(row, 3), SumOf(rows, row, 4), SumOf(rows, row, 5)};
    LedgerRegionTotals& into = by_key[rows.Text(row, 0)];
    (rows.Int64(row, 1) == year ? into.projects : into.previous_projects)[*level] = totals;
  }
  return absl::OkStatus();
}

// The region's projects: the sum of its groups' (a project counts in exactly one group).
absl::Status TotalProjects(const ByKey& by_key, LedgerRegionTotals& region) {
  for (const auto& [key, group] : by_key) {
    for (const auto* maps : {&group.projects, &group.previous_projects}) {
      auto& into = maps == &group.projects ? region.projects : region.previous_projects;
      for (const auto& [level, totals] : *maps) {
        ProjectTotals& sum = into[level];
        TM_RETURN_IF_ERROR(AddTo(sum.count, totals.count));
        TM_RETURN_IF_ERROR(AddTo(sum.approved, totals.approved));
        TM_RETURN_IF_ERROR(AddTo(sum.arrived, totals.arrived));
      }
    }
  }
  return absl::OkStatus();
}

constexpr absl::string_view kCommissionerSums =
    "count(*), count(DISTINCT home_organization_id), checked_sum(technologies_promoted), "
    "checked_sum(new_products), checked_sum(projects), checked_sum(joint_ventures), "
    "checked_sum(cooperatives), checked_sum(enterprises_founded), checked_sum(investment), "
    "checked_sum(profit), checked_sum(farmer_income_increase) "
    "FROM commissioners WHERE region_code LIKE $1 AND year = $2";

// Per subordinate group and, under kWhole, for the region (distinct home organizations do not
// add up across groups).
absl::Status AggregateCommissioners(Connection& connection, absl::string_view region, int year,
                                    ByKey& by_key) {
  const std::string sql =
      absl::StrCat("SELECT ", SubordinateKey(region), " AS k, ", kCommissionerSums,
                   " GROUP BY k UNION ALL SELECT '' AS k, ", kCommissionerSums);
  TM_ASSIGN_OR_RETURN(Result rows,
                      connection.Exec(sql, Params().Text(RegionPattern(region)).Int64(year)));
  for (int row = 0; row < rows.rows(); ++row) {
    if (rows.Int64(row, 1) == 0) continue;  // The region's total of nothing.
    CommissionerTotals& c = by_key[rows.Text(row, 0)].commissioners;
    c.count = rows.Int64(row, 1);
    c.home_organization_count = rows.Int64(row, 2);
    for (size_t i = 0; i < kOutcomeCountFields; ++i) {
      c.counts[i] = SumOf(rows, row, static_cast<int>(3 + i));
    }
    for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
      c.amounts[i] = SumOf(rows, row, static_cast<int>(3 + kOutcomeCountFields + i));
    }
  }
  return absl::OkStatus();
}

constexpr absl::string_view kFinancingSums =
    "count(*), count(DISTINCT recipient_id), checked_sum(amount) FROM financings "
    "WHERE region_code LIKE $1 AND grant_year = $2";

// By (group or kWhole) × (kind or every kind): distinct recipients do not add up.
absl::Status AggregateFinancing(Connection& connection, absl::string_view region, int year,
                                ByKey& by_key) {
  const absl::string_view key = SubordinateKey(region);
  const std::string sql = absl::StrCat(
      "SELECT ", key, " AS k, kind, ", kFinancingSums, " GROUP BY k, kind UNION ALL SELECT ", key,
      " AS k, '', ", kFinancingSums, " GROUP BY k UNION ALL SELECT '', kind, ", kFinancingSums,
      " GROUP BY kind UNION ALL SELECT '', '', ", kFinancingSums);
  TM_ASSIGN_OR_RETURN(Result rows,
                      connection.Exec(sql, Params().Text(RegionPattern(region)).Int64(year)));
  for (int row = 0; row < rows.rows(); ++row) {
    if (rows.Int64(row, 2) == 0) continue;
    const FinancingTotals totals{rows.Int64(row, 2), rows.Int64(row, 3), SumOf(rows, row, 4)};
    LedgerRegionTotals& into = by_key[rows.Text(row, 0)];
    if (rows.View(row, 1).empty()) {
      into.financing_total = totals;
    } else if (std::optional<FinancingKind> kind = FinancingKindFromName(rows.View(row, 1))) {
      into.financing[*kind] = totals;
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<OverArrivedProject>> OverArrived(Connection& connection,
                                                            absl::string_view region, int year) {
  TM_ASSIGN_OR_RETURN(
      Result rows,
      connection.Exec(
          "SELECT id, title, level, region_code, approved_funds, arrived_funds FROM projects "
          "WHERE region_code LIKE $1 AND year = $2 AND approved_funds IS NOT NULL "
          "AND arrived_funds > approved_funds ORDER BY id",
          Params().Text(RegionPattern(region)).Int64(year)));
  std::vector<OverArrivedProject> projects;
  for (int row = 0; row < rows.rows(); ++row) {
    OverArrivedProject p;
    p.id = rows.Text(row, 0);
    p.title = rows.Text(row, 1);
    p.level = ProjectLevelFromName(rows.View(row, 2)).value_or(ProjectLevel::kNational);
    p.region_code = rows.Text(row, 3);
    p.approved = rows.Int64(row, 4);
    p.arrived = rows.Int64(row, 5);
    projects.push_back(std::move(p));
  }
  return projects;
}

}  // namespace

absl::Status ProgrammeReportRows::Aggregate(Connection& connection, int year,
                                            LedgerYearTotals& totals) {
  const std::string region = totals.region.region_code;
  ByKey by_key;
  TM_RETURN_IF_ERROR(AggregateProjects(connection, region, year, by_key));
  TM_RETURN_IF_ERROR(AggregateCommissioners(connection, region, year, by_key));
  TM_RETURN_IF_ERROR(AggregateFinancing(connection, region, year, by_key));
  TM_RETURN_IF_ERROR(TotalProjects(by_key, totals.region));
  if (auto whole = by_key.find(std::string(kWhole)); whole != by_key.end()) {
    totals.region.commissioners = whole->second.commissioners;
    totals.region.financing = whole->second.financing;
    totals.region.financing_total = whole->second.financing_total;
  }
  for (auto& [key, group] : by_key) {
    if (key == kWhole || key == region) continue;
    group.region_code = key;
    totals.subordinates.push_back(std::move(group));
  }
  TM_ASSIGN_OR_RETURN(totals.over_arrived, OverArrived(connection, region, year));
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> ProgrammeReportRows::EventsOrganizedIn(
    Connection& connection, absl::string_view region, absl::Time from, absl::Time to) {
  TM_ASSIGN_OR_RETURN(
      Result rows,
      connection.Exec(
          "SELECT e.id FROM events AS e WHERE e.start_time >= $1 AND e.start_time < $2 AND "
          "EXISTS (SELECT 1 FROM event_organizers AS eo JOIN organizations AS o "
          "ON o.id = eo.organization_id WHERE eo.event_id = e.id AND o.region_code LIKE $3) "
          "ORDER BY e.start_time, e.id",
          Params()
              .Int64(TimeToNanosSaturated(from))
              .Int64(TimeToNanosSaturated(to))
              .Text(RegionPattern(region))));
  std::vector<std::string> ids;
  for (int row = 0; row < rows.rows(); ++row) ids.push_back(rows.Text(row, 0));
  return ids;
}

}  // namespace techmatch::storage::postgres
