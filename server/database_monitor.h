// Keeps the server's health in step with its database: one thread asks the repository whether
// the database answers (Repository::CheckReachable) every `interval`, and tells `on_change`
// when the answer changes, logging each change once.
//
// Why a thread that polls, rather than watching calls fail: a server nobody calls would never
// learn that its database went away, nor that it came back; health checkers ask precisely then.
// A check costs one `SELECT 1` on a connection of its own (never a pooled one, so a busy pool
// is not mistaken for a dead server), and each check is bounded by `timeout`, so the state is
// at most about interval + timeout old. Calls that meet the dead database meanwhile fail with
// UNAVAILABLE on their own.
#ifndef TECHMATCH_SERVER_DATABASE_MONITOR_H_
#define TECHMATCH_SERVER_DATABASE_MONITOR_H_

#include <functional>
#include <memory>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace techmatch::server {

class DatabaseMonitor {
 public:
  // Bounds of `interval`: a check each 10 ms at most, each minute at least.
  static constexpr absl::Duration kMinInterval = absl::Milliseconds(10);
  static constexpr absl::Duration kMaxInterval = absl::Minutes(1);

  // INVALID_ARGUMENT naming database_check_interval when `interval` is out of bounds.
  static absl::Status CheckInterval(absl::Duration interval);

  // `check` answers OK when the database is reachable (a bounded call, such as
  // Repository::CheckReachable with a timeout); `on_change(reachable)` is called from the
  // monitor's thread when the answer changes. The database counts as reachable at the start
  // (the server has just opened it). INVALID_ARGUMENT names an interval out of bounds.
  static absl::StatusOr<std::unique_ptr<DatabaseMonitor>> Start(
      std::function<absl::Status()> check, absl::Duration interval,
      std::function<void(bool reachable)> on_change);
  // Stops the thread, waiting for a check in progress (bounded by its timeout).
  ~DatabaseMonitor();

  DatabaseMonitor(const DatabaseMonitor&) = delete;
  DatabaseMonitor& operator=(const DatabaseMonitor&) = delete;

 private:
  DatabaseMonitor(std::function<absl::Status()> check, absl::Duration interval,
                  std::function<void(bool)> on_change)
      : check_(std::move(check)), interval_(interval), on_change_(std::move(on_change)) {}
  void Run();

  const std::function<absl::Status()> check_;
  const absl::Duration interval_;
  const std::function<void(bool)> on_change_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_DATABASE_MONITOR_H_
