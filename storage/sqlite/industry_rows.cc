#include "storage/sqlite/industry_rows.h"

#include <vector>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kSelect =
    "SELECT code, display_name_zh, display_name_en, create_time, update_time, revision "
    "FROM industries";
constexpr absl::string_view kFind =
    "SELECT code, display_name_zh, display_name_en, create_time, update_time, revision "
    "FROM industries WHERE code = ?1";
constexpr absl::string_view kInsert =
    "INSERT INTO industries (code, display_name_zh, display_name_en, create_time, update_time, "
    "revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr absl::string_view kExists = "SELECT 1 FROM industries WHERE code = ?1";

Industry ReadIndustry(const RowReader& row) {
  Industry industry;
  industry.meta.id = row.Text(0);
  industry.display_name_zh = row.Text(1);
  industry.display_name_en = row.Text(2);
  industry.meta.create_time = NanosToTime(row.Int64(3));
  industry.meta.update_time = NanosToTime(row.Int64(4));
  industry.meta.revision = row.Int64(5);
  return industry;
}

}  // namespace

absl::Status IndustryRows::Insert(Connection& connection, const Industry& record) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, record.meta.id);
  insert.BindText(2, record.display_name_zh);
  insert.BindText(3, record.display_name_en);
  insert.BindInt64(4, create_time);
  insert.BindInt64(5, update_time);
  insert.BindInt64(6, record.meta.revision);
  insert.Run();
  return absl::OkStatus();
}

std::optional<Industry> IndustryRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadIndustry(find.Row());
}

bool IndustryRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<Industry>> IndustryRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, {}, "code"));  // Industries have no filter.
  return RunPageQuery<Industry>(connection, kSelect, "code", std::move(where), query, ReadIndustry);
}

}  // namespace techmatch::storage::sqlite
