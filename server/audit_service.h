// techmatch.v1.AuditService: reading the audit trail.
#ifndef TECHMATCH_SERVER_AUDIT_SERVICE_H_
#define TECHMATCH_SERVER_AUDIT_SERVICE_H_

#include "server/async_server.h"
#include "server/service_context.h"
#include "techmatch/v1/audit.grpc.pb.h"
#include "usecases/audit.h"

namespace techmatch::server {

// ListAuditEvents: short reads, served from the completion queues (server/async_server.h). The
// base takes them off the sync API; ServeShortReads hands them to the queues. Keep the two lists
// the same.
using AuditServiceImplBase =
    v1::AuditService::WithRawMethod_ListAuditEvents<v1::AuditService::Service>;

class AuditServiceImpl final : public AuditServiceImplBase {
 public:
  // Serves the methods of the base class comment from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
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
