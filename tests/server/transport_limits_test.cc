// The transport limits: a client exceeding one is refused — RESOURCE_EXHAUSTED for
// a message too large or a server out of threads, its connection closed for pinging too often,
// its own extra calls held back beyond the stream limit — and the server keeps serving others.
#include <thread>

#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

class TransportLimitsTest : public ::testing::Test {
 protected:
  void TearDown() override {
    if (server_) server_->Shutdown(absl::Seconds(1));
    server_.reset();
    std::system(("rm -rf '" + dir_ + "'").c_str());
  }

  void Start(const server::TransportLimits& limits) {
    char pattern[] = "/tmp/techmatch-limits-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    auto repository = storage::SqliteRepository::Open(dir_ + "/test.db", {});
    ASSERT_TRUE(repository.ok()) << repository.status();
    token_ = ServerTest::CreateKey(**repository, Role::kAdmin);
    server::ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.limits = limits;
    auto server = server::TechmatchServer::Start(options, *std::move(repository));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  // A channel with its own connection (a separate subchannel pool), as another client has.
  std::shared_ptr<grpc::Channel> NewChannel(grpc::ChannelArguments args = {}) {
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    return grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(server_->port()),
                                     grpc::InsecureChannelCredentials(), args);
  }

  static grpc::Status ListIndustries(grpc::Channel& channel,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    auto stub = v1::IndustryService::NewStub(channel.shared_from_this());
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + timeout);
    Authorize(context);
    v1::ListIndustriesRequest request;
    v1::ListIndustriesResponse response;
    return stub->ListIndustries(&context, request, &response);
  }

  // An import stream held open (no rows, no WritesDone): it occupies a server thread.
  struct OpenStream {
    std::unique_ptr<v1::NeedService::Stub> stub;
    grpc::ClientContext context;
    v1::ImportSummary summary;
    std::unique_ptr<grpc::ClientWriter<v1::ImportNeedsRequest>> writer;
  };
  static std::unique_ptr<OpenStream> OpenImport(grpc::Channel& channel) {
    auto stream = std::make_unique<OpenStream>();
    stream->stub = v1::NeedService::NewStub(channel.shared_from_this());
    stream->context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    Authorize(stream->context);
    stream->writer = stream->stub->ImportNeeds(&stream->context, &stream->summary);
    return stream;
  }

  // Calls present an ADMIN key of the test's database, as real clients do.
  static void Authorize(grpc::ClientContext& context) {
    context.AddMetadata("authorization", "Bearer " + token_);
  }

  inline static std::string token_;
  std::string dir_;
  std::unique_ptr<server::TechmatchServer> server_;
};

TEST_F(TransportLimitsTest, DefaultsAreValidAndZeroIsRefused) {
  EXPECT_TRUE(server::ValidateLimits({}).ok());
  server::TransportLimits limits;
  limits.max_ping_strikes = 0;
  const absl::Status status = server::ValidateLimits(limits);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("max_ping_strikes"));
}

TEST_F(TransportLimitsTest, MessageTooLargeIsResourceExhaustedAndServingGoesOn) {
  server::TransportLimits limits;
  limits.max_receive_message_bytes = 64 * 1024;
  ASSERT_NO_FATAL_FAILURE(Start(limits));
  auto channel = NewChannel();
  auto needs = v1::NeedService::NewStub(channel);
  v1::CreateNeedRequest request;
  request.mutable_need()->set_title("big");
  request.mutable_need()->set_description(std::string(100 * 1024, 'x'));
  v1::Need need;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  Authorize(context);
  const grpc::Status status = needs->CreateNeed(&context, request, &need);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << status.error_message();
  EXPECT_TRUE(ListIndustries(*channel).ok());
  EXPECT_TRUE(ListIndustries(*NewChannel()).ok());
}

