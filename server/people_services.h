// techmatch.v1 UserService, SessionService, KeyService and RegistrationService: people and
// access. Each handler converts its request, calls one use case (usecases/users.h,
// sessions.h, keys.h, registrations.h) and converts the answer. The doors without credentials
// (AcceptInvitation, CreateSession, SubmitApplication) pass the client's address to their use
// case for its throttles; they run on the sync API's threads, never on the async short-read
// threads, so an Argon2id hash never holds up a short read. The reads that only look records up
// (Get/List) are short reads served from the completion queues (server/async_server.h): each
// class's base takes them off the sync API and its ServeShortReads hands them to the queues.
// Keep each base and its ServeShortReads the same.
#ifndef TECHMATCH_SERVER_PEOPLE_SERVICES_H_
#define TECHMATCH_SERVER_PEOPLE_SERVICES_H_

#include "server/async_server.h"
#include "server/service_context.h"
#include "techmatch/v1/key.grpc.pb.h"
#include "techmatch/v1/registration.grpc.pb.h"
#include "techmatch/v1/session.grpc.pb.h"
#include "techmatch/v1/user.grpc.pb.h"
#include "usecases/keys.h"
#include "usecases/people_context.h"
#include "usecases/registrations.h"
#include "usecases/sessions.h"
#include "usecases/users.h"

namespace techmatch::server {

using UserServiceImplBase = v1::UserService::WithRawMethod_GetUser<
    v1::UserService::WithRawMethod_ListUsers<v1::UserService::Service>>;

class UserServiceImpl final : public UserServiceImplBase {
 public:
  // Serves GetUser and ListUsers from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
  UserServiceImpl(ServiceContext& context, usecases::PeopleContext& people)
      : context_(context), users_(context.repository, context.page_tokens, people) {}

  grpc::Status CreateInvitation(grpc::ServerContext* context,
                                const v1::CreateInvitationRequest* request,
                                v1::Invitation* response) override;
  grpc::Status AcceptInvitation(grpc::ServerContext* context,
                                const v1::AcceptInvitationRequest* request,
                                v1::User* response) override;
  grpc::Status GetUser(grpc::ServerContext* context, const v1::GetUserRequest* request,
                       v1::User* response) override;
  grpc::Status ListUsers(grpc::ServerContext* context, const v1::ListUsersRequest* request,
                         v1::ListUsersResponse* response) override;
  grpc::Status UpdateUser(grpc::ServerContext* context, const v1::UpdateUserRequest* request,
                          v1::User* response) override;
  grpc::Status DisableUser(grpc::ServerContext* context, const v1::DisableUserRequest* request,
                           v1::User* response) override;

 private:
  ServiceContext& context_;
  usecases::Users users_;
};

using SessionServiceImplBase =
    v1::SessionService::WithRawMethod_ListSessions<v1::SessionService::Service>;

class SessionServiceImpl final : public SessionServiceImplBase {
 public:
  // Serves ListSessions from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
  SessionServiceImpl(ServiceContext& context, usecases::PeopleContext& people)
      : context_(context), sessions_(context.repository, context.page_tokens, people) {}

  grpc::Status CreateSession(grpc::ServerContext* context, const v1::CreateSessionRequest* request,
                             v1::CreateSessionResponse* response) override;
  grpc::Status DeleteSession(grpc::ServerContext* context, const v1::DeleteSessionRequest* request,
                             v1::DeleteSessionResponse* response) override;
  grpc::Status ListSessions(grpc::ServerContext* context, const v1::ListSessionsRequest* request,
                            v1::ListSessionsResponse* response) override;
  grpc::Status RevokeSession(grpc::ServerContext* context, const v1::RevokeSessionRequest* request,
                             v1::Session* response) override;

 private:
  ServiceContext& context_;
  usecases::Sessions sessions_;
};

using KeyServiceImplBase = v1::KeyService::WithRawMethod_ListApiKeys<v1::KeyService::Service>;

class KeyServiceImpl final : public KeyServiceImplBase {
 public:
  // Serves ListApiKeys from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
  KeyServiceImpl(ServiceContext& context, usecases::PeopleContext& people)
      : context_(context), keys_(context.repository, people) {}

  grpc::Status CreateApiKey(grpc::ServerContext* context, const v1::CreateApiKeyRequest* request,
                            v1::CreateApiKeyResponse* response) override;
  grpc::Status ListApiKeys(grpc::ServerContext* context, const v1::ListApiKeysRequest* request,
                           v1::ListApiKeysResponse* response) override;
  grpc::Status RevokeApiKey(grpc::ServerContext* context, const v1::RevokeApiKeyRequest* request,
                            v1::ApiKey* response) override;

 private:
  ServiceContext& context_;
  usecases::Keys keys_;
};

using RegistrationServiceImplBase = v1::RegistrationService::WithRawMethod_GetApplication<
    v1::RegistrationService::WithRawMethod_ListApplications<v1::RegistrationService::Service>>;

class RegistrationServiceImpl final : public RegistrationServiceImplBase {
 public:
  // Serves GetApplication and ListApplications from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
  RegistrationServiceImpl(ServiceContext& context, usecases::PeopleContext& people)
      : context_(context),
        users_(context.repository, context.page_tokens, people),
        registrations_(context.repository, context.page_tokens, people, users_) {}

  grpc::Status SubmitApplication(grpc::ServerContext* context,
                                 const v1::SubmitApplicationRequest* request,
                                 v1::Application* response) override;
  grpc::Status GetApplication(grpc::ServerContext* context,
                              const v1::GetApplicationRequest* request,
                              v1::Application* response) override;
  grpc::Status ListApplications(grpc::ServerContext* context,
                                const v1::ListApplicationsRequest* request,
                                v1::ListApplicationsResponse* response) override;
  grpc::Status ApproveApplication(grpc::ServerContext* context,
                                  const v1::ApproveApplicationRequest* request,
                                  v1::ApproveApplicationResponse* response) override;
  grpc::Status RejectApplication(grpc::ServerContext* context,
                                 const v1::RejectApplicationRequest* request,
                                 v1::Application* response) override;

 private:
  ServiceContext& context_;
  usecases::Users users_;
  usecases::Registrations registrations_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_PEOPLE_SERVICES_H_
