#include "core/common/status_macros.h"
#include "server/client_address.h"
#include "server/guard.h"
#include "server/handler.h"
#include "server/people_conversion.h"
#include "server/people_services.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status SessionServiceImpl::CreateSession(grpc::ServerContext* server_context,
                                               const v1::CreateSessionRequest* request,
                                               v1::CreateSessionResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    const std::string address = ClientAddress(*server_context);
    TM_ASSIGN_OR_RETURN(usecases::SignedIn signed_in,
                        sessions_.Create({request->email(), request->password(), address}));
    response->set_token(std::move(signed_in.token));
    TimeToProto(signed_in.session.expire_time, *response->mutable_expire_time());
    UserToProto(signed_in.user, *response->mutable_user());
    SessionToProto(signed_in.session, *response->mutable_session());
    return absl::OkStatus();
  });
}

grpc::Status SessionServiceImpl::DeleteSession(grpc::ServerContext* server_context,
                                               const v1::DeleteSessionRequest* request,
                                               v1::DeleteSessionResponse* /*response*/) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_RETURN_IF_ERROR(sessions_.Delete(caller));
    context_.guard.sessions().Forget(caller.session_id);
    context_.guard.long_calls().EndCallsOf(caller.CredentialId(),
                                           absl::UnauthenticatedError("the session has ended"));
    return absl::OkStatus();
  });
}

grpc::Status SessionServiceImpl::ListSessions(grpc::ServerContext* server_context,
                                              const v1::ListSessionsRequest* request,
                                              v1::ListSessionsResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    const usecases::ListRequest list{"", request->page_size(), request->page_token()};
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Session> page,
                        sessions_.List(caller, request->parent(), list));
    for (const Session& session : page.items) {
      SessionToProto(session, *response->add_sessions());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status SessionServiceImpl::RevokeSession(grpc::ServerContext* server_context,
                                               const v1::RevokeSessionRequest* request,
                                               v1::Session* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Session session, sessions_.Revoke(caller, request->name()));
    context_.guard.sessions().Forget(session.id);
    Principal revoked;
    revoked.user_id = session.user_id;
    revoked.session_id = session.id;
    context_.guard.long_calls().EndCallsOf(revoked.CredentialId(),
                                           absl::UnauthenticatedError("the session was revoked"));
    SessionToProto(session, *response);
    return absl::OkStatus();
  });
}

void SessionServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &SessionServiceImpl::RequestListSessions, &SessionServiceImpl::ListSessions);
}

}  // namespace techmatch::server
