// How PostgreSQL errors become absl::Status: the SQLSTATE (PostgreSQL's error code) decides the
// code, never the words of a message, and the table is the one place that decides it.
//
// Callers see what SqliteRepository gives for the same fault: ALREADY_EXISTS for a duplicate
// key, FAILED_PRECONDITION for a missing referenced record, UNAVAILABLE when the server cannot
// be reached or is busy, ABORTED for a serialization failure or deadlock (after the transaction
// was retried), OUT_OF_RANGE when checked_sum overflows, INTERNAL for the rest (details logged,
// never returned).
#ifndef TECHMATCH_STORAGE_POSTGRES_PG_STATUS_H_
#define TECHMATCH_STORAGE_POSTGRES_PG_STATUS_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace techmatch::storage::postgres {

// The SQLSTATE checked_sum raises on overflow (storage/postgres/checked_sum.h): a class of our
// own ("TM"), so no other failure shares it.
inline constexpr absl::string_view kSumOverflowState = "TMS01";
// The SQLSTATE Connection::LockFirst answers in a write that joined a running transaction
// (storage/postgres/group_commit.h runs that write again alone; it never reaches a caller).
inline constexpr absl::string_view kNotFirstState = "TMG01";

// The code for `sqlstate` (five characters; "" when the server gave none, which libpq does when
// the connection broke).
absl::StatusCode CodeForSqlState(absl::string_view sqlstate);

// True for the failures a transaction is run again for: serialization failure, deadlock.
bool IsRetryableSqlState(absl::string_view sqlstate);

// What a Connection returns for a failed statement: the server's message and its SQLSTATE as
// a payload (SqlStateOf), for the transaction's retry decision and for StatusFor.
absl::Status DatabaseError(absl::string_view sqlstate, absl::string_view message);

// The answer for `error` while `action` (e.g. "creating") on `resource` (e.g. "industries/x"):
// a DatabaseError becomes the code of its SQLSTATE with a message of our own (the server's is
// logged, never returned), without the payload; any other status is returned as it is.
absl::Status StatusFor(const absl::Status& error, absl::string_view action,
                       absl::string_view resource);

// The SQLSTATE StatusFromError attached, if any.
std::optional<std::string> SqlStateOf(const absl::Status& status);

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_PG_STATUS_H_
