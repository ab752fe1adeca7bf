// Group commit on PostgreSQL (storage/postgres/group_commit.h): writes that queue up while one
// commits share the next transaction, each keeps its own outcome, a write that needs a fresh
// snapshot or its transaction's first statement runs again alone, and a failure of the
// transaction itself stores none of the batch.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"
#include "storage/postgres/group_commit.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/transaction.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::postgres {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::Not;
using ::testing::Optional;

using Body = std::function<absl::Status(Connection&)>;

absl::Status Insert(Connection& c, int64_t n, absl::string_view note = "") {
  return c.Exec("INSERT INTO t (n, note) VALUES ($1, $2)", Params().Int64(n).Text(note)).status();
}

class PostgresGroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (storage::testing::PostgresTestUri().empty()) {
      GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test "
                      "starts one with scripts/pg-cluster)";
    }
    database_ = std::make_unique<storage::testing::PostgresTestDatabase>();
    ASSERT_FALSE(database_->uri().empty());
    TM_ASSERT_OK_AND_ASSIGN(pool_, ConnectionPool::Open(database_->uri(), 4, absl::Seconds(5)));
    ASSERT_THAT(Outside("CREATE TABLE t (n bigint PRIMARY KEY, note text NOT NULL)"), IsOk());
    group_ = std::make_unique<GroupCommit>(*pool_);
  }

  // Runs `sql` in a transaction of its own, beside the group commit.
  absl::Status Outside(const std::string& sql) {
    return RunTransaction(*pool_, Isolation::kReadCommitted, /*read_only=*/false,
                          [&](Connection& c) { return c.Exec(sql).status(); });
  }

  // The note stored for `n`, or nullopt when no row has it.
  std::optional<std::string> Note(int64_t n) {
    std::optional<std::string> note;
    EXPECT_THAT(RunTransaction(*pool_, Isolation::kRepeatableRead, /*read_only=*/true,
                               [&](Connection& c) -> absl::Status {
                                 TM_ASSIGN_OR_RETURN(
                                     Result r,
                                     c.Exec("SELECT note FROM t WHERE n = $1", Params().Int64(n)));
                                 if (r.rows() == 1) note = r.Text(0, 0);
                                 return absl::OkStatus();
                               }),
                IsOk());
    return note;
  }

  // Runs `bodies` as one batch: a first write (storing n = 0) leads and holds the transaction
  // until all of them have queued, in the order given; returns each one's status.
  std::vector<absl::Status> RunAsOneBatch(const std::vector<Body>& bodies) {
    std::atomic<bool> leading{false};
    std::atomic<bool> release{false};
    std::thread leader([&] {
      EXPECT_THAT(group_->Run([&](Connection& c) -> absl::Status {
        leading.store(true);
        while (!release.load()) std::this_thread::yield();
        return Insert(c, 0, "leader");
      }),
                  IsOk());
    });
    while (!leading.load()) std::this_thread::yield();
    std::vector<absl::Status> statuses(bodies.size());
    std::vector<std::thread> threads;
    for (size_t i = 0; i < bodies.size(); ++i) {
      threads.emplace_back([&, i] { statuses[i] = group_->Run(bodies[i]); });
      while (group_->queued() < i + 1) std::this_thread::yield();
    }
    release.store(true);
    for (std::thread& thread : threads) thread.join();
    leader.join();
    return statuses;
  }

  std::unique_ptr<storage::testing::PostgresTestDatabase> database_;
  std::unique_ptr<ConnectionPool> pool_;
  std::unique_ptr<GroupCommit> group_;
};

