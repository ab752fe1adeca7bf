#include "server/database_monitor.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {

absl::Status DatabaseMonitor::CheckInterval(absl::Duration interval) {
  if (interval < kMinInterval || interval > kMaxInterval) {
    return absl::InvalidArgumentError(absl::StrCat(
        "database_check_interval must be between ", absl::FormatDuration(kMinInterval), " and ",
        absl::FormatDuration(kMaxInterval), ", got ", absl::FormatDuration(interval)));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<DatabaseMonitor>> DatabaseMonitor::Start(
    std::function<absl::Status()> check, absl::Duration interval,
    std::function<void(bool reachable)> on_change) {
  if (absl::Status valid = CheckInterval(interval); !valid.ok()) return valid;
  std::unique_ptr<DatabaseMonitor> monitor(
      new DatabaseMonitor(std::move(check), interval, std::move(on_change)));
  monitor->thread_ = std::thread([m = monitor.get()] { m->Run(); });
  return monitor;
}

DatabaseMonitor::~DatabaseMonitor() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void DatabaseMonitor::Run() {
  bool reachable = true;
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      mu_.AwaitWithTimeout(absl::Condition(&stopping_), interval_);
      if (stopping_) return;
    }
    const absl::Status answer = check_();
    if (answer.ok() == reachable) continue;
    reachable = answer.ok();
    if (reachable) {
      spdlog::info("database reachable again; health is SERVING");
    } else {
      spdlog::warn("database unreachable; health is NOT_SERVING until it answers: {}",
                   std::string(answer.message()));
    }
    on_change_(reachable);
  }
}

}  // namespace techmatch::server
