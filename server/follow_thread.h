// The thread that keeps this server's memory following other servers' writes on a shared
// database (usecases/change_follower.h): it waits on the feed's wake-up (PostgreSQL NOTIFY) or
// a short timeout, then catches up. While the database is unreachable it tries again with a
// growing pause (at most kMaxPause), logging the loss and the recovery once each; the feed
// reads by sequence, so nothing written meanwhile is missed.
#ifndef TECHMATCH_SERVER_FOLLOW_THREAD_H_
#define TECHMATCH_SERVER_FOLLOW_THREAD_H_

#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "storage/change_feed.h"
#include "usecases/change_follower.h"

namespace techmatch::server {

class FollowThread {
 public:
  // Starts following at once; `follower` has been started (ChangeFollower::Start).
  FollowThread(usecases::ChangeFollower& follower, storage::ChangeFeed& feed);
  // Stops the thread (within about kWait).
  ~FollowThread();

  FollowThread(const FollowThread&) = delete;
  FollowThread& operator=(const FollowThread&) = delete;

  // How long one wait for a wake-up lasts: a wake-up lost with a broken connection costs at
  // most this much delay; also the stop latency.
  static constexpr absl::Duration kWait = absl::Milliseconds(250);
  static constexpr absl::Duration kMaxPause = absl::Seconds(2);

 private:
  void Run();

  usecases::ChangeFollower& follower_;
  storage::ChangeFeed& feed_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_FOLLOW_THREAD_H_
