#include "server/need_service.h"

#include "server/call_deadline.h"
#include "server/handler.h"
#include "server/import_stream.h"
#include "server/method_table.h"
#include "server/need_conversion.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status NeedServiceImpl::CreateNeed(grpc::ServerContext* server_context,
                                         const v1::CreateNeedRequest* request, v1::Need* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Need need,
                        needs_.Create(caller, NewNeedFromProto(*request, context_.currency)));
    NeedToProto(std::move(need), context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status NeedServiceImpl::GetNeed(grpc::ServerContext* server_context,
                                      const v1::GetNeedRequest* request, v1::Need* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Need need, needs_.Get(request->name()));
    NeedToProto(std::move(need), context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status NeedServiceImpl::ListNeeds(grpc::ServerContext* server_context,
                                        const v1::ListNeedsRequest* request,
                                        v1::ListNeedsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Need> page,
                        needs_.List(ListRequestOf(*request), request->query()));
    for (Need& need : page.items) {
      NeedToProto(std::move(need), context_.currency, *response->add_needs());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status NeedServiceImpl::UpdateNeed(grpc::ServerContext* server_context,
                                         const v1::UpdateNeedRequest* request, v1::Need* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Need need,
                        needs_.Update(caller, NeedUpdateFromProto(*request, context_.currency)));
    NeedToProto(std::move(need), context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status NeedServiceImpl::WithdrawNeed(grpc::ServerContext* server_context,
                                           const v1::WithdrawNeedRequest* request,
                                           v1::Need* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Need need, needs_.Withdraw(caller, request->name(), request->etag()));
    NeedToProto(std::move(need), context_.currency, *response);
    return absl::OkStatus();
  });
}

NeedServiceImpl::NeedServiceImpl(ServiceContext& context)
    : context_(context), needs_(context.repository, context.matching, context.page_tokens) {
  MarkMethodStreamed(MethodIndexOf(v1::ImportNeedsRequest::descriptor()),
                     ParsedClientStreamHandler(this, &NeedServiceImpl::ImportNeedsParsed));
}

grpc::Status NeedServiceImpl::ImportNeedsParsed(grpc::ServerContext* server_context,
                                                ParsingReader<v1::ImportNeedsRequest>& reader,
                                                v1::ImportSummary* response) {
  return HandleClientStream<v1::ImportNeedsRequest>(
      context_, server_context, [&](const Principal& caller) -> absl::Status {
        ImportRowReader<v1::ImportNeedsRequest, Need> rows(
            reader, [this](const v1::ImportNeedsRequest& row) {
              return NeedRowFromProto(row, context_.currency);
            });
        TM_ASSIGN_OR_RETURN(usecases::ImportSummary summary,
                            needs_.Import(caller, rows, GrpcCallState(*server_context)));
        ImportSummaryToProto(summary, *response);
        return absl::OkStatus();
      });
}

void NeedServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &NeedServiceImpl::RequestGetNeed, &NeedServiceImpl::GetNeed);
  async.Serve(*this, &NeedServiceImpl::RequestListNeeds, &NeedServiceImpl::ListNeeds);
}

}  // namespace techmatch::server
