// Tokens, roles, the access rules and the audit hash of core/auth.
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "core/auth/api_key.h"
#include "core/auth/audit_event.h"
#include "core/auth/permissions.h"
#include "core/auth/role.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::HasSubstr;

TEST(TokenTest, GeneratedTokensParseToTheirKeyIdAndDiffer) {
  TM_ASSERT_OK_AND_ASSIGN(NewToken a, GenerateToken());
  TM_ASSERT_OK_AND_ASSIGN(NewToken b, GenerateToken());
  EXPECT_EQ(a.token.size(), 3 + 16 + 1 + 64);  // tm_ + id + _ + 256 bits in hex
  EXPECT_EQ(ParseToken(a.token), a.key_id);
  EXPECT_NE(a.token, b.token);
  EXPECT_NE(a.key_id, b.key_id);
}

TEST(TokenTest, MalformedTokensDoNotParse) {
  TM_ASSERT_OK_AND_ASSIGN(NewToken good, GenerateToken());
  const std::string id = good.key_id;
  const std::string secret = good.token.substr(3 + 16 + 1);
  for (const std::string& bad :
       {std::string(""), std::string("tm_"), "xx_" + id + "_" + secret, "tm_" + id + secret,
        "tm_" + id + "_" + secret.substr(1), "tm_" + id + "_" + secret + "0",
        "tm_" + id.substr(1) + "_" + secret + "0", "TM_" + id + "_" + secret,
        "tm_" + id + "_" + std::string(63, 'a') + "G", "tm_" + id + "_" + secret + " "}) {
    EXPECT_EQ(ParseToken(bad), std::nullopt) << bad;
  }
}

TEST(TokenTest, UncheckedKeyIdIsTheIdPartWithoutValidation) {
  TM_ASSERT_OK_AND_ASSIGN(NewToken good, GenerateToken());
  EXPECT_EQ(UncheckedKeyId(good.token), good.key_id);
  EXPECT_EQ(UncheckedKeyId("tm_XYZ_anything"), "XYZ");
  EXPECT_EQ(UncheckedKeyId("tm_noseparator"), "noseparator");
  EXPECT_EQ(UncheckedKeyId("xx_abc_def"), "");
  EXPECT_EQ(UncheckedKeyId(""), "");
}

TEST(TokenTest, BearerHeader) {
  EXPECT_EQ(BearerToken("Bearer abc"), absl::string_view("abc"));
  EXPECT_EQ(BearerToken("bearer  abc "), absl::string_view("abc"));
  EXPECT_EQ(BearerToken("Basic abc"), std::nullopt);
  EXPECT_EQ(BearerToken("Bearer"), std::nullopt);
  EXPECT_EQ(BearerToken("abc"), std::nullopt);
}

TEST(TokenTest, Sha256AndSecureEquals) {
  // FIPS 180-2 test vector.
  EXPECT_EQ(Sha256("abc"),
            std::string("\xba\x78\x16\xbf\x8f\x01\xcf\xea\x41\x41\x40\xde\x5d\xae\x22\x23"
                        "\xb0\x03\x61\xa3\x96\x17\x7a\x9c\xb4\x10\xff\x61\xf2\x00\x15\xad",
                        32));
  EXPECT_TRUE(SecureEquals("abc", "abc"));
  EXPECT_FALSE(SecureEquals("abc", "abd"));
  EXPECT_FALSE(SecureEquals("abc", "ab"));
}

TEST(RoleTest, NamesRoundTrip) {
  for (Role role :
       {Role::kAdmin, Role::kOrganizer, Role::kInstitute, Role::kEnterprise, Role::kOfficial}) {
    EXPECT_EQ(RoleFromName(RoleName(role)), role);
  }
  EXPECT_EQ(RoleFromName("admin"), std::nullopt);
  EXPECT_EQ(RoleFromName(""), std::nullopt);
  EXPECT_TRUE(RoleNeedsOrganization(Role::kInstitute));
  EXPECT_TRUE(RoleNeedsOrganization(Role::kEnterprise));
  EXPECT_FALSE(RoleNeedsOrganization(Role::kOrganizer));
}

Principal As(Role role, std::string organization = "") {
  Principal principal;
  principal.key_id = "0123456789abcdef";
  principal.role = role;
  principal.organization_id = std::move(organization);
  return principal;
}

TEST(PermissionsTest, MethodWithoutRuleIsDeniedToEveryone) {
  const char* kMethod = "/techmatch.v1.NeedService/DeleteEverything";
  EXPECT_EQ(FindMethodRule(kMethod), nullptr);
  EXPECT_THAT(Authorize(As(Role::kAdmin), kMethod, FindMethodRule(kMethod)),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("no access rule")));
}

