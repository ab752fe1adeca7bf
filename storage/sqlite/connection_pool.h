// Reader connections shared by many threads: each call borrows one for its duration.
//
// WAL lets every reader run beside the single writer and beside each other; a connection is
// never used by two threads at once, so borrowing is the only synchronization needed.
#ifndef TECHMATCH_STORAGE_SQLITE_CONNECTION_POOL_H_
#define TECHMATCH_STORAGE_SQLITE_CONNECTION_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

class ConnectionPool {
 public:
  // Takes ownership of `connections` (at least one).
  explicit ConnectionPool(std::vector<std::unique_ptr<Connection>> connections);

  // A borrowed connection, returned to the pool when the lease goes away.
  class Lease {
   public:
    Lease(ConnectionPool& pool, Connection* connection) : pool_(&pool), connection_(connection) {}
    ~Lease() { pool_->Return(connection_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_; }

   private:
    ConnectionPool* pool_;
    Connection* connection_;
  };

  // Waits until a connection is free.
  Lease Borrow();

 private:
  void Return(Connection* connection);

  std::vector<std::unique_ptr<Connection>> connections_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<Connection*> free_;  // Guarded by mu_.
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_CONNECTION_POOL_H_
