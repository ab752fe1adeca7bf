// People over both backends: invitations accepted once into users, users' optimistic replaces
// and unique emails, sessions (listing, revoking, disabled users signed out), and applications
// reviewed into organizations and invitations.
#include <optional>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// 32 bytes, as a SHA-256 digest.
std::string Hash(char fill) { return std::string(32, fill); }

class PeopleStorageTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("acme"));
  }

  static Invitation NewInvitation(const std::string& id, const std::string& email) {
    Invitation invitation;
    invitation.id = id;
    invitation.code_hash = Hash('c');
    invitation.organization_id = "acme";
    invitation.role = Role::kEnterprise;
    invitation.email = email;
    invitation.display_name = "王经理";
    invitation.region_code = "";
    invitation.invited_by = "keys/0123456789abcdef";
    invitation.create_time = absl::FromUnixSeconds(1'790'000'000);
    invitation.expire_time = invitation.create_time + absl::Hours(72);
    return invitation;
  }

  static User NewUser(const std::string& id, const std::string& email) {
    User user;
    user.meta.id = id;
    user.email = email;
    user.display_name = "王经理";
    user.organization_id = "acme";
    user.role = Role::kEnterprise;
    user.password_hash = "$argon2id$v=19$stand-in";
    return user;
  }

  static Session NewSession(const std::string& id, const std::string& user_id, int minute) {
    Session session;
    session.id = id;
    session.user_id = user_id;
    session.token_hash = Hash(id[0]);
    session.create_time = absl::FromUnixSeconds(1'790'000'000) + absl::Minutes(minute);
    session.last_use_time = session.create_time;
    session.expire_time = session.create_time + absl::Hours(12);
    session.client_address = "192.0.2.7";
    return session;
  }

  // An invited user, stored.
  User MustCreateUser(const std::string& id, const std::string& email,
                      const std::string& invitation_id) {
    EXPECT_THAT(repo().CreateInvitation(NewInvitation(invitation_id, email)), IsOk());
    absl::StatusOr<User> user = repo().CreateUserFromInvitation(NewUser(id, email), invitation_id);
    EXPECT_THAT(user.status(), IsOk());
    return user.value_or(User());
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, PeopleStorageTest, testing::kBackends, testing::BackendName);

TEST_P(PeopleStorageTest, AnInvitationIsAcceptedOnceIntoAUser) {
  const Invitation invitation = NewInvitation("inv0000000000001", "wang@acme.example");
  ASSERT_THAT(repo().CreateInvitation(invitation), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(std::optional<Invitation> found,
                          repo().FindInvitation("inv0000000000001"));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code_hash, invitation.code_hash);
  EXPECT_EQ(found->organization_id, "acme");
  EXPECT_EQ(found->role, Role::kEnterprise);
  EXPECT_EQ(found->expire_time, invitation.expire_time);
  EXPECT_EQ(found->user_id, "");
  TM_ASSERT_OK_AND_ASSIGN(found, repo().FindInvitation("inv9999999999999"));
  EXPECT_FALSE(found.has_value());

  TM_ASSERT_OK_AND_ASSIGN(User user, repo().CreateUserFromInvitation(
                                         NewUser("wang", "wang@acme.example"), invitation.id));
  EXPECT_EQ(user.meta.revision, 1);
  TM_ASSERT_OK_AND_ASSIGN(found, repo().FindInvitation(invitation.id));
  EXPECT_EQ(found->user_id, "wang");
  TM_ASSERT_OK_AND_ASSIGN(User got, repo().GetUser("wang"));
  EXPECT_EQ(got.email, "wang@acme.example");
  EXPECT_EQ(got.organization_id, "acme");
  EXPECT_EQ(got.password_hash, "$argon2id$v=19$stand-in");
  EXPECT_EQ(got.meta.create_time, user.meta.create_time);
  TM_ASSERT_OK_AND_ASSIGN(std::optional<User> by_email,
                          repo().FindUserByEmail("wang@acme.example"));
  ASSERT_TRUE(by_email.has_value());
  EXPECT_EQ(by_email->meta.id, "wang");

  // Accepted once: a second user from it is refused and not stored.
  EXPECT_THAT(repo().CreateUserFromInvitation(NewUser("li", "li@acme.example"), invitation.id),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("accepted already")));
  EXPECT_THAT(repo().GetUser("li"), StatusIs(absl::StatusCode::kNotFound, "users/li not found"));
  // Taken ids and emails, and organizations that do not exist.
  ASSERT_THAT(repo().CreateInvitation(NewInvitation("inv0000000000002", "li@acme.example")),
              IsOk());
  EXPECT_THAT(
      repo().CreateUserFromInvitation(NewUser("wang", "li@acme.example"), "inv0000000000002"),
      StatusIs(absl::StatusCode::kAlreadyExists, "users/wang already exists"));
  EXPECT_THAT(
      repo().CreateUserFromInvitation(NewUser("li", "wang@acme.example"), "inv0000000000002"),
      StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("email")));
  User elsewhere = NewUser("li", "li@acme.example");
  elsewhere.organization_id = "nobody";
  EXPECT_THAT(repo().CreateUserFromInvitation(elsewhere, "inv0000000000002"),
              StatusIs(absl::StatusCode::kNotFound, "organizations/nobody not found"));
  Invitation orphan = NewInvitation("inv0000000000003", "zhao@acme.example");
  orphan.organization_id = "nobody";
  EXPECT_THAT(repo().CreateInvitation(orphan),
              StatusIs(absl::StatusCode::kNotFound, "organizations/nobody not found"));
}