TEST(PermissionsTest, RolesAgainstRules) {
  auto allowed = [](Role role, const char* method) {
    return Authorize(As(role, "org"), method, FindMethodRule(method)).ok();
  };
  const char* kCreateNeed = "/techmatch.v1.NeedService/CreateNeed";
  const char* kCreateOffering = "/techmatch.v1.OfferingService/CreateOffering";
  const char* kGetNeed = "/techmatch.v1.NeedService/GetNeed";
  const char* kCreateEvent = "/techmatch.v1.EventService/CreateEvent";
  const char* kSummarize = "/techmatch.v1.ReportService/SummarizeAgreements";
  const char* kAudit = "/techmatch.v1.AuditService/ListAuditEvents";

  EXPECT_TRUE(allowed(Role::kAdmin, kCreateNeed));
  EXPECT_TRUE(allowed(Role::kOrganizer, kCreateNeed));
  EXPECT_TRUE(allowed(Role::kEnterprise, kCreateNeed));
  EXPECT_FALSE(allowed(Role::kInstitute, kCreateNeed));
  EXPECT_FALSE(allowed(Role::kOfficial, kCreateNeed));

  EXPECT_TRUE(allowed(Role::kInstitute, kCreateOffering));
  EXPECT_FALSE(allowed(Role::kEnterprise, kCreateOffering));

  for (Role role :
       {Role::kAdmin, Role::kOrganizer, Role::kInstitute, Role::kEnterprise, Role::kOfficial}) {
    EXPECT_TRUE(allowed(role, kGetNeed));
  }
  EXPECT_FALSE(allowed(Role::kInstitute, kCreateEvent));
  EXPECT_TRUE(allowed(Role::kOfficial, kSummarize));
  EXPECT_FALSE(allowed(Role::kEnterprise, kSummarize));
  EXPECT_TRUE(allowed(Role::kOfficial, kAudit));
  EXPECT_TRUE(allowed(Role::kAdmin, kAudit));
  EXPECT_FALSE(allowed(Role::kOrganizer, kAudit));
}

// Officials write no records; like everyone they may sign in and out and rename themselves
// (the doors, SessionService, UserService.UpdateUser of their own user, which the use case
// enforces).
bool ConcernsOnlyTheCallersAccount(const NamedRule& named) {
  return named.rule.open || absl::StartsWith(named.method, "/techmatch.v1.SessionService/") ||
         named.method == "/techmatch.v1.UserService/UpdateUser";
}

TEST(PermissionsTest, OfficialsWriteNothing) {
  for (const NamedRule& named : MethodRules()) {
    if (named.rule.mutating && !ConcernsOnlyTheCallersAccount(named)) {
      EXPECT_FALSE(named.rule.Allows(Role::kOfficial)) << named.method;
    }
    EXPECT_TRUE(named.rule.Allows(Role::kAdmin)) << named.method;
  }
}

TEST(PermissionsTest, RulesAreUniqueAndFullyNamed) {
  std::set<std::string> seen;
  for (const NamedRule& named : MethodRules()) {
    EXPECT_TRUE(seen.insert(named.method).second) << "twice: " << named.method;
    EXPECT_THAT(named.method, ::testing::StartsWith("/techmatch.v1."));
    EXPECT_NE(named.rule.roles, 0u) << named.method;
  }
}

TEST(PermissionsTest, OwnershipBindsInstitutesAndEnterprisesOnly) {
  EXPECT_THAT(CheckOwnership(As(Role::kInstitute, "scu"), "scu", "offerings/o1"), IsOk());
  EXPECT_THAT(CheckOwnership(As(Role::kInstitute, "scu"), "cib", "offerings/o1"),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("offerings/o1")));
  EXPECT_THAT(CheckOwnership(As(Role::kEnterprise, "acme"), "other", "needs/n1"),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(CheckOwnership(As(Role::kOrganizer), "anyone", "needs/n1"), IsOk());
  EXPECT_THAT(CheckOwnership(As(Role::kAdmin), "anyone", "needs/n1"), IsOk());
}

AuditEvent SampleEvent() {
  AuditEvent event;
  event.seq = 7;
  event.event_time = absl::FromUnixNanos(1795000000123456789);
  event.principal = "0123456789abcdef";
  event.role = "ORGANIZER";
  event.method = "/techmatch.v1.NeedService/CreateNeed";
  event.resource = "needs/n1";
  event.request_id = "r-1";
  event.outcome = "OK";
  return event;
}

TEST(AuditHashTest, CoversThePreviousHashAndEveryField) {
  const std::string previous(32, '\x01');
  const AuditEvent base = SampleEvent();
  const std::string hash = AuditChainHash(previous, base);
  EXPECT_EQ(hash.size(), 32u);
  EXPECT_EQ(AuditChainHash(previous, base), hash);
  EXPECT_NE(AuditChainHash(std::string(32, '\x02'), base), hash);
  EXPECT_NE(AuditChainHash("", base), hash);
  auto changed = [&](auto mutate) {
    AuditEvent event = base;
    mutate(event);
    return AuditChainHash(previous, event) != hash;
  };
  EXPECT_TRUE(changed([](AuditEvent& e) { e.seq = 8; }));
  EXPECT_TRUE(changed([](AuditEvent& e) { e.event_time += absl::Nanoseconds(1); }));
  EXPECT_TRUE(changed([](AuditEvent& e) { e.principal = "x"; }));
  EXPECT_TRUE(changed([](AuditEvent& e) { e.role = "ADMIN"; }));
  EXPECT_TRUE(changed([](AuditEvent& e) { e.method += "x"; }));
  EXPECT_TRUE(changed([](AuditEvent& e) { e.resource = "needs/n2"; }));
  EXPECT_TRUE(changed([](AuditEvent& e) { e.request_id = ""; }));
  EXPECT_TRUE(changed([](AuditEvent& e) { e.outcome = "PERMISSION_DENIED"; }));
  // Moving bytes between adjacent fields changes the hash too (fields are length-prefixed).
  EXPECT_TRUE(changed([](AuditEvent& e) {
    e.resource = "needs/n1r-1";
    e.request_id = "";
  }));
  // The stored hash itself is not an input.
  EXPECT_FALSE(changed([](AuditEvent& e) { e.hash = "anything"; }));
}

}  // namespace
}  // namespace techmatch
