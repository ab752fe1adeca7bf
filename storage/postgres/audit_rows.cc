#include "storage/postgres/audit_rows.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/common/bounded_text.h"
#include "core/common/field_violations.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// seq comes first as decimal text: the page's continuation (next_after_id) is read from it.
constexpr absl::string_view kSelect =
    "SELECT seq::text AS page_key, seq, event_time, principal, role, method, resource, request_id, "
    "outcome, "
    "hash, key_id FROM audit_events";
constexpr absl::string_view kLast =
    "SELECT seq, hash, key_id FROM audit_events ORDER BY seq DESC LIMIT 1";
constexpr absl::string_view kStage =
    "INSERT INTO audit_staged (event_time, principal, role, method, resource, request_id, "
    "outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)";
// The oldest `$1` staged records, removed.
constexpr absl::string_view kUnstage =
    "DELETE FROM audit_staged WHERE id IN (SELECT id FROM audit_staged ORDER BY id LIMIT $1) "
    "RETURNING id, event_time, principal, role, method, resource, request_id, outcome";
// A batch as one array per column (Params::Columns), in chain order.
constexpr absl::string_view kInsertBatch =
    "INSERT INTO audit_events (seq, event_time, principal, role, method, resource, request_id, "
    "outcome, hash, key_id) "
    "SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr absl::string_view kAll =
    "SELECT seq::text AS page_key, seq, event_time, principal, role, method, resource, request_id, "
    "outcome, "
    "hash, key_id FROM audit_events ORDER BY seq";

// The fields a staged and a chained record share, from event_time on, starting at `column`
// (event_time, principal, role, method, resource, request_id, outcome).
void ReadFields(const Result& result, int row, int column, AuditEvent& event) {
  event.event_time = NanosToTime(result.Int64(row, column));
  event.principal = result.Text(row, column + 1);
  event.role = result.Text(row, column + 2);
  event.method = result.Text(row, column + 3);
  event.resource = result.Text(row, column + 4);
  event.request_id = result.Text(row, column + 5);
  event.outcome = result.Text(row, column + 6);
}

AuditEvent ReadEvent(const Result& result, int row) {
  AuditEvent event;
  event.seq = result.Int64(row, 1);
  ReadFields(result, row, 2, event);
  event.hash = result.Text(row, 9);
  event.key_id = result.Text(row, 10);
  return event;
}

absl::Status Altered(int64_t seq, absl::string_view what) {
  return absl::DataLossError(absl::StrCat("audit trail altered at auditEvents/", seq, ": ", what));
}

}  // namespace

absl::Status AuditRows::LockChain(Connection& connection) {
  // SHARE ROW EXCLUSIVE: conflicts with itself and with inserts (ROW EXCLUSIVE), not with
  // reads, so listing and verifying go on meanwhile.
  return connection.LockFirst("LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE");
}

absl::Status AuditRows::Stage(Connection& connection, const AuditEvent& event) {
  AuditEvent bounded = event;
  BoundAuditFields(bounded);
  TM_ASSIGN_OR_RETURN(int64_t event_time, TimeToNanos(bounded.event_time, "event_time"));
  // Sent with the transaction's next statement, its COMMIT or the group commit's flush.
  return connection.ExecLater(kStage, Params()
                                          .Int64(event_time)
                                          .Text(bounded.principal)
                                          .Text(bounded.role)
                                          .Text(bounded.method)
                                          .Text(bounded.resource)
                                          .Text(bounded.request_id)
                                          .Text(bounded.outcome));
}

