// What a server reads to follow the writes other servers make to the same database: needs,
// offerings and thesaurus entries, the records a server keeps in memory (the matching index and
// its watches, the record caches, the organizers' thesaurus). Only a backend that several
// servers can share has one (PostgreSQL); Repository::change_feed() is null otherwise.
//
// The log holds one change per record, under the sequence number of its latest write, and only
// ever grows at its end: a reader that has read every change up to seq N never later finds one
// below N. So a follower keeps the last seq it applied and reads what comes after it, after a
// wake-up, a timeout or a reconnect alike, and misses nothing.
#ifndef TECHMATCH_STORAGE_CHANGE_FEED_H_
#define TECHMATCH_STORAGE_CHANGE_FEED_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace techmatch::storage {

enum class ChangeKind { kNeed, kOffering, kThesaurusEntry };

struct RecordChange {
  int64_t seq = 0;
  ChangeKind kind = ChangeKind::kNeed;
  std::string id;
  // True when this process wrote it last (it applied the change when it wrote it).
  bool own = false;
};

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;

  // The latest seq in the log (0 when empty): a follower that loads its state after reading it
  // and then applies every change after it misses nothing.
  virtual absl::StatusOr<int64_t> LatestSeq() = 0;

  // At most `limit` changes after `after_seq`, in seq order. Needs and offerings read here are
  // dropped from the repository's record caches first, so a read that follows sees the change.
  virtual absl::StatusOr<std::vector<RecordChange>> ReadAfter(int64_t after_seq, int limit) = 0;

  // Waits until a change may have been written since the last call (true) or `timeout` passed
  // (false). UNAVAILABLE while the database cannot be reached (after waiting up to `timeout`);
  // the next call tries again. Called by one thread.
  virtual absl::StatusOr<bool> WaitForChanges(absl::Duration timeout) = 0;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_CHANGE_FEED_H_
