// checked_sum(x): SUM over 64-bit integers that fails with a code of its own on overflow, so
// callers recognize an overflow by the error code instead of by the words of a message.
//
// SQLite's sum() stops with SQLITE_ERROR and the text "integer overflow", a code every other
// failure shares. checked_sum() stops with kSumOverflowCode (SQLITE_TOOBIG, "a value too large
// to represent", which nothing else in a query over integer columns can raise). Otherwise it is
// sum(): NULLs are skipped, and NULL is the sum of no values. Anything but an integer or NULL
// stops the statement with SQLITE_MISMATCH (the money columns are INTEGER in STRICT tables).
#ifndef TECHMATCH_STORAGE_SQLITE_CHECKED_SUM_H_
#define TECHMATCH_STORAGE_SQLITE_CHECKED_SUM_H_

#include <sqlite3.h>

namespace techmatch::storage::sqlite {

inline constexpr int kSumOverflowCode = SQLITE_TOOBIG;

// Adds checked_sum to `db` (every Connection does, when it opens). Returns SQLite's result code.
int RegisterCheckedSum(sqlite3* db);

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_CHECKED_SUM_H_
