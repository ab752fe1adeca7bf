// Who may call the people services: every method of UserService, SessionService, KeyService
// and RegistrationService called by every role, refused before anything is looked up (an
// empty request is refused for its role, not for its missing fields), the refusals and the
// writes audited; the doors open without a token; bad input named field by field.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/auth/permissions.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "techmatch/v1/audit.grpc.pb.h"
#include "tests/server/people_test_support.h"

namespace techmatch::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::Not;

// Calls `method` with an empty request.
grpc::Status CallEmpty(grpc::Channel& channel, const std::string& method,
                       const std::string& token) {
  grpc::GenericStub stub(std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
  grpc::CompletionQueue queue;
  grpc::ByteBuffer request;
  grpc::Slice empty("");
  request = grpc::ByteBuffer(&empty, 1);
  auto call = stub.PrepareUnaryCall(context.get(), method, request, &queue);
  call->StartCall();
  grpc::ByteBuffer response;
  grpc::Status status;
  call->Finish(&response, &status, reinterpret_cast<void*>(1));
  void* tag = nullptr;
  bool ok = false;
  queue.Next(&tag, &ok);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return status;
}

std::vector<std::string> PeopleMethods() {
  std::vector<std::string> methods;
  for (const char* service : {"techmatch.v1.UserService", "techmatch.v1.SessionService",
                              "techmatch.v1.KeyService", "techmatch.v1.RegistrationService"}) {
    const auto* descriptor =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(service);
    for (int i = 0; i < descriptor->method_count(); ++i) {
      methods.push_back(absl::StrCat("/", service, "/", descriptor->method(i)->name()));
    }
  }
  return methods;
}

class PeopleAccessTest : public PeopleTest {};

TEST_P(PeopleAccessTest, EveryMethodIsRefusedToTheRolesItsRuleLeavesOutAndAudited) {
  struct Caller {
    Role role;
    std::string token;
  };
  const std::vector<Caller> callers = {
      {Role::kAdmin, admin_token_},
      {Role::kOrganizer, CreateKey(Role::kOrganizer)},
      {Role::kInstitute, CreateKey(Role::kInstitute, "scu")},
      {Role::kEnterprise, CreateKey(Role::kEnterprise, "acme")},
      {Role::kOfficial, CreateKey(Role::kOfficial)},
  };
  for (const std::string& method : PeopleMethods()) {
    const MethodRule* rule = FindMethodRule(method);
    ASSERT_NE(rule, nullptr) << method;
    for (const Caller& caller : callers) {
      const grpc::Status status = CallEmpty(*channel_, method, caller.token);
      if (rule->Allows(caller.role)) {
        EXPECT_THAT(status.error_message(), Not(HasSubstr("may not call")))
            << method << " as " << RoleName(caller.role);
      } else {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << method << " as " << RoleName(caller.role) << ": " << status.error_message();
      }
    }
    // Without a token: the doors answer (for their own reasons), the rest refuse.
    const grpc::Status anonymous = CallEmpty(*channel_, method, "");
    if (rule->open) {
      EXPECT_NE(anonymous.error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
      EXPECT_NE(anonymous.error_code(), grpc::StatusCode::PERMISSION_DENIED) << method;
    } else {
      EXPECT_EQ(anonymous.error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
    }
  }

  // Every call to a writing method left a record naming its caller.
  auto audit = v1::AuditService::NewStub(channel_);
  for (const std::string& method : PeopleMethods()) {
    if (!FindMethodRule(method)->mutating) continue;
    v1::ListAuditEventsRequest request;
    request.set_filter(absl::StrCat("method = \"", method, "\""));
    request.set_page_size(100);
    v1::ListAuditEventsResponse response;
    ASSERT_TRUE(audit->ListAuditEvents(Ctx().get(), request, &response).ok());
    std::vector<std::string> roles;
    for (const auto& event : response.audit_events()) roles.push_back(event.role());
    if (!FindMethodRule(method)->open) {
      EXPECT_THAT(roles,
                  IsSupersetOf({"ADMIN", "ORGANIZER", "INSTITUTE", "ENTERPRISE", "OFFICIAL"}))
          << method;
    }
    EXPECT_EQ(response.audit_events_size(), 6) << method;  // five roles and the anonymous call
  }
}

TEST_P(PeopleAccessTest, DoorsAreAuditedAsAnonymousUntilTheyKnowTheUser) {
  const std::string token = SignedInUser("zhang-wei", v1::OFFICIAL);
  v1::CreateSessionResponse response;
  SignIn("zhang-wei@example.com", "Wrong-password-1", &response);
  auto audit = v1::AuditService::NewStub(channel_);
  v1::ListAuditEventsRequest request;
  request.set_filter("method = \"/techmatch.v1.SessionService/CreateSession\"");
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(audit->ListAuditEvents(Ctx().get(), request, &events).ok());
  ASSERT_EQ(events.audit_events_size(), 2);
  EXPECT_EQ(events.audit_events(0).principal(), "users/zhang-wei");
  EXPECT_EQ(events.audit_events(0).outcome(), "OK");
  EXPECT_THAT(events.audit_events(0).resource(), HasSubstr("users/zhang-wei/sessions/"));
  EXPECT_EQ(events.audit_events(1).principal(), "anonymous 127.0.0.1");
  EXPECT_EQ(events.audit_events(1).outcome(), "UNAUTHENTICATED");

  // A session's own calls name its user.
  v1::DeleteSessionResponse deleted;
  ASSERT_TRUE(
      sessions_->DeleteSession(Ctx(token).get(), v1::DeleteSessionRequest(), &deleted).ok());
  request.set_filter("method = \"/techmatch.v1.SessionService/DeleteSession\"");
  ASSERT_TRUE(audit->ListAuditEvents(Ctx().get(), request, &events).ok());
  ASSERT_EQ(events.audit_events_size(), 1);
  EXPECT_EQ(events.audit_events(0).principal(), "users/zhang-wei");
}

TEST_P(PeopleAccessTest, AnOrganizerMayNotInviteOrChangeAnAdmin) {
  const std::string organizer = SignedInUser("wang-fang", v1::ORGANIZER);
  SignedInUser("boss", v1::ADMIN);
  v1::CreateInvitationRequest invite;
  invite.mutable_invitation()->set_role(v1::ADMIN);
  v1::Invitation invitation;
  const grpc::Status refused = users_->CreateInvitation(Ctx(organizer).get(), invite, &invitation);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(refused.error_message(), HasSubstr("may not invite an ADMIN"));
  v1::DisableUserRequest disable;
  disable.set_name("users/boss");
  v1::User user;
  EXPECT_EQ(users_->DisableUser(Ctx(organizer).get(), disable, &user).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::UpdateUserRequest update;
  update.mutable_user()->set_name("users/boss");
  update.mutable_user()->set_display_name("x");
  EXPECT_EQ(users_->UpdateUser(Ctx(organizer).get(), update, &user).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_P(PeopleAccessTest, UsersSeeAndRenameOnlyThemselves) {
  const std::string token = SignedInUser("zhang-wei", v1::OFFICIAL);
  v1::GetUserRequest get;
  get.set_name("users/someone-else");  // refused before it is looked up
  v1::User user;
  EXPECT_EQ(users_->GetUser(Ctx(token).get(), get, &user).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  get.set_name("users/zhang-wei");
  ASSERT_TRUE(users_->GetUser(Ctx(token).get(), get, &user).ok());
  v1::UpdateUserRequest update;
  update.mutable_user()->set_name("users/zhang-wei");
  update.mutable_user()->set_display_name("張偉");
  ASSERT_TRUE(users_->UpdateUser(Ctx(token).get(), update, &user).ok());
  EXPECT_EQ(user.display_name(), "張偉");
  update.mutable_user()->set_role(v1::ADMIN);
  update.mutable_update_mask()->add_paths("role");
  EXPECT_EQ(users_->UpdateUser(Ctx(token).get(), update, &user).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_P(PeopleAccessTest, BadInputIsNamedFieldByField) {
  v1::CreateInvitationRequest invite;
  v1::Invitation& invitation = *invite.mutable_invitation();
  invitation.set_email("not-an-email");
  invitation.set_region_code("51");
  invitation.set_organization("acme");
  v1::Invitation created;
  grpc::Status status = users_->CreateInvitation(Ctx().get(), invite, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              IsSupersetOf({"invitation.role", "invitation.email", "invitation.display_name",
                            "invitation.region_code", "invitation.organization"}));

  v1::AcceptInvitationRequest accept;
  accept.set_code("tmi_x");
  accept.set_user_id("Not Valid");
  v1::User user;
  status = users_->AcceptInvitation(Ctx("").get(), accept, &user);
  EXPECT_THAT(ViolatedFields(status), IsSupersetOf({"code", "user_id", "password"}));

  v1::CreateSessionResponse session;
  status = sessions_->CreateSession(Ctx("").get(), v1::CreateSessionRequest(), &session);
  EXPECT_THAT(ViolatedFields(status), IsSupersetOf({"email", "password"}));
  v1::CreateSessionRequest huge;
  huge.set_email("a@b.c");
  huge.set_password(std::string(10000, 'x'));
  status = sessions_->CreateSession(Ctx("").get(), huge, &session);
  EXPECT_THAT(ViolatedFields(status), IsSupersetOf({"password"}));

  v1::SubmitApplicationRequest apply;
  apply.mutable_application()->set_contact_email("x");
  apply.mutable_application()->mutable_organization()->set_region_code("abc");
  v1::Application application;
  status = registrations_->SubmitApplication(Ctx("").get(), apply, &application);
  EXPECT_THAT(ViolatedFields(status),
              IsSupersetOf({"application.organization.display_name",
                            "application.organization.kind", "application.organization.region_code",
                            "application.contact_email", "application.contact_name"}));

  v1::CreateApiKeyRequest key;
  key.mutable_api_key()->set_role(v1::ENTERPRISE);
  key.mutable_api_key()->set_region_code("1");
  key.mutable_api_key()->mutable_expire_time()->set_seconds(1);
  v1::CreateApiKeyResponse created_key;
  status = keys_->CreateApiKey(Ctx().get(), key, &created_key);
  EXPECT_THAT(ViolatedFields(status),
              IsSupersetOf({"api_key.organization", "api_key.region_code", "api_key.expire_time"}));
  // Only officials and organizers are limited to a region: an institute's key, user or
  // invitation with one is refused, naming the field.
  key.mutable_api_key()->set_role(v1::INSTITUTE);
  key.mutable_api_key()->set_organization("organizations/scu");
  key.mutable_api_key()->set_region_code("510500");
  key.mutable_api_key()->clear_expire_time();
  status = keys_->CreateApiKey(Ctx().get(), key, &created_key);
  EXPECT_THAT(ViolatedFields(status), ::testing::ElementsAre("api_key.region_code"));
  EXPECT_THAT(status.error_message(), HasSubstr("only OFFICIAL and ORGANIZER"));
  v1::CreateInvitationRequest regional;
  regional.mutable_invitation()->set_role(v1::INSTITUTE);
  regional.mutable_invitation()->set_organization("organizations/scu");
  regional.mutable_invitation()->set_email("zhang@scu.example");
  regional.mutable_invitation()->set_display_name("张三");
  regional.mutable_invitation()->set_region_code("510100");
  status = users_->CreateInvitation(Ctx().get(), regional, &created);
  EXPECT_THAT(ViolatedFields(status), ::testing::ElementsAre("invitation.region_code"));

  v1::RejectApplicationRequest reject;
  reject.set_name("applications/x");
  v1::Application rejected;
  status = registrations_->RejectApplication(Ctx().get(), reject, &rejected);
  EXPECT_THAT(ViolatedFields(status), IsSupersetOf({"reason"}));
}

TEST_P(PeopleAccessTest, KeysMadeRemotelyWorkUntilRevokedAndAreListed) {
  v1::CreateApiKeyRequest request;
  request.mutable_api_key()->set_role(v1::OFFICIAL);
  request.mutable_api_key()->set_region_code("510500");
  request.mutable_api_key()->set_display_name("泸州市科技局 dashboard");
  v1::CreateApiKeyResponse created;
  ASSERT_TRUE(keys_->CreateApiKey(Ctx().get(), request, &created).ok());
  EXPECT_THAT(created.token(), ::testing::StartsWith("tm_"));
  EXPECT_EQ(created.api_key().name(), "apiKeys/" + created.token().substr(3, 16));
  EXPECT_EQ(created.api_key().region_code(), "510500");
  EXPECT_EQ(GetNeedAs(created.token(), "needs/none").error_code(), grpc::StatusCode::NOT_FOUND);

  v1::ListApiKeysRequest list;
  list.set_filter("role = OFFICIAL");
  v1::ListApiKeysResponse listed;
  ASSERT_TRUE(keys_->ListApiKeys(Ctx().get(), list, &listed).ok());
  ASSERT_EQ(listed.api_keys_size(), 1);
  EXPECT_EQ(listed.api_keys(0).display_name(), "泸州市科技局 dashboard");

  v1::RevokeApiKeyRequest revoke;
  revoke.set_name(created.api_key().name());
  v1::ApiKey revoked;
  ASSERT_TRUE(keys_->RevokeApiKey(Ctx().get(), revoke, &revoked).ok());
  EXPECT_TRUE(revoked.has_revoke_time());
  absl::SleepFor(absl::Milliseconds(150));  // the guard's recheck bound
  EXPECT_EQ(GetNeedAs(created.token(), "needs/none").error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_P(PeopleAccessTest, AnApprovedApplicationBecomesAnOrganizationAndAnInvitation) {
  v1::SubmitApplicationRequest apply;
  v1::Application& application = *apply.mutable_application();
  application.mutable_organization()->set_display_name("瀘州老窖");
  application.mutable_organization()->set_kind(v1::Organization::ENTERPRISE);
  application.mutable_organization()->set_region_code("510500");
  application.set_contact_email("li.ming@lzlj.example");
  application.set_contact_name("李明");
  v1::Application submitted;
  ASSERT_TRUE(registrations_->SubmitApplication(Ctx("").get(), apply, &submitted).ok());
  EXPECT_EQ(submitted.state(), v1::Application::PENDING);

  v1::ApproveApplicationRequest approve;
  approve.set_name(submitted.name());
  approve.set_organization_id("lzlj");
  v1::ApproveApplicationResponse approved;
  ASSERT_TRUE(registrations_->ApproveApplication(Ctx().get(), approve, &approved).ok());
  EXPECT_EQ(approved.application().state(), v1::Application::APPROVED);
  EXPECT_EQ(approved.application().approved_organization(), "organizations/lzlj");
  EXPECT_EQ(approved.organization().display_name(), "瀘州老窖");
  EXPECT_EQ(approved.invitation().role(), v1::ENTERPRISE);
  EXPECT_EQ(approved.invitation().email(), "li.ming@lzlj.example");
  v1::User user;
  ASSERT_TRUE(Accept(approved.invitation().code(), "li-ming", kGoodPassword, &user).ok());
  EXPECT_EQ(user.organization(), "organizations/lzlj");
  // The organization carries the region; its contact is not limited to it (an enterprise sees
  // every region's offerings).
  EXPECT_EQ(approved.organization().region_code(), "510500");
  EXPECT_EQ(approved.invitation().region_code(), "");
  EXPECT_EQ(user.region_code(), "");

  EXPECT_EQ(registrations_->ApproveApplication(Ctx().get(), approve, &approved).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_P(PeopleAccessTest, ApplicationsAreThrottledPerAddress) {
  v1::SubmitApplicationRequest apply;
  v1::Application& application = *apply.mutable_application();
  application.mutable_organization()->set_display_name("Org");
  application.mutable_organization()->set_kind(v1::Organization::ENTERPRISE);
  application.set_contact_name("Someone");
  v1::Application submitted;
  for (int i = 0; i < 5; ++i) {
    application.set_contact_email(absl::StrCat("c", i, "@example.com"));
    ASSERT_TRUE(registrations_->SubmitApplication(Ctx("").get(), apply, &submitted).ok()) << i;
  }
  application.set_contact_email("c9@example.com");
  const grpc::Status throttled =
      registrations_->SubmitApplication(Ctx("").get(), apply, &submitted);
  EXPECT_EQ(throttled.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  Advance(absl::Hours(1));
  EXPECT_TRUE(registrations_->SubmitApplication(Ctx("").get(), apply, &submitted).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, PeopleAccessTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
