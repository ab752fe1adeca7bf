// A PostgreSQL server that went away and came back: pooled connections reconnect on their
// first statement without failing the call (a BEGIN is sent again, never a write), the
// reachability check follows the server, and server notices stay out of stderr. The restart
// runs on a cluster of the test's own (scripts/pg-cluster), never on the shared one; skips
// without a cluster (TECHMATCH_TEST_POSTGRES_URI), as the other PostgreSQL tests.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "core/common/status_macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "spdlog/sinks/ostream_sink.h"
#include "spdlog/spdlog.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/postgres_repository.h"
#include "storage/postgres/transaction.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::postgres {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::HasSubstr;

bool HaveCluster() { return !storage::testing::PostgresTestUri().empty(); }

#define SKIP_WITHOUT_CLUSTER()                                                              \
  if (!HaveCluster()) {                                                                     \
    GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test " \
                    "starts one with scripts/pg-cluster)";                                  \
  }

// Runs scripts/pg-cluster VERB DIR [ARG]; its stdout (the URI for start), or nothing on failure
// (a test failure is added).
std::string PgCluster(const std::string& verb, const std::string& dir,
                      const std::string& arg = "") {
  const std::string command = absl::StrCat(TECHMATCH_SOURCE_DIR, "/scripts/pg-cluster ", verb, " ",
                                           dir, arg.empty() ? "" : " ", arg);
  FILE* out = popen(command.c_str(), "r");
  if (out == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return "";
  }
  std::string text;
  char buffer[256];
  while (fgets(buffer, sizeof(buffer), out) != nullptr) text += buffer;
  const int rc = pclose(out);
  if (rc != 0) ADD_FAILURE() << command << " failed (" << rc << ")";
  return std::string(absl::StripTrailingAsciiWhitespace(text));
}

// A cluster of this test's own, removed at the end.
class OwnCluster {
 public:
  OwnCluster() {
    char dir[] = "/tmp/tm-rec-XXXXXX";
    if (mkdtemp(dir) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed";
      return;
    }
    parent_ = dir;
    dir_ = parent_ + "/pg";
    // As root the cluster's owner (techmatch-pg) must be able to enter the parent.
    chmod(parent_.c_str(), 0755);
    uri_ = PgCluster("start", dir_);
  }
  ~OwnCluster() {
    if (!dir_.empty()) PgCluster("stop", dir_);
    if (!parent_.empty()) rmdir(parent_.c_str());
  }
  const std::string& uri() const { return uri_; }
  // Stops the server (sessions are cut), keeps it down `down_seconds`, starts it again.
  void Restart(int down_seconds = 0) { PgCluster("restart", dir_, absl::StrCat(down_seconds)); }

 private:
  std::string parent_;
  std::string dir_;
  std::string uri_;
};

absl::Status ReadOne(ConnectionPool& pool) {
  return RunTransaction(pool, Isolation::kRepeatableRead, /*read_only=*/true, [](Connection& c) {
    TM_ASSIGN_OR_RETURN(Result one, c.Exec("SELECT 1"));
    return one.rows() == 1 ? absl::OkStatus() : absl::InternalError("no row");
  });
}

// Tests that restart their cluster share one of their own (starting one takes seconds).
class PostgresRestartTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (HaveCluster()) cluster_ = new OwnCluster();
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
  }
  void SetUp() override {
    SKIP_WITHOUT_CLUSTER();
    ASSERT_FALSE(cluster_->uri().empty());
  }

  static OwnCluster* cluster_;
};

OwnCluster* PostgresRestartTest::cluster_ = nullptr;

TEST_F(PostgresRestartTest, ReadAfterAServerRestartSucceeds) {
  // One connection: the second read gets the very connection the restart cut.
  TM_ASSERT_OK_AND_ASSIGN(std::unique_ptr<ConnectionPool> pool,
                          ConnectionPool::Open(cluster_->uri(), 1, absl::Seconds(5)));
  ASSERT_THAT(ReadOne(*pool), IsOk());
  cluster_->Restart();
  EXPECT_THAT(ReadOne(*pool), IsOk());
  EXPECT_THAT(ReadOne(*pool), IsOk());
}

class PostgresRecoveryOnSharedClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SKIP_WITHOUT_CLUSTER();
    database_ = std::make_unique<storage::testing::PostgresTestDatabase>();
    ASSERT_FALSE(database_->uri().empty());
    TM_ASSERT_OK_AND_ASSIGN(admin_, Connection::Open(database_->uri()));
    ASSERT_THAT(admin_->Script("CREATE TABLE written (n bigint)"), IsOk());
  }

  // Ends the sessions of every other connection to this database, as a restart would.
  void CutOtherSessions() {
    ASSERT_THAT(admin_->Script("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()"),
                IsOk());
  }

  int64_t Written() {
    absl::StatusOr<Result> rows = admin_->Exec("SELECT count(*) FROM written");
    EXPECT_THAT(rows.status(), IsOk());
    return rows.ok() ? rows->Int64(0, 0) : -1;
  }

  std::unique_ptr<storage::testing::PostgresTestDatabase> database_;
  std::unique_ptr<Connection> admin_;
};

