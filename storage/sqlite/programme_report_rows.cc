#include "storage/sqlite/programme_report_rows.h"

#include <map>
#include <optional>
#include <utility>

#include "SQLiteCpp/Exception.h"
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/reference/region_code.h"
#include "storage/codec.h"
#include "storage/sqlite/checked_sum.h"
#include "storage/sqlite/sql_filter.h"
#include "storage/sqlite/summary_index.h"

namespace techmatch::storage::sqlite {
namespace {

// The direct subordinate region a record's region_code counts in: a province's cities (the
// code's first four digits and "00"), a city's counties (the code itself). A record of the
// region itself groups under the region's own code, which is no subordinate. In a county every
// record is the county's own.
absl::string_view SubordinateKey(absl::string_view region) {
  return LevelOf(region) == RegionLevel::kProvince ? "substr(region_code, 1, 4) || '00'"
                                                   : "region_code";
}

// The key of the whole region in the statements that also total it.
constexpr absl::string_view kWhole = "";

absl::Status AddTo(int64_t& sum, int64_t value) {
  if (__builtin_add_overflow(sum, value, &sum)) return SummaryOverflowError();
  return absl::OkStatus();
}

int64_t SumOf(const RowReader& row, int column) {
  return row.IsNull(column) ? 0 : row.Int64(column);
}

// Runs `body`, turning checked_sum's overflow into OUT_OF_RANGE.
template <typename Fn>
absl::Status CheckingSums(Fn&& body) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == kSumOverflowCode) return SummaryOverflowError();
    throw;
  }
}

using ByKey = std::map<std::string, LedgerRegionTotals>;

