#include "storage/postgres/session_rows.h"

#include <cstdint>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/postgres/page_query.h"

namespace techmatch::storage::postgres {
namespace {

constexpr absl::string_view kInsert =
    "INSERT INTO sessions (id, user_id, token_hash, create_time, last_use_time, expire_time, "
    "client_address, revoke_time) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)";
constexpr absl::string_view kFind =
    "SELECT id, user_id, token_hash, create_time, last_use_time, expire_time, client_address, "
    "revoke_time FROM sessions WHERE id = $1";
// Newest first; the page continues at an offset (sessions of one user are few).
constexpr absl::string_view kListOpen =
    "SELECT id, user_id, token_hash, create_time, last_use_time, expire_time, client_address, "
    "revoke_time FROM sessions WHERE user_id = $1 AND revoke_time IS NULL "
    "ORDER BY create_time DESC, id LIMIT $2 OFFSET $3";
constexpr absl::string_view kRevoke =
    "UPDATE sessions SET revoke_time = coalesce(revoke_time, $3) WHERE user_id = $1 AND id = $2 "
    "RETURNING id";
constexpr absl::string_view kRevokeAll =
    "UPDATE sessions SET revoke_time = $2 WHERE user_id = $1 AND revoke_time IS NULL";
constexpr absl::string_view kTouch = "UPDATE sessions SET last_use_time = $2 WHERE id = $1";

Session ReadSession(const Result& result, int row) {
  Session session;
  session.id = result.Text(row, 0);
  session.user_id = result.Text(row, 1);
  session.token_hash = result.Text(row, 2);
  session.create_time = NanosToTime(result.Int64(row, 3));
  session.last_use_time = NanosToTime(result.Int64(row, 4));
  session.expire_time = NanosToTime(result.Int64(row, 5));
  session.client_address = result.Text(row, 6);
  if (!result.IsNull(row, 7)) session.revoke_time = NanosToTime(result.Int64(row, 7));
  return session;
}

}  // namespace

absl::Status SessionRows::Insert(Connection& connection, const Session& session) {
  return connection
      .Exec(kInsert, Params()
                         .Text(session.id)
                         .Text(session.user_id)
                         .Bytes(session.token_hash)
                         .Int64(TimeToNanosSaturated(session.create_time))
                         .Int64(TimeToNanosSaturated(session.last_use_time))
                         .Int64(TimeToNanosSaturated(session.expire_time))
                         .Text(session.client_address))
      .status();
}

absl::StatusOr<std::optional<Session>> SessionRows::Find(Connection& connection,
                                                         absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadSession(found, 0);
}

absl::StatusOr<Page<Session>> SessionRows::ListOpen(Connection& connection,
                                                    absl::string_view user_id,
                                                    const ListQuery& query) {
  int64_t offset = 0;
  if (!absl::SimpleAtoi(query.after_id, &offset) || offset < 0) offset = 0;
  const int page_size = ClampPageSize(query.page_size);
  TM_ASSIGN_OR_RETURN(
      Result listed,
      connection.Exec(kListOpen, Params().Text(user_id).Int64(page_size + 1).Int64(offset)));
  Page<Session> page;
  for (int row = 0; row < listed.rows(); ++row) {
    if (static_cast<int>(page.items.size()) == page_size) {
      page.next_after_id = absl::StrCat(offset + page_size);
      break;
    }
    page.items.push_back(ReadSession(listed, row));
  }
  return page;
}

absl::StatusOr<bool> SessionRows::Revoke(Connection& connection, absl::string_view user_id,
                                         absl::string_view id, absl::Time now) {
  TM_ASSIGN_OR_RETURN(
      Result revoked,
      connection.Exec(kRevoke, Params().Text(user_id).Text(id).Int64(TimeToNanosSaturated(now))));
  return revoked.rows() > 0;
}

absl::Status SessionRows::RevokeAll(Connection& connection, absl::string_view user_id,
                                    absl::Time now) {
  return connection.Exec(kRevokeAll, Params().Text(user_id).Int64(TimeToNanosSaturated(now)))
      .status();
}

absl::Status SessionRows::Touch(Connection& connection, absl::string_view id, absl::Time now) {
  return connection.Exec(kTouch, Params().Text(id).Int64(TimeToNanosSaturated(now))).status();
}

}  // namespace techmatch::storage::postgres
