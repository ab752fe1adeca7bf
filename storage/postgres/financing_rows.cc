#include "storage/postgres/financing_rows.h"

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

// Parameters $1..$12 follow the column order of kColumns.
constexpr absl::string_view kColumns =
    "f.id, f.kind, f.provider_id, f.recipient_id, f.amount, f.grant_time, f.grant_year, "
    "f.agreement_id, f.region_code, f.create_time, f.update_time, f.revision";
constexpr absl::string_view kInsert =
    "INSERT INTO financings (id, kind, provider_id, recipient_id, amount, grant_time, "
    "grant_year, agreement_id, region_code, create_time, update_time, revision) VALUES ($1, $2, "
    "$3, $4, $5, $6, $7, NULLIF($8, ''), $9, $10, $11, $12)";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM financings WHERE id = $1)";

// An organization's own (as provider or recipient, itself or a college of it); a region's.
void AddScope(const ReadScope& scope, SqlWhere& where) {
  if (scope.party) {
    where.AddText(
        "f.id IN (SELECT sf.id FROM financings AS sf JOIN organizations AS so "
        "ON so.id IN (sf.provider_id, sf.recipient_id) WHERE ",
        *scope.party, " IN (so.id, so.parent_id))");
  }
  if (!scope.region.empty()) where.AddText("f.region_code LIKE ", RegionPattern(scope.region));
}

std::string Select() { return absl::StrCat("SELECT ", kColumns, " FROM financings AS f"); }

Financing ReadFinancing(const Result& result, int row) {
  Financing f;
  f.meta.id = result.Text(row, 0);
  f.kind = FinancingKindFromName(result.View(row, 1)).value_or(FinancingKind::kLoan);
  f.provider_id = result.Text(row, 2);
  f.recipient_id = result.Text(row, 3);
  f.amount_minor = result.Int64(row, 4);
  f.grant_time = NanosToTime(result.Int64(row, 5));
  f.agreement_id = result.Text(row, 7);  // NULL reads as "".
  f.region_code = result.Text(row, 8);
  f.meta.create_time = NanosToTime(result.Int64(row, 9));
  f.meta.update_time = NanosToTime(result.Int64(row, 10));
  f.meta.revision = result.Int64(row, 11);
  return f;
}

}  // namespace

absl::Status FinancingRows::Insert(Connection& connection, const Financing& f) {
  TM_ASSIGN_OR_RETURN(int64_t grant_time, TimeToNanos(f.grant_time, "grant_time"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(f.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(f.meta.update_time, "update_time"));
  return connection
      .Exec(kInsert, Params()
                         .Text(f.meta.id)
                         .Text(FinancingKindName(f.kind))
                         .Text(f.provider_id)
                         .Text(f.recipient_id)
                         .Int64(f.amount_minor)
                         .Int64(grant_time)
                         .Int64(GrantYearOf(f.grant_time))
                         .Text(f.agreement_id)
                         .Text(f.region_code)
                         .Int64(create_time)
                         .Int64(update_time)
                         .Int64(f.meta.revision))
      .status();
}

absl::StatusOr<std::optional<Financing>> FinancingRows::Find(Connection& connection,
                                                             absl::string_view id) {
  static const std::string* const kFind =
      new std::string(absl::StrCat(Select(), " WHERE f.id = $1"));
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(*kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadFinancing(found, 0);
}

absl::StatusOr<bool> FinancingRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Financing>> FinancingRows::List(Connection& connection,
                                                    const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, FinancingFilterColumns(), "f.id"));
  AddScope(query.scope, where);
  return RunPageQuery<Financing>(connection, Select(), "f.id", std::move(where), query,
                                 ReadFinancing);
}

}  // namespace techmatch::storage::postgres
