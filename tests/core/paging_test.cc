#include "core/common/paging.h"

#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::Fields;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;

TEST(PagingTest, ZeroMeansTheDefault) { EXPECT_EQ(*NormalizePageSize(0), 50); }

TEST(PagingTest, KeepsSizesWithinRange) {
  EXPECT_EQ(*NormalizePageSize(1), 1);
  EXPECT_EQ(*NormalizePageSize(50), 50);
  EXPECT_EQ(*NormalizePageSize(999), 999);
  EXPECT_EQ(*NormalizePageSize(1000), 1000);
}

TEST(PagingTest, LowersLargeSizesToTheMaximum) {
  EXPECT_EQ(*NormalizePageSize(1001), kMaxPageSize);
  EXPECT_EQ(*NormalizePageSize(std::numeric_limits<int>::max()), kMaxPageSize);
}

TEST(PagingTest, RejectsNegativeSizes) {
  for (int size : {-1, -50, std::numeric_limits<int>::min()}) {
    absl::StatusOr<int> normalized = NormalizePageSize(size);
    EXPECT_THAT(normalized, StatusIs(absl::StatusCode::kInvalidArgument)) << size;
    EXPECT_THAT(Fields(normalized.status()), ElementsAre("page_size"));
  }
}

}  // namespace
}  // namespace techmatch
