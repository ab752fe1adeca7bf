// techmatch.v1.OfferingService: each handler converts its request, calls one use case of
// usecases/offerings.h and converts the answer.
#ifndef TECHMATCH_SERVER_OFFERING_SERVICE_H_
#define TECHMATCH_SERVER_OFFERING_SERVICE_H_

#include "server/async_server.h"
#include "server/parsed_stream.h"
#include "server/service_context.h"
#include "techmatch/v1/offering.grpc.pb.h"
#include "usecases/offerings.h"

namespace techmatch::server {

// GetOffering and ListOfferings: short reads, served from the completion queues
// (server/async_server.h). The base takes them off the sync API; ServeShortReads hands them to the
// queues. Keep the two lists the same.
using OfferingServiceImplBase = v1::OfferingService::WithRawMethod_GetOffering<
    v1::OfferingService::WithRawMethod_ListOfferings<v1::OfferingService::Service>>;

class OfferingServiceImpl final : public OfferingServiceImplBase {
 public:
  // Serves the methods of the base class comment from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
  // Installs ImportOfferings's handler, which parses the stream's rows itself (parsed_stream.h).
  explicit OfferingServiceImpl(ServiceContext& context);

  grpc::Status CreateOffering(grpc::ServerContext* context,
                              const v1::CreateOfferingRequest* request,
                              v1::Offering* response) override;
  grpc::Status GetOffering(grpc::ServerContext* context, const v1::GetOfferingRequest* request,
                           v1::Offering* response) override;
  grpc::Status ListOfferings(grpc::ServerContext* context, const v1::ListOfferingsRequest* request,
                             v1::ListOfferingsResponse* response) override;
  grpc::Status UpdateOffering(grpc::ServerContext* context,
                              const v1::UpdateOfferingRequest* request,
                              v1::Offering* response) override;
  grpc::Status WithdrawOffering(grpc::ServerContext* context,
                                const v1::WithdrawOfferingRequest* request,
                                v1::Offering* response) override;
  // ImportOfferings, reached through the handler the constructor installs (not the generated
  // override, which would take an unparsable row for the end of the stream).
  grpc::Status ImportOfferingsParsed(grpc::ServerContext* context,
                                     ParsingReader<v1::ImportOfferingsRequest>& reader,
                                     v1::ImportSummary* response);

 private:
  ServiceContext& context_;
  usecases::Offerings offerings_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_OFFERING_SERVICE_H_
