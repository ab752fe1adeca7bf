// Which role may call which method: the one rule table the server's guard consults.
//
// Deny by default: a method missing here is refused to every role (PERMISSION_DENIED), so a
// method added to a service later stays closed until its rule is written. A test enumerates the
// methods of every registered service and fails when one has no rule.
#ifndef TECHMATCH_CORE_AUTH_PERMISSIONS_H_
#define TECHMATCH_CORE_AUTH_PERMISSIONS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"

namespace techmatch {

struct MethodRule {
  // Bit (1 << Role) per allowed role.
  uint32_t roles = 0;
  // The call may change stored data: it leaves an audit record whatever its outcome.
  bool mutating = false;
  // A door for newcomers (sign-in, accepting an invitation, applying): takes no credentials and
  // runs as an anonymous principal; bounded and throttled by its use case instead.
  bool open = false;

  bool Allows(Role role) const { return (roles >> static_cast<int>(role)) & 1u; }
};

// Methods by full gRPC name ("/techmatch.v1.NeedService/CreateNeed").
struct NamedRule {
  std::string method;
  MethodRule rule;
};
const std::vector<NamedRule>& MethodRules();

// The rule of `method`, or nullptr when it has none.
const MethodRule* FindMethodRule(absl::string_view method);

// OK when `principal` may call `method`; PERMISSION_DENIED otherwise (also for a method
// without a rule). Decided from the role alone, before anything is looked up.
absl::Status Authorize(const Principal& principal, absl::string_view method,
                       const MethodRule* rule);

// OK when `principal` may write records owned by `organization_id`: INSTITUTE and ENTERPRISE
// keys only their own organization's, other writing roles any. `what` names the record, e.g.
// "needs/n1", for the message.
absl::Status CheckOwnership(const Principal& principal, absl::string_view organization_id,
                            absl::string_view what);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_PERMISSIONS_H_
