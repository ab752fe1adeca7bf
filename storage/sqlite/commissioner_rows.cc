#include "storage/sqlite/commissioner_rows.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"

namespace techmatch::storage::sqlite {
namespace {

// Parameters ?1..?18 follow the column order of kColumns.
constexpr absl::string_view kColumns =
    "c.id, c.display_name, c.home_organization_id, c.region_code, c.year, c.service_model, "
    "c.technologies_promoted, c.new_products, c.projects, c.joint_ventures, c.cooperatives, "
    "c.enterprises_founded, c.investment, c.profit, c.farmer_income_increase, c.create_time, "
    "c.update_time, c.revision";
constexpr int kFirstCountColumn = 6;
constexpr int kFirstAmountColumn = 12;
constexpr absl::string_view kInsert =
    "INSERT INTO commissioners (id, display_name, home_organization_id, region_code, year, "
    "service_model, technologies_promoted, new_products, projects, joint_ventures, "
    "cooperatives, enterprises_founded, investment, profit, farmer_income_increase, "
    "create_time, update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13, ?14, ?15, ?16, ?17, ?18)";
// ?16 (create_time) is left out on purpose: it never changes.
constexpr absl::string_view kUpdate =
    "UPDATE commissioners SET display_name = ?2, home_organization_id = ?3, region_code = ?4, "
    "year = ?5, service_model = ?6, technologies_promoted = ?7, new_products = ?8, "
    "projects = ?9, joint_ventures = ?10, cooperatives = ?11, enterprises_founded = ?12, "
    "investment = ?13, profit = ?14, farmer_income_increase = ?15, update_time = ?17, "
    "revision = revision + 1 WHERE id = ?1 AND revision = ?18 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT 1 FROM commissioners WHERE id = ?1";

void AddScope(const ReadScope& scope, SqlWhere& where) {
  if (scope.party) {
    where.Add(
        "c.home_organization_id IN (SELECT so.id FROM organizations AS so WHERE ? IN (so.id, "
        "so.parent_id))",
        *scope.party);
  }
  if (!scope.region.empty()) where.Add("c.region_code GLOB ?", RegionGlob(scope.region));
}

std::string Select() { return absl::StrCat("SELECT ", kColumns, " FROM commissioners AS c"); }

absl::Status BindCommissioner(ScopedStatement& statement, const Commissioner& c, int64_t revision) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(c.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(c.meta.update_time, "update_time"));
  statement.BindText(1, c.meta.id);
  statement.BindText(2, c.display_name);
  statement.BindText(3, c.home_organization_id);
  statement.BindText(4, c.region_code);
  statement.BindInt64(5, c.year);
  statement.BindText(6, ServiceModelName(c.service_model));
  for (size_t i = 0; i < kOutcomeCountFields; ++i) {
    statement.BindInt64(kFirstCountColumn + 1 + static_cast<int>(i), c.counts[i]);
  }
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
    statement.BindOptionalInt64(kFirstAmountColumn + 1 + static_cast<int>(i), c.amounts[i]);
  }
  statement.BindInt64(16, create_time);
  statement.BindInt64(17, update_time);
  statement.BindInt64(18, revision);
  return absl::OkStatus();
}

Commissioner ReadCommissioner(const RowReader& row) {
  Commissioner c;
  c.meta.id = row.Text(0);
  c.display_name = row.Text(1);
  c.home_organization_id = row.Text(2);
  c.region_code = row.Text(3);
  c.year = static_cast<int>(row.Int64(4));
  c.service_model = ServiceModelFromName(row.View(5)).value_or(ServiceModel::kMarketLed);
  for (size_t i = 0; i < kOutcomeCountFields; ++i) {
    c.counts[i] = row.Int64(kFirstCountColumn + static_cast<int>(i));
  }
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
    const int column = kFirstAmountColumn + static_cast<int>(i);
    if (!row.IsNull(column)) c.amounts[i] = row.Int64(column);
  }
  c.meta.create_time = NanosToTime(row.Int64(15));
  c.meta.update_time = NanosToTime(row.Int64(16));
  c.meta.revision = row.Int64(17);
  return c;
}

}  // namespace

absl::Status CommissionerRows::Insert(Connection& connection, const Commissioner& commissioner) {
  ScopedStatement insert = connection.Prepare(kInsert);
  TM_RETURN_IF_ERROR(BindCommissioner(insert, commissioner, commissioner.meta.revision));
  insert.Run();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> CommissionerRows::Update(Connection& connection,
                                                                   const Commissioner& commissioner,
                                                                   int64_t expected_revision) {
  ScopedStatement update = connection.Prepare(kUpdate);
  TM_RETURN_IF_ERROR(BindCommissioner(update, commissioner, expected_revision));
  if (!update.Step()) return std::nullopt;
  return NanosToTime(update.Row().Int64(0));
}

std::optional<Commissioner> CommissionerRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(absl::StrCat(Select(), " WHERE c.id = ?1"));
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadCommissioner(find.Row());
}

bool CommissionerRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<Commissioner>> CommissionerRows::List(Connection& connection,
                                                          const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, CommissionerFilterColumns(), "c.id"));
  AddScope(query.scope, where);
  return RunPageQuery<Commissioner>(connection, Select(), "c.id", std::move(where), query,
                                    ReadCommissioner);
}

}  // namespace techmatch::storage::sqlite
