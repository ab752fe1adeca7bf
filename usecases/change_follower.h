// Applies to this server's memory the writes other servers made to a shared database
// (storage/change_feed.h): the matching index and its live watches, the record caches (which
// the feed itself clears) and the organizers' thesaurus. The use cases keep them current for
// this server's own writes; this does it for everyone else's.
//
// A change names a record, not its new contents: the follower reads the record as it is now
// and indexes it, so applying a change twice, or late, leaves the same state.
#ifndef TECHMATCH_USECASES_CHANGE_FOLLOWER_H_
#define TECHMATCH_USECASES_CHANGE_FOLLOWER_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/matching/matching_engine.h"
#include "storage/change_feed.h"
#include "storage/repository.h"
#include "usecases/thesaurus.h"

namespace techmatch::usecases {

class ChangeFollower {
 public:
  ChangeFollower(storage::Repository& repository, storage::ChangeFeed& feed,
                 MatchingEngine& matching, ThesaurusEntries& thesaurus)
      : repository_(repository), feed_(feed), matching_(matching), thesaurus_(thesaurus) {}

  // Takes the feed's latest seq as the starting point. Call before loading the matching index
  // and the thesaurus from the database: a change made while they load is applied again.
  absl::Status Start();

  // Reads and applies every change after the last one applied; returns how many changes it
  // read (this server's own included). On an error the changes applied so far stay applied
  // and the next call goes on from there.
  absl::StatusOr<int64_t> CatchUp();

  // The seq of the last change applied.
  int64_t applied_seq();

 private:
  // Changes read and applied per round (one statement per kind for the records).
  static constexpr int kBatch = 500;

  storage::Repository& repository_;
  storage::ChangeFeed& feed_;
  MatchingEngine& matching_;
  ThesaurusEntries& thesaurus_;
  absl::Mutex mutex_;  // One catch-up at a time.
  int64_t applied_seq_ ABSL_GUARDED_BY(mutex_) = 0;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_CHANGE_FOLLOWER_H_
