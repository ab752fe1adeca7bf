// A bounded pool of connections shared by many threads: each call borrows one for its duration.
//
// Connections open when first needed, up to `max_connections` (PostgreSQL's own limit is per
// server, shared by every process on it). A borrower waits for a free one at most `wait`, then
// gets UNAVAILABLE. A connection that broke (the server restarted, the network dropped) is
// reconnected when next borrowed; when that fails the borrower gets UNAVAILABLE and the next
// one tries again.
#ifndef TECHMATCH_STORAGE_POSTGRES_CONNECTION_POOL_H_
#define TECHMATCH_STORAGE_POSTGRES_CONNECTION_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "storage/postgres/connection.h"

namespace techmatch::storage::postgres {

class ConnectionPool {
 public:
  // Opens the first connection now, so a bad URI or an unreachable server fails here.
  // Each connection gives up connecting after `connect_timeout` (Connection::Open).
  // Every connection carries `application_name` when it is not empty.
  static absl::StatusOr<std::unique_ptr<ConnectionPool>> Open(
      std::string uri, int max_connections, absl::Duration wait,
      absl::Duration connect_timeout = absl::ZeroDuration(), std::string application_name = "");

  // A borrowed connection, returned to the pool when the lease goes away.
  class Lease {
   public:
    Lease(ConnectionPool* pool, Connection* connection) : pool_(pool), connection_(connection) {}
    ~Lease();
    Lease(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_; }

   private:
    ConnectionPool* pool_;
    Connection* connection_;
  };

  absl::StatusOr<Lease> Borrow();

 private:
  ConnectionPool(std::string uri, int max_connections, absl::Duration wait,
                 absl::Duration connect_timeout, std::string application_name)
      : uri_(std::move(uri)),
        max_connections_(max_connections),
        wait_(wait),
        connect_timeout_(connect_timeout),
        application_name_(std::move(application_name)) {}
  void Return(Connection* connection);

  const std::string uri_;
  const int max_connections_;
  const absl::Duration wait_;
  const absl::Duration connect_timeout_;
  const std::string application_name_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Connection>> connections_;  // Guarded by mu_.
  std::vector<Connection*> free_;                         // Guarded by mu_.
  int opening_ = 0;  // Connections being opened outside the lock; guarded by mu_.
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_CONNECTION_POOL_H_
