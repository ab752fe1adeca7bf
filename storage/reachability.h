// What a repository whose database lives in another process (PostgreSQL) adds: whether that
// database answers now. A server asks it to keep its health in step (server/database_monitor.h);
// a repository over a local file (SQLite) has nothing to ask and does not implement it.
#ifndef TECHMATCH_STORAGE_REACHABILITY_H_
#define TECHMATCH_STORAGE_REACHABILITY_H_

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace techmatch::storage {

class Reachability {
 public:
  virtual ~Reachability() = default;

  // OK when the database answers now; UNAVAILABLE, with the reason for the log, when it does
  // not. Returns within about `timeout` (PostgreSQL: at least 2 s while connecting) and never
  // waits for a busy call's connection.
  virtual absl::Status CheckReachable(absl::Duration timeout) = 0;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_REACHABILITY_H_
