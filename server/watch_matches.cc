// MatchService.WatchMatches: a live stream of the counterparts stored from the call on that fit
// a need, an offering or a free-text query (usecases/matching.h runs the watch).
#include <optional>
#include <string>

#include "server/call_deadline.h"
#include "server/handler.h"
#include "server/match_conversion.h"
#include "server/match_service.h"

namespace techmatch::server {
namespace {

// The header that says the watch is in place (documented in match.proto).
constexpr char kWatchOpenMetadata[] = "techmatch-watch-open";

class WatchWriter final : public usecases::WatchSink {
 public:
  WatchWriter(grpc::ServerContext& context, grpc::ServerWriter<v1::WatchMatchesResponse>& writer)
      : context_(context), writer_(writer) {}

  // Headers tell the client the watch is in place: what is stored from now on reaches it. (A
  // refused call ends with trailers only, so the marker tells the two apart.)
  void Opened() override {
    context_.AddInitialMetadata(kWatchOpenMetadata, "1");
    writer_.SendInitialMetadata();
  }

  // While more matches wait, each is handed to gRPC without a flush of its own; the last one of
  // the burst flushes them all.
  absl::Status Send(const MatchResult& match, bool more_waiting) override {
    v1::WatchMatchesResponse message;
    MatchToProto(match, *message.mutable_match());
    grpc::WriteOptions options;
    if (more_waiting) options.set_buffer_hint();
    if (!writer_.Write(message, options)) return absl::CancelledError("the client went away");
    return absl::OkStatus();
  }

 private:
  grpc::ServerContext& context_;
  grpc::ServerWriter<v1::WatchMatchesResponse>& writer_;
};

}  // namespace

grpc::Status MatchServiceImpl::WatchMatches(grpc::ServerContext* server_context,
                                            const v1::WatchMatchesRequest* request,
                                            grpc::ServerWriter<v1::WatchMatchesResponse>* writer) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    WatchWriter messages(*server_context, *writer);
    return matching_.Watch(caller, WatchRequestFromProto(*request), messages,
                           GrpcCallState(*server_context));
  });
}

}  // namespace techmatch::server
