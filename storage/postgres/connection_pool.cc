#include "storage/postgres/connection_pool.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace techmatch::storage::postgres {

absl::StatusOr<std::unique_ptr<ConnectionPool>> ConnectionPool::Open(std::string uri,
                                                                     int max_connections,
                                                                     absl::Duration wait,
                                                                     absl::Duration connect_timeout,
                                                                     std::string application_name) {
  if (max_connections < 1) {
    return absl::InvalidArgumentError("a PostgreSQL pool needs at least one connection");
  }
  std::unique_ptr<ConnectionPool> pool(new ConnectionPool(
      std::move(uri), max_connections, wait, connect_timeout, std::move(application_name)));
  auto first = Connection::Open(pool->uri_, connect_timeout, pool->application_name_);
  if (!first.ok()) return first.status();
  pool->free_.push_back(first->get());
  pool->connections_.push_back(*std::move(first));
  return pool;
}

ConnectionPool::Lease::~Lease() {
  if (connection_ != nullptr) pool_->Return(connection_);
}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::exchange(other.connection_, nullptr)) {}

absl::StatusOr<ConnectionPool::Lease> ConnectionPool::Borrow() {
  Connection* connection = nullptr;
  {
    std::unique_lock<std::mutex> lock(mu_);
    const auto can_proceed = [&] {
      return !free_.empty() || static_cast<int>(connections_.size()) + opening_ < max_connections_;
    };
    if (!freed_.wait_for(lock, absl::ToChronoMilliseconds(wait_), can_proceed)) {
      return absl::UnavailableError(absl::StrCat("all ", max_connections_,
                                                 " PostgreSQL connections stayed busy for ",
                                                 absl::FormatDuration(wait_), "; retry later"));
    }
    if (!free_.empty()) {
      connection = free_.back();
      free_.pop_back();
    } else {
      ++opening_;
    }
  }
  if (connection == nullptr) {
    // Connecting takes a round trip or more: not under the lock.
    auto opened = Connection::Open(uri_, connect_timeout_, application_name_);
    std::lock_guard<std::mutex> lock(mu_);
    --opening_;
    if (!opened.ok()) {
      freed_.notify_one();
      return opened.status();
    }
    connection = opened->get();
    connections_.push_back(*std::move(opened));
  }
  Lease lease(this, connection);
  if (!connection->Healthy()) {
    absl::Status reset = connection->Reset();
    if (!reset.ok()) return reset;  // The lease returns it; the next borrower retries.
  }
  return lease;
}

void ConnectionPool::Return(Connection* connection) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(connection);
  }
  freed_.notify_one();
}

}  // namespace techmatch::storage::postgres
