// A batch in one statement per table on PostgreSQL: Params::Columns turns the rows' parameters
// into arrays that `unnest` gives back row by row, and OfferingRows::InsertAll stores a batch
// with one change-log row per record, or is refused as a whole. Skips without a cluster
// (TECHMATCH_TEST_POSTGRES_URI).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/common/status_macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"
#include "storage/postgres/offering_rows.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/postgres_repository.h"
#include "storage/postgres/transaction.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::postgres {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Optional;

class PostgresBatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (storage::testing::PostgresTestUri().empty()) {
      GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test "
                      "starts one with scripts/pg-cluster)";
    }
    database_ = std::make_unique<storage::testing::PostgresTestDatabase>();
    ASSERT_FALSE(database_->uri().empty());
    TM_ASSERT_OK_AND_ASSIGN(pool_, ConnectionPool::Open(database_->uri(), 1, absl::Seconds(5)));
  }

  absl::Status Write(absl::FunctionRef<absl::Status(Connection&)> body) {
    return RunTransaction(*pool_, Isolation::kReadCommitted, /*read_only=*/false, body);
  }

  // The first column of every row `sql` answers, as text.
  std::vector<std::string> Column(const std::string& sql) {
    std::vector<std::string> values;
    const absl::Status read = RunTransaction(
        *pool_, Isolation::kReadCommitted, /*read_only=*/true, [&](Connection& c) -> absl::Status {
          values.clear();
          TM_ASSIGN_OR_RETURN(Result result, c.Exec(sql));
          for (int row = 0; row < result.rows(); ++row) {
            values.push_back(result.IsNull(row, 0) ? "NULL" : result.Text(row, 0));
          }
          return absl::OkStatus();
        });
    EXPECT_THAT(read, IsOk()) << sql;
    return values;
  }

  std::unique_ptr<storage::testing::PostgresTestDatabase> database_;
  std::unique_ptr<ConnectionPool> pool_;
};

TEST_F(PostgresBatchTest, ColumnsGiveBackEveryRowsValuesInOrderWithNulls) {
  ASSERT_THAT(Write([](Connection& c) {
                return c.Script(
                    "CREATE TABLE t (k bigserial PRIMARY KEY, s text, n bigint, b bytea, f bool, "
                    "o text)");
              }),
              IsOk());
  const std::string bytes("a\0b", 3);
  std::vector<Params> rows(3);
  rows[0].Text("third").Int64(-(int64_t{1} << 62)).Bytes(bytes).Bool(true).OptionalText("x");
  rows[1].Text("").OptionalInt64(std::nullopt).Bytes("").Bool(false).OptionalText(std::nullopt);
  rows[2].Text("二").Int64(7).Bytes("z").Bool(true).OptionalText("");
  TM_ASSERT_OK_AND_ASSIGN(Params columns, Params::Columns(rows));
  EXPECT_EQ(columns.size(), 5u);
  ASSERT_THAT(Write([&](Connection& c) {
                return c
                    .Exec(
                        "INSERT INTO t (s, n, b, f, o) SELECT * FROM unnest($1, $2, $3, $4, "
                        "$5)",
                        columns)
                    .status();
              }),
              IsOk());
  // In the arrays' order (k), each value as bound alone, NULLs kept apart from empty values.
  EXPECT_THAT(Column("SELECT s FROM t ORDER BY k"), ElementsAre("third", "", "二"));
  EXPECT_THAT(Column("SELECT n::text FROM t ORDER BY k"),
              ElementsAre("-4611686018427387904", "NULL", "7"));
  EXPECT_THAT(Column("SELECT encode(b, 'hex') FROM t ORDER BY k"), ElementsAre("610062", "", "7a"));
  EXPECT_THAT(Column("SELECT f::text FROM t ORDER BY k"), ElementsAre("true", "false", "true"));
  EXPECT_THAT(Column("SELECT o FROM t ORDER BY k"), ElementsAre("x", "NULL", ""));
}

TEST_F(PostgresBatchTest, ColumnsRefuseNoRowsMixedTypesAndArrays) {
  EXPECT_THAT(Params::Columns({}), StatusIs(absl::StatusCode::kInvalidArgument));
  std::vector<Params> rows(2);
  rows[0].Text("a").Int64(1);
  rows[1].Text("b").Text("1");
  EXPECT_THAT(Params::Columns(rows), StatusIs(absl::StatusCode::kInvalidArgument));
  rows[1] = Params();
  rows[1].Text("b");
  EXPECT_THAT(Params::Columns(rows), StatusIs(absl::StatusCode::kInvalidArgument));
  // An array of arrays is not a column unnest can give back row by row.
  std::vector<Params> arrays(2);
  arrays[0].TextArray({"a"});
  arrays[1].TextArray({"b", "c"});
  EXPECT_THAT(Params::Columns(arrays), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(PostgresBatchTest, InsertAllLogsEachRecordOrIsRefusedWhole) {
  {
    // Migrates the database and creates the institute.
    TM_ASSERT_OK_AND_ASSIGN(auto repository, PostgresRepository::Open(database_->uri()));
    ASSERT_THAT(
        repository->CreateOrganization(storage::testing::UniversityRecord("lab"), {}).status(),
        IsOk());
  }
  std::vector<Offering> offerings;
  for (const char* id : {"o-2", "o-1", "o-3"}) {
    offerings.push_back(storage::testing::OfferingRecord(id, "lab"));
    offerings.back().meta.revision = 1;
  }
  ASSERT_THAT(Write([&](Connection& c) { return OfferingRows::InsertAll(c, offerings); }), IsOk());
  // One change per record, in the batch's order, for followers on other servers.
  EXPECT_THAT(Column("SELECT id FROM record_changes ORDER BY seq"),
              ElementsAre("o-2", "o-1", "o-3"));
  EXPECT_THAT(Column("SELECT offering_id FROM offering_industries ORDER BY offering_id"),
              ElementsAre("o-1", "o-2", "o-3"));

  // A batch with one stored id fails as a whole with the database's code; nothing of it stays.
  std::vector<Offering> again = {storage::testing::OfferingRecord("o-4", "lab"), offerings[1]};
  again[0].meta.revision = 1;
  const absl::Status refused =
      Write([&](Connection& c) { return OfferingRows::InsertAll(c, again); });
  EXPECT_THAT(SqlStateOf(refused), Optional(std::string("23505")));
  EXPECT_THAT(Column("SELECT id FROM offerings ORDER BY id"), ElementsAre("o-1", "o-2", "o-3"));
  EXPECT_THAT(Column("SELECT id FROM record_changes ORDER BY seq"),
              ElementsAre("o-2", "o-1", "o-3"));
}

}  // namespace
}  // namespace techmatch::storage::postgres
