// Health follows the database: DatabaseMonitor tells each change of the database's answer once
// (and logs it once), HealthService answers NOT_SERVING on Check and Watch while the database
// is unreachable and SERVING again once it answers, and the interval's bounds are enforced.
// (tests/e2e/pg_restart_e2e_test.sh does the same against a real PostgreSQL restart.)
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/impl/rpc_method.h"
#include "grpcpp/support/sync_stream.h"
#include "gtest/gtest.h"
#include "server/database_monitor.h"
#include "server/health_service.h"
#include "server/techmatch_server.h"
#include "spdlog/sinks/ostream_sink.h"
#include "spdlog/spdlog.h"
#include "storage/sqlite/sqlite_repository.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::server {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Waits (at most 10 s, polling) until `done` holds; false when it never did.
template <typename Done>
bool Eventually(Done done) {
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (!done()) {
    if (absl::Now() > deadline) return false;
    absl::SleepFor(absl::Milliseconds(5));
  }
  return true;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

class DatabaseMonitorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    previous_ = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>(
        "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_)));
  }
  void TearDown() override { spdlog::set_default_logger(previous_); }

  std::vector<bool> Changes() {
    std::lock_guard<std::mutex> lock(mu_);
    return changes_;
  }
  std::string Log() {
    spdlog::default_logger()->flush();
    return log_.str();
  }

  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream log_;
  std::atomic<bool> reachable_{true};
  std::atomic<int> checks_{0};
  std::mutex mu_;
  std::vector<bool> changes_;
};

TEST_F(DatabaseMonitorTest, TellsAndLogsEachChangeOnce) {
  auto monitor = DatabaseMonitor::Start(
      [this] {
        ++checks_;
        return reachable_ ? absl::OkStatus() : absl::UnavailableError("connection refused");
      },
      DatabaseMonitor::kMinInterval,
      [this](bool reachable) {
        std::lock_guard<std::mutex> lock(mu_);
        changes_.push_back(reachable);
      });
  ASSERT_THAT(monitor.status(), IsOk());
  // Reachable at the start: checks pass and nothing is told.
  ASSERT_TRUE(Eventually([&] { return checks_ >= 3; }));
  EXPECT_TRUE(Changes().empty());

  reachable_ = false;
  ASSERT_TRUE(Eventually([&] { return Changes().size() == 1; }));
  // More failed checks change nothing more.
  const int seen = checks_;
  ASSERT_TRUE(Eventually([&] { return checks_ >= seen + 3; }));
  EXPECT_THAT(Changes(), ElementsAre(false));

  reachable_ = true;
  ASSERT_TRUE(Eventually([&] { return Changes().size() == 2; }));
  const int seen_again = checks_;
  ASSERT_TRUE(Eventually([&] { return checks_ >= seen_again + 3; }));
  EXPECT_THAT(Changes(), ElementsAre(false, true));
  monitor->reset();

  const std::string log = Log();
  EXPECT_EQ(Count(log, "database unreachable"), 1u) << log;
  EXPECT_THAT(log, HasSubstr("connection refused"));
  EXPECT_EQ(Count(log, "database reachable again"), 1u) << log;
}

TEST_F(DatabaseMonitorTest, IntervalOutOfBoundsIsRefused) {
  const auto never = [] { return absl::OkStatus(); };
  const auto ignore = [](bool) {};
  EXPECT_THAT(DatabaseMonitor::Start(never, absl::ZeroDuration(), ignore).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("database_check_interval")));
  EXPECT_THAT(DatabaseMonitor::Start(never, absl::Minutes(2), ignore).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("database_check_interval")));
}

TEST(DatabaseHealthServerTest, StartRefusesAnIntervalOutOfBounds) {
  storage::testing::TempDir dir;
  auto repository = storage::SqliteRepository::Open(dir.File("test.db"), {});
  ASSERT_THAT(repository.status(), IsOk());
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.database_check_interval = absl::Milliseconds(1);
  EXPECT_THAT(TechmatchServer::Start(options, *std::move(repository)).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("database_check_interval")));
}

// A server with only the health service, so the test can set the database's state.
class HealthServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&health_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(port),
                                   grpc::InsecureChannelCredentials());
    health_.SetServing(true);
  }
  void TearDown() override {
    if (server_) server_->Shutdown(std::chrono::system_clock::now());
  }

  // Check of "": the status byte (1 SERVING, 2 NOT_SERVING), 0 when the call failed.
  int Check() {
    grpc::GenericStub stub(channel_);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    grpc::Slice empty;
    grpc::ByteBuffer request(&empty, 1);
    grpc::ByteBuffer response;
    std::promise<grpc::Status> done;
    stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request,
                   &response, [&done](grpc::Status status) { done.set_value(status); });
    if (!done.get_future().get().ok()) return 0;
    return StatusByte(response);
  }

  static int StatusByte(const grpc::ByteBuffer& response) {
    std::vector<grpc::Slice> slices;
    std::string bytes;
    if (!response.Dump(&slices).ok()) return 0;
    for (const grpc::Slice& slice : slices) {
      bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
    return bytes.size() == 2 && bytes[0] == 0x08 ? bytes[1] : 0;
  }

  HealthService health_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(HealthServiceTest, CheckAndStateFollowTheDatabase) {
  EXPECT_EQ(Check(), 1);
  EXPECT_THAT(health_.State(), IsOk());
  health_.SetDatabaseReachable(false);
  EXPECT_EQ(Check(), 2);
  EXPECT_THAT(health_.State(),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr("database unreachable")));
  health_.SetDatabaseReachable(true);
  EXPECT_EQ(Check(), 1);
  EXPECT_THAT(health_.State(), IsOk());
  // Shutting down wins over a reachable database.
  health_.SetServing(false);
  EXPECT_EQ(Check(), 2);
  EXPECT_THAT(health_.State(), StatusIs(absl::StatusCode::kUnavailable, HasSubstr("shutting")));
}

TEST_F(HealthServiceTest, WatchIsToldWhenTheDatabaseGoesAndComesBack) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  grpc::Slice empty;
  const grpc::ByteBuffer request(&empty, 1);
  const grpc::internal::RpcMethod method("/grpc.health.v1.Health/Watch",
                                         grpc::internal::RpcMethod::SERVER_STREAMING);
  std::unique_ptr<grpc::ClientReader<grpc::ByteBuffer>> reader(
      grpc::internal::ClientReaderFactory<grpc::ByteBuffer>::Create(channel_.get(), method,
                                                                    &context, request));
  grpc::ByteBuffer answer;
  ASSERT_TRUE(reader->Read(&answer));
  EXPECT_EQ(StatusByte(answer), 1);
  health_.SetDatabaseReachable(false);
  ASSERT_TRUE(reader->Read(&answer));
  EXPECT_EQ(StatusByte(answer), 2);
  health_.SetDatabaseReachable(true);
  ASSERT_TRUE(reader->Read(&answer));
  EXPECT_EQ(StatusByte(answer), 1);
  context.TryCancel();
  reader->Finish();
}

}  // namespace
}  // namespace techmatch::server