TEST_P(PeopleStorageTest, UsersListReplaceAndKeepEmailsUnique) {
  const User wang = MustCreateUser("wang", "wang@acme.example", "inv0000000000001");
  MustCreateUser("li", "li@acme.example", "inv0000000000002");
  ListQuery query;
  query.page_size = 1;
  TM_ASSERT_OK_AND_ASSIGN(Page<User> page, repo().ListUsers(query));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].meta.id, "li");
  query.after_id = page.next_after_id;
  TM_ASSERT_OK_AND_ASSIGN(page, repo().ListUsers(query));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].meta.id, "wang");
  ListQuery by_role;
  by_role.filter = {{"role", FilterOp::kEq, std::string("ADMIN")}};
  TM_ASSERT_OK_AND_ASSIGN(page, repo().ListUsers(by_role));
  EXPECT_THAT(page.items, IsEmpty());

  User renamed = wang;
  renamed.display_name = "王总";
  TM_ASSERT_OK_AND_ASSIGN(User stored, repo().ReplaceUser(renamed, 1));
  EXPECT_EQ(stored.meta.revision, 2);
  EXPECT_EQ(stored.meta.create_time, wang.meta.create_time);
  EXPECT_THAT(repo().ReplaceUser(renamed, 1),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed since it was read")));
  User taken = stored;
  taken.email = "li@acme.example";
  EXPECT_THAT(repo().ReplaceUser(taken, 2),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("email")));
  User ghost = stored;
  ghost.meta.id = "ghost";
  ghost.email = "ghost@acme.example";
  EXPECT_THAT(repo().ReplaceUser(ghost, 1),
              StatusIs(absl::StatusCode::kNotFound, "users/ghost not found"));
  TM_ASSERT_OK_AND_ASSIGN(User got, repo().GetUser("wang"));
  EXPECT_EQ(got.display_name, "王总");
  EXPECT_EQ(got.email, "wang@acme.example");
}

TEST_P(PeopleStorageTest, SessionsListNewestFirstAndDisablingAUserRevokesThem) {
  const User wang = MustCreateUser("wang", "wang@acme.example", "inv0000000000001");
  for (int i = 0; i < 3; ++i) {
    const std::string id = std::string(1, static_cast<char>('a' + i)) + "000000000000000";
    ASSERT_THAT(repo().CreateSession(NewSession(id, "wang", i)), IsOk());
  }
  EXPECT_THAT(repo().CreateSession(NewSession("z000000000000000", "ghost", 0)),
              StatusIs(absl::StatusCode::kNotFound, "users/ghost not found"));

  TM_ASSERT_OK_AND_ASSIGN(std::optional<Repository::SessionAndUser> found,
                          repo().FindSession("b000000000000000"));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->session.token_hash, Hash('b'));
  EXPECT_EQ(found->session.client_address, "192.0.2.7");
  EXPECT_EQ(found->user.meta.id, "wang");
  TM_ASSERT_OK_AND_ASSIGN(found, repo().FindSession("y000000000000000"));
  EXPECT_FALSE(found.has_value());

  const absl::Time used = absl::FromUnixSeconds(1'790'003'600);
  ASSERT_THAT(repo().TouchSession("b000000000000000", used), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(found, repo().FindSession("b000000000000000"));
  EXPECT_EQ(found->session.last_use_time, used);

  ListQuery query;
  query.page_size = 2;
  TM_ASSERT_OK_AND_ASSIGN(Page<Session> page, repo().ListSessions("wang", query));
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, "c000000000000000");  // Newest first.
  EXPECT_EQ(page.items[1].id, "b000000000000000");
  query.after_id = page.next_after_id;
  TM_ASSERT_OK_AND_ASSIGN(page, repo().ListSessions("wang", query));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, "a000000000000000");
  EXPECT_TRUE(page.next_after_id.empty());
  EXPECT_THAT(repo().ListSessions("ghost", {}),
              StatusIs(absl::StatusCode::kNotFound, "users/ghost not found"));

  TM_ASSERT_OK_AND_ASSIGN(Session revoked, repo().RevokeSession("wang", "c000000000000000"));
  ASSERT_TRUE(revoked.revoke_time.has_value());
  EXPECT_THAT(
      repo().RevokeSession("wang", "y000000000000000"),
      StatusIs(absl::StatusCode::kNotFound, "users/wang/sessions/y000000000000000 not found"));
  TM_ASSERT_OK_AND_ASSIGN(page, repo().ListSessions("wang", {}));
  EXPECT_EQ(page.items.size(), 2u);

  User disabled = wang;
  disabled.state = UserState::kDisabled;
  ASSERT_THAT(repo().ReplaceUser(disabled, wang.meta.revision).status(), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(page, repo().ListSessions("wang", {}));
  EXPECT_THAT(page.items, IsEmpty());
  TM_ASSERT_OK_AND_ASSIGN(found, repo().FindSession("a000000000000000"));
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->session.revoke_time.has_value());
  EXPECT_EQ(found->user.state, UserState::kDisabled);
}

