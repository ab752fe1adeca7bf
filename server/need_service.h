// techmatch.v1.NeedService: each handler converts its request, calls one use case of
// usecases/needs.h and converts the answer.
#ifndef TECHMATCH_SERVER_NEED_SERVICE_H_
#define TECHMATCH_SERVER_NEED_SERVICE_H_

#include "server/async_server.h"
#include "server/parsed_stream.h"
#include "server/service_context.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "usecases/needs.h"

namespace techmatch::server {

// GetNeed and ListNeeds: short reads, served from the completion queues (server/async_server.h).
// The base takes them off the sync API; ServeShortReads hands them to the queues. Keep the two
// lists the same.
using NeedServiceImplBase = v1::NeedService::WithRawMethod_GetNeed<
    v1::NeedService::WithRawMethod_ListNeeds<v1::NeedService::Service>>;

class NeedServiceImpl final : public NeedServiceImplBase {
 public:
  // Serves the methods of the base class comment from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
  // Installs ImportNeeds's handler, which parses the stream's rows itself (parsed_stream.h).
  explicit NeedServiceImpl(ServiceContext& context);

  grpc::Status CreateNeed(grpc::ServerContext* context, const v1::CreateNeedRequest* request,
                          v1::Need* response) override;
  grpc::Status GetNeed(grpc::ServerContext* context, const v1::GetNeedRequest* request,
                       v1::Need* response) override;
  grpc::Status ListNeeds(grpc::ServerContext* context, const v1::ListNeedsRequest* request,
                         v1::ListNeedsResponse* response) override;
  grpc::Status UpdateNeed(grpc::ServerContext* context, const v1::UpdateNeedRequest* request,
                          v1::Need* response) override;
  grpc::Status WithdrawNeed(grpc::ServerContext* context, const v1::WithdrawNeedRequest* request,
                            v1::Need* response) override;
  // ImportNeeds, reached through the handler the constructor installs (not the generated
  // override, which would take an unparsable row for the end of the stream).
  grpc::Status ImportNeedsParsed(grpc::ServerContext* context,
                                 ParsingReader<v1::ImportNeedsRequest>& reader,
                                 v1::ImportSummary* response);

 private:
  ServiceContext& context_;
  usecases::Needs needs_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_NEED_SERVICE_H_
