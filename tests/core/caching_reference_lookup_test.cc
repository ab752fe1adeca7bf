#include "core/reference/caching_reference_lookup.h"

#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/fake_reference_lookup.h"

namespace techmatch {
namespace {

using ::techmatch::testing::FakeReferenceLookup;
using ::techmatch::testing::StatusIs;

TEST(CachingReferenceLookupTest, AsksTheSourceOncePerKey) {
  FakeReferenceLookup source;
  source.AddEvent("fair");
  source.AddOrganization("lzlj", OrganizationKind::kEnterprise);
  CachingReferenceLookup cache(source);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(*cache.IndustryExists("liquor"), true);
    EXPECT_EQ(*cache.IndustryExists("space"), false);
    EXPECT_EQ(*cache.EventExists("fair"), true);
    EXPECT_EQ(*cache.FindOrganizationKind("lzlj"), OrganizationKind::kEnterprise);
    EXPECT_EQ(*cache.FindOrganizationKind("nobody"), std::nullopt);
  }
  EXPECT_EQ(source.calls(), 5);
}

TEST(CachingReferenceLookupTest, KeepsKindsApartFromEachOther) {
  FakeReferenceLookup source;
  source.AddEvent("liquor");  // An event id that is also an industry code.
  CachingReferenceLookup cache(source);
  EXPECT_EQ(*cache.EventExists("liquor"), true);
  EXPECT_EQ(*cache.EventExists("energy"), false);
  EXPECT_EQ(*cache.IndustryExists("energy"), true);
}

TEST(CachingReferenceLookupTest, DoesNotCacheFailures) {
  FakeReferenceLookup source;
  source.FailWith(absl::UnavailableError("database is locked"));
  CachingReferenceLookup cache(source);
  EXPECT_THAT(cache.IndustryExists("liquor"), StatusIs(absl::StatusCode::kUnavailable));
  source.FailWith(absl::OkStatus());
  EXPECT_EQ(*cache.IndustryExists("liquor"), true);
  EXPECT_EQ(source.calls(), 2);
}

}  // namespace
}  // namespace techmatch
