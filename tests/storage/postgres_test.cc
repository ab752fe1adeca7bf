// What only the PostgreSQL backend has: migrations under concurrent openers, the transaction
// retry, lost connections, checked_sum, the not-yet-stored methods. Skips without a cluster
// (TECHMATCH_TEST_POSTGRES_URI).
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "core/common/status_macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/audit_scope.h"
#include "storage/filter_columns.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"
#include "storage/postgres/migrations.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/postgres_repository.h"
#include "storage/postgres/sql_where.h"
#include "storage/postgres/transaction.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::postgres {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (storage::testing::PostgresTestUri().empty()) {
      GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test "
                      "starts one with scripts/pg-cluster)";
    }
    database_ = std::make_unique<storage::testing::PostgresTestDatabase>();
    ASSERT_FALSE(database_->uri().empty());
  }

  std::unique_ptr<ConnectionPool> Pool(int size = 2) {
    absl::StatusOr<std::unique_ptr<ConnectionPool>> pool =
        ConnectionPool::Open(database_->uri(), size, absl::Seconds(5));
    EXPECT_TRUE(pool.ok()) << pool.status();
    return pool.ok() ? *std::move(pool) : nullptr;
  }

  std::unique_ptr<storage::testing::PostgresTestDatabase> database_;
};

