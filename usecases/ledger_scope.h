// Who may see and write the programme ledger's records (projects, financings, commissioners):
// a caller with a region (an OFFICIAL or ORGANIZER, Principal::region_code) only the records
// counting in that region or under it; an ENTERPRISE or INSTITUTE only its own organization's
// (or its colleges'), where the record names organizations.
#ifndef TECHMATCH_USECASES_LEDGER_SCOPE_H_
#define TECHMATCH_USECASES_LEDGER_SCOPE_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "storage/repository.h"

namespace techmatch::usecases {

// The storage scope of `caller`'s reads.
storage::ReadScope LedgerScopeOf(const Principal& caller);

// OK when `caller` has no region or `region_code` lies in it; PERMISSION_DENIED naming `what`
// otherwise (a write outside the caller's region).
absl::Status CheckLedgerWriteRegion(const Principal& caller, absl::string_view region_code,
                                    absl::string_view what);

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_LEDGER_SCOPE_H_
