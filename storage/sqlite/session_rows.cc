#include "storage/sqlite/session_rows.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "storage/codec.h"
#include "storage/sqlite/row_helpers.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kInsert =
    "INSERT INTO sessions (id, user_id, token_hash, create_time, last_use_time, expire_time, "
    "client_address, revoke_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)";
constexpr absl::string_view kFind =
    "SELECT id, user_id, token_hash, create_time, last_use_time, expire_time, client_address, "
    "revoke_time FROM sessions WHERE id = ?1";
// Newest first; the page continues at an offset (sessions of one user are few).
constexpr absl::string_view kListOpen =
    "SELECT id, user_id, token_hash, create_time, last_use_time, expire_time, client_address, "
    "revoke_time FROM sessions WHERE user_id = ?1 AND revoke_time IS NULL "
    "ORDER BY create_time DESC, id LIMIT ?2 OFFSET ?3";
constexpr absl::string_view kRevoke =
    "UPDATE sessions SET revoke_time = coalesce(revoke_time, ?3) WHERE user_id = ?1 AND id = ?2 "
    "RETURNING id";
constexpr absl::string_view kRevokeAll =
    "UPDATE sessions SET revoke_time = ?2 WHERE user_id = ?1 AND revoke_time IS NULL";
constexpr absl::string_view kTouch = "UPDATE sessions SET last_use_time = ?2 WHERE id = ?1";

Session ReadSession(const RowReader& row) {
  Session session;
  session.id = row.Text(0);
  session.user_id = row.Text(1);
  session.token_hash = row.Blob(2);
  session.create_time = NanosToTime(row.Int64(3));
  session.last_use_time = NanosToTime(row.Int64(4));
  session.expire_time = NanosToTime(row.Int64(5));
  session.client_address = row.Text(6);
  if (!row.IsNull(7)) session.revoke_time = NanosToTime(row.Int64(7));
  return session;
}

}  // namespace

absl::Status SessionRows::Insert(Connection& connection, const Session& session) {
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, session.id);
  insert.BindText(2, session.user_id);
  insert.BindBlob(3, session.token_hash);
  insert.BindInt64(4, TimeToNanosSaturated(session.create_time));
  insert.BindInt64(5, TimeToNanosSaturated(session.last_use_time));
  insert.BindInt64(6, TimeToNanosSaturated(session.expire_time));
  insert.BindText(7, session.client_address);
  insert.Run();
  return absl::OkStatus();
}

std::optional<Session> SessionRows::Find(Connection& connection, absl::string_view id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, id);
  if (!find.Step()) return std::nullopt;
  return ReadSession(find.Row());
}

Page<Session> SessionRows::ListOpen(Connection& connection, absl::string_view user_id,
                                    const ListQuery& query) {
  int64_t offset = 0;
  if (!absl::SimpleAtoi(query.after_id, &offset) || offset < 0) offset = 0;
  const int page_size = ClampPageSize(query.page_size);
  ScopedStatement list = connection.Prepare(kListOpen);
  list.BindText(1, user_id);
  list.BindInt64(2, page_size + 1);
  list.BindInt64(3, offset);
  Page<Session> page;
  while (list.Step()) {
    if (static_cast<int>(page.items.size()) == page_size) {
      page.next_after_id = absl::StrCat(offset + page_size);
      break;
    }
    page.items.push_back(ReadSession(list.Row()));
  }
  return page;
}

bool SessionRows::Revoke(Connection& connection, absl::string_view user_id, absl::string_view id,
                         absl::Time now) {
  ScopedStatement revoke = connection.Prepare(kRevoke);
  revoke.BindText(1, user_id);
  revoke.BindText(2, id);
  revoke.BindInt64(3, TimeToNanosSaturated(now));
  return revoke.Step();
}

void SessionRows::RevokeAll(Connection& connection, absl::string_view user_id, absl::Time now) {
  ScopedStatement revoke = connection.Prepare(kRevokeAll);
  revoke.BindText(1, user_id);
  revoke.BindInt64(2, TimeToNanosSaturated(now));
  revoke.Run();
}

void SessionRows::Touch(Connection& connection, absl::string_view id, absl::Time now) {
  ScopedStatement touch = connection.Prepare(kTouch);
  touch.BindText(1, id);
  touch.BindInt64(2, TimeToNanosSaturated(now));
  touch.Run();
}

}  // namespace techmatch::storage::sqlite
