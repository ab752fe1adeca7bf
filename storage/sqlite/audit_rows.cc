#include "storage/sqlite/audit_rows.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/common/bounded_text.h"
#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kSelect =
    "SELECT seq, event_time, principal, role, method, resource, request_id, outcome, hash, "
    "key_id FROM audit_events";
constexpr absl::string_view kLast =
    "SELECT seq, hash, key_id FROM audit_events ORDER BY seq DESC LIMIT 1";
constexpr absl::string_view kInsert =
    "INSERT INTO audit_events (seq, event_time, principal, role, method, resource, request_id, "
    "outcome, hash, key_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr absl::string_view kAll =
    "SELECT seq, event_time, principal, role, method, resource, request_id, outcome, hash, "
    "key_id FROM audit_events ORDER BY seq";

AuditEvent ReadEvent(const RowReader& row) {
  AuditEvent event;
  event.seq = row.Int64(0);
  event.event_time = NanosToTime(row.Int64(1));
  event.principal = row.Text(2);
  event.role = row.Text(3);
  event.method = row.Text(4);
  event.resource = row.Text(5);
  event.request_id = row.Text(6);
  event.outcome = row.Text(7);
  event.hash = row.Blob(8);
  event.key_id = row.Text(9);
  return event;
}

absl::Status Altered(int64_t seq, absl::string_view what) {
  return absl::DataLossError(absl::StrCat("audit trail altered at auditEvents/", seq, ": ", what));
}

}  // namespace

absl::Status AuditRows::Append(Connection& connection, AuditEvent event, const AuditKey* key) {
  std::string previous_hash;
  int64_t previous_seq = 0;
  {
    ScopedStatement last = connection.Prepare(kLast);
    if (last.Step()) {
      previous_seq = last.Row().Int64(0);
      previous_hash = last.Row().Blob(1);
    }
  }
  event.seq = previous_seq + 1;
  BoundAuditFields(event);
  event.key_id = key != nullptr ? key->id : "";
  TM_ASSIGN_OR_RETURN(int64_t event_time, TimeToNanos(event.event_time, "event_time"));
  // The stored time is what the hash covers: round it the same way a reader will see it.
  event.event_time = NanosToTime(event_time);
  event.hash = AuditChainHash(previous_hash, event, key);
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindInt64(1, event.seq);
  insert.BindInt64(2, event_time);
  insert.BindText(3, event.principal);
  insert.BindText(4, event.role);
  insert.BindText(5, event.method);
  insert.BindText(6, event.resource);
  insert.BindText(7, event.request_id);
  insert.BindText(8, event.outcome);
  insert.BindBlob(9, event.hash);
  insert.BindText(10, event.key_id);
  insert.Run();
  return absl::OkStatus();
}

absl::StatusOr<Page<AuditEvent>> AuditRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, AuditEventFilterColumns(), "seq"));
  // seq is INTEGER: SQLite compares the decimal after_id numerically against it.
  return RunPageQuery<AuditEvent>(connection, kSelect, "seq", std::move(where), query, ReadEvent);
}

std::string AuditRows::LastKeyId(Connection& connection) {
  ScopedStatement last = connection.Prepare(kLast);
  return last.Step() ? last.Row().Text(2) : std::string();
}

absl::StatusOr<AuditVerification> AuditRows::Verify(Connection& connection,
                                                    const std::vector<AuditKey>& keys) {
  ScopedStatement all = connection.Prepare(kAll);
  AuditVerification result;
  std::string previous_hash;
  int64_t expected_seq = 1;
  while (all.Step()) {
    const RowReader row = all.Row();
    const int64_t seq = row.Int64(0);
    if (seq != expected_seq) {
      return Altered(expected_seq, absl::StrCat("record missing (next present is ", seq, ")"));
    }
    const AuditEvent event = ReadEvent(row);
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

}  // namespace techmatch::storage::sqlite
