// The password policy and its stored form, session liveness, the attempt throttle, and the
// checks of emails, names and regions.
#include <string>

#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "core/auth/api_key.h"
#include "core/auth/common_passwords.h"
#include "core/auth/password.h"
#include "core/auth/session.h"
#include "core/auth/sign_in_throttle.h"
#include "core/auth/user.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch {
namespace {

std::vector<FieldViolation> Policy(const std::string& password,
                                   const std::string& email = "li.ming@example.com",
                                   const std::string& name = "Li Ming") {
  Violations violations;
  CheckPasswordPolicy(password, email, name, "password", violations);
  return violations.list();
}

TEST(PasswordPolicyTest, LengthIsTenToOneHundredTwentyEightCharacters) {
  EXPECT_THAT(Policy("Short-pw1"), ::testing::SizeIs(1));
  EXPECT_THAT(Policy("Lantern-riv"), ::testing::IsEmpty());
  EXPECT_THAT(Policy(std::string(128, 'q') + ""), ::testing::IsEmpty());
  EXPECT_THAT(Policy(std::string(129, 'q')), ::testing::SizeIs(1));
  // Characters, not bytes: ten Chinese characters are long enough.
  EXPECT_THAT(Policy("窖池溫度監測調控系統"), ::testing::IsEmpty());
}

TEST(PasswordPolicyTest, CommonPasswordsEmailAndNameAreRefused) {
  EXPECT_THAT(Policy("password123"), ::testing::SizeIs(1));
  EXPECT_THAT(Policy("QWERTYUIOP"), ::testing::SizeIs(1));  // any case
  EXPECT_THAT(Policy("1234567890"), ::testing::SizeIs(1));
  EXPECT_THAT(Policy("li.ming@example.com"), ::testing::SizeIs(1));
  EXPECT_THAT(Policy("LI.MING@example.com"), ::testing::SizeIs(1));
  EXPECT_THAT(Policy("chen-jiahui", "chen-jiahui@example.com"), ::testing::SizeIs(1));
  EXPECT_THAT(Policy("zhang wei 1", "z@example.com", "Zhang Wei 1"), ::testing::SizeIs(1));
}

TEST(PasswordPolicyTest, TheShippedListHasAboutAThousandEntries) {
  int entries = 0;
  for (absl::string_view line : absl::StrSplit(CommonPasswordList(), '\n')) {
    if (!line.empty() && line[0] != '#') ++entries;
  }
  EXPECT_GE(entries, 1000);
  EXPECT_TRUE(IsCommonPassword("iloveyou"));
  EXPECT_FALSE(IsCommonPassword("Lantern-river-2026"));
}

TEST(PasswordHashTest, Argon2idVerifiesTheRightPasswordOnly) {
  absl::StatusOr<std::string> hash = HashPassword("Lantern-river-2026");
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_THAT(*hash, ::testing::StartsWith("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(*hash, "Lantern-river-2026"));
  EXPECT_FALSE(VerifyPassword(*hash, "Lantern-river-2027"));
  EXPECT_FALSE(VerifyPassword("", "Lantern-river-2026"));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "Lantern-river-2026"));
  // Salted: the same password hashes differently.
  EXPECT_NE(*hash, *HashPassword("Lantern-river-2026"));
  EXPECT_FALSE(VerifyPassword(DecoyPasswordHash(), "Lantern-river-2026"));
}

TEST(SessionTest, EndsWhenRevokedIdleOrPastItsBound) {
  const absl::Time start = absl::FromUnixSeconds(1800000000);
  Session session;
  session.create_time = start;
  session.last_use_time = start;
  session.expire_time = start + absl::Hours(12);
  const SessionPolicy policy;
  EXPECT_TRUE(CheckSessionLive(session, policy, start + absl::Minutes(119)).ok());
  EXPECT_EQ(CheckSessionLive(session, policy, start + absl::Hours(2)).code(),
            absl::StatusCode::kUnauthenticated);
  session.last_use_time = start + absl::Hours(11);
  EXPECT_TRUE(CheckSessionLive(session, policy, start + absl::Hours(11) + absl::Minutes(30)).ok());
  EXPECT_EQ(CheckSessionLive(session, policy, start + absl::Hours(12)).code(),
            absl::StatusCode::kUnauthenticated);
  session.revoke_time = start;
  EXPECT_EQ(CheckSessionLive(session, policy, start).code(), absl::StatusCode::kUnauthenticated);
}

TEST(AttemptThrottleTest, LocksAfterTheLimitWithinTheWindowAndUnlocksAfterTheLockout) {
  AttemptThrottle throttle({3, absl::Minutes(10), absl::Minutes(5)});
  const absl::Time t = absl::FromUnixSeconds(1800000000);
  throttle.Record("a", t);
  throttle.Record("a", t + absl::Minutes(11));  // the first fell out of the window
  throttle.Record("a", t + absl::Minutes(12));
  EXPECT_FALSE(throttle.LockedUntil("a", t + absl::Minutes(12)));
  throttle.Record("a", t + absl::Minutes(13));
  EXPECT_EQ(throttle.LockedUntil("a", t + absl::Minutes(13)), t + absl::Minutes(18));
  EXPECT_FALSE(throttle.LockedUntil("b", t + absl::Minutes(13)));
  EXPECT_FALSE(throttle.LockedUntil("a", t + absl::Minutes(18)));
  throttle.Record("b", t);
  throttle.Record("b", t);
  throttle.Reset("b");
  throttle.Record("b", t);
  EXPECT_FALSE(throttle.LockedUntil("b", t));
}

TEST(AttemptThrottleTest, StaysBoundedUnderManyKeys) {
  AttemptThrottle throttle({3, absl::Minutes(10), absl::Minutes(5)}, /*max_keys=*/100);
  const absl::Time t = absl::FromUnixSeconds(1800000000);
  for (int i = 0; i < 1000; ++i) throttle.Record(std::to_string(i), t + absl::Hours(i));
  throttle.Record("x", t + absl::Hours(2000));
  throttle.Record("x", t + absl::Hours(2000));
  throttle.Record("x", t + absl::Hours(2000));
  EXPECT_TRUE(throttle.LockedUntil("x", t + absl::Hours(2000)));
}

TEST(PeopleChecksTest, EmailsNamesRegionsAndTokens) {
  EXPECT_EQ(NormalizeEmail("  Li.Ming@LZLJ.Example "), "li.ming@lzlj.example");
  for (const char* bad : {"", "no-at", "@x", "x@", "a@b@c", "a b@c"}) {
    Violations violations;
    CheckEmail(bad, "email", violations);
    EXPECT_FALSE(violations.empty()) << bad;
  }
  Violations violations;
  CheckEmail("li@example.com", "email", violations);
  CheckPersonName("李明", "name", violations);
  CheckRegionCode("510500", "region", violations);
  CheckRegionCode("", "region", violations);
  EXPECT_TRUE(violations.empty());
  CheckRegionCode("5105", "region", violations);
  CheckPersonName("", "name", violations);
  CheckRoleOrganization(Role::kEnterprise, "", "organization", violations);
  CheckRoleOrganization(Role::kOfficial, "acme", "organization", violations);
  EXPECT_EQ(violations.list().size(), 4u);

  absl::StatusOr<NewToken> session = GenerateToken(kSessionTokenPrefix);
  ASSERT_TRUE(session.ok());
  EXPECT_TRUE(ParseToken(session->token, kSessionTokenPrefix));
  EXPECT_FALSE(ParseToken(session->token));  // never taken for an API key
  EXPECT_FALSE(ParseToken(session->token, kInvitationCodePrefix));
}

}  // namespace
}  // namespace techmatch
