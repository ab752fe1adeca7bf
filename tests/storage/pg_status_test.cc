// The SQLSTATE → status table of the PostgreSQL backend (storage/postgres/pg_status.h); needs
// no server.
#include "storage/postgres/pg_status.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch::storage::postgres {
namespace {

using ::techmatch::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Optional;

TEST(PgStatusTest, TableMapsEachStateToItsCode) {
  struct Case {
    const char* state;
    absl::StatusCode code;
  };
  const Case cases[] = {
      {"23505", absl::StatusCode::kAlreadyExists},
      {"23503", absl::StatusCode::kFailedPrecondition},
      {"40001", absl::StatusCode::kAborted},
      {"40P01", absl::StatusCode::kAborted},
      {"55P03", absl::StatusCode::kUnavailable},
      {"57014", absl::StatusCode::kUnavailable},
      {"57P01", absl::StatusCode::kUnavailable},
      {"57P03", absl::StatusCode::kUnavailable},
      {"53300", absl::StatusCode::kUnavailable},
      {"08006", absl::StatusCode::kUnavailable},  // by its class, 08
      {"08001", absl::StatusCode::kUnavailable},
      {"", absl::StatusCode::kUnavailable},  // libpq's broken connection
      {"TMS01", absl::StatusCode::kOutOfRange},
      {"23514", absl::StatusCode::kInternal},  // a CHECK: the server validates first
      {"23502", absl::StatusCode::kInternal},
      {"42P01", absl::StatusCode::kInternal},  // our SQL names a missing table
      {"25006", absl::StatusCode::kInternal},
      {"XX000", absl::StatusCode::kInternal},
  };
  for (const Case& c : cases) EXPECT_EQ(CodeForSqlState(c.state), c.code) << c.state;
}

TEST(PgStatusTest, OnlySerializationFailuresAndDeadlocksAreRetried) {
  EXPECT_TRUE(IsRetryableSqlState("40001"));
  EXPECT_TRUE(IsRetryableSqlState("40P01"));
  EXPECT_FALSE(IsRetryableSqlState("40002"));
  EXPECT_FALSE(IsRetryableSqlState("23505"));
  EXPECT_FALSE(IsRetryableSqlState(""));
}

TEST(PgStatusTest, StatusForNamesTheResourceAndDropsTheServersWords) {
  const absl::Status raw =
      DatabaseError("23505", "duplicate key value violates unique constraint \"industries_pkey\"");
  EXPECT_THAT(SqlStateOf(raw), Optional(std::string("23505")));
  const absl::Status answer = StatusFor(raw, "creating", "industries/tea");
  EXPECT_THAT(answer, StatusIs(absl::StatusCode::kAlreadyExists, "industries/tea already exists"));
  EXPECT_EQ(SqlStateOf(answer), std::nullopt);

  EXPECT_THAT(StatusFor(DatabaseError("XX000", "secret detail"), "reading", "needs/n"),
              StatusIs(absl::StatusCode::kInternal,
                       "storage failure while reading needs/n; see the server log"));
  EXPECT_THAT(
      StatusFor(DatabaseError("TMS01", "checked_sum() overflowed"), "summarizing", "agreements"),
      StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("2^63-1")));
  EXPECT_THAT(StatusFor(DatabaseError("", "server closed the connection"), "reading", "x"),
              StatusIs(absl::StatusCode::kUnavailable, Not(HasSubstr("server closed"))));
}

TEST(PgStatusTest, StatusForPassesOtherStatusesThrough) {
  const absl::Status mine = absl::NotFoundError("industries/x not found");
  EXPECT_EQ(StatusFor(mine, "reading", "industries/x"), mine);
  EXPECT_EQ(StatusFor(absl::OkStatus(), "reading", "x"), absl::OkStatus());
}

}  // namespace
}  // namespace techmatch::storage::postgres