TEST_P(PeopleStorageTest, ApplicationsAreReviewedIntoAnOrganizationAndAnInvitation) {
  Application application;
  application.meta.id = "app-1";
  application.organization.display_name = "泸州老窖";
  application.organization.kind = OrganizationKind::kEnterprise;
  application.organization.region_code = "510502";
  application.organization.industry_codes = {"liquor"};
  application.contact_email = "zhang@laojiao.example";
  application.contact_name = "张";
  const RequestKey key{"CreateApplication", "req-1"};
  TM_ASSERT_OK_AND_ASSIGN(Application created, repo().CreateApplication(application, key));
  EXPECT_EQ(created.meta.revision, 1);
  Application other = application;
  other.meta.id = "app-2";
  TM_ASSERT_OK_AND_ASSIGN(Application again, repo().CreateApplication(other, key));
  EXPECT_EQ(again.meta.id, "app-1");
  EXPECT_THAT(repo().GetApplication("app-2"),
              StatusIs(absl::StatusCode::kNotFound, "applications/app-2 not found"));
  TM_ASSERT_OK_AND_ASSIGN(Application got, repo().GetApplication("app-1"));
  EXPECT_EQ(got.organization.industry_codes, std::vector<std::string>{"liquor"});
  EXPECT_EQ(got.state, ApplicationState::kPending);

  ListQuery pending;
  pending.filter = {{"state", FilterOp::kEq, std::string("PENDING")}};
  TM_ASSERT_OK_AND_ASSIGN(Page<Application> page, repo().ListApplications(pending));
  ASSERT_EQ(page.items.size(), 1u);

  Organization organization = Enterprise("laojiao");
  Invitation invitation = NewInvitation("inv0000000000009", "zhang@laojiao.example");
  invitation.organization_id = "laojiao";
  Application approved = got;
  approved.state = ApplicationState::kApproved;
  approved.approved_organization_id = "laojiao";
  EXPECT_THAT(repo().ReviewApplication(approved, 7, organization, invitation),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed since it was read")));
  // Nothing of a refused review is kept.
  EXPECT_THAT(repo().GetOrganization("laojiao"), StatusIs(absl::StatusCode::kNotFound));
  TM_ASSERT_OK_AND_ASSIGN(Application reviewed,
                          repo().ReviewApplication(approved, 1, organization, invitation));
  EXPECT_EQ(reviewed.meta.revision, 2);
  EXPECT_EQ(reviewed.meta.create_time, created.meta.create_time);
  TM_ASSERT_OK_AND_ASSIGN(got, repo().GetApplication("app-1"));
  EXPECT_EQ(got.state, ApplicationState::kApproved);
  EXPECT_EQ(got.approved_organization_id, "laojiao");
  EXPECT_THAT(repo().GetOrganization("laojiao"), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(std::optional<Invitation> stored,
                          repo().FindInvitation("inv0000000000009"));
  EXPECT_TRUE(stored.has_value());
  TM_ASSERT_OK_AND_ASSIGN(page, repo().ListApplications(pending));
  EXPECT_THAT(page.items, IsEmpty());

  // An organization that exists already, an application that does not.
  EXPECT_THAT(repo().ReviewApplication(approved, 2, organization, std::nullopt),
              StatusIs(absl::StatusCode::kAlreadyExists, "organizations/laojiao already exists"));
  approved.meta.id = "app-9";
  EXPECT_THAT(repo().ReviewApplication(approved, 1, std::nullopt, std::nullopt),
              StatusIs(absl::StatusCode::kNotFound, "applications/app-9 not found"));
}

}  // namespace
}  // namespace techmatch::storage
