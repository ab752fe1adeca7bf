// The serving model (server/async_server.h, server/health_service.h): short reads answered from
// the completion queues under concurrent load, a method the dispatcher cannot serve left on the
// sync API, health Watch following shutdown.
#include "server/async_server.h"

#include <atomic>
#include <thread>

#include "grpcpp/generic/generic_stub.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

class FakeIndustries final : public v1::IndustryService::Service {
 public:
  grpc::Status GetIndustry(grpc::ServerContext*, const v1::GetIndustryRequest*,
                           v1::Industry*) override {
    return grpc::Status::OK;
  }
};

TEST(AsyncServerTest, ServesOnlyUnaryMethodsOfTheNamedShape) {
  server::AsyncServer async(1);
  FakeIndustries industries;
  // No such method; a method of another shape; a stream is never unary.
  EXPECT_FALSE(
      async.Serve<v1::IndustryService>(industries, "NoSuchMethod", &FakeIndustries::GetIndustry));
  EXPECT_FALSE(
      async.Serve<v1::IndustryService>(industries, "ListIndustries", &FakeIndustries::GetIndustry));
  EXPECT_TRUE(async.methods().empty());
  EXPECT_TRUE(
      async.Serve<v1::IndustryService>(industries, "GetIndustry", &FakeIndustries::GetIndustry));
  EXPECT_EQ(async.methods(), std::vector<std::string>{"GetIndustry"});
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
