// Every open need registered for an event, a page at a time in name order: what MatchEvent and
// GenerateMeetingRequests walk.
#ifndef TECHMATCH_USECASES_OPEN_NEEDS_H_
#define TECHMATCH_USECASES_OPEN_NEEDS_H_

#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/common/filter.h"
#include "core/common/paging.h"
#include "core/common/status_macros.h"
#include "core/listings/need.h"
#include "storage/repository.h"

namespace techmatch::usecases {

// Calls `visit` with each; stops at and returns the first error it returns.
inline absl::Status ForEachOpenNeedAt(storage::Repository& repository, absl::string_view event_id,
                                      absl::FunctionRef<absl::Status(const Need&)> visit) {
  storage::ListQuery query;
  query.filter = {{"event", FilterOp::kEq, std::string(event_id)},
                  {"state", FilterOp::kEq, std::string(NeedStateName(NeedState::kOpen))}};
  query.page_size = kMaxPageSize;
  do {
    TM_ASSIGN_OR_RETURN(Page<Need> page, repository.ListNeeds(query));
    for (const Need& need : page.items) TM_RETURN_IF_ERROR(visit(need));
    query.after_id = page.next_after_id;
  } while (!query.after_id.empty());
  return absl::OkStatus();
}

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_OPEN_NEEDS_H_
