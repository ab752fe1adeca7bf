// Sign-in and sessions over real RPCs: invitations accepted with a password, sessions that
// carry their user's role and organization, sign-out, expiry (idle and absolute, with the
// test's clock), lockout and throttling, and a revoked session ending an open stream.
#include <string>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/sqlite/sqlite_repository.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "tests/server/people_test_support.h"

namespace techmatch::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

TEST_P(PeopleTest, AnInvitedEnterpriseUserSignsInActsForItsOrganizationAndSignsOut) {
  const v1::Need need = CreateNeed(SampleNeed(), "pit");
  v1::User user;
  ASSERT_TRUE(Accept(Invite("Li.Ming@LZLJ.example", v1::ENTERPRISE, "organizations/acme"),
                     "li-ming", kGoodPassword, &user)
                  .ok());
  EXPECT_EQ(user.name(), "users/li-ming");
  EXPECT_EQ(user.email(), "li.ming@lzlj.example");
  EXPECT_EQ(user.organization(), "organizations/acme");
  EXPECT_EQ(user.state(), v1::User::ACTIVE);

  v1::CreateSessionResponse signed_in;
  ASSERT_TRUE(SignIn("li.ming@lzlj.EXAMPLE", kGoodPassword, &signed_in).ok());
  EXPECT_THAT(signed_in.token(), ::testing::StartsWith("tms_"));
  EXPECT_EQ(signed_in.user().name(), "users/li-ming");
  EXPECT_THAT(signed_in.session().name(), ::testing::StartsWith("users/li-ming/sessions/"));
  EXPECT_EQ(signed_in.expire_time().seconds(), absl::ToUnixSeconds(Now() + absl::Hours(12)));
  const std::string token = signed_in.token();

  EXPECT_TRUE(GetNeedAs(token, need.name()).ok());
  // Its own organization's need: allowed; another's: refused, as for an ENTERPRISE key.
  v1::CreateNeedRequest create;
  *create.mutable_need() = SampleNeed("白酒窖池溫度監測");
  v1::Need created;
  EXPECT_TRUE(needs_->CreateNeed(Ctx(token).get(), create, &created).ok());
  create.mutable_need()->set_enterprise("organizations/gov");
  EXPECT_EQ(needs_->CreateNeed(Ctx(token).get(), create, &created).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  v1::DeleteSessionResponse deleted;
  ASSERT_TRUE(
      sessions_->DeleteSession(Ctx(token).get(), v1::DeleteSessionRequest(), &deleted).ok());
  const grpc::Status after = GetNeedAs(token, need.name());
  EXPECT_EQ(after.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // An API key has no session to end.
  EXPECT_EQ(
      sessions_->DeleteSession(Ctx().get(), v1::DeleteSessionRequest(), &deleted).error_code(),
      grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_P(PeopleTest, UnknownEmailWrongPasswordAndDisabledUserGetTheSameAnswer) {
  const std::string token = SignedInUser("zhang-wei", v1::OFFICIAL);
  v1::CreateSessionResponse response;
  const grpc::Status unknown = SignIn("nobody@example.com", kGoodPassword, &response);
  const grpc::Status wrong = SignIn("zhang-wei@example.com", "Wrong-password-1", &response);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(unknown.error_message(), wrong.error_message());
  EXPECT_EQ(unknown.error_code(), wrong.error_code());

  v1::DisableUserRequest disable;
  disable.set_name("users/zhang-wei");
  v1::User disabled;
  ASSERT_TRUE(users_->DisableUser(Ctx().get(), disable, &disabled).ok());
  EXPECT_EQ(disabled.state(), v1::User::DISABLED);
  const grpc::Status after = SignIn("zhang-wei@example.com", kGoodPassword, &response);
  EXPECT_EQ(after.error_message(), wrong.error_message());
  // Disabling ended the session it had.
  EXPECT_EQ(GetNeedAs(token, "needs/none").error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_P(PeopleTest, AnAccountLocksAfterFiveFailuresAndSaysUntilWhen) {
  SignedInUser("zhang-wei", v1::OFFICIAL);
  v1::CreateSessionResponse response;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(SignIn("zhang-wei@example.com", "Wrong-password-1", &response).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
  }
  const grpc::Status locked = SignIn("zhang-wei@example.com", kGoodPassword, &response);
  EXPECT_EQ(locked.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(locked.error_message(), HasSubstr("account is locked"));
  EXPECT_THAT(locked.error_message(),
              HasSubstr(absl::FormatTime(absl::RFC3339_sec, Now() + absl::Minutes(15),
                                         absl::UTCTimeZone())));
  // An unknown email locks alike: the lock reveals nothing.
  for (int i = 0; i < 5; ++i) SignIn("nobody@example.com", "Wrong-password-1", &response);
  EXPECT_THAT(SignIn("nobody@example.com", kGoodPassword, &response).error_message(),
              HasSubstr("account is locked"));
  Advance(absl::Minutes(15));
  EXPECT_TRUE(SignIn("zhang-wei@example.com", kGoodPassword, &response).ok());
}

TEST_P(PeopleTest, AnAddressIsThrottledAfterTwentyFailures) {
  SignedInUser("zhang-wei", v1::OFFICIAL);
  v1::CreateSessionResponse response;
  for (int i = 0; i < 20; ++i) {
    SignIn(absl::StrCat("guess", i, "@example.com"), "Wrong-password-1", &response);
  }
  const grpc::Status throttled = SignIn("zhang-wei@example.com", kGoodPassword, &response);
  EXPECT_EQ(throttled.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(throttled.error_message(), HasSubstr("from this address"));
  Advance(absl::Minutes(16));
  EXPECT_TRUE(SignIn("zhang-wei@example.com", kGoodPassword, &response).ok());
}

TEST_P(PeopleTest, SessionsEndWhenIdleAndAtTheirAbsoluteBound) {
  const v1::Need need = CreateNeed(SampleNeed(), "pit");
  std::string token = SignedInUser("zhang-wei", v1::OFFICIAL);
  Advance(absl::Minutes(119));
  EXPECT_TRUE(GetNeedAs(token, need.name()).ok());
  Advance(absl::Minutes(119));  // used 119 minutes ago: still within the idle bound
  EXPECT_TRUE(GetNeedAs(token, need.name()).ok());
  Advance(absl::Minutes(121));
  const grpc::Status idle = GetNeedAs(token, need.name());
  EXPECT_EQ(idle.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(idle.error_message(), HasSubstr("idle"));

  v1::CreateSessionResponse response;
  ASSERT_TRUE(SignIn("zhang-wei@example.com", kGoodPassword, &response).ok());
  token = response.token();
  for (int hour = 1; hour < 12; ++hour) {
    Advance(absl::Hours(1));
    ASSERT_TRUE(GetNeedAs(token, need.name()).ok()) << "hour " << hour;
  }
  Advance(absl::Hours(1));
  const grpc::Status expired = GetNeedAs(token, need.name());
  EXPECT_EQ(expired.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(expired.error_message(), HasSubstr("expired"));
}

TEST_P(PeopleTest, InvitationsExpireAndWorkOnce) {
  const std::string code = Invite("late@example.com", v1::OFFICIAL);
  Advance(absl::Hours(72));
  const grpc::Status late = Accept(code, "late");
  EXPECT_EQ(late.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(late.error_message(), HasSubstr("expired"));

  const std::string fresh = Invite("on-time@example.com", v1::OFFICIAL);
  ASSERT_TRUE(Accept(fresh, "on-time").ok());
  EXPECT_EQ(Accept(fresh, "again").error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // A code with a valid shape but a wrong secret is unknown.
  std::string forged = fresh;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_EQ(Accept(forged, "forged").error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_P(PeopleTest, UsersMeIsTheCallerAndNoUserMayBeCalledMe) {
  const std::string token = SignedInUser("li-ming", v1::ENTERPRISE, "organizations/acme");
  v1::GetUserRequest request;
  request.set_name("users/me");
  v1::User me;
  ASSERT_TRUE(users_->GetUser(Ctx(token).get(), request, &me).ok());
  EXPECT_EQ(me.name(), "users/li-ming");
  EXPECT_EQ(me.email(), "li-ming@example.com");
  EXPECT_EQ(me.role(), v1::ENTERPRISE);
  EXPECT_EQ(me.organization(), "organizations/acme");
  EXPECT_EQ(me.state(), v1::User::ACTIVE);

  // An API key is described by its own name, role and organization.
  const std::string key = CreateKey(Role::kInstitute, "scu");
  v1::User key_me;
  ASSERT_TRUE(users_->GetUser(Ctx(key).get(), request, &key_me).ok());
  EXPECT_EQ(key_me.name(), "apiKeys/" + key.substr(3, 16));
  EXPECT_EQ(key_me.role(), v1::INSTITUTE);
  EXPECT_EQ(key_me.organization(), "organizations/scu");
  EXPECT_EQ(key_me.email(), "");
  EXPECT_EQ(users_->GetUser(Ctx("").get(), request, &key_me).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  const grpc::Status reserved = Accept(Invite("me@example.com", v1::OFFICIAL), "me");
  EXPECT_EQ(reserved.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reserved.error_message(), HasSubstr("reserved"));
}

TEST_P(PeopleTest, UsersListAndRevokeTheirOwnSessionsAndAnAdminAnyones) {
  const std::string token = SignedInUser("zhang-wei", v1::OFFICIAL);
  Advance(absl::Seconds(1));
  v1::CreateSessionResponse second;
  ASSERT_TRUE(SignIn("zhang-wei@example.com", kGoodPassword, &second).ok());
  SignedInUser("li-na", v1::OFFICIAL);

  v1::ListSessionsResponse listed;
  ASSERT_TRUE(sessions_->ListSessions(Ctx(token).get(), v1::ListSessionsRequest(), &listed).ok());
  ASSERT_EQ(listed.sessions_size(), 2);
  EXPECT_EQ(listed.sessions(0).name(), second.session().name());  // newest first
  EXPECT_EQ(listed.sessions(0).client_address(), "127.0.0.1");

  v1::ListSessionsRequest others;
  others.set_parent("users/li-na");
  EXPECT_EQ(sessions_->ListSessions(Ctx(token).get(), others, &listed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(sessions_->ListSessions(Ctx().get(), others, &listed).ok());

  v1::RevokeSessionRequest revoke;
  revoke.set_name(second.session().name());
  v1::Session revoked;
  ASSERT_TRUE(sessions_->RevokeSession(Ctx(token).get(), revoke, &revoked).ok());
  EXPECT_EQ(GetNeedAs(second.token(), "needs/none").error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(GetNeedAs(token, "needs/none").error_code(), grpc::StatusCode::NOT_FOUND);
  revoke.set_name(listed.sessions(0).name());  // li-na's, by zhang-wei
  EXPECT_EQ(sessions_->RevokeSession(Ctx(token).get(), revoke, &revoked).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

// Reads `reader` to its end: the status it ended with and how long after `since`.
template <typename Reader>
std::pair<grpc::Status, absl::Duration> DrainWatch(Reader& reader, absl::Time since) {
  v1::WatchMatchesResponse ignored;
  while (reader.Read(&ignored)) {
  }
  const grpc::Status status = reader.Finish();
  return {status, absl::Now() - since};
}

TEST_P(PeopleTest, RevokingASessionEndsItsOpenStream) {
  CreateNeed(SampleNeed("濃香型白酒窖泥老化防治"), "pit");
  const std::string token = SignedInUser("zhang-wei", v1::OFFICIAL);
  auto matches = v1::MatchService::NewStub(channel_);
  v1::WatchMatchesRequest request;
  request.set_need("needs/pit");
  auto context = Ctx(token);
  auto reader = matches->WatchMatches(context.get(), request);
  reader->WaitForInitialMetadata();

  v1::ListSessionsRequest list;
  list.set_parent("users/zhang-wei");
  v1::ListSessionsResponse listed;
  ASSERT_TRUE(sessions_->ListSessions(Ctx().get(), list, &listed).ok());
  ASSERT_EQ(listed.sessions_size(), 1);
  v1::RevokeSessionRequest revoke;
  revoke.set_name(listed.sessions(0).name());
  v1::Session revoked;
  const absl::Time start = absl::Now();
  ASSERT_TRUE(sessions_->RevokeSession(Ctx().get(), revoke, &revoked).ok());
  // Ended by the revocation itself (server/long_calls.h), not by a later check.
  const auto [ended, after] = DrainWatch(*reader, start);
  EXPECT_EQ(ended.error_code(), grpc::StatusCode::UNAUTHENTICATED) << ended.error_message();
  EXPECT_THAT(ended.error_message(), ::testing::HasSubstr("revoked"));
  EXPECT_LT(after, absl::Seconds(1));
}

TEST_P(PeopleTest, DisablingAUserEndsItsSessionsOpenStreams) {
  CreateNeed(SampleNeed("濃香型白酒窖泥老化防治"), "pit");
  const std::string token = SignedInUser("zhang-wei", v1::OFFICIAL);
  auto matches = v1::MatchService::NewStub(channel_);
  v1::WatchMatchesRequest request;
  request.set_need("needs/pit");
  auto context = Ctx(token);
  auto reader = matches->WatchMatches(context.get(), request);
  reader->WaitForInitialMetadata();

  v1::DisableUserRequest disable;
  disable.set_name("users/zhang-wei");
  v1::User disabled;
  const absl::Time start = absl::Now();
  ASSERT_TRUE(users_->DisableUser(Ctx().get(), disable, &disabled).ok());
  // The long-call watchdog's next check finds the user disabled.
  const auto [ended, after] = DrainWatch(*reader, start);
  EXPECT_EQ(ended.error_code(), grpc::StatusCode::UNAUTHENTICATED) << ended.error_message();
  EXPECT_LT(after, absl::Seconds(1));
}

TEST_P(PeopleTest, ASessionTokenIsRefusedWhereItsRoleIsAndAKeyCannotBeForged) {
  const std::string token = SignedInUser("zhang-wei", v1::OFFICIAL);
  v1::CreateIndustryRequest request;
  request.mutable_industry()->set_display_name_zh("茶业");
  request.set_industry_id("tea");
  v1::Industry industry;
  EXPECT_EQ(industries_->CreateIndustry(Ctx(token).get(), request, &industry).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // A session token's shape with another secret: unknown.
  std::string forged = token;
  forged.back() = forged.back() == 'a' ? 'b' : 'a';
  EXPECT_EQ(GetNeedAs(forged, "needs/none").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(GetNeedAs("tms_nothex", "needs/none").error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

INSTANTIATE_TEST_SUITE_P(Backends, PeopleTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
