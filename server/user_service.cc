#include <optional>

#include "core/common/status_macros.h"
#include "server/client_address.h"
#include "server/guard.h"
#include "server/handler.h"
#include "server/people_conversion.h"
#include "server/people_services.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status UserServiceImpl::CreateInvitation(grpc::ServerContext* server_context,
                                               const v1::CreateInvitationRequest* request,
                                               v1::Invitation* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::IssuedInvitation issued,
                        users_.CreateInvitation(caller, NewInvitationFromProto(*request)));
    InvitationToProto(issued.invitation, *response);
    response->set_code(issued.code);
    return absl::OkStatus();
  });
}

grpc::Status UserServiceImpl::AcceptInvitation(grpc::ServerContext* server_context,
                                               const v1::AcceptInvitationRequest* request,
                                               v1::User* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    const std::string address = ClientAddress(*server_context);
    TM_ASSIGN_OR_RETURN(User user, users_.AcceptInvitation({request->code(), request->user_id(),
                                                            request->password(),
                                                            request->display_name(), address}));
    UserToProto(user, *response);
    return absl::OkStatus();
  });
}

grpc::Status UserServiceImpl::GetUser(grpc::ServerContext* server_context,
                                      const v1::GetUserRequest* request, v1::User* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    if (request->name() == usecases::kCallerUserName) {
      TM_ASSIGN_OR_RETURN(std::optional<User> me, users_.Me(caller));
      if (me) {
        UserToProto(*me, *response);
      } else {
        CallerKeyToProto(caller, *response);
      }
      return absl::OkStatus();
    }
    TM_ASSIGN_OR_RETURN(User user, users_.Get(caller, request->name()));
    UserToProto(user, *response);
    return absl::OkStatus();
  });
}

grpc::Status UserServiceImpl::ListUsers(grpc::ServerContext* server_context,
                                        const v1::ListUsersRequest* request,
                                        v1::ListUsersResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<User> page, users_.List(ListRequestOf(*request)));
    for (const User& user : page.items) UserToProto(user, *response->add_users());
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status UserServiceImpl::UpdateUser(grpc::ServerContext* server_context,
                                         const v1::UpdateUserRequest* request, v1::User* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(User user, users_.Update(caller, UserUpdateFromProto(*request)));
    // Role, organization or region changed: the next call reads them.
    context_.guard.sessions().ForgetUser(user.meta.id);
    UserToProto(user, *response);
    return absl::OkStatus();
  });
}

grpc::Status UserServiceImpl::DisableUser(grpc::ServerContext* server_context,
                                          const v1::DisableUserRequest* request,
                                          v1::User* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(User user, users_.Disable(caller, request->name(), request->etag()));
    // Its sessions were revoked with it: the next call reads them, and the long-call watchdog
    // ends its open streams at its next check (server/long_calls.h).
    context_.guard.sessions().ForgetUser(user.meta.id);
    UserToProto(user, *response);
    return absl::OkStatus();
  });
}

void UserServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &UserServiceImpl::RequestGetUser, &UserServiceImpl::GetUser);
  async.Serve(*this, &UserServiceImpl::RequestListUsers, &UserServiceImpl::ListUsers);
}

}  // namespace techmatch::server
