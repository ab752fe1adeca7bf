// Health checking answers SERVING while up and NOT_SERVING once shutdown begins.
#include <future>

#include "grpcpp/generic/generic_stub.h"
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

}  // namespace
}  // namespace techmatch::testing