TEST_F(PostgresRecoveryOnSharedClusterTest, ACutIdleConnectionIsReconnectedAtItsFirstRoundTrip) {
  TM_ASSERT_OK_AND_ASSIGN(std::unique_ptr<ConnectionPool> pool,
                          ConnectionPool::Open(database_->uri(), 1, absl::Seconds(5)));
  ASSERT_THAT(ReadOne(*pool), IsOk());
  CutOtherSessions();
  int runs = 0;
  EXPECT_THAT(RunTransaction(*pool, Isolation::kRepeatableRead, /*read_only=*/false,
                             [&](Connection& c) {
                               ++runs;
                               return c.Exec("INSERT INTO written VALUES (1)").status();
                             }),
              IsOk());
  // BEGIN travels with the body's first statement, so the body found the connection dead: it
  // ran again on a new connection, and only that run wrote.
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(Written(), 1);
}

TEST_F(PostgresRecoveryOnSharedClusterTest, AConnectionLostAfterAWriteIsUnavailableNotRetried) {
  TM_ASSERT_OK_AND_ASSIGN(std::unique_ptr<ConnectionPool> pool,
                          ConnectionPool::Open(database_->uri(), 1, absl::Seconds(5)));
  int runs = 0;
  const absl::Status lost = RunTransaction(
      *pool, Isolation::kRepeatableRead, /*read_only=*/false, [&](Connection& c) -> absl::Status {
        ++runs;
        TM_RETURN_IF_ERROR(c.Exec("INSERT INTO written VALUES (1)").status());
        // The session ends after the write was sent: its outcome is the caller's to find out.
        return c.Script("SELECT pg_terminate_backend(pg_backend_pid())");
      });
  EXPECT_THAT(StatusFor(lost, "creating", "written"), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(Written(), 0);
  // The pool has recovered for the next call.
  EXPECT_THAT(ReadOne(*pool), IsOk());
}

TEST_F(PostgresRestartTest, ReachabilityFollowsTheServer) {
  TM_ASSERT_OK_AND_ASSIGN(std::unique_ptr<PostgresRepository> repo,
                          PostgresRepository::Open(cluster_->uri()));
  EXPECT_THAT(repo->CheckReachable(absl::Seconds(2)), IsOk());
  std::atomic<bool> restarted{false};
  std::thread restart([&] {
    cluster_->Restart(/*down_seconds=*/3);
    restarted = true;
  });
  // While the server is down every check says so (the first on the cut connection, the next
  // ones failing to reconnect).
  int unreachable = 0;
  while (!restarted && unreachable < 2) {
    const absl::Status check = repo->CheckReachable(absl::Seconds(2));
    if (!check.ok()) {
      EXPECT_THAT(check, StatusIs(absl::StatusCode::kUnavailable, HasSubstr("unreachable")));
      ++unreachable;
    }
    absl::SleepFor(absl::Milliseconds(100));
  }
  restart.join();
  EXPECT_EQ(unreachable, 2) << "the restart ended before two checks saw the server down";
  EXPECT_THAT(repo->CheckReachable(absl::Seconds(2)), IsOk());
  // Calls work again too, on pooled connections the restart cut.
  EXPECT_THAT(repo->SchemaVersion().status(), IsOk());
}

TEST(PostgresRecoveryTest, ASessionThatDoesNotAnswerFailsThePingWithinItsTimeout) {
  SKIP_WITHOUT_CLUSTER();
  storage::testing::PostgresTestDatabase database;
  ASSERT_FALSE(database.uri().empty());
  TM_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Connection> c, Connection::Open(database.uri()));
  TM_ASSERT_OK_AND_ASSIGN(Result pid, c->Exec("SELECT pg_backend_pid()::bigint"));
  const pid_t backend = static_cast<pid_t>(pid.Int64(0, 0));
  // A hung server: its process for this session stops answering (and resumes at the end).
  ASSERT_EQ(kill(backend, SIGSTOP), 0);
  struct Resume {
    pid_t pid;
    ~Resume() { kill(pid, SIGCONT); }
  } resume{backend};
  EXPECT_THAT(c->Ping(absl::Milliseconds(300)),
              StatusIs(absl::StatusCode::kInternal, HasSubstr("no answer")));
  EXPECT_THAT(StatusFor(c->Ping(absl::Milliseconds(300)), "checking", "the database"),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_FALSE(c->Healthy());  // A statement is still in flight on it.
  kill(backend, SIGCONT);
  ASSERT_THAT(c->Reset(), IsOk());
  EXPECT_THAT(c->Ping(absl::Seconds(5)), IsOk());
}

TEST(PostgresRecoveryTest, NoticesGoToTheLogAtDebugLevel) {
  SKIP_WITHOUT_CLUSTER();
  storage::testing::PostgresTestDatabase database;
  ASSERT_FALSE(database.uri().empty());
  std::ostringstream captured;
  auto logger = std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
  logger->set_level(spdlog::level::debug);
  const std::shared_ptr<spdlog::logger> previous = spdlog::default_logger();
  spdlog::set_default_logger(logger);
  {
    TM_ASSERT_OK_AND_ASSIGN(std::unique_ptr<Connection> c, Connection::Open(database.uri()));
    ASSERT_THAT(c->Script("CREATE TABLE IF NOT EXISTS t (n int)"), IsOk());
    ASSERT_THAT(c->Script("CREATE TABLE IF NOT EXISTS t (n int)"), IsOk());
  }
  spdlog::set_default_logger(previous);
  EXPECT_THAT(captured.str(), HasSubstr("[debug]"));
  EXPECT_THAT(captured.str(), HasSubstr("relation \"t\" already exists, skipping"));
}

}  // namespace
}  // namespace techmatch::storage::postgres
