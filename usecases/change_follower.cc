#include "usecases/change_follower.h"

#include <string>
#include <vector>

#include "core/common/paging.h"
#include "core/common/status_macros.h"
#include "usecases/index_updates.h"

namespace techmatch::usecases {
namespace {

// Reads the records `ids` name in one statement and hands each to `index`. A record read here
// is at least as new as the change that named it (the change committed before it was read).
template <typename Record, typename List, typename Index>
absl::Status IndexCurrent(std::vector<std::string> ids, List list, Index index) {
  if (ids.empty()) return absl::OkStatus();
  storage::ListQuery query;
  query.page_size = static_cast<int>(ids.size());
  query.only_ids = std::move(ids);
  TM_ASSIGN_OR_RETURN(Page<Record> page, list(query));
  for (const Record& record : page.items) KeepIndexCurrent(index(record));
  return absl::OkStatus();
}

}  // namespace

absl::Status ChangeFollower::Start() {
  TM_ASSIGN_OR_RETURN(int64_t latest, feed_.LatestSeq());
  absl::MutexLock lock(&mutex_);
  applied_seq_ = latest;
  return absl::OkStatus();
}

int64_t ChangeFollower::applied_seq() {
  absl::MutexLock lock(&mutex_);
  return applied_seq_;
}

absl::StatusOr<int64_t> ChangeFollower::CatchUp() {
  static_assert(kBatch <= kMaxPageSize, "one List reads a batch's records");
  absl::MutexLock lock(&mutex_);
  int64_t read = 0;
  while (true) {
    TM_ASSIGN_OR_RETURN(std::vector<storage::RecordChange> changes,
                        feed_.ReadAfter(applied_seq_, kBatch));
    if (changes.empty()) return read;
    std::vector<std::string> needs;
    std::vector<std::string> offerings;
    bool thesaurus = false;
    for (const storage::RecordChange& change : changes) {
      if (change.own) continue;
      switch (change.kind) {
        case storage::ChangeKind::kNeed:
          needs.push_back(change.id);
          break;
        case storage::ChangeKind::kOffering:
          offerings.push_back(change.id);
          break;
        case storage::ChangeKind::kThesaurusEntry:
          thesaurus = true;
          break;
      }
    }
    TM_RETURN_IF_ERROR(IndexCurrent<Need>(
        std::move(needs), [&](const storage::ListQuery& q) { return repository_.ListNeeds(q); },
        [&](const Need& need) { return matching_.IndexNeed(need); }));
    TM_RETURN_IF_ERROR(IndexCurrent<Offering>(
        std::move(offerings),
        [&](const storage::ListQuery& q) { return repository_.ListOfferings(q); },
        [&](const Offering& offering) { return matching_.IndexOffering(offering); }));
    if (thesaurus) TM_RETURN_IF_ERROR(thesaurus_.Reload());
    applied_seq_ = changes.back().seq;
    read += static_cast<int64_t>(changes.size());
  }
}

}  // namespace techmatch::usecases
