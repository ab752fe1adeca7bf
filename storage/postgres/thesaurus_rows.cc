#include "storage/postgres/thesaurus_rows.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/postgres/page_query.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kSelect =
    "SELECT id, kind, from_terms, to_terms, note, industry, create_time, update_time, revision "
    "FROM thesaurus_entries";
constexpr absl::string_view kFind =
    "SELECT id, kind, from_terms, to_terms, note, industry, create_time, update_time, revision "
    "FROM thesaurus_entries WHERE id = $1";
constexpr absl::string_view kAll =
    "SELECT id, kind, from_terms, to_terms, note, industry, create_time, update_time, revision "
    "FROM thesaurus_entries ORDER BY id";
constexpr absl::string_view kInsert =
    "INSERT INTO thesaurus_entries (id, kind, from_terms, to_terms, note, industry, create_time, "
    "update_time, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
// $7 (create_time) is in the shared parameter list, typed, and unused: the row keeps its own.
constexpr absl::string_view kUpdate =
    "UPDATE thesaurus_entries SET kind = $2, from_terms = $3, to_terms = $4, note = $5, "
    "industry = $6, update_time = $8, revision = revision + 1 "
    "WHERE id = $1 AND revision = $9 RETURNING create_time";
constexpr absl::string_view kDelete =
    "DELETE FROM thesaurus_entries WHERE id = $1 AND ($2 = 0 OR revision = $2) RETURNING id";
constexpr absl::string_view kExists =
    "SELECT EXISTS (SELECT 1 FROM thesaurus_entries WHERE id = $1)";

absl::StatusOr<Params> EntryParams(const ThesaurusRecord& record, int64_t revision) {
  const ThesaurusEntry& entry = record.entry;
  TM_ASSIGN_OR_RETURN(std::string from, EncodeList(entry.from, "from"));
  TM_ASSIGN_OR_RETURN(std::string to, EncodeList(entry.to, "to"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(record.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(record.meta.update_time, "update_time"));
  Params params;
  params.Text(record.meta.id)
      .Text(ThesaurusKindName(entry.kind))
      .Text(from)
      .Text(to)
      .Text(entry.note)
      .Text(entry.scope)
      .Int64(create_time)
      .Int64(update_time)
      .Int64(revision);
  return params;
}

ThesaurusRecord ReadEntry(const Result& result, int row) {
  ThesaurusRecord record;
  record.meta.id = result.Text(row, 0);
  if (!ParseThesaurusKind(result.Text(row, 1), &record.entry.kind)) {
    record.entry.kind = ThesaurusKind::kSynonym;
  }
  record.entry.from = DecodeList(result.View(row, 2));
  record.entry.to = DecodeList(result.View(row, 3));
  record.entry.note = result.Text(row, 4);
  record.entry.scope = result.Text(row, 5);
  record.meta.create_time = NanosToTime(result.Int64(row, 6));
  record.meta.update_time = NanosToTime(result.Int64(row, 7));
  record.meta.revision = result.Int64(row, 8);
  return record;
}

}  // namespace

absl::Status ThesaurusRows::Insert(Connection& connection, const ThesaurusRecord& record) {
  TM_ASSIGN_OR_RETURN(Params params, EntryParams(record, record.meta.revision));
  return connection.Exec(kInsert, params).status();
}

absl::StatusOr<std::optional<absl::Time>> ThesaurusRows::Update(Connection& connection,
                                                                const ThesaurusRecord& record,
                                                                int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(Params params, EntryParams(record, expected_revision));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, params));
  if (updated.rows() == 0) return std::nullopt;
  return NanosToTime(updated.Int64(0, 0));
}

absl::StatusOr<bool> ThesaurusRows::Delete(Connection& connection, absl::string_view id,
                                           int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(Result deleted,
                      connection.Exec(kDelete, Params().Text(id).Int64(expected_revision)));
  return deleted.rows() > 0;
}

absl::StatusOr<std::optional<ThesaurusRecord>> ThesaurusRows::Find(Connection& connection,
                                                                   absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadEntry(found, 0);
}

absl::StatusOr<bool> ThesaurusRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<ThesaurusRecord>> ThesaurusRows::List(Connection& connection,
                                                          const ThesaurusFilter& filter,
                                                          const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, {}, "id"));  // No filter grammar fields.
  if (filter.kind) where.AddText("kind = ", ThesaurusKindName(*filter.kind));
  if (!filter.term.empty()) {
    where.AddText("strpos(from_terms || ' ' || to_terms, ", filter.term, ") > 0");
  }
  return RunPageQuery<ThesaurusRecord>(connection, kSelect, "id", std::move(where), query,
                                       ReadEntry);
}

absl::StatusOr<std::vector<ThesaurusRecord>> ThesaurusRows::All(Connection& connection) {
  TM_ASSIGN_OR_RETURN(Result all, connection.Exec(kAll));
  std::vector<ThesaurusRecord> records;
  records.reserve(static_cast<size_t>(all.rows()));
  for (int row = 0; row < all.rows(); ++row) records.push_back(ReadEntry(all, row));
  return records;
}

}  // namespace techmatch::storage::postgres
