#include "storage/sqlite/connection_pool.h"

#include <utility>

namespace techmatch::storage::sqlite {

ConnectionPool::ConnectionPool(std::vector<std::unique_ptr<Connection>> connections)
    : connections_(std::move(connections)) {
  for (const auto& connection : connections_) free_.push_back(connection.get());
}

ConnectionPool::Lease ConnectionPool::Borrow() {
  std::unique_lock lock(mu_);
  freed_.wait(lock, [this] { return !free_.empty(); });
  Connection* connection = free_.back();
  free_.pop_back();
  return Lease(*this, connection);
}

void ConnectionPool::Return(Connection* connection) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(connection);
  }
  freed_.notify_one();
}

}  // namespace techmatch::storage::sqlite
