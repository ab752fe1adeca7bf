#include "storage/sqlite/thesaurus_rows.h"

#include <string>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kSelect =
    "SELECT id, kind, from_terms, to_terms, note, industry, create_time, update_time, revision "
    "FROM thesaurus_entries";
constexpr absl::string_view kFind =
    "SELECT id, kind, from_terms, to_terms, note, industry, create_time, update_time, revision "
    "FROM thesaurus_entries WHERE id = ?1";
constexpr absl::string_view kAll =
    "SELECT id, kind, from_terms, to_terms, note, industry, create_time, update_time, revision "
    "FROM thesaurus_entries ORDER BY id";
constexpr absl::string_view kInsert =
    "INSERT INTO thesaurus_entries (id, kind, from_terms, to_terms, note, industry, create_time, "
    "update_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr absl::string_view kUpdate =
    "UPDATE thesaurus_entries SET kind = ?2, from_terms = ?3, to_terms = ?4, note = ?5, "
    "industry = ?6, update_time = ?8, revision = revision + 1 "
    "WHERE id = ?1 AND revision = ?9 RETURNING create_time";
constexpr absl::string_view kDelete =
    "DELETE FROM thesaurus_entries WHERE id = ?1 AND (?2 = 0 OR revision = ?2) RETURNING id";
constexpr absl::string_view kExists = "SELECT 1 FROM thesaurus_entries WHERE id = ?1";

absl::Status BindEntry(ScopedStatement& statement, const ThesaurusRecord& record,
                       int64_t revision) {
  const ThesaurusEntry& entry = record.entry;
  TM_ASSIGN_OR_RETURN(std::string from, EncodeList(entry.from, "from"));
  TM_ASSIGN_OR_RETURN(std::string to, EncodeList(entry.to, "to"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  statement.BindText(1, record.meta.id);
  statement.BindText(2, ThesaurusKindName(entry.kind));
  statement.BindText(3, from);
  statement.BindText(4, to);
  statement.BindText(5, entry.note);
  statement.BindText(6, entry.scope);
  statement.BindInt64(7, create_time);
  statement.BindInt64(8, update_time);
  statement.BindInt64(9, revision);
  return absl::OkStatus();
}

ThesaurusRecord ReadEntry(const RowReader& row) {
  ThesaurusRecord record;
  record.meta.id = row.Text(0);
  if (!ParseThesaurusKind(row.Text(1), &record.entry.kind)) {
    record.entry.kind = ThesaurusKind::kSynonym;
  }
  record.entry.from = DecodeList(row.View(2));
  record.entry.to = DecodeList(row.View(3));
  record.entry.note = row.Text(4);
  record.entry.scope = row.Text(5);
  record.meta.create_time = NanosToTime(row.Int64(6));
  record.meta.update_time = NanosToTime(row.Int64(7));
  record.meta.revision = row.Int64(8);
  return record;
}

}  // namespace

absl::Status ThesaurusRows::Insert(Connection& connection, const ThesaurusRecord& record) {
  ScopedStatement insert = connection.Prepare(kInsert);
  TM_RETURN_IF_ERROR(BindEntry(insert, record, record.meta.revision));
  insert.Run();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Time>> ThesaurusRows::Update(Connection& connection,
                                                                const ThesaurusRecord& record,
                                                                int64_t expected_revision) {
  ScopedStatement update = connection.Prepare(kUpdate);
  TM_RETURN_IF_ERROR(BindEntry(update, record, expected_revision));
  if (!update.Step()) return std::nullopt;
  return NanosToTime(update.Row().Int64(0));
}

bool ThesaurusRows::Delete(Connection& connection, absl::string_view id,
                           int64_t expected_revision) {
  ScopedStatement remove = connection.Prepare(kDelete);
  remove.BindText(1, id);
  remove.BindInt64(2, expected_revision);
  return remove.Step();
}

std::optional<ThesaurusRecord> ThesaurusRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadEntry(find.Row());
}

bool ThesaurusRows::Exists(Connection& connection, absl::string_view id) {
  return RowExists(connection, kExists, id);
}

absl::StatusOr<Page<ThesaurusRecord>> ThesaurusRows::List(Connection& connection,
                                                          const ThesaurusFilter& filter,
                                                          const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, {}, "id"));  // No filter grammar fields.
  if (filter.kind) where.Add("kind = ?", std::string(ThesaurusKindName(*filter.kind)));
  if (!filter.term.empty()) {
    where.Add("instr(from_terms || ' ' || to_terms, ?) > 0", filter.term);
  }
  return RunPageQuery<ThesaurusRecord>(connection, kSelect, "id", std::move(where), query,
                                       ReadEntry);
}

std::vector<ThesaurusRecord> ThesaurusRows::All(Connection& connection) {
  ScopedStatement all = connection.Prepare(kAll);
  std::vector<ThesaurusRecord> records;
  while (all.Step()) records.push_back(ReadEntry(all.Row()));
  return records;
}

}  // namespace techmatch::storage::sqlite
