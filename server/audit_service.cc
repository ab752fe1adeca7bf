#include "server/audit_service.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "server/handler.h"
#include "server/proto_fields.h"

namespace techmatch::server {
namespace {

void AuditEventToProto(const AuditEvent& event, v1::AuditEvent& out) {
  out.set_name(absl::StrCat(kAuditEvents, "/", event.seq));
  TimeToProto(event.event_time, *out.mutable_event_time());
  out.set_principal(event.principal);
  out.set_role(event.role);
  out.set_method(event.method);
  out.set_resource(event.resource);
  out.set_request_id(event.request_id);
  out.set_outcome(event.outcome);
  out.set_hash(absl::BytesToHexString(event.hash));
}

}  // namespace

grpc::Status AuditServiceImpl::ListAuditEvents(grpc::ServerContext* server_context,
                                               const v1::ListAuditEventsRequest* request,
                                               v1::ListAuditEventsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<AuditEvent> page, audit_.List(ListRequestOf(*request)));
    for (const AuditEvent& event : page.items) {
      AuditEventToProto(event, *response->add_audit_events());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

void AuditServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &AuditServiceImpl::RequestListAuditEvents, &AuditServiceImpl::ListAuditEvents);
}

}  // namespace techmatch::server
