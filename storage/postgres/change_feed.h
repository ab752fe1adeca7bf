// The PostgreSQL change feed (storage/change_feed.h) over the record_changes log (migration 7):
// triggers on needs, offerings and thesaurus entries write one row per record with the writing
// connection's application_name as its origin, and notify the channel at commit.
//
// Reads go through the pool. Waiting needs a connection of its own that has run LISTEN: it is
// opened when first needed and opened again after it broke; a change committed while it was
// down is found by the next ReadAfter (followers read by seq, never by notification).
#ifndef TECHMATCH_STORAGE_POSTGRES_CHANGE_FEED_H_
#define TECHMATCH_STORAGE_POSTGRES_CHANGE_FEED_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "storage/change_feed.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"

namespace techmatch::storage::postgres {

class PostgresChangeFeed final : public ChangeFeed {
 public:
  // `origin` is the application_name this process's pool connects with; `forget` is called for
  // every change read, before ReadAfter returns (the repository drops the record from its
  // caches). `uri` and `connect_timeout` open the listening connection.
  PostgresChangeFeed(ConnectionPool& pool, std::string uri, absl::Duration connect_timeout,
                     std::string origin, std::function<void(const RecordChange&)> forget)
      : pool_(pool),
        uri_(std::move(uri)),
        connect_timeout_(connect_timeout),
        origin_(std::move(origin)),
        forget_(std::move(forget)) {}

  absl::StatusOr<int64_t> LatestSeq() override;
  absl::StatusOr<std::vector<RecordChange>> ReadAfter(int64_t after_seq, int limit) override;
  absl::StatusOr<bool> WaitForChanges(absl::Duration timeout) override;

 private:
  ConnectionPool& pool_;
  const std::string uri_;
  const absl::Duration connect_timeout_;
  const std::string origin_;
  const std::function<void(const RecordChange&)> forget_;
  std::unique_ptr<Connection> listener_;  // Used by the one thread that waits.
};

// A name no other process on the database uses (host, process id, random), within PostgreSQL's
// 63 bytes: a server's pool connects with it so its own writes can be told from others'.
std::string UniqueApplicationName();

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_CHANGE_FEED_H_
