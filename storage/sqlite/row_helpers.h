// Pieces every resource's rows share: keyset pages, join-table sets.
#ifndef TECHMATCH_STORAGE_SQLITE_ROW_HELPERS_H_
#define TECHMATCH_STORAGE_SQLITE_ROW_HELPERS_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

// A page size the server has normalized already; re-clamped so a bad caller cannot ask SQLite
// for an unbounded page.
int ClampPageSize(int page_size);

// `values` as a JSON array of strings, for `json_each(?)` (one bound parameter for a set).
std::string JsonStringArray(const std::vector<std::string>& values);

// Runs `select` (which must select the keyset column first) with `where`, continuing after
// `query.after_id` in `key_column` order, and reads at most `query.page_size` rows with
// `read(RowReader)`; with `query.only_ids`, only those rows. One extra row is fetched to learn
// whether another page exists.
template <typename R, typename ReadFn>
Page<R> RunPageQuery(Connection& connection, absl::string_view select, absl::string_view key_column,
                     SqlWhere where, const ListQuery& query, ReadFn read) {
  // The driver's copy of the key when a filter term drives the query (storage/sqlite/sql_filter.h):
  // the same value, but ordering by it lets SQLite walk the driver's index in page order.
  const std::string key(where.KeyColumn(key_column));
  if (!query.after_id.empty()) where.Add(absl::StrCat(key, " > ?"), query.after_id);
  if (query.only_ids) {
    where.Add(absl::StrCat(key, " IN (SELECT value FROM json_each(?))"),
              JsonStringArray(*query.only_ids));
  }
  const size_t page_size = static_cast<size_t>(ClampPageSize(query.page_size));
  const std::string sql =
      absl::StrCat(select, where.Join(), where.Clause(), " ORDER BY ", key, " LIMIT ?");
  ScopedStatement statement = connection.Prepare(sql);
  const int limit_index = where.Bind(statement);
  statement.BindInt64(limit_index, static_cast<int64_t>(page_size) + 1);
  Page<R> page;
  std::string last_key;
  while (statement.Step()) {
    if (page.items.size() == page_size) {
      page.next_after_id = std::move(last_key);
      break;
    }
    last_key = statement.Row().Text(0);
    page.items.push_back(read(statement.Row()));
  }
  return page;
}

// Inserts (owner, value) into a join table with `insert_sql` taking the two as ?1, ?2.
// Duplicates are ignored: a join table is a set that indexes the ordered list in the main row.
void InsertMemberships(Connection& connection, absl::string_view insert_sql,
                       absl::string_view owner_id, const std::vector<std::string>& values);
// Deletes the owner's rows with `delete_sql` (?1 = owner) and inserts `values` again.
void ReplaceMemberships(Connection& connection, absl::string_view delete_sql,
                        absl::string_view insert_sql, absl::string_view owner_id,
                        const std::vector<std::string>& values);

// True when `exists_sql` (?1 = id) finds a row.
bool RowExists(Connection& connection, absl::string_view exists_sql, absl::string_view id);

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_ROW_HELPERS_H_
