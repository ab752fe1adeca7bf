// One record of the audit trail and the hash chain that makes the trail tamper-evident.
#ifndef TECHMATCH_CORE_AUTH_AUDIT_EVENT_H_
#define TECHMATCH_CORE_AUTH_AUDIT_EVENT_H_

#include <cstdint>
#include <string>

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
  std::string hash;     // 32 bytes, see AuditChainHash
};

// SHA-256 over `previous_hash` (empty for the first record) followed by the record's fields
// (seq, time in unix nanoseconds, principal, role, method, resource, request id, outcome), each
// length-prefixed so that no two different records share their bytes.
std::string AuditChainHash(absl::string_view previous_hash, const AuditEvent& event);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_AUDIT_EVENT_H_
