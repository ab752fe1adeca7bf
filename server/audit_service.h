// techmatch.v1.AuditService: reading the audit trail.
#ifndef TECHMATCH_SERVER_AUDIT_SERVICE_H_
#define TECHMATCH_SERVER_AUDIT_SERVICE_H_

#include "server/service_context.h"
#include "techmatch/v1/audit.grpc.pb.h"
#include "usecases/audit.h"

namespace techmatch::server {

class AuditServiceImpl final : public v1::AuditService::Service {
 public:
  explicit AuditServiceImpl(ServiceContext& context)
      : context_(context), audit_(context.repository, context.page_tokens) {}

  grpc::Status ListAuditEvents(grpc::ServerContext* server_context,
                               const v1::ListAuditEventsRequest* request,
                               v1::ListAuditEventsResponse* response) override;

 private:
  ServiceContext& context_;
  usecases::AuditTrail audit_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_AUDIT_SERVICE_H_
