// Connection's cached statements and RowReader, which call SQLite's C API directly: bound values
// read back exactly (an empty text stays '' and is not NULL), errors throw SQLite::Exception
// with SQLite's codes (the repository maps those to statuses), and a statement left its scope
// holds no read transaction.
#include "storage/sqlite/connection.h"

#include <sqlite3.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "SQLiteCpp/Exception.h"
#include "gtest/gtest.h"
#include "storage/sqlite/checked_sum.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::sqlite {
namespace {

class ConnectionTest : public ::testing::Test {
 protected:
  ConnectionTest() : connection_(dir_.File("c.db"), ConnectionOptions{.create = true}) {
    connection_.Run("CREATE TABLE t (k TEXT PRIMARY KEY, s TEXT, n INTEGER, b BLOB)");
  }

  // True when any statement of the connection is inside a step (holds its read transaction).
  bool AnyStatementBusy() {
    for (sqlite3_stmt* s = sqlite3_next_stmt(connection_.handle(), nullptr); s != nullptr;
         s = sqlite3_next_stmt(connection_.handle(), s)) {
      if (sqlite3_stmt_busy(s)) return true;
    }
    return false;
  }

  testing::TempDir dir_;
  Connection connection_;
};

TEST_F(ConnectionTest, BoundValuesReadBackExactly) {
  const std::string blob("a\0b\x1F", 4);
  {
    ScopedStatement insert =
        connection_.Prepare("INSERT INTO t (k, s, n, b) VALUES (?1, ?2, ?3, ?4)");
    insert.BindText(1, "x");
    insert.BindText(2, absl::string_view());  // empty, with a null data pointer
    insert.BindInt64(3, -(int64_t{1} << 62));
    insert.BindBlob(4, blob);
    insert.Run();
  }
  {
    ScopedStatement insert =
        connection_.Prepare("INSERT INTO t (k, s, n, b) VALUES (?1, ?2, ?3, ?4)");
    insert.BindText(1, "y");
    insert.BindNull(2);
    insert.BindOptionalInt64(3, std::nullopt);
    insert.Run();  // ?4 left unbound: the cached statement's earlier bindings were cleared
  }
  ScopedStatement select = connection_.Prepare("SELECT s, n, b FROM t WHERE k = ?1");
  select.BindText(1, "x");
  ASSERT_TRUE(select.Step());
  RowReader row = select.Row();
  EXPECT_FALSE(row.IsNull(0));
  EXPECT_EQ(row.Text(0), "");
  EXPECT_EQ(row.Int64(1), -(int64_t{1} << 62));
  EXPECT_EQ(row.Blob(2), blob);
  EXPECT_EQ(row.View(2), blob);
  EXPECT_FALSE(select.Step());

  select.Reset();
  select.BindText(1, "y");
  ASSERT_TRUE(select.Step());
  EXPECT_TRUE(select.Row().IsNull(0));
  EXPECT_TRUE(select.Row().View(0).empty());
  EXPECT_TRUE(select.Row().IsNull(1));
  EXPECT_TRUE(select.Row().IsNull(2));
}

TEST_F(ConnectionTest, ErrorsThrowWithSqliteCodes) {
  {
    ScopedStatement insert = connection_.Prepare("INSERT INTO t (k) VALUES (?1)");
    insert.BindText(1, "dup");
    insert.Run();
  }
  ScopedStatement insert = connection_.Prepare("INSERT INTO t (k) VALUES (?1)");
  insert.BindText(1, "dup");
  try {
    insert.Run();
    FAIL() << "a duplicate key was stored";
  } catch (const SQLite::Exception& e) {
    EXPECT_EQ(e.getErrorCode(), SQLITE_CONSTRAINT);
    EXPECT_EQ(e.getExtendedErrorCode(), SQLITE_CONSTRAINT_PRIMARYKEY);
  }
  EXPECT_THROW(insert.BindText(9, "out of range"), SQLite::Exception);
  EXPECT_THROW(connection_.Prepare("SELECT nonsense FROM nowhere"), SQLite::Exception);
}

TEST_F(ConnectionTest, StatementOutOfScopeHoldsNoReadTransaction) {
  connection_.Run("INSERT INTO t (k) VALUES ('a'), ('b')");
  {
    ScopedStatement select = connection_.Prepare("SELECT k FROM t ORDER BY k");
    ASSERT_TRUE(select.Step());  // left mid-iteration
    EXPECT_TRUE(AnyStatementBusy());
  }
  EXPECT_FALSE(AnyStatementBusy());
  // Prepared once, reused: the same SQL finds the cached statement ready to run again.
  ScopedStatement again = connection_.Prepare("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(again.Step());
  EXPECT_EQ(again.Row().Text(0), "a");
}

// How many statements the connection holds prepared (its cache, and any in use).
int PreparedStatements(Connection& connection) {
  int count = 0;
  for (sqlite3_stmt* s = sqlite3_next_stmt(connection.handle(), nullptr); s != nullptr;
       s = sqlite3_next_stmt(connection.handle(), s)) {
    ++count;
  }
  return count;
}

TEST_F(ConnectionTest, RunCachesOneStatementAndRunsAScriptInOrder) {
  const int before = PreparedStatements(connection_);
  connection_.Run("INSERT INTO t (k) VALUES ('once')");
  EXPECT_EQ(PreparedStatements(connection_), before + 1);
  connection_.Run("DELETE FROM t WHERE k = 'once'");
  connection_.Run("INSERT INTO t (k) VALUES ('once')");  // The same text: the cached statement.
  EXPECT_EQ(PreparedStatements(connection_), before + 2);

  // Each statement of a script is prepared after the ones before it ran (the index needs the
  // table), and none is kept.
  connection_.Run(
      "CREATE TABLE u (x INTEGER);\n"
      "CREATE INDEX u_by_x ON u (x);\n"
      "INSERT INTO u (x) VALUES (1), (2); -- a comment at the end\n");
  EXPECT_EQ(PreparedStatements(connection_), before + 2);
  ScopedStatement count = connection_.Prepare("SELECT count(*) FROM u");
  ASSERT_TRUE(count.Step());
  EXPECT_EQ(count.Row().Int64(0), 2);

  connection_.Run("  -- nothing but a comment\n");
  EXPECT_THROW(connection_.Run("INSERT INTO u (x) VALUES (3); SELECT nonsense FROM nowhere"),
               SQLite::Exception);
}

TEST_F(ConnectionTest, PrepareRefusesMoreThanOneStatement) {
  // The second statement would otherwise be dropped without a word.
  EXPECT_THROW(connection_.Prepare("SELECT 1; DELETE FROM t"), SQLite::Exception);
  EXPECT_THROW(connection_.Prepare("   "), SQLite::Exception);
  ScopedStatement trailing_space = connection_.Prepare("SELECT 1;  \n");
  EXPECT_TRUE(trailing_space.Step());
}

TEST_F(ConnectionTest, CheckedSumIsSumThatFailsWithItsOwnCodeOnOverflow) {
  connection_.Run("CREATE TABLE m (g TEXT, v INTEGER) STRICT");
  connection_.Run(
      "INSERT INTO m (g, v) VALUES ('a', 9223372036854775806), ('a', 1), ('a', NULL), "
      "('b', NULL), ('c', 9223372036854775807), ('c', 1)");
  {
    // Exact up to the largest int64; NULLs are skipped; only NULLs, or no rows, sum to NULL.
    ScopedStatement sums =
        connection_.Prepare("SELECT g, checked_sum(v) FROM m WHERE g <> 'c' GROUP BY g ORDER BY g");
    ASSERT_TRUE(sums.Step());
    EXPECT_EQ(sums.Row().Int64(1), std::numeric_limits<int64_t>::max());
    ASSERT_TRUE(sums.Step());
    EXPECT_TRUE(sums.Row().IsNull(1));
    EXPECT_FALSE(sums.Step());
    ScopedStatement none = connection_.Prepare("SELECT checked_sum(v) FROM m WHERE g = 'x'");
    ASSERT_TRUE(none.Step());
    EXPECT_TRUE(none.Row().IsNull(0));
  }
  ScopedStatement overflow = connection_.Prepare("SELECT checked_sum(v) FROM m WHERE g = 'c'");
  try {
    overflow.Step();
    FAIL() << "an overflowing sum returned a value";
  } catch (const SQLite::Exception& e) {
    EXPECT_EQ(e.getErrorCode(), kSumOverflowCode);
  }
  ScopedStatement text = connection_.Prepare("SELECT checked_sum(k) FROM t");
  connection_.Run("INSERT INTO t (k) VALUES ('not a number')");
  try {
    text.Step();
    FAIL() << "checked_sum added text";
  } catch (const SQLite::Exception& e) {
    EXPECT_EQ(e.getErrorCode(), SQLITE_MISMATCH);
  }
}

}  // namespace
}  // namespace techmatch::storage::sqlite
