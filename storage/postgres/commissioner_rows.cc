#include "storage/postgres/commissioner_rows.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// Parameters $1..$18 follow the column order of kColumns.
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
    "create_time, update_time, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
    "$12, $13, $14, $15, $16, $17, $18)";
// $16 (create_time) is in the shared parameter list, typed, and unused: the row keeps its own.
constexpr absl::string_view kUpdate =
    "UPDATE commissioners SET display_name = $2, home_organization_id = $3, region_code = $4, "
    "year = $5, service_model = $6, technologies_promoted = $7, new_products = $8, "
    "projects = $9, joint_ventures = $10, cooperatives = $11, enterprises_founded = $12, "
    "investment = $13, profit = $14, farmer_income_increase = $15, update_time = $17, "
    "revision = revision + 1 WHERE id = $1 AND revision = $18 RETURNING create_time";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM commissioners WHERE id = $1)";

// An organization's own (the home organization, itself or a college of it); a region's.
void AddScope(const ReadScope& scope, SqlWhere& where) {
  if (scope.party) {
    where.AddText("c.home_organization_id IN (SELECT so.id FROM organizations AS so WHERE ",
                  *scope.party, " IN (so.id, so.parent_id))");
  }
  if (!scope.region.empty()) where.AddText("c.region_code LIKE ", RegionPattern(scope.region));
}

std::string Select() { return absl::StrCat("SELECT ", kColumns, " FROM commissioners AS c"); }

absl::StatusOr<Params> CommissionerParams(const Commissioner& c, int64_t revision) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(c.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(c.meta.update_time, "update_time"));
  Params params;
  params.Text(c.meta.id)
      .Text(c.display_name)
      .Text(c.home_organization_id)
      .Text(c.region_code)
      .Int64(c.year)
      .Text(ServiceModelName(c.service_model));
  for (size_t i = 0; i < kOutcomeCountFields; ++i) params.Int64(c.counts[i]);
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) params.OptionalInt64(c.amounts[i]);
  params.Int64(create_time).Int64(update_time).Int64(revision);
  return params;
}

Commissioner ReadCommissioner(const Result& result, int row) {
  Commissioner c;
  c.meta.id = result.Text(row, 0);
  c.display_name = result.Text(row, 1);
  c.home_organization_id = result.Text(row, 2);
  c.region_code = result.Text(row, 3);
  c.year = static_cast<int>(result.Int64(row, 4));
  c.service_model = ServiceModelFromName(result.View(row, 5)).value_or(ServiceModel::kMarketLed);
  for (size_t i = 0; i < kOutcomeCountFields; ++i) {
    c.counts[i] = result.Int64(row, kFirstCountColumn + static_cast<int>(i));
  }
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
    const int column = kFirstAmountColumn + static_cast<int>(i);
    if (!result.IsNull(row, column)) c.amounts[i] = result.Int64(row, column);
  }
  c.meta.create_time = NanosToTime(result.Int64(row, 15));
  c.meta.update_time = NanosToTime(result.Int64(row, 16));
  c.meta.revision = result.Int64(row, 17);
  return c;
}

}  // namespace

absl::Status CommissionerRows::Insert(Connection& connection, const Commissioner& commissioner) {
  TM_ASSIGN_OR_RETURN(Params params, CommissionerParams(commissioner, commissioner.meta.revision));
  return connection.Exec(kInsert, params).status();
}

absl::StatusOr<std::optional<absl::Time>> CommissionerRows::Update(Connection& connection,
                                                                   const Commissioner& commissioner,
                                                                   int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(Params params, CommissionerParams(commissioner, expected_revision));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, params));
  if (updated.rows() == 0) return std::nullopt;
  return NanosToTime(updated.Int64(0, 0));
}

absl::StatusOr<std::optional<Commissioner>> CommissionerRows::Find(Connection& connection,
                                                                   absl::string_view id) {
  static const std::string* const kFind =
      new std::string(absl::StrCat(Select(), " WHERE c.id = $1"));
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(*kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadCommissioner(found, 0);
}

absl::StatusOr<bool> CommissionerRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Commissioner>> CommissionerRows::List(Connection& connection,
                                                          const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, CommissionerFilterColumns(), "c.id"));
  AddScope(query.scope, where);
  return RunPageQuery<Commissioner>(connection, Select(), "c.id", std::move(where), query,
                                    ReadCommissioner);
}

}  // namespace techmatch::storage::postgres
