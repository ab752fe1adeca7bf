// Transaction and Savepoint (storage/sqlite/transaction.h): what a scope opens is committed only
// when asked and rolled back on every other way out, exceptions included; savepoints undo their
// own part alone; a broken transaction makes RollBack throw instead of pretending.
#include "storage/sqlite/transaction.h"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "SQLiteCpp/Exception.h"
#include "gtest/gtest.h"
#include "storage/sqlite/connection.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::sqlite {
namespace {

class TransactionTest : public ::testing::Test {
 protected:
  TransactionTest()
      : path_(dir_.File("t.db")), connection_(path_, ConnectionOptions{.create = true}) {
    connection_.Run("PRAGMA journal_mode = WAL");
    connection_.Run(
        "CREATE TABLE parent (id TEXT PRIMARY KEY);"
        "CREATE TABLE item (id TEXT PRIMARY KEY, parent TEXT REFERENCES parent (id) "
        "DEFERRABLE INITIALLY DEFERRED)");
  }

  void Insert(Connection& connection, const std::string& id, const std::string& parent = "") {
    ScopedStatement insert = connection.Prepare("INSERT INTO item (id, parent) VALUES (?1, ?2)");
    insert.BindText(1, id);
    if (parent.empty()) {
      insert.BindNull(2);
    } else {
      insert.BindText(2, parent);
    }
    insert.Run();
  }

  int64_t Count(Connection& connection) {
    ScopedStatement count = connection.Prepare("SELECT count(*) FROM item");
    count.Step();
    return count.Row().Int64(0);
  }

  bool InTransaction() { return sqlite3_get_autocommit(connection_.handle()) == 0; }

  testing::TempDir dir_;
  std::string path_;
  Connection connection_;
};

TEST_F(TransactionTest, CommitKeepsAndLeavingUncommittedRollsBack) {
  {
    Transaction transaction(connection_, TransactionMode::kImmediate);
    EXPECT_TRUE(InTransaction());
    Insert(connection_, "kept");
    transaction.Commit();
    EXPECT_FALSE(InTransaction());
  }
  {
    Transaction transaction(connection_, TransactionMode::kImmediate);
    Insert(connection_, "dropped");
  }
  EXPECT_FALSE(InTransaction());
  EXPECT_EQ(Count(connection_), 1);
}

TEST_F(TransactionTest, AnExceptionRollsBack) {
  EXPECT_THROW(
      {
        Transaction transaction(connection_, TransactionMode::kDeferred);
        Insert(connection_, "a");
        Insert(connection_, "a");  // Duplicate key: throws.
        transaction.Commit();
      },
      SQLite::Exception);
  EXPECT_FALSE(InTransaction());
  EXPECT_EQ(Count(connection_), 0);
}

TEST_F(TransactionTest, FailedCommitThrowsAndTheScopeRollsBack) {
  {
    Transaction transaction(connection_, TransactionMode::kImmediate);
    Insert(connection_, "orphan", "missing");  // The deferred foreign key fails at COMMIT.
    EXPECT_THROW(transaction.Commit(), SQLite::Exception);
  }
  EXPECT_FALSE(InTransaction());
  EXPECT_EQ(Count(connection_), 0);
  Insert(connection_, "after");  // The connection goes on.
  EXPECT_EQ(Count(connection_), 1);
}

TEST_F(TransactionTest, ImmediateTakesTheWriteLockAtBeginDeferredDoesNot) {
  Connection other(path_, ConnectionOptions{.busy_timeout_ms = 1});
  {
    Transaction deferred(connection_, TransactionMode::kDeferred);
    Transaction immediate(other, TransactionMode::kImmediate);  // Not blocked: nothing locked yet.
  }
  Transaction immediate(connection_, TransactionMode::kImmediate);
  try {
    Transaction blocked(other, TransactionMode::kImmediate);
    ADD_FAILURE() << "two write transactions at once";
  } catch (const SQLite::Exception& e) {
    EXPECT_EQ(e.getErrorCode(), SQLITE_BUSY);
  }
}

TEST_F(TransactionTest, DeferredReadsOneSnapshot) {
  Connection reader(path_, ConnectionOptions{});
  Insert(connection_, "first");
  Transaction snapshot(reader, TransactionMode::kDeferred);
  EXPECT_EQ(Count(reader), 1);  // The snapshot starts here.
  Insert(connection_, "second");
  EXPECT_EQ(Count(reader), 1);
  snapshot.Commit();
  EXPECT_EQ(Count(reader), 2);
}

TEST_F(TransactionTest, SavepointsUndoTheirOwnPartAlone) {
  Transaction transaction(connection_, TransactionMode::kImmediate);
  Insert(connection_, "before");
  {
    Savepoint kept(connection_);
    Insert(connection_, "kept");
    {
      Savepoint undone(connection_);  // Nested: the same name resolves to the innermost.
      Insert(connection_, "undone");
      undone.RollBack();
    }
    kept.Release();
  }
  {
    Savepoint unwound(connection_);
    Insert(connection_, "unwound");
    // Left without Release or RollBack, as when an exception passes: undone.
  }
  EXPECT_TRUE(InTransaction());
  transaction.Commit();
  ScopedStatement ids = connection_.Prepare("SELECT group_concat(id, ',') FROM item");
  ASSERT_TRUE(ids.Step());
  EXPECT_EQ(ids.Row().Text(0), "before,kept");
}

TEST_F(TransactionTest, RollBackOfABrokenTransactionThrows) {
  Transaction transaction(connection_, TransactionMode::kImmediate);
  Savepoint savepoint(connection_);
  Insert(connection_, "x");
  connection_.Run("ROLLBACK");  // What SQLite does on its own after some faults.
  EXPECT_THROW(savepoint.RollBack(), SQLite::Exception);
  // The transaction's scope then ends quietly: there is nothing left to roll back.
}

}  // namespace
}  // namespace techmatch::storage::sqlite
