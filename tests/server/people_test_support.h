// A server whose clock the test moves, stubs of the people services, and the steps most people
// tests take: invite, accept, sign in.
#ifndef TECHMATCH_TESTS_SERVER_PEOPLE_TEST_SUPPORT_H_
#define TECHMATCH_TESTS_SERVER_PEOPLE_TEST_SUPPORT_H_

#include <atomic>
#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "techmatch/v1/key.grpc.pb.h"
#include "techmatch/v1/registration.grpc.pb.h"
#include "techmatch/v1/session.grpc.pb.h"
#include "techmatch/v1/user.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {

inline constexpr char kGoodPassword[] = "Lantern-river-2026";

class PeopleTest : public OverBackends<SeededServerTest> {
 protected:
  void Configure(server::ServerOptions& options) override {
    options.people.clock = [this] { return absl::FromUnixNanos(now_ns_.load()); };
  }

  void SetUp() override {
    SeededServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    users_ = v1::UserService::NewStub(channel_);
    sessions_ = v1::SessionService::NewStub(channel_);
    keys_ = v1::KeyService::NewStub(channel_);
    registrations_ = v1::RegistrationService::NewStub(channel_);
  }

  void Advance(absl::Duration by) { now_ns_ += absl::ToInt64Nanoseconds(by); }
  absl::Time Now() const { return absl::FromUnixNanos(now_ns_.load()); }

  // Invites `email` with `role` (for `organization`, e.g. "organizations/acme", when the role
  // needs one) as the admin; returns the code.
  std::string Invite(const std::string& email, v1::Role role,
                     const std::string& organization = "") {
    v1::CreateInvitationRequest request;
    v1::Invitation& invitation = *request.mutable_invitation();
    invitation.set_email(email);
    invitation.set_display_name("Person " + email);
    invitation.set_role(role);
    invitation.set_organization(organization);
    v1::Invitation created;
    const grpc::Status status = users_->CreateInvitation(Ctx().get(), request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return created.code();
  }

  grpc::Status Accept(const std::string& code, const std::string& user_id,
                      const std::string& password = kGoodPassword, v1::User* user = nullptr) {
    v1::AcceptInvitationRequest request;
    request.set_code(code);
    request.set_user_id(user_id);
    request.set_password(password);
    v1::User ignored;
    return users_->AcceptInvitation(Ctx("").get(), request, user ? user : &ignored);
  }

  grpc::Status SignIn(const std::string& email, const std::string& password,
                      v1::CreateSessionResponse* response) {
    v1::CreateSessionRequest request;
    request.set_email(email);
    request.set_password(password);
    return sessions_->CreateSession(Ctx("").get(), request, response);
  }

  // A user of `role` (for `organization` when it needs one), signed in: its session token.
  std::string SignedInUser(const std::string& user_id, v1::Role role,
                           const std::string& organization = "") {
    const std::string email = user_id + "@example.com";
    const grpc::Status accepted = Accept(Invite(email, role, organization), user_id);
    EXPECT_TRUE(accepted.ok()) << accepted.error_message();
    v1::CreateSessionResponse response;
    const grpc::Status signed_in = SignIn(email, kGoodPassword, &response);
    EXPECT_TRUE(signed_in.ok()) << signed_in.error_message();
    return response.token();
  }

  grpc::Status GetNeedAs(const std::string& token, const std::string& name) {
    v1::GetNeedRequest request;
    request.set_name(name);
    v1::Need need;
    return needs_->GetNeed(Ctx(token).get(), request, &need);
  }

  std::atomic<int64_t> now_ns_{absl::ToUnixNanos(absl::Now())};
  std::unique_ptr<v1::UserService::Stub> users_;
  std::unique_ptr<v1::SessionService::Stub> sessions_;
  std::unique_ptr<v1::KeyService::Stub> keys_;
  std::unique_ptr<v1::RegistrationService::Stub> registrations_;
};

}  // namespace techmatch::testing

#endif  // TECHMATCH_TESTS_SERVER_PEOPLE_TEST_SUPPORT_H_
