// The audit trail on PostgreSQL: writes stage their records and a linker per repository chains
// them (storage/postgres/audit_linker.h). Records staged by a server that died before its
// linker ran are chained by any other; batches larger than one link transaction are chained
// whole; several repositories on one database keep one chain.
#include "storage/postgres/audit_linker.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/audit_scope.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/postgres_repository.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using postgres::AuditLinker;
using postgres::Connection;
using postgres::Params;
using postgres::Result;
using ::techmatch::testing::IsOk;

class AuditLinkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::PostgresTestUri().empty()) {
      GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test "
                      "starts one with scripts/pg-cluster)";
    }
    database_ = std::make_unique<testing::PostgresTestDatabase>();
    ASSERT_FALSE(database_->uri().empty());
  }

  // What a server's committed write leaves when the server dies before its linker ran.
  void StageDirectly(int count) {
    TM_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Connection> c, Connection::Open(database_->uri()));
    ASSERT_THAT(c->Exec("INSERT INTO audit_staged (event_time, principal, role, method, "
                        "resource, request_id, outcome) "
                        "SELECT n, 'u', 'ADMIN', '/m', 'r/' || n, '', 'OK' "
                        "FROM generate_series(1, $1) AS n",
                        Params().Int64(count))
                    .status(),
                IsOk());
  }

  int64_t Count(const std::string& table) {
    absl::StatusOr<std::unique_ptr<Connection>> c = Connection::Open(database_->uri());
    EXPECT_THAT(c.status(), IsOk());
    if (!c.ok()) return -1;
    absl::StatusOr<Result> rows = (*c)->Exec(absl::StrCat("SELECT count(*) FROM ", table));
    EXPECT_THAT(rows.status(), IsOk());
    return rows.ok() ? rows->Int64(0, 0) : -1;
  }

  absl::Status CreateAudited(PostgresRepository& repo, const std::string& id) {
    PendingAudit pending;
    pending.event.principal = "0123456789abcdef";
    pending.event.role = "ADMIN";
    pending.event.method = "/techmatch.v1.ReferenceService/CreateIndustry";
    AuditScope scope(pending);
    Industry industry;
    industry.meta.id = id;
    industry.display_name_zh = "行业";
    return repo.CreateIndustry(industry, {}).status();
  }

  std::unique_ptr<testing::PostgresTestDatabase> database_;
};

TEST_F(AuditLinkerTest, ADeadServersStagedRecordsAreChainedByTheNextServerToOpen) {
  { TM_ASSERT_OK_AND_ASSIGN(auto migrate, PostgresRepository::Open(database_->uri())); }
  StageDirectly(3);
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  TM_ASSERT_OK_AND_ASSIGN(Page<AuditEvent> page, repo->ListAuditEvents({}));
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].seq, 1);
  EXPECT_EQ(page.items[0].resource, "r/1");
  EXPECT_EQ(page.items[2].resource, "r/3");
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification verified, repo->VerifyAuditTrail({}));
  EXPECT_EQ(verified.records, 3);
  EXPECT_EQ(Count("audit_staged"), 0);
}

TEST_F(AuditLinkerTest, MoreThanOneBatchIsChainedWhole) {
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
  const int staged = 2 * AuditLinker::kBatch + 7;
  StageDirectly(staged);
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification verified, repo->VerifyAuditTrail({}));
  EXPECT_EQ(verified.records, staged);
  EXPECT_EQ(Count("audit_staged"), 0);
}

TEST_F(AuditLinkerTest, AKeyedRepositoryChainsWithItsKey) {
  TM_ASSERT_OK_AND_ASSIGN(const AuditKey key, NewAuditKey());
  PostgresOptions options;
  options.audit_key = key;
  TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri(), options));
  ASSERT_THAT(CreateAudited(*repo, "keyed"), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification verified, repo->VerifyAuditTrail({key}));
  EXPECT_EQ(verified.records, 1);
  EXPECT_EQ(verified.unkeyed, 0);
  EXPECT_EQ(verified.key_ids, std::vector<std::string>{key.id});
}

TEST_F(AuditLinkerTest, TwoServersWritingAtOnceKeepOneChain) {
  TM_ASSERT_OK_AND_ASSIGN(auto first, PostgresRepository::Open(database_->uri()));
  TM_ASSERT_OK_AND_ASSIGN(auto second, PostgresRepository::Open(database_->uri()));
  constexpr int kThreadsEach = 4;
  constexpr int kWritesEach = 10;
  std::vector<absl::Status> failures(2 * kThreadsEach);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2 * kThreadsEach; ++t) {
    PostgresRepository& repo = t % 2 == 0 ? *first : *second;
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesEach; ++i) {
        absl::Status created = CreateAudited(repo, absl::StrCat("i-", t, "-", i));
        if (!created.ok()) failures[t] = created;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const absl::Status& failure : failures) EXPECT_THAT(failure, IsOk());
  // Either server's verify waits for its own linker; the other's records may still be staged
  // until that server's linker runs, which its own verify waits for.
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification by_first, first->VerifyAuditTrail({}));
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification by_second, second->VerifyAuditTrail({}));
  EXPECT_EQ(by_second.records, 2 * kThreadsEach * kWritesEach);
  EXPECT_GE(by_second.records, by_first.records);
  EXPECT_EQ(Count("audit_staged"), 0);
}

TEST_F(AuditLinkerTest, ARepositoryClosedWithStagedRecordsChainsThemFirst) {
  {
    TM_ASSERT_OK_AND_ASSIGN(auto repo, PostgresRepository::Open(database_->uri()));
    for (int i = 0; i < 20; ++i) ASSERT_THAT(CreateAudited(*repo, absl::StrCat("c", i)), IsOk());
  }
  EXPECT_EQ(Count("audit_staged"), 0);
  EXPECT_EQ(Count("audit_events"), 20);
}

}  // namespace
}  // namespace techmatch::storage
