#include "server/offering_service.h"

#include "server/call_deadline.h"
#include "server/handler.h"
#include "server/import_stream.h"
#include "server/method_table.h"
#include "server/offering_conversion.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status OfferingServiceImpl::CreateOffering(grpc::ServerContext* server_context,
                                                 const v1::CreateOfferingRequest* request,
                                                 v1::Offering* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        Offering offering,
        offerings_.Create(caller, NewOfferingFromProto(*request, context_.currency)));
    OfferingToProto(std::move(offering), context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status OfferingServiceImpl::GetOffering(grpc::ServerContext* server_context,
                                              const v1::GetOfferingRequest* request,
                                              v1::Offering* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Offering offering, offerings_.Get(request->name()));
    OfferingToProto(std::move(offering), context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status OfferingServiceImpl::ListOfferings(grpc::ServerContext* server_context,
                                                const v1::ListOfferingsRequest* request,
                                                v1::ListOfferingsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Offering> page,
                        offerings_.List(ListRequestOf(*request), request->query()));
    for (Offering& offering : page.items) {
      OfferingToProto(std::move(offering), context_.currency, *response->add_offerings());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status OfferingServiceImpl::UpdateOffering(grpc::ServerContext* server_context,
                                                 const v1::UpdateOfferingRequest* request,
                                                 v1::Offering* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        Offering offering,
        offerings_.Update(caller, OfferingUpdateFromProto(*request, context_.currency)));
    OfferingToProto(std::move(offering), context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status OfferingServiceImpl::WithdrawOffering(grpc::ServerContext* server_context,
                                                   const v1::WithdrawOfferingRequest* request,
                                                   v1::Offering* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Offering offering,
                        offerings_.Withdraw(caller, request->name(), request->etag()));
    OfferingToProto(std::move(offering), context_.currency, *response);
    return absl::OkStatus();
  });
}

OfferingServiceImpl::OfferingServiceImpl(ServiceContext& context)
    : context_(context), offerings_(context.repository, context.matching, context.page_tokens) {
  MarkMethodStreamed(MethodIndexOf(v1::ImportOfferingsRequest::descriptor()),
                     ParsedClientStreamHandler(this, &OfferingServiceImpl::ImportOfferingsParsed));
}

grpc::Status OfferingServiceImpl::ImportOfferingsParsed(
    grpc::ServerContext* server_context, ParsingReader<v1::ImportOfferingsRequest>& reader,
    v1::ImportSummary* response) {
  return HandleClientStream<v1::ImportOfferingsRequest>(
      context_, server_context, [&](const Principal& caller) -> absl::Status {
        ImportRowReader<v1::ImportOfferingsRequest, Offering> rows(
            reader, [this](const v1::ImportOfferingsRequest& row) {
              return OfferingRowFromProto(row, context_.currency);
            });
        TM_ASSIGN_OR_RETURN(usecases::ImportSummary summary,
                            offerings_.Import(caller, rows, GrpcCallState(*server_context)));
        ImportSummaryToProto(summary, *response);
        return absl::OkStatus();
      });
}

void OfferingServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &OfferingServiceImpl::RequestGetOffering, &OfferingServiceImpl::GetOffering);
  async.Serve(*this, &OfferingServiceImpl::RequestListOfferings,
              &OfferingServiceImpl::ListOfferings);
}

}  // namespace techmatch::server