TEST_F(PostgresTest, ConcurrentOpenersMigrateOnce) {
  constexpr int kOpeners = 4;
  std::vector<absl::Status> results(kOpeners);
  std::vector<std::thread> threads;
  for (int i = 0; i < kOpeners; ++i) {
    threads.emplace_back([&, i] {
      absl::StatusOr<std::unique_ptr<PostgresRepository>> repo =
          PostgresRepository::Open(database_->uri());
      results[i] = repo.status();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const absl::Status& result : results) EXPECT_THAT(result, IsOk());
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  EXPECT_THAT(repo->SchemaVersion(), ::testing::Eq(absl::StatusOr<int>(LatestSchemaVersion())));
  // Seeded once, however many servers started together; one page-token key for all.
  ListQuery query;
  query.page_size = 100;
  TM_ASSERT_OK_AND_ASSIGN(Page<Industry> page, repo->ListIndustries(query));
  EXPECT_EQ(page.items.size(), 10u);
}

TEST_F(PostgresTest, NewerDatabaseIsRefused) {
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  repo.reset();
  TM_ASSERT_OK_AND_ASSIGN(auto connection, Connection::Open(database_->uri()));
  ASSERT_THAT(connection->Script("UPDATE schema_version SET version = 999"), IsOk());
  EXPECT_THAT(PostgresRepository::Open(database_->uri()),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("999")));
}

// Migration 2 (SQLite's 10): only officials and organizers keep a region.
TEST_F(PostgresTest, RegionsStayOnlyOnOfficialsAndOrganizers) {
  TM_ASSERT_OK_AND_ASSIGN(auto connection, Connection::Open(database_->uri()));
  ASSERT_THAT(ApplyMigrations(*connection, 1), IsOk());
  ASSERT_THAT(connection->Script(
                  "INSERT INTO organizations (id, display_name, kind, region_code, industries, "
                  "create_time, update_time, revision) VALUES ('acme', 'Acme', 'ENTERPRISE', "
                  "'510500', '', 1, 1, 1);"
                  "INSERT INTO users (id, email, display_name, organization_id, role, region_code, "
                  "state, password_hash, create_time, update_time, revision) VALUES ('li', "
                  "'li@acme.example', 'Li', 'acme', 'ENTERPRISE', '510500', 'ACTIVE', 'x', 1, 1, "
                  "1), ('wang', 'wang@gov.example', 'Wang', NULL, 'OFFICIAL', '510500', 'ACTIVE', "
                  "'x', 1, 1, 1);"
                  "INSERT INTO api_keys (key_id, token_hash, role, organization_id, label, "
                  "create_time, region_code) VALUES ('k1k1k1k1k1k1k1k1', "
                  "decode(repeat('00', 32), 'hex'), 'INSTITUTE', 'acme', 'lab', 1, '510500')"),
              IsOk());
  ASSERT_THAT(ApplyMigrations(*connection), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(
      Result users, connection->Exec("SELECT id, region_code, revision FROM users ORDER BY id"));
  ASSERT_EQ(users.rows(), 2);
  EXPECT_EQ(users.Text(0, 1), "");        // li, the enterprise contact
  EXPECT_EQ(users.Int64(0, 2), 2);        // a new etag: the record changed
  EXPECT_EQ(users.Text(1, 1), "510500");  // wang, the official
  EXPECT_EQ(users.Int64(1, 2), 1);
  TM_ASSERT_OK_AND_ASSIGN(Result key, connection->Exec("SELECT region_code FROM api_keys"));
  ASSERT_EQ(key.rows(), 1);
  EXPECT_EQ(key.Text(0, 0), "");
}

// Migration 3 (SQLite's 11): every agreement written and every organization whose region or
// parent changed is in summary_changes once, under its latest change's seq.
TEST_F(PostgresTest, SummaryChangesLogTheLatestChangeOfEachRecord) {
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  TM_ASSERT_OK_AND_ASSIGN(auto connection, Connection::Open(database_->uri()));
  ASSERT_THAT(connection->Script(
                  "INSERT INTO organizations (id, display_name, kind, region_code, industries, "
                  "create_time, update_time, revision) VALUES ('acme', 'Acme', 'ENTERPRISE', "
                  "'510500', '', 1, 1, 1), ('lab', 'Lab', 'UNIVERSITY', '', '', 1, 1, 1);"
                  "INSERT INTO agreements (id, title, kind, parties, industries, sign_time, "
                  "sign_month, state, create_time, update_time, revision) VALUES ('a1', 'A1', "
                  "'TECHNOLOGY_TRANSFER', 'acme', '', 1, 202601, 'SIGNED', 1, 1, 1), ('a2', 'A2', "
                  "'TECHNOLOGY_TRANSFER', 'acme', '', 1, 202601, 'SIGNED', 1, 1, 1);"
                  "UPDATE organizations SET region_code = '510600' WHERE id = 'acme';"
                  "UPDATE organizations SET display_name = 'Lab 2' WHERE id = 'lab';"
                  "UPDATE agreements SET title = 'A1 again' WHERE id = 'a1';"
                  "DELETE FROM agreements WHERE id = 'a2'"),
              IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Result changes,
                          connection->Exec("SELECT kind, id FROM summary_changes ORDER BY seq"));
  ASSERT_EQ(changes.rows(), 3);  // 'lab' changed neither region nor parent
  EXPECT_EQ(changes.Text(0, 1), "acme");
  EXPECT_EQ(changes.Text(0, 0), "organization");
  EXPECT_EQ(changes.Text(1, 1), "a1");
  EXPECT_EQ(changes.Text(2, 1), "a2");
}

// The shared filter fields run on PostgreSQL as rendered by postgres::SqlWhere: = and != (a
// missing parent is "not X"), a region prefix, keyset continuation and only_ids together.
TEST_F(PostgresTest, CompiledFiltersSelectTheSameRowsAsOnSqlite) {
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  TM_ASSERT_OK_AND_ASSIGN(auto connection, Connection::Open(database_->uri()));
  ASSERT_THAT(connection->Script(
                  "INSERT INTO organizations (id, display_name, kind, parent_id, region_code, "
                  "industries, create_time, update_time, revision) VALUES "
                  "('acme', 'Acme', 'ENTERPRISE', NULL, '510502', '', 1, 1, 1),"
                  "('acme-sub', 'Acme Sub', 'ENTERPRISE', 'acme', '510521', '', 1, 1, 1),"
                  "('lab', 'Lab', 'UNIVERSITY', NULL, '510100', '', 1, 1, 1),"
                  "('other', 'Other', 'ENTERPRISE', 'lab', '440300', '', 1, 1, 1)"),
              IsOk());
  const auto ids = [&](std::vector<FilterTerm> terms, ListQuery query = {}) {
    std::vector<std::string> found;
    SqlWhere where;
    absl::Status status = where.AddFilter(terms, OrganizationFilterColumns(), "id");
    EXPECT_THAT(status, IsOk());
    if (!status.ok()) return found;
    if (query.page_size == 0) query.page_size = 10;
    absl::StatusOr<Page<std::string>> page = RunPageQuery<std::string>(
        *connection, "SELECT id FROM organizations", "id", std::move(where), query,
        [](const Result& result, int row) { return result.Text(row, 0); });
    EXPECT_THAT(page.status(), IsOk());
    if (page.ok()) found = page->items;
    return found;
  };
  using ::testing::ElementsAre;
  EXPECT_THAT(ids({{"kind", FilterOp::kEq, std::string("ENTERPRISE")}}),
              ElementsAre("acme", "acme-sub", "other"));
  EXPECT_THAT(ids({{"parent", FilterOp::kNe, std::string("acme")}}),
              ElementsAre("acme", "lab", "other"));
  EXPECT_THAT(ids({{"region", FilterOp::kEq, std::string("510500")}}),
              ElementsAre("acme", "acme-sub"));
  EXPECT_THAT(ids({{"region", FilterOp::kNe, std::string("510000")}}), ElementsAre("other"));
  EXPECT_THAT(ids({{"region_code", FilterOp::kEq, std::string("510100")}}), ElementsAre("lab"));
  ListQuery query;
  query.after_id = "acme";
  query.only_ids = std::vector<std::string>{"acme", "acme-sub", "other"};
  EXPECT_THAT(ids({{"kind", FilterOp::kEq, std::string("ENTERPRISE")},
                   {"region", FilterOp::kEq, std::string("510000")}},
                  query),
              ElementsAre("acme-sub"));
  // A value is a parameter: quotes and wildcards in it match nothing.
  EXPECT_THAT(ids({{"region_code", FilterOp::kEq, std::string("' OR ''='")}}),
              ::testing::IsEmpty());
}

TEST_F(PostgresTest, SerializationFailureIsRetriedThenAborted) {
  std::unique_ptr<ConnectionPool> pool = Pool();
  ASSERT_NE(pool, nullptr);
  constexpr absl::string_view kFail =
      "DO $$BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END$$";
  int attempts = 0;
  EXPECT_THAT(RunTransaction(*pool, Isolation::kRepeatableRead, false,
                             [&](Connection& c) {
                               ++attempts;
                               return attempts == 1 ? c.Script(kFail) : absl::OkStatus();
                             }),
              IsOk());
  EXPECT_EQ(attempts, 2);

  attempts = 0;
  const absl::Status gave_up = RunTransaction(
      *pool, Isolation::kRepeatableRead, false,
      [&](Connection& c) {
        ++attempts;
        return c.Script(kFail);
      },
      3);
  EXPECT_EQ(attempts, 3);
  EXPECT_THAT(StatusFor(gave_up, "replacing", "needs/n"), StatusIs(absl::StatusCode::kAborted));
}

TEST_F(PostgresTest, RealWriteConflictIsRetried) {
  std::unique_ptr<ConnectionPool> pool = Pool(4);
  ASSERT_NE(pool, nullptr);
  {
    TM_ASSERT_OK_AND_ASSIGN(ConnectionPool::Lease c, pool->Borrow());
    ASSERT_THAT(c->Script("CREATE TABLE counter (n bigint NOT NULL); INSERT INTO counter "
                          "VALUES (0)"),
                IsOk());
  }
  // Read-modify-write in REPEATABLE READ from several threads: every lost update would be a
  // serialization failure; retried, none is lost.
  constexpr int kThreads = 4;
  constexpr int kIncrements = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kIncrements; ++i) {
        const absl::Status status = RunTransaction(
            *pool, Isolation::kRepeatableRead, false,
            [&](Connection& c) -> absl::Status {
              TM_ASSIGN_OR_RETURN(Result read, c.Exec("SELECT n FROM counter"));
              return c.Exec("UPDATE counter SET n = $1", Params().Int64(read.Int64(0, 0) + 1))
                  .status();
            },
            /*max_attempts=*/1000);
        if (!status.ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  TM_ASSERT_OK_AND_ASSIGN(ConnectionPool::Lease c, pool->Borrow());
  TM_ASSERT_OK_AND_ASSIGN(Result total, c->Exec("SELECT n FROM counter"));
  EXPECT_EQ(total.Int64(0, 0), kThreads * kIncrements);
}

TEST_F(PostgresTest, LostConnectionIsUnavailableThenReconnects) {
  std::unique_ptr<ConnectionPool> pool = Pool(1);
  ASSERT_NE(pool, nullptr);
  const absl::Status lost =
      RunTransaction(*pool, Isolation::kReadCommitted, false, [](Connection& c) {
        // The server ends this very session.
        return c.Script("SELECT pg_terminate_backend(pg_backend_pid())");
      });
  EXPECT_THAT(StatusFor(lost, "reading", "industries"), StatusIs(absl::StatusCode::kUnavailable));
  // The one pooled connection reconnects when next borrowed.
  EXPECT_THAT(RunTransaction(*pool, Isolation::kReadCommitted, true,
                             [](Connection& c) { return c.Exec("SELECT 1").status(); }),
              IsOk());
}

TEST_F(PostgresTest, ASingleReadIsSentWithoutBeginAndCommit) {
  std::unique_ptr<ConnectionPool> pool = Pool(1);
  ASSERT_NE(pool, nullptr);
  // A statement PostgreSQL runs only inside a transaction block.
  const auto in_block_only = [](Connection& c) {
    return c.Exec("DECLARE probe CURSOR FOR SELECT 1").status();
  };
  EXPECT_EQ(SqlStateOf(RunSingleRead(*pool, in_block_only)),
            std::optional<std::string>("25P01"));  // no_active_sql_transaction
  EXPECT_THAT(RunTransaction(*pool, Isolation::kRepeatableRead, /*read_only=*/true, in_block_only),
              IsOk());
}

TEST_F(PostgresTest, ASingleReadOnACutConnectionIsSentAgainOnce) {
  std::unique_ptr<ConnectionPool> pool = Pool(1);
  ASSERT_NE(pool, nullptr);
  const auto select_one = [](Connection& c) { return c.Exec("SELECT 1").status(); };
  ASSERT_THAT(RunSingleRead(*pool, select_one), IsOk());
  // The pooled session ends while it sits in the pool, as at a server restart.
  TM_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Connection> admin, Connection::Open(database_->uri()));
  ASSERT_THAT(admin->Script("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND pid <> pg_backend_pid()"),
              IsOk());
  int runs = 0;
  EXPECT_THAT(RunSingleRead(*pool,
                            [&](Connection& c) {
                              ++runs;
                              return select_one(c);
                            }),
              IsOk());
  EXPECT_EQ(runs, 2);
}

TEST_F(PostgresTest, ASingleReadLostTwiceIsUnavailable) {
  std::unique_ptr<ConnectionPool> pool = Pool(1);
  ASSERT_NE(pool, nullptr);
  int runs = 0;
  const absl::Status lost = RunSingleRead(*pool, [&](Connection& c) {
    ++runs;
    return c.Exec("SELECT pg_terminate_backend(pg_backend_pid())").status();
  });
  EXPECT_EQ(runs, 2);
  EXPECT_THAT(StatusFor(lost, "reading", "needs/n1"), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(RunSingleRead(*pool, [](Connection& c) { return c.Exec("SELECT 1").status(); }),
              IsOk());
}

TEST_F(PostgresTest, ASingleReadThatFailsOnALiveConnectionIsNotSentAgain) {
  std::unique_ptr<ConnectionPool> pool = Pool(1);
  ASSERT_NE(pool, nullptr);
  int runs = 0;
  const absl::Status failed = RunSingleRead(*pool, [&](Connection& c) {
    ++runs;
    return c.Exec("SELECT 1 / (SELECT count(*) FROM pg_class WHERE false)").status();
  });
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(SqlStateOf(failed), std::optional<std::string>("22012"));  // division_by_zero
}

TEST_F(PostgresTest, PoolIsBoundedAndABorrowerWaitsThenGivesUp) {
  absl::StatusOr<std::unique_ptr<ConnectionPool>> pool =
      ConnectionPool::Open(database_->uri(), 1, absl::Milliseconds(50));
  ASSERT_THAT(pool.status(), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(ConnectionPool::Lease held, (*pool)->Borrow());
  EXPECT_THAT((*pool)->Borrow().status(),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr("busy")));
}

TEST_F(PostgresTest, CheckedSumIsExactAndOverflowIsOutOfRange) {
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  TM_ASSERT_OK_AND_ASSIGN(auto c, Connection::Open(database_->uri()));
  // Near the top of int64 the sum stays exact (no float on the way)...
  TM_ASSERT_OK_AND_ASSIGN(
      Result exact, c->Exec("SELECT checked_sum(x) FROM unnest(ARRAY[$1, $2, NULL]::bigint[]) x",
                            Params().Int64(INT64_MAX - 5).Int64(4)));
  EXPECT_EQ(exact.Int64(0, 0), INT64_MAX - 1);
  // ...no rows or only NULLs sum to NULL, as sum() does...
  TM_ASSERT_OK_AND_ASSIGN(Result none,
                          c->Exec("SELECT checked_sum(x) FROM unnest(ARRAY[NULL]::bigint[]) x"));
  EXPECT_TRUE(none.IsNull(0, 0));
  // ...and one more is OUT_OF_RANGE, recognized by its SQLSTATE, as SQLite's checked_sum.
  const absl::Status overflow =
      c->Exec("SELECT checked_sum(x) FROM unnest(ARRAY[$1, $2]::bigint[]) x",
              Params().Int64(INT64_MAX).Int64(1))
          .status();
  EXPECT_EQ(SqlStateOf(overflow), std::string(kSumOverflowState));
  EXPECT_THAT(StatusFor(overflow, "summarizing", "agreements"),
              StatusIs(absl::StatusCode::kOutOfRange));
  // Partial sums may leave int64 as long as the total comes back.
  TM_ASSERT_OK_AND_ASSIGN(
      Result back, c->Exec("SELECT checked_sum(x) FROM unnest(ARRAY[$1, $2, $3]::bigint[]) x",
                           Params().Int64(INT64_MAX).Int64(10).Int64(-20)));
  EXPECT_EQ(back.Int64(0, 0), INT64_MAX - 10);
}

TEST_F(PostgresTest, MoneyColumnsRefuseNegativeAmounts) {
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  TM_ASSERT_OK_AND_ASSIGN(auto c, Connection::Open(database_->uri()));
  const absl::Status refused =
      c->Exec(
           "INSERT INTO agreement_history (agreement_id, revision, field, change_time, "
           "old_value, new_value) VALUES ('a', 2, 'contract_amount', 0, $1, 1)",
           Params().Int64(-1))
          .status();
  EXPECT_EQ(SqlStateOf(refused), std::string("23514"));  // check_violation, before the FK
}

TEST_F(PostgresTest, CreateIndustryIsIdempotentPerRequestId) {
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  Industry tea;
  tea.meta.id = "tea";
  tea.display_name_zh = "茶业";
  const RequestKey key{"CreateIndustry", "req-1"};
  TM_ASSERT_OK_AND_ASSIGN(Industry first, repo->CreateIndustry(tea, key));
  Industry coffee = tea;
  coffee.meta.id = "coffee";
  // The same request id answers with what the first call created and creates nothing.
  TM_ASSERT_OK_AND_ASSIGN(Industry again, repo->CreateIndustry(coffee, key));
  EXPECT_EQ(again.meta.id, "tea");
  EXPECT_EQ(again.meta.create_time, first.meta.create_time);
  EXPECT_THAT(repo->GetIndustry("coffee"), StatusIs(absl::StatusCode::kNotFound));
}

// Fund arrivals are append-only in the database too (migration 5, as SQLite's 13).
TEST_F(PostgresTest, FundArrivalsCannotBeChangedOrRemovedInTheDatabase) {
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  ASSERT_THAT(repo->CreateOrganization(testing::EnterpriseRecord("acme"), {}).status(), IsOk());
  Project project;
  project.meta.id = "p1";
  project.title = "白酒固态发酵智能化";
  project.level = ProjectLevel::kProvincial;
  project.programme = "省重点研发计划";
  project.lead_organization_id = "acme";
  project.region_code = "510521";
  project.year = 2026;
  ASSERT_THAT(repo->CreateProject(project, {}).status(), IsOk());
  FundArrival arrival;
  arrival.project_id = "p1";
  arrival.amount_minor = 600;
  arrival.arrive_time = absl::FromUnixSeconds(1'790'000'000);
  ASSERT_THAT(repo->RecordFundArrival(arrival, {}).status(), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(auto c, Connection::Open(database_->uri()));
  EXPECT_THAT(c->Script("UPDATE project_fund_arrivals SET amount = 1"),
              StatusIs(absl::StatusCode::kInternal, HasSubstr("append-only")));
  EXPECT_THAT(c->Script("DELETE FROM project_fund_arrivals"),
              StatusIs(absl::StatusCode::kInternal, HasSubstr("append-only")));
  EXPECT_THAT(c->Script("TRUNCATE project_fund_arrivals"),
              StatusIs(absl::StatusCode::kInternal, HasSubstr("append-only")));
  TM_ASSERT_OK_AND_ASSIGN(Page<FundArrival> arrivals, repo->ListFundArrivals("p1", {}));
  ASSERT_EQ(arrivals.items.size(), 1u);
  EXPECT_EQ(arrivals.items[0].amount_minor, 600);
}

// Audited writes from many threads at once (as from several servers: each has its own
// connection) append one chain: seq 1..N without a gap or a fork, every write recorded, no
// write aborted for the chain's sake (the lock is taken before the snapshot).
TEST_F(PostgresTest, ConcurrentAuditedWritesKeepOneChain) {
  PostgresOptions options;
  options.max_connections = 8;
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri(), options));
  constexpr int kThreads = 8;
  constexpr int kWritesEach = 5;
  std::vector<absl::Status> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesEach; ++i) {
        PendingAudit pending;
        pending.event.principal = "0123456789abcdef";
        pending.event.role = "ADMIN";
        pending.event.method = "/techmatch.v1.ReferenceService/CreateIndustry";
        AuditScope scope(pending);
        Industry industry;
        industry.meta.id = absl::StrCat("i-", t, "-", i);
        industry.display_name_zh = "行业";
        absl::StatusOr<Industry> created = repo->CreateIndustry(industry, {});
        if (!created.ok()) failures[t] = created.status();
        if (created.ok() && !pending.recorded) failures[t] = absl::InternalError("not recorded");
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const absl::Status& failure : failures) EXPECT_THAT(failure, IsOk());
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification verified, repo->VerifyAuditTrail({}));
  EXPECT_EQ(verified.records, kThreads * kWritesEach);
}

// Someone with the database's credentials edits a record behind the triggers' back (the owner
// can disable them): verify finds the record.
TEST_F(PostgresTest, AnEditedRecordIsFoundByVerify) {
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  AuditEvent event;
  event.event_time = absl::Now();
  event.principal = "0123456789abcdef";
  event.role = "ORGANIZER";
  event.outcome = "OK";
  for (int i = 1; i <= 3; ++i) {
    event.method = absl::StrCat("/a/Record-", i);
    ASSERT_THAT(repo->AppendAuditEvent(event), IsOk());
  }
  // Verifying waits for the linker: the three records are in the chain.
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification linked, repo->VerifyAuditTrail({}));
  ASSERT_EQ(linked.records, 3);
  TM_ASSERT_OK_AND_ASSIGN(auto connection, Connection::Open(database_->uri()));
  // The triggers refuse changes from any session...
  EXPECT_THAT(connection->Script("UPDATE audit_events SET outcome = 'DENIED' WHERE seq = 2"),
              Not(IsOk()));
  EXPECT_THAT(connection->Script("DELETE FROM audit_events WHERE seq = 3"), Not(IsOk()));
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification intact, repo->VerifyAuditTrail({}));
  EXPECT_EQ(intact.records, 3);
  // ...until the owner turns them off.
  ASSERT_THAT(connection->Script("ALTER TABLE audit_events DISABLE TRIGGER USER;"
                                 "UPDATE audit_events SET outcome = 'DENIED' WHERE seq = 2"),
              IsOk());
  EXPECT_THAT(repo->VerifyAuditTrail({}),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("auditEvents/2")));
  ASSERT_THAT(connection->Script("UPDATE audit_events SET outcome = 'OK' WHERE seq = 2;"
                                 "DELETE FROM audit_events WHERE seq = 2"),
              IsOk());
  EXPECT_THAT(repo->VerifyAuditTrail({}),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("record missing")));
}

