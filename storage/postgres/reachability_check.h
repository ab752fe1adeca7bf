// Whether the PostgreSQL server answers, asked on a connection of its own.
//
// Not on a pooled connection: under load every pooled one may be busy, and waiting for one would
// report a busy server as unreachable. So a server using this holds one connection beyond the
// pool's `max_connections`. Each check is bounded: connecting gives up after the connect
// timeout, a statement after the check's timeout.
#ifndef TECHMATCH_STORAGE_POSTGRES_REACHABILITY_CHECK_H_
#define TECHMATCH_STORAGE_POSTGRES_REACHABILITY_CHECK_H_

#include <memory>
#include <mutex>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "storage/postgres/connection.h"

namespace techmatch::storage::postgres {

class ReachabilityCheck {
 public:
  explicit ReachabilityCheck(std::string uri) : uri_(std::move(uri)) {}

  // OK when the server answered `SELECT 1` within `timeout` (connecting first when needed,
  // which gives up after max(timeout, 2 s): libpq counts whole seconds, at least 2). Otherwise
  // UNAVAILABLE with libpq's reason in the message, for the log (nothing is logged here: the
  // caller logs changes, not every check). One check at a time; callers queue.
  absl::Status Check(absl::Duration timeout);

 private:
  const std::string uri_;
  std::mutex mu_;
  std::unique_ptr<Connection> connection_;  // Guarded by mu_; null until the first check.
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_REACHABILITY_CHECK_H_
