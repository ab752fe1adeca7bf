// The smaller input rules, each through a real RPC: list fields of every resource unique and
// bounded (organizations' industries as needs' are), blank and bidi-control text refused, no
// organization its own ancestor, an empty update changes nothing, a request_id reused for a
// different request refused, no violation reported twice.
#include <algorithm>
#include <string>
#include <vector>

#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class InputRulesTest : public ServerTest {
 protected:
  grpc::Status Create(const v1::CreateOrganizationRequest& request, v1::Organization* out) {
    return organizations_->CreateOrganization(Ctx().get(), request, out);
  }
  static v1::CreateOrganizationRequest Org(const std::string& id, const std::string& name) {
    v1::CreateOrganizationRequest request;
    request.set_organization_id(id);
    request.mutable_organization()->set_display_name(name);
    request.mutable_organization()->set_kind(v1::Organization::ENTERPRISE);
    return request;
  }
};

TEST_F(InputRulesTest, OrganizationIndustriesAreUniqueAndBoundedLikeEveryListField) {
  v1::CreateOrganizationRequest request = Org("dup", "Duplicates");
  for (int i = 0; i < 3; ++i) request.mutable_organization()->add_industries("industries/liquor");
  v1::Organization created;
  grpc::Status status = Create(request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              ElementsAre("organization.industries[1]", "organization.industries[2]"));
  request.mutable_organization()->clear_industries();
  for (int i = 0; i < 21; ++i) {
    request.mutable_organization()->add_industries("industries/i" + std::to_string(i));
  }
  status = Create(request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("organization.industries"));
  EXPECT_THAT(status.error_message(), HasSubstr("at most 20 entries, has 21"));
  // So no such record can break the default listing.
  v1::ListOrganizationsResponse list;
  EXPECT_TRUE(
      organizations_->ListOrganizations(Ctx().get(), v1::ListOrganizationsRequest(), &list).ok());
}

TEST_F(InputRulesTest, BlankAndBidiControlTextIsRefused) {
  v1::Organization created;
  for (const std::string& blank : {std::string("   "), std::string("\u200B\u200B"),
                                   std::string("\uFEFF"), std::string(" \u3000\u2060 ")}) {
    const grpc::Status status = Create(Org("blank", blank), &created);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(ViolatedFields(status), ElementsAre("organization.display_name"));
    EXPECT_THAT(status.error_message(), HasSubstr("blank"));
  }
  for (const std::string& bidi :
       {std::string("Acme \u202Egnp.exe"), std::string("a\u2066b\u2069")}) {
    const grpc::Status status = Create(Org("bidi", bidi), &created);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr("bidirectional"));
  }
  v1::CreateNeedRequest need;
  *need.mutable_need() = SampleNeed("\u200B");
  CreateOrganization("acme", v1::Organization::ENTERPRISE);
  v1::Need stored;
  const grpc::Status status = needs_->CreateNeed(Ctx().get(), need, &stored);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), Contains("need.title"));
  EXPECT_TRUE(Create(Org("fine", "  Acme 瀘州 "), &created).ok());
}

TEST_F(InputRulesTest, AnOrganizationCannotBecomeItsOwnAncestor) {
  CreateOrganization("top", v1::Organization::UNIVERSITY);
  CreateOrganization("mid", v1::Organization::UNIVERSITY, "organizations/top");
  CreateOrganization("low", v1::Organization::UNIVERSITY, "organizations/mid");
  v1::UpdateOrganizationRequest update;
  update.mutable_organization()->set_name("organizations/top");
  update.mutable_organization()->set_parent("organizations/low");
  update.mutable_update_mask()->add_paths("parent");
  v1::Organization updated;
  const grpc::Status status = organizations_->UpdateOrganization(Ctx().get(), update, &updated);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("organization.parent"));
  EXPECT_THAT(status.error_message(), HasSubstr("its own ancestor"));
}

TEST_F(InputRulesTest, AnUpdateWithNothingToChangeKeepsTheEtag) {
  const v1::Organization created = CreateOrganization("same", v1::Organization::ENTERPRISE);
  v1::UpdateOrganizationRequest update;
  update.mutable_organization()->set_name("organizations/same");
  v1::Organization updated;
  const grpc::Status status = organizations_->UpdateOrganization(Ctx().get(), update, &updated);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(updated.etag(), created.etag());
  v1::GetOrganizationRequest get;
  get.set_name("organizations/same");
  v1::Organization read;
  ASSERT_TRUE(organizations_->GetOrganization(Ctx().get(), get, &read).ok());
  EXPECT_EQ(read.etag(), created.etag());
}

TEST_F(InputRulesTest, ARequestIdReusedForADifferentRequestIsRefused) {
  v1::CreateOrganizationRequest first = Org("", "First");
  first.set_request_id("req-42");
  v1::Organization a, again, b;
  ASSERT_TRUE(Create(first, &a).ok());
  ASSERT_TRUE(Create(first, &again).ok());  // a retry: the same answer
  EXPECT_EQ(again.name(), a.name());
  v1::CreateOrganizationRequest other = Org("", "Second");
  other.set_request_id("req-42");
  const grpc::Status status = Create(other, &b);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(status.error_message(), HasSubstr("request_id 'req-42'"));
  EXPECT_THAT(status.error_message(), HasSubstr("different"));
}

TEST_F(InputRulesTest, NoViolationIsReportedTwice) {
  v1::CreateOrganizationRequest request = Org("Bad Id", "");
  request.set_request_id(std::string(300, '\x01'));
  v1::Organization created;
  const grpc::Status status = Create(request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  std::vector<std::string> fields = ViolatedFields(status);
  std::vector<std::string> unique = fields;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  EXPECT_EQ(fields.size(), unique.size());
}

}  // namespace
}  // namespace techmatch::testing
