// Users, invitations, sessions, API keys and applications between proto and domain.
#ifndef TECHMATCH_SERVER_PEOPLE_CONVERSION_H_
#define TECHMATCH_SERVER_PEOPLE_CONVERSION_H_

#include <optional>

#include "core/auth/api_key.h"
#include "core/auth/role.h"
#include "core/auth/session.h"
#include "core/auth/user.h"
#include "core/reference/application.h"
#include "techmatch/v1/key.pb.h"
#include "techmatch/v1/registration.pb.h"
#include "techmatch/v1/session.pb.h"
#include "techmatch/v1/user.pb.h"
#include "usecases/keys.h"
#include "usecases/registrations.h"
#include "usecases/users.h"

namespace techmatch::server {

// ROLE_UNSPECIFIED and unknown numbers are nullopt.
std::optional<Role> RoleFromProto(v1::Role role);
v1::Role RoleToProto(Role role);

void UserToProto(const User& user, v1::User& out);
// GetUser(`users/me`) called with an API key: the key as a User named `apiKeys/{id}` with the
// key's role, organization and region (no email, display name or state).
void CallerKeyToProto(const Principal& caller, v1::User& out);
void InvitationToProto(const Invitation& invitation, v1::Invitation& out);
void SessionToProto(const Session& session, v1::Session& out);
void ApiKeyToProto(const ApiKey& key, v1::ApiKey& out);
void ApplicationToProto(const Application& application, v1::Application& out);

// Views into `request`, which must outlive the result.
usecases::NewInvitation NewInvitationFromProto(const v1::CreateInvitationRequest& request);
usecases::UserUpdate UserUpdateFromProto(const v1::UpdateUserRequest& request);
usecases::NewApiKey NewApiKeyFromProto(const v1::CreateApiKeyRequest& request);
usecases::NewApplication NewApplicationFromProto(const v1::SubmitApplicationRequest& request);
usecases::ApprovalRequest ApprovalFromProto(const v1::ApproveApplicationRequest& request);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_PEOPLE_CONVERSION_H_
