// The queue behind group commit on both backends (storage/sqlite/group_commit.h,
// storage/postgres/group_commit.h): callers queue an item and wait; the first caller to find no
// batch running leads: it takes what has queued up (up to `max_batch` items), runs them on its
// own thread and wakes the others, so no thread of its own exists.
#ifndef TECHMATCH_STORAGE_BATCH_LEADER_H_
#define TECHMATCH_STORAGE_BATCH_LEADER_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include "absl/functional/function_ref.h"

namespace techmatch::storage {

template <typename Item>
class BatchLeader {
 public:
  explicit BatchLeader(size_t max_batch) : max_batch_(max_batch) {}
  BatchLeader(const BatchLeader&) = delete;
  BatchLeader& operator=(const BatchLeader&) = delete;

  // Queues `item` and returns once a batch holding it has run, led by this caller or another.
  // `run_batch` runs outside the queue's lock, one batch at a time.
  void Run(Item& item, absl::FunctionRef<void(const std::vector<Item*>&)> run_batch) {
    Entry entry{&item};
    std::unique_lock lock(mu_);
    queue_.push_back(&entry);
    while (true) {
      finished_.wait(lock, [&] { return entry.done || !leader_running_; });
      if (entry.done) return;
      // Lead: take what has queued up (this item among it, unless more than max_batch_ are
      // ahead of it; then it leads again after).
      leader_running_ = true;
      std::vector<Entry*> taken;
      std::vector<Item*> batch;
      while (!queue_.empty() && batch.size() < max_batch_) {
        taken.push_back(queue_.front());
        batch.push_back(queue_.front()->item);
        queue_.pop_front();
      }
      lock.unlock();
      run_batch(batch);
      lock.lock();
      for (Entry* done : taken) done->done = true;
      leader_running_ = false;
      finished_.notify_all();
    }
  }

  // Items waiting for the next batch.
  size_t queued() {
    std::lock_guard lock(mu_);
    return queue_.size();
  }

 private:
  struct Entry {
    Item* item;
    bool done = false;
  };

  const size_t max_batch_;
  std::mutex mu_;
  std::condition_variable finished_;
  std::deque<Entry*> queue_;     // Guarded by mu_.
  bool leader_running_ = false;  // Guarded by mu_.
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_BATCH_LEADER_H_
