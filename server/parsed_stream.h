// Client streams whose messages the server parses itself (the import streams).
//
// grpc::ServerReader<T>::Read returns false both at the end of the stream and when a message
// does not parse as T — in proto3 a string field that is not valid UTF-8 is enough. A handler
// cannot tell the two apart: an import would take the bad message for the end of its input,
// store the rows before it, answer OK and silently drop the rest (while a client still
// writing over an in-process channel waited for its deadline). A method installed with
// ParsedClientStreamHandler reads its stream as bytes and parses each message here instead,
// so that an unparsable message ends the call with INVALID_ARGUMENT naming its position in the
// stream and, for text that is not UTF-8, the field (as a BadRequest field violation).
#ifndef TECHMATCH_SERVER_PARSED_STREAM_H_
#define TECHMATCH_SERVER_PARSED_STREAM_H_

#include <cstdint>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/method_handler.h"
#include "grpcpp/support/proto_buffer_reader.h"
#include "grpcpp/support/sync_stream.h"
#include "server/long_calls.h"

namespace techmatch::server {

// INVALID_ARGUMENT for message `position` (1-based) of a stream of `type` whose bytes are
// `bytes` and did not parse: names the first string field that is not valid UTF-8 (a path
// such as "need.title") and the message's row_number when it has one and it can be read.
absl::Status UnparsableMessageError(const google::protobuf::Descriptor& type,
                                    absl::string_view bytes, int64_t position);

// A ServerReaderInterface<Request> over a stream read as bytes: Read parses each message and,
// when one does not parse, returns false as at the end of the stream and keeps the reason in
// status(). A handler must check status() after its last Read.
template <typename Request>
class ParsingReader final : public grpc::ServerReaderInterface<Request> {
 public:
  explicit ParsingReader(grpc::ServerReader<grpc::ByteBuffer>& raw) : raw_(raw) {}

  bool Read(Request* message) override {
    if (!status_.ok()) return false;
    grpc::ByteBuffer buffer;
    if (!raw_.Read(&buffer)) return false;
    NoteMessageReceived();  // the stream is not idle (server/long_calls.h)
    ++position_;
    message->Clear();
    grpc::ProtoBufferReader stream(&buffer);
    if (stream.status().ok() && message->ParseFromZeroCopyStream(&stream)) return true;
    status_ = UnparsableMessageError(*Request::descriptor(), Bytes(buffer), position_);
    return false;
  }
  bool NextMessageSize(uint32_t* size) override { return raw_.NextMessageSize(size); }
  void SendInitialMetadata() override { raw_.SendInitialMetadata(); }

  // OK, or why the stream stopped before its end.
  const absl::Status& status() const { return status_; }

 private:
  static std::string Bytes(const grpc::ByteBuffer& buffer) {
    std::vector<grpc::Slice> slices;
    std::string out;
    if (!buffer.Dump(&slices).ok()) return out;
    for (const grpc::Slice& slice : slices) {
      out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
    return out;
  }

  grpc::ServerReader<grpc::ByteBuffer>& raw_;
  int64_t position_ = 0;
  absl::Status status_;
};

// A handler for a client-streaming method of `Service` that reads the stream as bytes and
// hands `body` a ParsingReader. Install it from the service's constructor:
//   MarkMethodStreamed(MethodIndexOf(v1::ImportNeedsRequest::descriptor()),
//                      ParsedClientStreamHandler(this, &NeedServiceImpl::ImportNeedsParsed));
// (MarkMethodStreamed swaps the method's handler; the server then treats the method as a
// bidirectional stream, which for a sync handler differs from a client stream in nothing.)
template <typename Service, typename Request, typename Response>
grpc::internal::MethodHandler* ParsedClientStreamHandler(
    Service* service,
    grpc::Status (Service::*body)(grpc::ServerContext*, ParsingReader<Request>&, Response*)) {
  return new grpc::internal::ClientStreamingHandler<Service, grpc::ByteBuffer, Response>(
      [body](Service* target, grpc::ServerContext* context,
             grpc::ServerReader<grpc::ByteBuffer>* raw, Response* response) {
        ParsingReader<Request> reader(*raw);
        return (target->*body)(context, reader, response);
      },
      service);
}

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_PARSED_STREAM_H_
