#include "core/common/resource_id.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "core/common/resource_meta.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::Fields;
using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ResourceIdTest, AcceptsValidIds) {
  for (const char* id : {"a", "0", "lzlj-2026-001", "sichuan-university", "a-", "9z"}) {
    EXPECT_TRUE(IsValidId(id)) << id;
  }
  EXPECT_TRUE(IsValidId(std::string(63, 'a')));
}

TEST(ResourceIdTest, RejectsInvalidIds) {
  for (const char* id : {"", "-a", "A", "Liquor", "a_b", "a.b", "a/b", "a b", "需求", "a\n"}) {
    EXPECT_FALSE(IsValidId(id)) << id;
  }
  EXPECT_FALSE(IsValidId(std::string(64, 'a')));
}

TEST(ResourceIdTest, GeneratesValidDistinctIds) {
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = GenerateId();
    EXPECT_EQ(id.size(), 16u);
    EXPECT_TRUE(IsValidId(id)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(ResourceIdTest, FormsNames) {
  EXPECT_EQ(ResourceName(kNeeds, "lzlj-2026-001"), "needs/lzlj-2026-001");
  EXPECT_EQ(ResourceName(kIndustries, "liquor"), "industries/liquor");
  EXPECT_EQ(ResourceName(kOrganizations, "x"), "organizations/x");
}

TEST(ResourceIdTest, ParsesNames) {
  EXPECT_EQ(*ParseResourceName("needs/lzlj-2026-001", kNeeds, "name"), "lzlj-2026-001");
  EXPECT_EQ(*ParseResourceName("industries/liquor", kIndustries, "need.industries[0]"), "liquor");
}

TEST(ResourceIdTest, RejectsBadNamesNamingTheField) {
  for (const char* name : {"", "needs/", "needs", "lzlj", "offerings/abc", "needs/ABC", "needs/a/b",
                           "needs/-a", "/needs/a", "needs//a"}) {
    absl::StatusOr<std::string> id = ParseResourceName(name, kNeeds, "name");
    EXPECT_THAT(id, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("needs/{id}"))) << name;
    EXPECT_THAT(Fields(id.status()), ElementsAre("name")) << name;
  }
  EXPECT_THAT(Fields(ParseResourceName("x", kIndustries, "need.industries[2]").status()),
              ElementsAre("need.industries[2]"));
}

TEST(ResourceIdTest, ParsesNamesOrBareIds) {
  EXPECT_EQ(*ParseResourceNameOrId("abc", kOrganizations, "filter"), "abc");
  EXPECT_EQ(*ParseResourceNameOrId("organizations/abc", kOrganizations, "filter"), "abc");
  EXPECT_THAT(ParseResourceNameOrId("needs/abc", kOrganizations, "filter"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseResourceNameOrId("ABC", kOrganizations, "filter"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ResourceMetaTest, EtagIsQuotedRevision) {
  ResourceMeta meta;
  meta.revision = 3;
  EXPECT_EQ(Etag(meta), "\"3\"");
  meta.revision = 4;
  EXPECT_EQ(Etag(meta), "\"4\"");
}

TEST(ResourceMetaTest, CheckEtag) {
  ResourceMeta meta;
  meta.revision = 7;
  EXPECT_THAT(CheckEtag(meta, ""), IsOk());
  EXPECT_THAT(CheckEtag(meta, "\"7\""), IsOk());
  EXPECT_THAT(CheckEtag(meta, "\"6\""), StatusIs(absl::StatusCode::kAborted, HasSubstr("stale")));
  EXPECT_THAT(CheckEtag(meta, "7"), StatusIs(absl::StatusCode::kAborted));
}

}  // namespace
}  // namespace techmatch
