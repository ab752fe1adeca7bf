#include "core/matching/match_watch_hub.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace techmatch {

MatchWatchHub::~MatchWatchHub() {
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
  }
  if (worker_.joinable()) worker_.join();
}

absl::Status MatchWatchHub::Add(std::shared_ptr<MatchWatch> watch) {
  absl::MutexLock lock(&mutex_);
  if (watches_.size() >= kMaxWatches) {
    return absl::ResourceExhaustedError(absl::StrCat("the server already has ", kMaxWatches,
                                                     " open match watches; try again later"));
  }
  watches_.push_back(std::move(watch));
  watch_count_.store(watches_.size(), std::memory_order_relaxed);
  if (!worker_.joinable()) worker_ = std::thread([this] { Work(); });
  return absl::OkStatus();
}

void MatchWatchHub::Remove(const std::shared_ptr<MatchWatch>& watch) {
  absl::MutexLock lock(&mutex_);
  watches_.erase(std::remove(watches_.begin(), watches_.end(), watch), watches_.end());
  watch_count_.store(watches_.size(), std::memory_order_relaxed);
}

void MatchWatchHub::Changed(WatchSide side, const std::string& id, absl::string_view title,
                            absl::string_view raw_text, const AnalyzedText& text) {
  // A watch added just after this check misses only changes stored before it existed.
  if (watch_count_.load(std::memory_order_relaxed) == 0) return;
  absl::MutexLock lock(&mutex_);
  if (pending_.size() >= kMaxPending) {
    // The worker is hopelessly behind: tell every watcher rather than send stale matches late.
    for (const auto& watch : watches_) {
      watch->Close(
          absl::ResourceExhaustedError("matching fell behind the stored changes; watch again"));
    }
    delivered_ += pending_.size();
    pending_.clear();
  }
  pending_.push_back({side, id, std::string(title), std::string(raw_text), text});
  ++reported_;
}

void MatchWatchHub::Drain() {
  absl::MutexLock lock(&mutex_);
  const uint64_t target = reported_;
  auto done = [this, target]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    return delivered_ >= target || stopping_;
  };
  mutex_.Await(absl::Condition(&done));
}

void MatchWatchHub::Work() {
  // Writers first: on a busy machine the worker yields the cores to the calls that store
  // records and catches up when they pause (kMaxPending bounds how far it may fall behind).
  // Linux applies a nice value to the one thread whose id is given. Best effort: a failure
  // only means the worker competes as an equal.
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kWorkerNice);
  for (;;) {
    RecordChange change;
    std::vector<std::shared_ptr<MatchWatch>> watches;
    {
      absl::MutexLock lock(&mutex_);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
        return !pending_.empty() || stopping_;
      };
      mutex_.Await(absl::Condition(&ready));
      if (stopping_) return;
      change = std::move(pending_.front());
      pending_.pop_front();
      watches = watches_;
    }
    if (!watches.empty()) deliver_(change, watches);
    absl::MutexLock lock(&mutex_);
    ++delivered_;
  }
}

}  // namespace techmatch
