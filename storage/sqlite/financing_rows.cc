#include "storage/sqlite/financing_rows.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"

namespace techmatch::storage::sqlite {
namespace {

// Parameters ?1..?12 follow the column order of kColumns.
constexpr absl::string_view kColumns =
    "f.id, f.kind, f.provider_id, f.recipient_id, f.amount, f.grant_time, f.grant_year, "
    "f.agreement_id, f.region_code, f.create_time, f.update_time, f.revision";
constexpr absl::string_view kInsert =
    "INSERT INTO financings (id, kind, provider_id, recipient_id, amount, grant_time, "
    "grant_year, agreement_id, region_code, create_time, update_time, revision) VALUES (?1, ?2, "
    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr absl::string_view kExists = "SELECT 1 FROM financings WHERE id = ?1";

// An organization's own (as provider or recipient, itself or a college of it); a region's.
void AddScope(const ReadScope& scope, SqlWhere& where) {
  if (scope.party) {
    where.Add(
        "f.id IN (SELECT sf.id FROM financings AS sf JOIN organizations AS so "
        "ON so.id IN (sf.provider_id, sf.recipient_id) WHERE ? IN (so.id, so.parent_id))",
        *scope.party);
  }
  if (!scope.region.empty()) where.Add("f.region_code GLOB ?", RegionGlob(scope.region));
}

std::string Select() { return absl::StrCat("SELECT ", kColumns, " FROM financings AS f"); }

Financing ReadFinancing(const RowReader& row) {
  Financing f;
  f.meta.id = row.Text(0);
  f.kind = FinancingKindFromName(row.View(1)).value_or(FinancingKind::kLoan);
  f.provider_id = row.Text(2);
  f.recipient_id = row.Text(3);
  f.amount_minor = row.Int64(4);
  f.grant_time = NanosToTime(row.Int64(5));
  if (!row.IsNull(7)) f.agreement_id = row.Text(7);
  f.region_code = row.Text(8);
  f.meta.create_time = NanosToTime(row.Int64(9));
  f.meta.update_time = NanosToTime(row.Int64(10));
  f.meta.revision = row.Int64(11);
  return f;
}

}  // namespace

absl::Status FinancingRows::Insert(Connection& connection, const Financing& f) {
  TM_ASSIGN_OR_RETURN(int64_t grant_time, TimeToNanos(f.grant_time, "grant_time"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(f.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(f.meta.update_time, "update_time"));
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, f.meta.id);
  insert.BindText(2, FinancingKindName(f.kind));
  insert.BindText(3, f.provider_id);
  insert.BindText(4, f.recipient_id);
  insert.BindInt64(5, f.amount_minor);
  insert.BindInt64(6, grant_time);
  insert.BindInt64(7, GrantYearOf(f.grant_time));
  if (f.agreement_id.empty()) {
    insert.BindNull(8);
  } else {
    insert.BindText(8, f.agreement_id);
  }
  insert.BindText(9, f.region_code);
  insert.BindInt64(10, create_time);
  insert.BindInt64(11, update_time);
  insert.BindInt64(12, f.meta.revision);
  insert.Run();
  return absl::OkStatus();
}

std::optional<Financing> FinancingRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(absl::StrCat(Select(), " WHERE f.id = ?1"));
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadFinancing(find.Row());
}

bool FinancingRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<Financing>> FinancingRows::List(Connection& connection,
                                                    const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, FinancingFilterColumns(), "f.id"));
  AddScope(query.scope, where);
  return RunPageQuery<Financing>(connection, Select(), "f.id", std::move(where), query,
                                 ReadFinancing);
}

}  // namespace techmatch::storage::sqlite
