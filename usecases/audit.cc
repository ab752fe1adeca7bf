#include "usecases/audit.h"

#include "core/common/status_macros.h"

namespace techmatch::usecases {

absl::StatusOr<ListPage<AuditEvent>> AuditTrail::List(const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(ParsedList list,
                      ParseList("ListAuditEvents", "", request,
                                storage::Repository::AuditEventFilterFields(), tokens_));
  TM_ASSIGN_OR_RETURN(Page<AuditEvent> page, repository_.ListAuditEvents(list.query));
  return Continued(std::move(page), list, tokens_);
}

}  // namespace techmatch::usecases
