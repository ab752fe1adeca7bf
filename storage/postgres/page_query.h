// Keyset pages, shared by every List: rows after the last key of the previous page, in key
// order, never OFFSET (a page costs the same however deep it is).
#ifndef TECHMATCH_STORAGE_POSTGRES_PAGE_QUERY_H_
#define TECHMATCH_STORAGE_POSTGRES_PAGE_QUERY_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/sql_where.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

// A page size the server has normalized already; re-clamped so a bad caller cannot ask for an
// unbounded page.
int ClampPageSize(int page_size);

// Runs `select` (which must select the key column first) with `where` (its driver join right
// after `select`, its conditions and parameters), continuing after `query.after_id` in key
// order, with `query.only_ids` when set, and reads at most `query.page_size` rows with
// `read(result, row)`. The key is `key_column`, or the driver's copy of it when a filter term
// drives the query (the same value; ordering by it walks the driver's index in page order).
// One extra row is fetched to learn whether another page exists.
template <typename R>
absl::StatusOr<Page<R>> RunPageQuery(Connection& connection, absl::string_view select,
                                     absl::string_view key_column, SqlWhere where,
                                     const ListQuery& query,
                                     absl::FunctionRef<R(const Result&, int)> read) {
  const std::string key(where.KeyColumn(key_column));
  if (!query.after_id.empty()) where.AddText(absl::StrCat(key, " > "), query.after_id);
  if (query.only_ids) where.AddTextArray(absl::StrCat(key, " = ANY("), *query.only_ids, ")");
  const int page_size = ClampPageSize(query.page_size);
  const std::string sql = absl::StrCat(select, where.Join(), where.Clause(), " ORDER BY ", key,
                                       " LIMIT ", where.NextParameter());
  where.params().Int64(page_size + 1);
  absl::StatusOr<Result> result = connection.Exec(sql, where.params());
  if (!result.ok()) return result.status();
  Page<R> page;
  const int rows = result->rows();
  for (int row = 0; row < rows && row < page_size; ++row) page.items.push_back(read(*result, row));
  if (rows > page_size) page.next_after_id = result->Text(page_size - 1, 0);
  return page;
}

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_PAGE_QUERY_H_
