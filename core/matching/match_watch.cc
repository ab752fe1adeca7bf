#include "core/matching/match_watch.h"

#include "absl/strings/str_cat.h"

namespace techmatch {

void MatchWatch::Offer(MatchResult match) {
  absl::MutexLock lock(&mutex_);
  if (!closed_.ok()) return;
  if (queued_.size() >= kMaxQueued) {
    closed_ = absl::ResourceExhaustedError(
        absl::StrCat("the watcher fell more than ", kMaxQueued,
                     " matches behind; read faster or raise min_score, and watch again"));
    return;
  }
  queued_.push_back(std::move(match));
}

void MatchWatch::Close(absl::Status reason) {
  absl::MutexLock lock(&mutex_);
  if (closed_.ok()) closed_ = std::move(reason);
}

absl::StatusOr<std::optional<MatchResult>> MatchWatch::Next(absl::Duration timeout) {
  absl::MutexLock lock(&mutex_);
  auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    return !queued_.empty() || !closed_.ok();
  };
  mutex_.AwaitWithTimeout(absl::Condition(&ready), timeout);
  if (!queued_.empty()) {
    MatchResult next = std::move(queued_.front());
    queued_.pop_front();
    return std::optional<MatchResult>(std::move(next));
  }
  if (!closed_.ok()) return closed_;
  return std::optional<MatchResult>();
}

size_t MatchWatch::queued() const {
  absl::MutexLock lock(&mutex_);
  return queued_.size();
}

}  // namespace techmatch
