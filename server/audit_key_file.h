// The audit key's file: the secret that keys the audit chain (core/auth/audit_event.h), kept
// outside the database so that holding the database is not enough to rewrite its trail.
//
// One line, "techmatch-audit-key-v1 <64 hex digits>", created with mode 0600 by
// `techmatch-server audit init-key --out FILE` and never stored in the database (records carry
// only the key's id).
#ifndef TECHMATCH_SERVER_AUDIT_KEY_FILE_H_
#define TECHMATCH_SERVER_AUDIT_KEY_FILE_H_

#include <string>

#include "absl/status/statusor.h"
#include "core/auth/audit_event.h"

namespace techmatch::server {

// Creates `path` (refusing an existing file) holding a new random key; returns the key.
absl::StatusOr<AuditKey> CreateAuditKeyFile(const std::string& path);

// The key in `path`: NOT_FOUND when missing, INVALID_ARGUMENT when it is not a key file,
// FAILED_PRECONDITION when others than its owner may read it.
absl::StatusOr<AuditKey> ReadAuditKeyFile(const std::string& path);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_AUDIT_KEY_FILE_H_
