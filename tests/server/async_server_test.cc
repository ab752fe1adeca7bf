// The serving model (server/async_server.h, server/health_service.h): short reads answered from
// the completion queues under concurrent load, a method the dispatcher cannot serve left on the
// sync API, health Watch following shutdown.
#include "server/async_server.h"

#include <atomic>
#include <future>
#include <thread>

#include "grpcpp/generic/generic_stub.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

// GetIndustry served from the queues, through gRPC's generated raw-method API.
class FakeIndustries final
    : public v1::IndustryService::WithRawMethod_GetIndustry<v1::IndustryService::Service> {
 public:
  grpc::Status GetIndustry(grpc::ServerContext*, const v1::GetIndustryRequest* request,
                           v1::Industry* response) override {
    response->set_name(request->name());
    return grpc::Status::OK;
  }
};

TEST(AsyncServerTest, ServesARawMethodWithTheServicesOwnHandler) {
  server::AsyncServer async(1);
  FakeIndustries industries;
  async.Serve(industries, &FakeIndustries::RequestGetIndustry, &FakeIndustries::GetIndustry);
  EXPECT_EQ(async.methods(), std::vector<std::string>{"GetIndustry"});
  EXPECT_EQ(async.paths(), std::vector<std::string>{"/techmatch.v1.IndustryService/GetIndustry"});

  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&industries);
  async.AddQueues(builder);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);
  async.Start();
  std::shared_ptr<grpc::Channel> channel =
      grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());
  const auto deadline = std::chrono::system_clock::now() + std::chrono::seconds(20);

  grpc::ClientContext context;
  context.set_deadline(deadline);
  v1::GetIndustryRequest request;
  request.set_name("industries/C35");
  v1::Industry industry;
  const grpc::Status status =
      v1::IndustryService::NewStub(channel)->GetIndustry(&context, request, &industry);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(industry.name(), "industries/C35");

  // Bytes that do not parse reach the service's side and are answered INVALID_ARGUMENT, not
  // cancelled inside gRPC.
  grpc::GenericStub generic(channel);
  grpc::ClientContext bad_context;
  bad_context.set_deadline(deadline);
  const std::string garbage = "\xff\xff\xff";
  grpc::Slice slice(garbage);
  grpc::ByteBuffer bad_request(&slice, 1);
  grpc::ByteBuffer answer;
  std::promise<grpc::Status> done;
  generic.UnaryCall(&bad_context, "/techmatch.v1.IndustryService/GetIndustry", grpc::StubOptions(),
                    &bad_request, &answer, [&](grpc::Status s) { done.set_value(std::move(s)); });
  const grpc::Status bad_status = done.get_future().get();
  EXPECT_EQ(bad_status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << bad_status.error_message();

  server->Shutdown(deadline);
  async.Shutdown();
}

using AsyncServingTest = SeededServerTest;

TEST_F(AsyncServingTest, ConcurrentShortReadsAndWritesAllAnswer) {
  const std::string name = CreateNeed(SampleNeed(), "concurrent").name();
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        v1::GetNeedRequest get;
        get.set_name(name);
        v1::Need need;
        if (!needs_->GetNeed(Ctx().get(), get, &need).ok() || need.name() != name) ++failures;
        if (t == 0 && i % 5 == 0) {  // Writes on the sync API meanwhile.
          v1::CreateNeedRequest create;
          *create.mutable_need() = SampleNeed();
          create.set_need_id("w" + std::to_string(i));
          if (!needs_->CreateNeed(Ctx().get(), create, &need).ok()) ++failures;
        }
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST_F(AsyncServingTest, AShortReadWithoutTokenIsRefusedByTheGuard) {
  v1::GetNeedRequest get;
  get.set_name("needs/anything");
  v1::Need need;
  grpc::ClientContext context;
  EXPECT_EQ(needs_->GetNeed(&context, get, &need).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AsyncServingTest, HealthWatchSeesServingThenNotServingAtShutdown) {
  grpc::GenericStub stub(channel_);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  grpc::CompletionQueue queue;
  grpc::Slice empty;
  grpc::ByteBuffer request(&empty, 1);  // HealthCheckRequest{service: ""}
  auto call = stub.PrepareCall(&context, "/grpc.health.v1.Health/Watch", &queue);
  void* tag;
  bool ok;
  call->StartCall(reinterpret_cast<void*>(1));
  ASSERT_TRUE(queue.Next(&tag, &ok) && ok);
  call->Write(request, grpc::WriteOptions().set_last_message(), reinterpret_cast<void*>(2));
  ASSERT_TRUE(queue.Next(&tag, &ok) && ok);
  auto read = [&]() -> std::string {
    grpc::ByteBuffer message;
    call->Read(&message, reinterpret_cast<void*>(3));
    if (!queue.Next(&tag, &ok) || !ok) return "";
    std::vector<grpc::Slice> slices;
    std::string bytes;
    (void)message.Dump(&slices);
    for (const grpc::Slice& s : slices)
      bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    return bytes;
  };
  EXPECT_EQ(read(), std::string("\x08\x01", 2));  // SERVING
  std::thread stopper([this] { server_->Shutdown(absl::Seconds(2)); });
  EXPECT_EQ(read(), std::string("\x08\x02", 2));  // NOT_SERVING
  context.TryCancel();
  stopper.join();
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(4));
  while (queue.Next(&tag, &ok) && tag != reinterpret_cast<void*>(4)) {
  }
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
}

}  // namespace
}  // namespace techmatch::testing
