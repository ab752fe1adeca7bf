// The matching index follows every stored change to a need or offering (the use cases call
// the engine after each write); the repository stays the source of truth, and other servers'
// writes reach the index through the change follower (usecases/change_follower.h).
#ifndef TECHMATCH_USECASES_INDEX_UPDATES_H_
#define TECHMATCH_USECASES_INDEX_UPDATES_H_

#include "absl/status/status.h"

namespace techmatch::usecases {

// After a stored write: the write stands even when indexing fails (the index is rebuilt from
// storage at the next start), so a failure is logged, not returned to the caller.
void KeepIndexCurrent(const absl::Status& index_status);

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_INDEX_UPDATES_H_
