// Who may see and write the programme ledger's records (projects, financings, commissioners):
// a caller with a region (an OFFICIAL or ORGANIZER, Principal::region_code) only the records
// counting in that region or under it; an ENTERPRISE or INSTITUTE only its own organization's
// (or its colleges'), where the record names organizations.
#ifndef TECHMATCH_USECASES_LEDGER_SCOPE_H_
#define TECHMATCH_USECASES_LEDGER_SCOPE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "storage/repository.h"

namespace techmatch::usecases {

// The storage scope of `caller`'s reads.
storage::ReadScope LedgerScopeOf(const Principal& caller);

// OK when `caller` has no region or `region_code` lies in it; PERMISSION_DENIED naming `what`
// otherwise (a write outside the caller's region).
absl::Status CheckLedgerWriteRegion(const Principal& caller, absl::string_view region_code,
                                    absl::string_view what);

// The record `id` of `collection`, read with `get`, when `caller` may see it; NOT_FOUND, as for
// no such record, when the caller's scope (LedgerScopeOf) leaves it out. Whether it does is
// asked of `list` with the record's id alone, so a Get sees exactly what a List would.
template <typename Record>
absl::StatusOr<Record> GetVisibleLedgerRecord(
    storage::Repository& repository, const Principal& caller, absl::string_view collection,
    absl::string_view id, absl::StatusOr<Record> (storage::Repository::*get)(absl::string_view),
    absl::StatusOr<Page<Record>> (storage::Repository::*list)(const storage::ListQuery&)) {
  TM_ASSIGN_OR_RETURN(Record record, (repository.*get)(id));
  const storage::ReadScope scope = LedgerScopeOf(caller);
  if (scope.party || !scope.region.empty()) {
    storage::ListQuery own;
    own.scope = scope;
    own.only_ids.emplace({std::string(id)});
    own.page_size = 1;
    TM_ASSIGN_OR_RETURN(Page<Record> found, (repository.*list)(own));
    if (found.items.empty()) {
      return absl::NotFoundError(absl::StrCat(ResourceName(collection, id), " not found"));
    }
  }
  return record;
}

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_LEDGER_SCOPE_H_
