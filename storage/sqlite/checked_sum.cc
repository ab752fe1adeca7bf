#include "storage/sqlite/checked_sum.h"

#include <cstdint>

namespace techmatch::storage::sqlite {
namespace {

struct SumState {
  int64_t sum;
  bool any;  // A non-NULL value was added.
};

void Step(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  const int type = sqlite3_value_type(argv[0]);
  if (type == SQLITE_NULL) return;
  if (type != SQLITE_INTEGER) {
    sqlite3_result_error(context, "checked_sum() takes integers", -1);
    sqlite3_result_error_code(context, SQLITE_MISMATCH);
    return;
  }
  // Zeroed by SQLite on the first call of each group.
  auto* state = static_cast<SumState*>(sqlite3_aggregate_context(context, sizeof(SumState)));
  if (state == nullptr) {
    sqlite3_result_error_nomem(context);
    return;
  }
  if (__builtin_add_overflow(state->sum, sqlite3_value_int64(argv[0]), &state->sum)) {
    sqlite3_result_error(context, "checked_sum() overflowed 64-bit integers", -1);
    sqlite3_result_error_code(context, kSumOverflowCode);
    return;
  }
  state->any = true;
}

void Final(sqlite3_context* context) {
  // Null when Step never allocated the state (no rows, or only NULLs before any value).
  const auto* state = static_cast<SumState*>(sqlite3_aggregate_context(context, 0));
  if (state == nullptr || !state->any) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_int64(context, state->sum);
  }
}

}  // namespace

int RegisterCheckedSum(sqlite3* db) {
  return sqlite3_create_function_v2(db, "checked_sum", 1,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                    nullptr, Step, Final, nullptr);
}

}  // namespace techmatch::storage::sqlite
