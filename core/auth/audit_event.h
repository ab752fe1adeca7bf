// One record of the audit trail and the chain that makes the trail tamper-evident.
//
// Each record's `hash` covers the previous record's and its own fields. Without an audit key
// that is a SHA-256 chain: it finds accidental damage and edits by someone who does not redo
// the chain, but anyone holding the file can recompute it. With an audit key (a secret kept
// outside the database, server/audit_key_file.h) it is HMAC-SHA-256 under that key: changing
// a record, or redoing the chain, needs the key.
#ifndef TECHMATCH_CORE_AUTH_AUDIT_EVENT_H_
#define TECHMATCH_CORE_AUTH_AUDIT_EVENT_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace techmatch {

struct AuditEvent {
  int64_t seq = 0;  // 1, 2, 3, ... in the order recorded; `auditEvents/{seq}`
  absl::Time event_time;
  std::string principal;  // the key id, or e.g. "cli" for the server's own commands
  std::string role;       // "ADMIN", ...; empty when the caller was not authenticated
  std::string method;     // full gRPC method name, or the command ("keys create")
  std::string resource;   // the resource name the call wrote or tried to, when known
  std::string request_id;
  std::string outcome;  // status code name: "OK", "PERMISSION_DENIED", ...
  std::string key_id;   // the audit key's id when keyed; empty for a SHA-256 record
  std::string hash;     // 32 bytes, see AuditChainHash
};

// The secret that keys the chain, and its public id (recorded with every record it keys).
struct AuditKey {
  std::string id;      // 16 hex digits derived from the secret
  std::string secret;  // 32 random bytes
};
inline constexpr size_t kAuditKeySecretBytes = 32;

// A key from `secret` (its id derived from it); INVALID_ARGUMENT unless 32 bytes.
absl::StatusOr<AuditKey> AuditKeyFromSecret(std::string secret);
// A new random key.
absl::StatusOr<AuditKey> NewAuditKey();

// The most bytes each text field of a record keeps (request ids are at most 128 when valid;
// an invalid one is still recorded, cut to this with a note of its length).
inline constexpr size_t kMaxAuditFieldBytes = 256;

// Cuts every text field of `event` to kMaxAuditFieldBytes (BoundedText): done before a record
// is hashed and stored, whoever wrote it.
void BoundAuditFields(AuditEvent& event);

// SHA-256 over `previous_hash` (empty for the first record) followed by the record's fields
// (seq, time in unix nanoseconds, principal, role, method, resource, request id, outcome), each
// length-prefixed so that no two different records share their bytes. For a keyed record
// (`key` given; `event.key_id` must be its id) HMAC-SHA-256 under the key over the same bytes
// followed by the key id.
std::string AuditChainHash(absl::string_view previous_hash, const AuditEvent& event,
                           const AuditKey* key = nullptr);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_AUDIT_EVENT_H_
