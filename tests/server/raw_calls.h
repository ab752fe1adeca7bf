// Calls made with raw request bytes through a generic stub, as a client that does not check
// what it sends would make them.
#ifndef TECHMATCH_TESTS_SERVER_RAW_CALLS_H_
#define TECHMATCH_TESTS_SERVER_RAW_CALLS_H_

#include <memory>
#include <string>
#include <vector>

#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace techmatch::testing {

inline std::string Bytes(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& slice : slices) {
    out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return out;
}

// Sends `bytes` as the request of unary `method` and returns the status (and the response's
// bytes in `response`).
inline grpc::Status RawUnary(const std::shared_ptr<grpc::Channel>& channel,
                             grpc::ClientContext& context, const std::string& method,
                             const std::string& bytes, std::string* response = nullptr) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue queue;
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request(&slice, 1);
  auto call = stub.PrepareUnaryCall(&context, method, request, &queue);
  call->StartCall();
  grpc::ByteBuffer reply;
  grpc::Status status;
  call->Finish(&reply, &status, reinterpret_cast<void*>(1));
  void* tag;
  bool ok;
  EXPECT_TRUE(queue.Next(&tag, &ok) && ok);
  if (response != nullptr) *response = Bytes(reply);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return status;
}

// Sends `bytes` as the one request of server-streaming `method`, reads every answer and returns
// the status.
inline grpc::Status RawServerStream(const std::shared_ptr<grpc::Channel>& channel,
                                    grpc::ClientContext& context, const std::string& method,
                                    const std::string& bytes) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue queue;
  void* tag;
  bool ok;
  auto call = stub.PrepareCall(&context, method, &queue);
  call->StartCall(reinterpret_cast<void*>(1));
  EXPECT_TRUE(queue.Next(&tag, &ok) && ok);
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request(&slice, 1);
  call->Write(request, grpc::WriteOptions().set_last_message(), reinterpret_cast<void*>(2));
  EXPECT_TRUE(queue.Next(&tag, &ok));  // not ok when the server has already answered
  for (;;) {
    grpc::ByteBuffer message;
    call->Read(&message, reinterpret_cast<void*>(3));
    if (!queue.Next(&tag, &ok) || !ok) break;
  }
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(4));
  EXPECT_TRUE(queue.Next(&tag, &ok) && ok);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return status;
}

}  // namespace techmatch::testing

#endif  // TECHMATCH_TESTS_SERVER_RAW_CALLS_H_