TEST_F(PostgresGroupCommitTest, QueuedWritesShareOneCommitAndKeepTheirOwnOutcomes) {
  const std::vector<absl::Status> statuses = RunAsOneBatch({
      [](Connection& c) { return Insert(c, 1); },
      // Stores a row, then fails: its row must be undone, the others kept.
      [](Connection& c) -> absl::Status {
        TM_RETURN_IF_ERROR(Insert(c, 2));
        return absl::InvalidArgumentError("refused after writing");
      },
      // A duplicate of the first write's row: the database refuses it, alone.
      [](Connection& c) { return Insert(c, 1, "again"); },
      // Sees the earlier writes of its batch.
      [](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(Result r, c.Exec("SELECT count(*) FROM t"));
        return Insert(c, 3, absl::StrCat(r.Int64(0, 0)));
      },
  });
  EXPECT_THAT(statuses[0], IsOk());
  EXPECT_THAT(statuses[1], StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(SqlStateOf(statuses[2]), Optional(std::string("23505")));
  EXPECT_THAT(statuses[3], IsOk());
  EXPECT_THAT(Note(1), Optional(std::string("")));
  EXPECT_EQ(Note(2), std::nullopt);
  EXPECT_THAT(Note(3), Optional(std::string("2")));  // The leader's row and write 1's.
  const GroupCommit::Stats stats = group_->stats();
  EXPECT_EQ(stats.commits, 2);  // The leader alone, then the four together.
  EXPECT_EQ(stats.writes, 3);   // The leader, writes 1 and 3.
}

TEST_F(PostgresGroupCommitTest, ALockAfterTheBatchsFirstWriteRunsAgainAlone) {
  std::atomic<int> first_runs{0};
  std::atomic<int> joined_runs{0};
  const auto lock_and_insert = [](std::atomic<int>& runs, int64_t n) {
    return [&runs, n](Connection& c) -> absl::Status {
      ++runs;
      TM_RETURN_IF_ERROR(c.LockFirst("LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE"));
      return Insert(c, n);
    };
  };
  const std::vector<absl::Status> statuses =
      RunAsOneBatch({lock_and_insert(first_runs, 1), lock_and_insert(joined_runs, 2)});
  EXPECT_THAT(statuses[0], IsOk());
  EXPECT_THAT(statuses[1], IsOk());
  EXPECT_EQ(first_runs.load(), 1);   // First in its batch: the lock came before the snapshot.
  EXPECT_EQ(joined_runs.load(), 2);  // Refused in the batch, then alone.
  EXPECT_TRUE(Note(1).has_value());
  EXPECT_TRUE(Note(2).has_value());
  const GroupCommit::Stats stats = group_->stats();
  EXPECT_EQ(stats.commits, 3);
  EXPECT_EQ(stats.writes, 3);
}

TEST_F(PostgresGroupCommitTest, AWriteThatConflictsWithTheBatchsSnapshotRunsAgainAlone) {
  ASSERT_THAT(Outside("INSERT INTO t (n, note) VALUES (100, 'a')"), IsOk());
  std::atomic<int> update_runs{0};
  const std::vector<absl::Status> statuses = RunAsOneBatch({
      // Takes the batch's snapshot, then lets another transaction change row 100 and commit.
      [&](Connection& c) -> absl::Status {
        TM_RETURN_IF_ERROR(c.Exec("SELECT count(*) FROM t").status());
        return Outside("UPDATE t SET note = note || 'b' WHERE n = 100");
      },
      // Updates row 100: a serialization failure against the batch's snapshot, so it runs
      // again alone with a fresh one and keeps the other transaction's change.
      [&](Connection& c) -> absl::Status {
        ++update_runs;
        return c.Exec("UPDATE t SET note = note || 'c' WHERE n = 100").status();
      },
  });
  EXPECT_THAT(statuses[0], IsOk());
  EXPECT_THAT(statuses[1], IsOk());
  EXPECT_EQ(update_runs.load(), 2);
  EXPECT_THAT(Note(100), Optional(std::string("abc")));
}

TEST_F(PostgresGroupCommitTest, ALostConnectionStoresNoneOfTheBatch) {
  const std::vector<absl::Status> statuses = RunAsOneBatch({
      [](Connection& c) { return Insert(c, 1); },
      [](Connection& c) -> absl::Status {
        // The session ends under the batch: its transaction is gone.
        c.Exec("SELECT pg_terminate_backend(pg_backend_pid())").IgnoreError();
        return Insert(c, 2);
      },
      [](Connection& c) { return Insert(c, 3); },
  });
  for (const absl::Status& status : statuses) {
    EXPECT_THAT(status, Not(IsOk()));
    EXPECT_EQ(CodeForSqlState(SqlStateOf(status).value_or("")), absl::StatusCode::kUnavailable)
        << status;
  }
  EXPECT_EQ(Note(1), std::nullopt);
  EXPECT_EQ(Note(3), std::nullopt);
  // The pool reconnects: the next write is stored.
  EXPECT_THAT(group_->Run([](Connection& c) { return Insert(c, 4); }), IsOk());
  EXPECT_TRUE(Note(4).has_value());
}

TEST_F(PostgresGroupCommitTest, LockFirstRunsWhenItIsTheTransactionsFirstStatement) {
  EXPECT_THAT(group_->Run([](Connection& c) -> absl::Status {
    TM_RETURN_IF_ERROR(c.LockFirst("LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE"));
    return Insert(c, 7);
  }),
              IsOk());
  EXPECT_TRUE(Note(7).has_value());
  TM_ASSERT_OK_AND_ASSIGN(ConnectionPool::Lease lease, pool_->Borrow());
  lease->set_joined(true);
  EXPECT_THAT(SqlStateOf(lease->LockFirst("LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE")),
              Optional(std::string(kNotFirstState)));
  lease->set_joined(false);
}

}  // namespace
}  // namespace techmatch::storage::postgres
