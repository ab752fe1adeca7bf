// Health checking answers SERVING while up and NOT_SERVING once shutdown begins.
#include <future>
#include <thread>

#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/impl/rpc_method.h"
#include "grpcpp/support/sync_stream.h"
#include "server/health_service.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

// grpc.health.v1.HealthCheckResponse.status as raw protobuf: field 1, varint.
constexpr char kServing[] = {0x08, 0x01};

grpc::Status CheckHealth(grpc::Channel& channel, std::string& response_bytes) {
  grpc::GenericStub stub(channel.shared_from_this());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::ByteBuffer request;  // HealthCheckRequest{service: ""} encodes as no bytes.
  grpc::Slice empty;
  request = grpc::ByteBuffer(&empty, 1);
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
                 [&done](grpc::Status status) { done.set_value(status); });
  grpc::Status status = done.get_future().get();
  std::vector<grpc::Slice> slices;
  response_bytes.clear();
  if (status.ok() && response.Dump(&slices).ok()) {
    for (const grpc::Slice& slice : slices) {
      response_bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
  }
  return status;
}

using HealthTest = ServerTest;

TEST_F(HealthTest, ServingWhileUp) {
  std::string response;
  ASSERT_TRUE(CheckHealth(*channel_, response).ok());
  EXPECT_EQ(response, std::string(kServing, 2));
}

// A Health/Watch stream (no credentials needed) that has received its first answer.
struct HealthWatch {
  grpc::ClientContext context;
  std::unique_ptr<grpc::ClientReader<grpc::ByteBuffer>> reader;
};
std::unique_ptr<HealthWatch> WatchHealth(grpc::Channel& channel) {
  auto watch = std::make_unique<HealthWatch>();
  watch->context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  grpc::Slice empty;
  const grpc::ByteBuffer request(&empty, 1);
  const grpc::internal::RpcMethod method("/grpc.health.v1.Health/Watch",
                                         grpc::internal::RpcMethod::SERVER_STREAMING);
  watch->reader.reset(grpc::internal::ClientReaderFactory<grpc::ByteBuffer>::Create(
      &channel, method, &watch->context, request));
  return watch;
}

// Health watches need no credentials, so their number is capped: they cannot take every thread.
TEST_F(HealthTest, WatchesAreCapped) {
  std::vector<std::unique_ptr<HealthWatch>> watches;
  for (int i = 0; i < server::HealthService::kMaxWatches; ++i) {
    watches.push_back(WatchHealth(*channel_));
    grpc::ByteBuffer first;
    ASSERT_TRUE(watches.back()->reader->Read(&first)) << i;
  }
  auto refused = WatchHealth(*channel_);
  grpc::ByteBuffer none;
  EXPECT_FALSE(refused->reader->Read(&none));
  EXPECT_EQ(refused->reader->Finish().error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  watches.back()->context.TryCancel();
  watches.back()->reader->Finish();
  watches.pop_back();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the handler notices
  auto again = WatchHealth(*channel_);
  grpc::ByteBuffer first;
  EXPECT_TRUE(again->reader->Read(&first));
  for (auto& watch : watches) watch->context.TryCancel();
  again->context.TryCancel();
}

}  // namespace
}  // namespace techmatch::testing
