#include "storage/postgres/audit_rows.h"

#include <cstdint>
#include <string>
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
constexpr absl::string_view kInsert =
    "INSERT INTO audit_events (seq, event_time, principal, role, method, resource, request_id, "
    "outcome, hash, key_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr absl::string_view kAll =
    "SELECT seq::text AS page_key, seq, event_time, principal, role, method, resource, request_id, "
    "outcome, "
    "hash, key_id FROM audit_events ORDER BY seq";

AuditEvent ReadEvent(const Result& result, int row) {
  AuditEvent event;
  event.seq = result.Int64(row, 1);
  event.event_time = NanosToTime(result.Int64(row, 2));
  event.principal = result.Text(row, 3);
  event.role = result.Text(row, 4);
  event.method = result.Text(row, 5);
  event.resource = result.Text(row, 6);
  event.request_id = result.Text(row, 7);
  event.outcome = result.Text(row, 8);
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
  return connection.Script("LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE");
}

absl::Status AuditRows::Append(Connection& connection, AuditEvent event, const AuditKey* key) {
  TM_ASSIGN_OR_RETURN(Result last, connection.Exec(kLast));
  std::string previous_hash;
  int64_t previous_seq = 0;
  if (last.rows() > 0) {
    previous_seq = last.Int64(0, 0);
    previous_hash = last.Text(0, 1);
  }
  event.seq = previous_seq + 1;
  BoundAuditFields(event);
  event.key_id = key != nullptr ? key->id : "";
  TM_ASSIGN_OR_RETURN(int64_t event_time, TimeToNanos(event.event_time, "event_time"));
  // The stored time is what the hash covers: round it the same way a reader will see it.
  event.event_time = NanosToTime(event_time);
  event.hash = AuditChainHash(previous_hash, event, key);
  return connection
      .Exec(kInsert, Params()
                         .Int64(event.seq)
                         .Int64(event_time)
                         .Text(event.principal)
                         .Text(event.role)
                         .Text(event.method)
                         .Text(event.resource)
                         .Text(event.request_id)
                         .Text(event.outcome)
                         .Bytes(event.hash)
                         .Text(event.key_id))
      .status();
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