absl::Status AggregateProjects(Connection& connection, absl::string_view region, int year,
                               ByKey& by_key) {
  const std::string sql = absl::StrCat(
      "SELECT ", SubordinateKey(region),
      " AS k, year, level, count(*), checked_sum(approved_funds), checked_sum(arrived_funds) "
      "FROM projects WHERE region_code GLOB ?1 AND year IN (?2, ?3) GROUP BY k, year, level");
  ScopedStatement statement = connection.Prepare(sql);
  statement.BindText(1, RegionGlob(region));
  statement.BindInt64(2, year);
  statement.BindInt64(3, year - 1);
  while (statement.Step()) {
    const RowReader row = statement.Row();
    const std::optional<ProjectLevel> level = ProjectLevelFromName(row.View(2));
    if (!level) continue;  // The table's CHECK admits only the four levels.
    const ProjectTotals totals{row.Int64(3), SumOf(row, 4), SumOf(row, 5)};
    LedgerRegionTotals& into = by_key[row.Text(0)];
    (row.Int64(1) == year ? into.projects : into.previous_projects)[*level] = totals;
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
    "FROM commissioners WHERE region_code GLOB ?1 AND year = ?2";

// Per subordinate group and, under kWhole, for the region (distinct home organizations do not
// add up across groups).
void AggregateCommissioners(Connection& connection, absl::string_view region, int year,
                            ByKey& by_key) {
  const std::string sql =
      absl::StrCat("SELECT ", SubordinateKey(region), " AS k, ", kCommissionerSums,
                   " GROUP BY k UNION ALL SELECT '' AS k, ", kCommissionerSums);
  ScopedStatement statement = connection.Prepare(sql);
  statement.BindText(1, RegionGlob(region));
  statement.BindInt64(2, year);
  while (statement.Step()) {
    const RowReader row = statement.Row();
    if (row.Int64(1) == 0) continue;  // The region's total of nothing.
    CommissionerTotals& c = by_key[row.Text(0)].commissioners;
    c.count = row.Int64(1);
    c.home_organization_count = row.Int64(2);
    for (size_t i = 0; i < kOutcomeCountFields; ++i) {
      c.counts[i] = SumOf(row, static_cast<int>(3 + i));
    }
    for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
      c.amounts[i] = SumOf(row, static_cast<int>(3 + kOutcomeCountFields + i));
    }
  }
}

constexpr absl::string_view kFinancingSums =
    "count(*), count(DISTINCT recipient_id), checked_sum(amount) FROM financings "
    "WHERE region_code GLOB ?1 AND grant_year = ?2";

// By (group or kWhole) × (kind or every kind): distinct recipients do not add up.
void AggregateFinancing(Connection& connection, absl::string_view region, int year, ByKey& by_key) {
  const absl::string_view key = SubordinateKey(region);
  const std::string sql = absl::StrCat(
      "SELECT ", key, " AS k, kind, ", kFinancingSums, " GROUP BY k, kind UNION ALL SELECT ", key,
      " AS k, '', ", kFinancingSums, " GROUP BY k UNION ALL SELECT '', kind, ", kFinancingSums,
      " GROUP BY kind UNION ALL SELECT '', '', ", kFinancingSums);
  ScopedStatement statement = connection.Prepare(sql);
  statement.BindText(1, RegionGlob(region));
  statement.BindInt64(2, year);
  while (statement.Step()) {
    const RowReader row = statement.Row();
    if (row.Int64(2) == 0) continue;
    const FinancingTotals totals{row.Int64(2), row.Int64(3), SumOf(row, 4)};
    LedgerRegionTotals& into = by_key[row.Text(0)];
    if (row.View(1).empty()) {
      into.financing_total = totals;
    } else if (std::optional<FinancingKind> kind = FinancingKindFromName(row.View(1))) {
      into.financing[*kind] = totals;
    }
  }
}

std::vector<OverArrivedProject> OverArrived(Connection& connection, absl::string_view region,
                                            int year) {
  ScopedStatement statement = connection.Prepare(
      "SELECT id, title, level, region_code, approved_funds, arrived_funds FROM projects "
      "WHERE region_code GLOB ?1 AND year = ?2 AND approved_funds IS NOT NULL "
      "AND arrived_funds > approved_funds ORDER BY id");
  statement.BindText(1, RegionGlob(region));
  statement.BindInt64(2, year);
  std::vector<OverArrivedProject> projects;
  while (statement.Step()) {
    const RowReader row = statement.Row();
    OverArrivedProject p;
    p.id = row.Text(0);
    p.title = row.Text(1);
    p.level = ProjectLevelFromName(row.View(2)).value_or(ProjectLevel::kNational);
    p.region_code = row.Text(3);
    p.approved = row.Int64(4);
    p.arrived = row.Int64(5);
    projects.push_back(std::move(p));
  }
  return projects;
}

}  // namespace

absl::Status ProgrammeReportRows::Aggregate(Connection& connection, int year,
                                            LedgerYearTotals& totals) {
  const std::string region = totals.region.region_code;
  ByKey by_key;
  TM_RETURN_IF_ERROR(
      CheckingSums([&] { return AggregateProjects(connection, region, year, by_key); }));
  TM_RETURN_IF_ERROR(CheckingSums([&] {
    AggregateCommissioners(connection, region, year, by_key);
    AggregateFinancing(connection, region, year, by_key);
    return absl::OkStatus();
  }));
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
  totals.over_arrived = OverArrived(connection, region, year);
  return absl::OkStatus();
}

std::vector<std::string> ProgrammeReportRows::EventsOrganizedIn(Connection& connection,
                                                                absl::string_view region,
                                                                absl::Time from, absl::Time to) {
  ScopedStatement statement = connection.Prepare(
      "SELECT e.id FROM events AS e WHERE e.start_time >= ?1 AND e.start_time < ?2 AND EXISTS "
      "(SELECT 1 FROM event_organizers AS eo JOIN organizations AS o ON o.id = eo.organization_id "
      "WHERE eo.event_id = e.id AND o.region_code GLOB ?3) ORDER BY e.start_time, e.id");
  statement.BindInt64(1, TimeToNanosSaturated(from));
  statement.BindInt64(2, TimeToNanosSaturated(to));
  statement.BindText(3, RegionGlob(region));
  std::vector<std::string> ids;
  while (statement.Step()) ids.push_back(statement.Row().Text(0));
  return ids;
}

}  // namespace techmatch::storage::sqlite
