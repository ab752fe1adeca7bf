// Transactions on PostgreSQL save round trips (storage/postgres/transaction.h): BEGIN travels
// with the first statement, a read-only COMMIT is not waited for, a transaction that runs no
// statement sends nothing. These check that the connection stays in step whatever happens in
// the first round trip, and that what the server saw is what the transaction meant.
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/transaction.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::postgres {
namespace {

using ::techmatch::testing::IsOk;
using ::testing::Not;
using ::testing::Optional;

MATCHER_P(IsOkAndHolds, value, "is OK and holds " + ::testing::PrintToString(value)) {
  if (!arg.ok()) {
    *result_listener << "status " << arg.status();
    return false;
  }
  *result_listener << "holds " << ::testing::PrintToString(*arg);
  return *arg == value;
}

class RoundTripsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (storage::testing::PostgresTestUri().empty()) {
      GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test "
                      "starts one with scripts/pg-cluster)";
    }
    database_ = std::make_unique<storage::testing::PostgresTestDatabase>();
    ASSERT_FALSE(database_->uri().empty());
    // One connection: every transaction below runs on the same session, in order.
    TM_ASSERT_OK_AND_ASSIGN(pool_, ConnectionPool::Open(database_->uri(), 1, absl::Seconds(5)));
    ASSERT_THAT(Write("CREATE TABLE t (n bigint PRIMARY KEY)"), IsOk());
  }

  absl::Status Write(const std::string& sql) {
    return RunTransaction(*pool_, Isolation::kRepeatableRead, /*read_only=*/false,
                          [&](Connection& c) { return c.Exec(sql).status(); });
  }

  absl::StatusOr<int64_t> CountRows() {
    int64_t count = -1;
    absl::Status read = RunTransaction(
        *pool_, Isolation::kRepeatableRead, /*read_only=*/true, [&](Connection& c) -> absl::Status {
          TM_ASSIGN_OR_RETURN(Result r, c.Exec("SELECT count(*) FROM t"));
          count = r.Int64(0, 0);
          return absl::OkStatus();
        });
    if (!read.ok()) return read;
    return count;
  }

  // Whether this session is inside a transaction block: SAVEPOINT is refused outside one
  // (25P01). Inside one it succeeds, and the test has failed anyway.
  absl::StatusOr<bool> InTransaction() {
    TM_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool_->Borrow());
    const absl::Status probe = lease->Script("SAVEPOINT probe");
    if (probe.ok()) return true;
    if (SqlStateOf(probe) == std::optional<std::string>("25P01")) return false;
    return probe;
  }

  std::unique_ptr<storage::testing::PostgresTestDatabase> database_;
  std::unique_ptr<ConnectionPool> pool_;
};

TEST_F(RoundTripsTest, ReadsAfterWritesSeeThemOnOneSession) {
  for (int i = 1; i <= 5; ++i) {
    ASSERT_THAT(Write(absl::StrCat("INSERT INTO t VALUES (", i, ")")), IsOk());
    // The read's COMMIT is left unread; the next write reads it first.
    EXPECT_THAT(CountRows(), IsOkAndHolds(i));
  }
  EXPECT_THAT(InTransaction(), IsOkAndHolds(false));
}

TEST_F(RoundTripsTest, AnErrorInTheFirstRoundTripEndsTheTransactionAndTheSessionGoesOn) {
  // The first statement fails: BEGIN was answered, the statement's error is the answer.
  absl::Status failed = RunTransaction(
      *pool_, Isolation::kRepeatableRead, /*read_only=*/false,
      [](Connection& c) { return c.Exec("INSERT INTO no_such_table VALUES (1)").status(); });
  EXPECT_THAT(SqlStateOf(failed), Optional(std::string("42P01")));
  EXPECT_THAT(InTransaction(), IsOkAndHolds(false));
  // A duplicate key in the first statement: nothing of that transaction stays.
  ASSERT_THAT(Write("INSERT INTO t VALUES (1)"), IsOk());
  EXPECT_THAT(Write("INSERT INTO t VALUES (1)"), Not(IsOk()));
  EXPECT_THAT(CountRows(), IsOkAndHolds(1));
  EXPECT_THAT(InTransaction(), IsOkAndHolds(false));
}

TEST_F(RoundTripsTest, LaterStatementsRunInTheFirstStatementsTransaction) {
  // A failure after the first statement rolls the first statement back too.
  absl::Status failed = RunTransaction(
      *pool_, Isolation::kRepeatableRead, /*read_only=*/false, [](Connection& c) -> absl::Status {
        TM_RETURN_IF_ERROR(c.Exec("INSERT INTO t VALUES (7)").status());
        return absl::AbortedError("changed my mind");
      });
  EXPECT_FALSE(failed.ok());
  EXPECT_THAT(CountRows(), IsOkAndHolds(0));
  // Statements of one read-only transaction share its snapshot.
  absl::Status same_snapshot = RunTransaction(
      *pool_, Isolation::kRepeatableRead, /*read_only=*/true, [](Connection& c) -> absl::Status {
        TM_ASSIGN_OR_RETURN(Result first, c.Exec("SELECT now()::text"));
        TM_ASSIGN_OR_RETURN(Result second, c.Exec("SELECT now()::text"));
        return first.Text(0, 0) == second.Text(0, 0) ? absl::OkStatus()
                                                     : absl::InternalError("two transactions");
      });
  EXPECT_THAT(same_snapshot, IsOk());
  // A read-only transaction refuses writes, from its first statement on.
  EXPECT_THAT(
      RunTransaction(*pool_, Isolation::kRepeatableRead, /*read_only=*/true,
                     [](Connection& c) { return c.Exec("INSERT INTO t VALUES (8)").status(); }),
      Not(IsOk()));
  EXPECT_THAT(CountRows(), IsOkAndHolds(0));
}

TEST_F(RoundTripsTest, ATransactionThatRunsNothingSendsNothing) {
  for (bool read_only : {true, false}) {
    EXPECT_THAT(RunTransaction(*pool_, Isolation::kRepeatableRead, read_only,
                               [](Connection&) { return absl::OkStatus(); }),
                IsOk());
    EXPECT_THAT(RunTransaction(*pool_, Isolation::kRepeatableRead, read_only,
                               [](Connection&) { return absl::InvalidArgumentError("bad"); }),
                Not(IsOk()));
  }
  EXPECT_THAT(InTransaction(), IsOkAndHolds(false));
  EXPECT_THAT(CountRows(), IsOkAndHolds(0));
}

TEST_F(RoundTripsTest, AScriptAsTheFirstStatementCarriesTheBegin) {
  // LOCK is sent with the simple protocol: BEGIN goes in front of it in the same message, and
  // the transaction stays open for the statements after it.
  ASSERT_THAT(
      RunTransaction(*pool_, Isolation::kRepeatableRead, /*read_only=*/false,
                     [](Connection& c) -> absl::Status {
                       TM_RETURN_IF_ERROR(c.Script("LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE"));
                       return c.Exec("INSERT INTO t VALUES (3)").status();
                     }),
      IsOk());
  EXPECT_THAT(CountRows(), IsOkAndHolds(1));
  EXPECT_THAT(InTransaction(), IsOkAndHolds(false));
}

}  // namespace
}  // namespace techmatch::storage::postgres