absl::StatusOr<int> AuditRows::Link(Connection& connection, const AuditKey* key, int limit) {
  // Taken off the staging table and appended in this transaction: a linker that waited for
  // the lock finds them gone, and a failure leaves them staged.
  TM_ASSIGN_OR_RETURN(Result staged, connection.Exec(kUnstage, Params().Int64(limit)));
  if (staged.rows() == 0) return 0;
  // DELETE ... RETURNING gives no order: the batch is chained in staging order.
  std::vector<std::pair<int64_t, int>> order;
  order.reserve(staged.rows());
  for (int row = 0; row < staged.rows(); ++row) order.emplace_back(staged.Int64(row, 0), row);
  std::sort(order.begin(), order.end());

  TM_ASSIGN_OR_RETURN(Result last, connection.Exec(kLast));
  std::string previous_hash;
  int64_t seq = 0;
  if (last.rows() > 0) {
    seq = last.Int64(0, 0);
    previous_hash = last.Text(0, 1);
  }
  // One INSERT for the batch: the chain's lock is held for as few round trips as possible.
  std::vector<Params> rows;
  rows.reserve(order.size());
  for (const auto& [id, row] : order) {
    AuditEvent event;
    event.seq = ++seq;
    ReadFields(staged, row, 1, event);
    event.key_id = key != nullptr ? key->id : "";
    event.hash = AuditChainHash(previous_hash, event, key);
    previous_hash = event.hash;
    rows.push_back(Params()
                       .Int64(event.seq)
                       .Int64(staged.Int64(row, 1))
                       .Text(event.principal)
                       .Text(event.role)
                       .Text(event.method)
                       .Text(event.resource)
                       .Text(event.request_id)
                       .Text(event.outcome)
                       .Bytes(event.hash)
                       .Text(event.key_id));
  }
  TM_ASSIGN_OR_RETURN(Params params, Params::Columns(rows));
  TM_RETURN_IF_ERROR(connection.Exec(kInsertBatch, params).status());
  return staged.rows();
}

absl::StatusOr<Page<AuditEvent>> AuditRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, AuditEventFilterColumns(), "seq"));
  // seq is a bigint: the decimal continuation is compared as a number, not as text.
  ListQuery rest = query;
  if (!query.after_id.empty()) {
    int64_t after = 0;
    if (!absl::SimpleAtoi(query.after_id, &after)) {
      return InvalidFieldError("page_token", "not a page of the audit trail");
    }
    where.AddInt64("seq > ", after);
    rest.after_id.clear();
  }
  if (query.only_ids) {
    where.AddTextArray("seq::text = ANY(", *query.only_ids, ")");
    rest.only_ids.reset();
  }
  return RunPageQuery<AuditEvent>(connection, kSelect, "seq", std::move(where), rest, ReadEvent);
}

absl::StatusOr<std::string> AuditRows::LastKeyId(Connection& connection) {
  TM_ASSIGN_OR_RETURN(Result last, connection.Exec(kLast));
  return last.rows() > 0 ? last.Text(0, 2) : std::string();
}

absl::StatusOr<AuditVerification> AuditRows::Verify(Connection& connection,
                                                    const std::vector<AuditKey>& keys) {
  // One result: the chain is read whole in the caller's snapshot. A very long trail would want
  // a cursor; audit records are small (a few hundred bytes each).
  TM_ASSIGN_OR_RETURN(Result all, connection.Exec(kAll));
  AuditVerification result;
  std::string previous_hash;
  int64_t expected_seq = 1;
  for (int row = 0; row < all.rows(); ++row) {
    const AuditEvent event = ReadEvent(all, row);
    const int64_t seq = event.seq;
    if (seq != expected_seq) {
      return Altered(expected_seq, absl::StrCat("record missing (next present is ", seq, ")"));
    }
    const AuditKey* key = nullptr;
    if (event.key_id.empty()) {
      // Unkeyed records come first (before a key was in use); one after a keyed record is a
      // keyed one rewritten by someone without the key.
      if (!result.key_ids.empty()) {
        return Altered(seq, "an unkeyed record after keyed ones (the chain was rewritten)");
      }
      ++result.unkeyed;
    } else {
      for (const AuditKey& k : keys) {
        if (k.id == event.key_id) key = &k;
      }
      if (key == nullptr) {
        return absl::FailedPreconditionError(absl::StrCat(
            "auditEvents/", seq, " is keyed with audit key ", BoundedText(event.key_id, 32),
            ": give that key's file with --audit_key_file to verify it"));
      }
      if (result.key_ids.empty() || result.key_ids.back() != key->id) {
        result.key_ids.push_back(key->id);
      }
    }
    if (AuditChainHash(previous_hash, event, key) != event.hash) {
      return Altered(seq, "its fields or hash do not match the chain");
    }
    previous_hash = event.hash;
    ++expected_seq;
  }
  result.records = expected_seq - 1;
  return result;
}

}  // namespace techmatch::storage::postgres
