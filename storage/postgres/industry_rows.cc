#include "storage/postgres/industry_rows.h"

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/postgres/page_query.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kSelect =
    "SELECT code, display_name_zh, display_name_en, create_time, update_time, revision "
    "FROM industries";
constexpr absl::string_view kFind =
    "SELECT code, display_name_zh, display_name_en, create_time, update_time, revision "
    "FROM industries WHERE code = $1";
constexpr absl::string_view kInsert =
    "INSERT INTO industries (code, display_name_zh, display_name_en, create_time, update_time, "
    "revision) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM industries WHERE code = $1)";

Industry ReadIndustry(const Result& result, int row) {
  Industry industry;
  industry.meta.id = result.Text(row, 0);
  industry.display_name_zh = result.Text(row, 1);
  industry.display_name_en = result.Text(row, 2);
  industry.meta.create_time = NanosToTime(result.Int64(row, 3));
  industry.meta.update_time = NanosToTime(result.Int64(row, 4));
  industry.meta.revision = result.Int64(row, 5);
  return industry;
}

}  // namespace

absl::Status IndustryRows::Insert(Connection& connection, const Industry& record) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  return connection
      .Exec(kInsert, Params()
                         .Text(record.meta.id)
                         .Text(record.display_name_zh)
                         .Text(record.display_name_en)
                         .Int64(create_time)
                         .Int64(update_time)
                         .Int64(record.meta.revision))
      .status();
}

absl::StatusOr<std::optional<Industry>> IndustryRows::Find(Connection& connection,
                                                           absl::string_view code) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(code)));
  if (found.rows() == 0) return std::nullopt;
  return ReadIndustry(found, 0);
}

absl::StatusOr<bool> IndustryRows::Exists(Connection& connection, absl::string_view code) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(code)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Industry>> IndustryRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, {}, "code"));  // No filter grammar fields.
  return RunPageQuery<Industry>(connection, kSelect, "code", std::move(where), query, ReadIndustry);
}

}  // namespace techmatch::storage::postgres
