// The thesaurus organizers edit at run time (ThesaurusService): entries stored in the
// database and layered over the shipped thesaurus (core/text/thesaurus_record.h says why), and
// the matching engine's thesaurus swapped for the new layering after every write, so the next
// match uses it. Writes are serialized here, so the duplicate check and the swap see every
// write before them on this server; another server's writes arrive through Reload (on a
// shared database two organizers adding the same entry at the same moment on two servers may
// both succeed; both are then layered, and either can be deleted).
#ifndef TECHMATCH_USECASES_THESAURUS_H_
#define TECHMATCH_USECASES_THESAURUS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "core/common/field_violations.h"
#include "core/matching/matching_engine.h"
#include "core/text/thesaurus_record.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewThesaurusEntry {
  ThesaurusRecord record;
  Violations conversion;       // Named relative to the entry.
  absl::string_view entry_id;  // Empty: generated.
  absl::string_view request_id;
};

struct ThesaurusEntryUpdate {
  absl::string_view name;  // thesaurus_entry.name
  absl::string_view etag;
  std::vector<std::string> paths;
  ThesaurusRecord patch;
  Violations conversion;
};

struct ThesaurusListRequest {
  std::optional<ThesaurusKind> kind;
  absl::string_view term;
  ListRequest list;  // Its filter is unused (the kind and term narrow instead).
  Violations conversion;
};

// Longest `term` a list may search for.
inline constexpr size_t kMaxThesaurusSearchChars = 100;

class ThesaurusEntries {
 public:
  // The engine's thesaurus when the first write or LoadStored comes is the shipped one the
  // stored entries are layered over.
  ThesaurusEntries(storage::Repository& repository, const PageTokenCodec& tokens,
                   MatchingEngine& matching)
      : repository_(repository), tokens_(tokens), matching_(matching) {}

  // At start: layers the stored entries over the engine's thesaurus (nothing, not even loading
  // the shipped thesaurus, when none are stored).
  absl::Status LoadStored();
  // Another server changed the stored entries (usecases/change_follower.h): layers them again,
  // the shipped thesaurus alone once none is left.
  absl::Status Reload();

  absl::StatusOr<ThesaurusRecord> Create(NewThesaurusEntry input);
  absl::StatusOr<ThesaurusRecord> Get(absl::string_view name);
  absl::StatusOr<ListPage<ThesaurusRecord>> List(const ThesaurusListRequest& request);
  absl::StatusOr<ThesaurusRecord> Update(const ThesaurusEntryUpdate& input);
  absl::Status Delete(absl::string_view name, absl::string_view etag);

 private:
  // A violation on `from` when another stored entry is the same entry (SameThesaurusEntry).
  absl::Status CheckDuplicate(const ThesaurusRecord& record, Violations& violations);
  // Builds the layered thesaurus from what is stored and hands it to the engine.
  absl::Status Publish() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
  MatchingEngine& matching_;
  absl::Mutex mutex_;
  bool have_base_ ABSL_GUARDED_BY(mutex_) = false;
  std::shared_ptr<const Thesaurus> base_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_THESAURUS_H_
