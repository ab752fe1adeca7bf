#include "server/follow_thread.h"

#include <algorithm>

#include "spdlog/spdlog.h"

namespace techmatch::server {

FollowThread::FollowThread(usecases::ChangeFollower& follower, storage::ChangeFeed& feed)
    : follower_(follower), feed_(feed), thread_([this] { Run(); }) {}

FollowThread::~FollowThread() {
  stop_.Notify();
  thread_.join();
}

void FollowThread::Run() {
  absl::Duration pause = absl::ZeroDuration();
  bool failing = false;
  while (!stop_.HasBeenNotified()) {
    absl::Status status = follower_.CatchUp().status();
    if (status.ok()) status = feed_.WaitForChanges(kWait).status();
    if (status.ok()) {
      if (failing) {
        spdlog::info("following other servers' writes again, from change {}",
                     follower_.applied_seq());
      }
      failing = false;
      pause = absl::ZeroDuration();
      continue;
    }
    if (!failing) {
      spdlog::warn("cannot follow other servers' writes ({}); trying again", status.ToString());
    }
    failing = true;
    pause = std::min(kMaxPause, std::max(absl::Milliseconds(100), pause * 2));
    stop_.WaitForNotificationWithTimeout(pause);
  }
}

}  // namespace techmatch::server
