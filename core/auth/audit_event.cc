#include "core/auth/audit_event.h"

#include "absl/strings/str_cat.h"
#include "core/auth/api_key.h"

namespace techmatch {
namespace {

void Append(std::string& out, absl::string_view field) {
  absl::StrAppend(&out, field.size(), ":", field, ";");
}

}  // namespace

std::string AuditChainHash(absl::string_view previous_hash, const AuditEvent& event) {
  std::string canonical;
  Append(canonical, previous_hash);
  Append(canonical, absl::StrCat(event.seq));
  Append(canonical, absl::StrCat(absl::ToUnixNanos(event.event_time)));
  Append(canonical, event.principal);
  Append(canonical, event.role);
  Append(canonical, event.method);
  Append(canonical, event.resource);
  Append(canonical, event.request_id);
  Append(canonical, event.outcome);
  return Sha256(canonical);
}

}  // namespace techmatch