TEST_F(PostgresTest, SessionsRunWithoutJitAndKeepTheUrisOwnOptions) {
  TM_ASSERT_OK_AND_ASSIGN(auto plain, Connection::Open(database_->uri()));
  TM_ASSERT_OK_AND_ASSIGN(Result jit, plain->Exec("SHOW jit"));
  EXPECT_EQ(jit.Text(0, 0), "off");
  // Options the URI gives are kept beside jit=off, not replaced by it.
  const std::string uri = database_->uri();
  const std::string with_options = absl::StrCat(uri, uri.find('?') == std::string::npos ? "?" : "&",
                                                "options=-c%20work_mem%3D5MB");
  TM_ASSERT_OK_AND_ASSIGN(auto tuned, Connection::Open(with_options));
  TM_ASSERT_OK_AND_ASSIGN(Result work_mem, tuned->Exec("SHOW work_mem"));
  EXPECT_EQ(work_mem.Text(0, 0), "5MB");
  TM_ASSERT_OK_AND_ASSIGN(Result tuned_jit, tuned->Exec("SHOW jit"));
  EXPECT_EQ(tuned_jit.Text(0, 0), "off");
}

TEST_F(PostgresTest, BadUriAndUnreachableServer) {
  EXPECT_THAT(PostgresRepository::Open("postgresql://%zz"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(PostgresRepository::Open("postgresql:///nothing?host=/nonexistent-dir"),
              StatusIs(absl::StatusCode::kUnavailable));
  PostgresOptions options;
  options.max_connections = 0;
  EXPECT_THAT(PostgresRepository::Open(database_->uri(), options),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("max_connections")));
}

}  // namespace
}  // namespace techmatch::storage::postgres
