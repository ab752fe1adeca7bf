#include "storage/postgres/pg_status.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kSqlStatePayload = "type.techmatch/storage.postgres.sqlstate";

struct StateCode {
  absl::string_view state;  // A full SQLSTATE, or a two-character class.
  absl::StatusCode code;
};

// Full states first: a lookup takes the first entry whose state equals the SQLSTATE or is its
// class.
constexpr StateCode kTable[] = {
    {"23505", absl::StatusCode::kAlreadyExists},       // unique_violation
    {"23503", absl::StatusCode::kFailedPrecondition},  // foreign_key_violation
    {"40001", absl::StatusCode::kAborted},             // serialization_failure
    {"40P01", absl::StatusCode::kAborted},             // deadlock_detected
    {"55P03", absl::StatusCode::kUnavailable},         // lock_not_available (lock_timeout)
    {"57014", absl::StatusCode::kUnavailable},         // query_canceled (statement_timeout)
    {"57P01", absl::StatusCode::kUnavailable},         // admin_shutdown
    {"57P02", absl::StatusCode::kUnavailable},         // crash_shutdown
    {"57P03", absl::StatusCode::kUnavailable},         // cannot_connect_now (starting up)
    {"53300", absl::StatusCode::kUnavailable},         // too_many_connections
    {"25006", absl::StatusCode::kInternal},            // read_only_sql_transaction: our bug
    {kSumOverflowState, absl::StatusCode::kOutOfRange},
    {"08", absl::StatusCode::kUnavailable},  // connection_exception, every kind
};

}  // namespace

absl::StatusCode CodeForSqlState(absl::string_view sqlstate) {
  // libpq reports a broken connection without a SQLSTATE.
  if (sqlstate.empty()) return absl::StatusCode::kUnavailable;
  for (const StateCode& entry : kTable) {
    if (sqlstate == entry.state) return entry.code;
  }
  for (const StateCode& entry : kTable) {
    if (entry.state.size() == 2 && absl::StartsWith(sqlstate, entry.state)) return entry.code;
  }
  return absl::StatusCode::kInternal;
}

bool IsRetryableSqlState(absl::string_view sqlstate) {
  return sqlstate == "40001" || sqlstate == "40P01";
}

absl::Status DatabaseError(absl::string_view sqlstate, absl::string_view message) {
  absl::Status status = absl::InternalError(message);
  status.SetPayload(kSqlStatePayload, absl::Cord(sqlstate));
  return status;
}

absl::Status StatusFor(const absl::Status& error, absl::string_view action,
                       absl::string_view resource) {
  const std::optional<std::string> state = SqlStateOf(error);
  if (!state) return error;
  const absl::string_view sqlstate = *state;
  const absl::string_view detail = error.message();
  const absl::StatusCode code = CodeForSqlState(sqlstate);
  // A duplicate id in an import is the caller's mistake, not a fault worth an error line each.
  const bool caller_error =
      code == absl::StatusCode::kAlreadyExists || code == absl::StatusCode::kFailedPrecondition;
  spdlog::log(caller_error ? spdlog::level::debug : spdlog::level::err,
              "storage: {} {} failed: {} (sqlstate {})", std::string(action), std::string(resource),
              std::string(detail), sqlstate.empty() ? std::string("none") : std::string(sqlstate));
  absl::Status status;
  switch (code) {
    case absl::StatusCode::kAlreadyExists:
      status = absl::AlreadyExistsError(absl::StrCat(resource, " already exists"));
      break;
    case absl::StatusCode::kFailedPrecondition:
      // The server checks references before writing; reaching this means a record it refers to
      // is missing, which the caller can fix.
      status = absl::FailedPreconditionError(
          absl::StrCat(resource, " refers to a record that does not exist"));
      break;
    case absl::StatusCode::kUnavailable:
      status = absl::UnavailableError(absl::StrCat("the database is unavailable while ", action,
                                                   " ", resource, "; retry later"));
      break;
    case absl::StatusCode::kAborted:
      status = absl::AbortedError(
          absl::StrCat("a concurrent change conflicted while ", action, " ", resource, "; retry"));
      break;
    case absl::StatusCode::kOutOfRange:
      status = absl::OutOfRangeError(
          absl::StrCat("a sum while ", action, " ", resource,
                       " exceeds the largest amount that can be represented (2^63-1 minor "
                       "units); narrow the filter"));
      break;
    default:
      status = absl::InternalError(
          absl::StrCat("storage failure while ", action, " ", resource, "; see the server log"));
  }
  return status;
}

std::optional<std::string> SqlStateOf(const absl::Status& status) {
  const auto payload = status.GetPayload(kSqlStatePayload);
  if (!payload) return std::nullopt;
  return std::string(*payload);
}

}  // namespace techmatch::storage::postgres