TEST_F(TransportLimitsTest, ResponseTooLargeIsResourceExhausted) {
  server::TransportLimits limits;
  limits.max_send_message_bytes = 200;  // the seeded industries take more
  ASSERT_NO_FATAL_FAILURE(Start(limits));
  auto channel = NewChannel();
  EXPECT_EQ(ListIndustries(*channel).error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  // A small answer still goes out.
  auto industries = v1::IndustryService::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  Authorize(context);
  v1::GetIndustryRequest request;
  request.set_name("industries/liquor");
  v1::Industry industry;
  EXPECT_TRUE(industries->GetIndustry(&context, request, &industry).ok());
}

TEST_F(TransportLimitsTest, OutOfThreadsIsResourceExhaustedThenRecovers) {
  server::TransportLimits limits;
  limits.max_threads = 4;
  ASSERT_NO_FATAL_FAILURE(Start(limits));
  auto greedy = NewChannel();
  std::vector<std::unique_ptr<OpenStream>> streams;
  for (int i = 0; i < 8; ++i) streams.push_back(OpenImport(*greedy));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto other = NewChannel();
  // A call on the sync API (here a write) finds no thread and is refused at once ...
  auto needs = v1::NeedService::NewStub(other);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  Authorize(context);
  v1::Need need;
  const grpc::Status refused = needs->CreateNeed(&context, v1::CreateNeedRequest(), &need);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << refused.error_code() << " " << refused.error_message();
  // ... while short reads, served from the completion queues (server/async_server.h), still
  // answer.
  EXPECT_TRUE(ListIndustries(*other).ok());
  int exhausted_streams = 0;
  for (auto& stream : streams) {
    stream->writer->WritesDone();
    const grpc::Status status = stream->writer->Finish();
    if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) ++exhausted_streams;
  }
  EXPECT_GT(exhausted_streams, 0);
  EXPECT_TRUE(ListIndustries(*other).ok());
}

TEST_F(TransportLimitsTest, ExtraStreamsWaitOnTheirOwnConnectionOnly) {
  server::TransportLimits limits;
  limits.max_concurrent_streams = 1;
  ASSERT_NO_FATAL_FAILURE(Start(limits));
  auto busy = NewChannel();
  ASSERT_TRUE(ListIndustries(*busy).ok());  // connected, settings exchanged
  auto stream = OpenImport(*busy);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(ListIndustries(*busy, std::chrono::milliseconds(500)).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_TRUE(ListIndustries(*NewChannel()).ok());
  stream->writer->WritesDone();
  EXPECT_TRUE(stream->writer->Finish().ok());
  EXPECT_TRUE(ListIndustries(*busy).ok());
}

TEST_F(TransportLimitsTest, TooFrequentPingsCloseTheConnection) {
  server::TransportLimits limits;
  limits.min_ping_interval_ms = 10000;
  limits.max_ping_strikes = 1;  // the second strike closes the connection
  ASSERT_NO_FATAL_FAILURE(Start(limits));
  grpc::ChannelArguments pushy;
  pushy.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 20);
  pushy.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  pushy.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  pushy.SetInt(GRPC_ARG_HTTP2_MIN_SENT_PING_INTERVAL_WITHOUT_DATA_MS, 10);
  auto pinger = NewChannel(pushy);
  auto polite = NewChannel();
  ASSERT_TRUE(ListIndustries(*polite).ok());
  auto stream = OpenImport(*pinger);
  auto calm = OpenImport(*polite);
  // gRPC clients send at most one ping a second, so three strikes take about three seconds.
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  stream->writer->WritesDone();
  const grpc::Status closed = stream->writer->Finish();
  EXPECT_EQ(closed.error_code(), grpc::StatusCode::UNAVAILABLE) << closed.error_message();
  calm->writer->WritesDone();
  EXPECT_TRUE(calm->writer->Finish().ok());
  EXPECT_TRUE(ListIndustries(*polite).ok());
}

}  // namespace
}  // namespace techmatch::testing
