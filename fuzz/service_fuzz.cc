// Request handling of every service through an in-process server: the input names a method
// ("NeedService.CreateNeed", NUL-terminated; a name that is not one picks a method by its
// hash) followed by the request's bytes — for client-streaming imports, a sequence of rows each
// prefixed by a 2-byte little-endian length. A unary or server-streaming request is sent as
// those bytes, as they are, through a generic stub over a real in-process channel: bytes that
// are not a valid message (a string that is not UTF-8, a truncated field) reach the server as a
// careless client would send them, and must be INVALID_ARGUMENT
// (server/malformed_request_interceptor.h). Import rows that do not parse are skipped (the
// generated client stub cannot send them; tests/server/invalid_utf8_test.cc covers those).
// Handlers must answer with documented codes only, never UNKNOWN or INTERNAL, and never crash
//.
#include <cstdlib>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include "fuzz/fuzz_input.h"
#include "fuzz/in_process_server.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "grpcpp/generic/generic_stub.h"
#include "server/method_table.h"
#include "techmatch/v1/agreement.grpc.pb.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"

namespace {

using google::protobuf::MethodDescriptor;

// Every method of every service the server serves, by "Service.Method".
const std::vector<const MethodDescriptor*>& Methods() {
  static const auto* const methods = [] {
    auto* out = new std::vector<const MethodDescriptor*>;
    for (const auto* service : techmatch::server::ServedServices()) {
      for (int i = 0; i < service->method_count(); ++i) out->push_back(service->method(i));
    }
    if (out->empty()) std::abort();
    return out;
  }();
  return *methods;
}

const MethodDescriptor* PickMethod(const std::string& name) {
  for (const MethodDescriptor* method : Methods()) {
    if (method->service()->name() + "." + method->name() == name) return method;
  }
  return Methods()[std::hash<std::string>{}(name) % Methods().size()];
}

std::string FullName(const MethodDescriptor& method) {
  return "/" + method.service()->full_name() + "/" + method.name();
}

void CallUnary(const MethodDescriptor& method, const std::string& bytes) {
  grpc::GenericStub stub(techmatch::fuzz::InProcessChannel());
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response;
  auto context = techmatch::fuzz::NewContext();
  std::promise<grpc::Status> done;
  stub.UnaryCall(context.get(), FullName(method), grpc::StubOptions(), &request_buffer, &response,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  techmatch::fuzz::CheckStatus(done.get_future().get(), FullName(method));
}

// One request, then every answer until the status: a generic bidi call carries a server stream's
// bytes as they are.
void CallServerStream(const MethodDescriptor& method, const std::string& bytes) {
  // Streams that end by themselves; one that stays open (a watch) would hold every input until
  // its deadline.
  if (method.name() != "MatchEvent" && method.name() != "ExportAgreements") return;
  grpc::GenericStub stub(techmatch::fuzz::InProcessChannel());
  auto context = techmatch::fuzz::NewContext();
  grpc::CompletionQueue queue;
  void* tag;
  bool ok;
  auto call = stub.PrepareCall(context.get(), FullName(method), &queue);
  call->StartCall(reinterpret_cast<void*>(1));
  queue.Next(&tag, &ok);
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request(&slice, 1);
  call->Write(request, grpc::WriteOptions().set_last_message(), reinterpret_cast<void*>(2));
  queue.Next(&tag, &ok);  // not ok when the server has already answered
  for (;;) {
    grpc::ByteBuffer response;
    call->Read(&response, reinterpret_cast<void*>(3));
    if (!queue.Next(&tag, &ok) || !ok) break;
  }
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(4));
  queue.Next(&tag, &ok);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  techmatch::fuzz::CheckStatus(status, FullName(method));
}

// Rows of a client stream: 2-byte little-endian length, then that many bytes; at most 64.
std::vector<std::string> Rows(techmatch::fuzz::FuzzInput& input) {
  std::vector<std::string> rows;
  while (!input.empty() && rows.size() < 64) {
    const size_t length = input.Byte() | (static_cast<size_t>(input.Byte()) << 8);
    std::string row;
    for (size_t i = 0; i < length && !input.empty(); ++i)
      row.push_back(static_cast<char>(input.Byte()));
    rows.push_back(std::move(row));
  }
  return rows;
}

template <typename Service, typename Request>
void CallImport(const MethodDescriptor& method, const std::vector<std::string>& rows,
                std::unique_ptr<grpc::ClientWriter<Request>> (Service::Stub::*call)(
                    grpc::ClientContext*, techmatch::v1::ImportSummary*)) {
  auto stub = Service::NewStub(techmatch::fuzz::InProcessChannel());
  auto context = techmatch::fuzz::NewContext();
  techmatch::v1::ImportSummary summary;
  auto writer = ((*stub).*call)(context.get(), &summary);
  for (const std::string& bytes : rows) {
    Request row;
    if (!row.ParseFromString(bytes)) continue;
    if (!writer->Write(row)) break;
  }
  writer->WritesDone();
  techmatch::fuzz::CheckStatus(writer->Finish(), FullName(method));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  techmatch::fuzz::FuzzInput input(data, size);
  const MethodDescriptor& method = *PickMethod(input.UntilNul());
  if (method.client_streaming()) {
    const std::vector<std::string> rows = Rows(input);
    if (method.name() == "ImportNeeds") {
      CallImport<techmatch::v1::NeedService, techmatch::v1::ImportNeedsRequest>(
          method, rows, &techmatch::v1::NeedService::Stub::ImportNeeds);
    } else if (method.name() == "ImportOfferings") {
      CallImport<techmatch::v1::OfferingService, techmatch::v1::ImportOfferingsRequest>(
          method, rows, &techmatch::v1::OfferingService::Stub::ImportOfferings);
    }
    return 0;
  }
  const std::string request = input.Rest();
  if (method.server_streaming()) {
    CallServerStream(method, request);
  } else {
    CallUnary(method, request);
  }
  return 0;
}
