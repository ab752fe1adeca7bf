// Request handling of every service through an in-process server: the input names a method
// ("NeedService.CreateNeed", NUL-terminated; a name that is not one picks a method by its
// hash) followed by the request as protobuf bytes — for client-streaming imports, a sequence of
// rows each prefixed by a 2-byte little-endian length. The request is decoded as the method's
// request type and sent over a real in-process channel. Handlers must answer with documented
// codes only, never UNKNOWN or INTERNAL, and never crash (DESIGN §3, §7).
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
#include "techmatch/v1/agreement.grpc.pb.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"

namespace {

using google::protobuf::MethodDescriptor;

// Every method of every techmatch.v1 service, by "Service.Method".
const std::vector<const MethodDescriptor*>& Methods() {
  static const auto* const methods = [] {
    auto* out = new std::vector<const MethodDescriptor*>;
    const char* const kServices[] = {
        "IndustryService",  "OrganizationService", "EventService",
        "NeedService",      "OfferingService",     "MatchService",
        "AgreementService", "ReportService",       "AuditService",
    };
    for (const char* name : kServices) {
      const auto* service = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          std::string("techmatch.v1.") + name);
      if (service == nullptr) continue;  // not in this build
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

std::unique_ptr<google::protobuf::Message> Decode(const MethodDescriptor& method,
                                                  const std::string& bytes) {
  const google::protobuf::Message* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(method.input_type());
  std::unique_ptr<google::protobuf::Message> message(prototype->New());
  if (!message->ParseFromString(bytes)) return nullptr;
  return message;
}

std::string FullName(const MethodDescriptor& method) {
  return "/" + method.service()->full_name() + "/" + method.name();
}

void CallUnary(const MethodDescriptor& method, const google::protobuf::Message& request) {
  grpc::GenericStub stub(techmatch::fuzz::InProcessChannel());
  const std::string bytes = request.SerializeAsString();
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response;
  auto context = techmatch::fuzz::NewContext();
  std::promise<grpc::Status> done;
  stub.UnaryCall(context.get(), FullName(method), grpc::StubOptions(), &request_buffer, &response,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  techmatch::fuzz::CheckStatus(done.get_future().get(), FullName(method));
}

void CallServerStream(const MethodDescriptor& method, const google::protobuf::Message& request) {
  auto channel = techmatch::fuzz::InProcessChannel();
  auto context = techmatch::fuzz::NewContext();
  grpc::Status status;
  if (method.name() == "MatchEvent") {
    auto stub = techmatch::v1::MatchService::NewStub(channel);
    auto reader = stub->MatchEvent(context.get(),
                                   static_cast<const techmatch::v1::MatchEventRequest&>(request));
    techmatch::v1::MatchEventResponse response;
    while (reader->Read(&response)) {
    }
    status = reader->Finish();
  } else if (method.name() == "ExportAgreements") {
    auto stub = techmatch::v1::AgreementService::NewStub(channel);
    auto reader = stub->ExportAgreements(
        context.get(), static_cast<const techmatch::v1::ExportAgreementsRequest&>(request));
    techmatch::v1::ExportAgreementsResponse response;
    while (reader->Read(&response)) {
    }
    status = reader->Finish();
  } else {
    return;  // a server stream this fuzzer does not know yet
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
  std::unique_ptr<google::protobuf::Message> request = Decode(method, input.Rest());
  if (request == nullptr) return 0;  // not a message of that type: nothing a client could send
  if (method.server_streaming()) {
    CallServerStream(method, *request);
  } else {
    CallUnary(method, *request);
  }
  return 0;
}
