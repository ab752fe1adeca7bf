#include "core/common/field_violations.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::Fields;
using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::techmatch::testing::Violation;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(ViolationsTest, EmptyIsOk) {
  Violations violations;
  EXPECT_TRUE(violations.empty());
  EXPECT_THAT(violations.ToStatus(), IsOk());
}

TEST(ViolationsTest, CarriesEveryViolationInOrder) {
  Violations violations;
  violations.Add("title", "is required");
  violations.Add("industries[0]", "unknown industry 'industries/x'");
  const absl::Status status = violations.ToStatus();
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument,
                               HasSubstr("title: is required; industries[0]: unknown")));
  EXPECT_THAT(FieldViolationsOf(status),
              ElementsAre(FieldViolation{"title", "is required"},
                          FieldViolation{"industries[0]", "unknown industry 'industries/x'"}));
}

TEST(ViolationsTest, AddAllPrefixesFields) {
  Violations violations;
  violations.Add("update_mask", "bad");
  violations.AddAll({{"title", "is required"}, {"budget.nanos", "too fine"}}, "need");
  violations.AddAll({{"trl", "out of range"}});
  EXPECT_THAT(Fields(violations),
              ElementsAre("update_mask", "need.title", "need.budget.nanos", "trl"));
}

TEST(ViolationsTest, NoViolationIsReportedTwice) {
  Violations v;
  v.Add("title", "is required");
  v.Add("title", "is required");
  v.Add("title", "must not be blank");
  EXPECT_THAT(
      FieldViolationsOf(v.ToStatus()),
      ElementsAre(Violation("title", "is required"), Violation("title", "must not be blank")));
}

TEST(ViolationsTest, AtMostAHundredAreReportedAndTheRestCounted) {
  Violations v;
  for (int i = 0; i < 10000; ++i) v.Add("items[" + std::to_string(i) + "]", "is bad");
  EXPECT_EQ(v.list().size(), kMaxReportedViolations);
  EXPECT_EQ(v.omitted(), 10000 - kMaxReportedViolations);
  const std::vector<FieldViolation> reported = FieldViolationsOf(v.ToStatus());
  ASSERT_EQ(reported.size(), kMaxReportedViolations + 1);
  EXPECT_EQ(reported.back().field, "request");
  EXPECT_THAT(reported.back().description, HasSubstr("and 9900 more"));
  Violations outer;
  outer.AddAll(v, "need");
  EXPECT_THAT(FieldViolationsOf(outer.ToStatus()).back().description, HasSubstr("and 9900 more"));
}

TEST(FieldViolationsTest, InvalidFieldErrorCarriesOneViolation) {
  const absl::Status status = InvalidFieldError("page_size", "must not be negative");
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
  EXPECT_THAT(FieldViolationsOf(status),
              ElementsAre(FieldViolation{"page_size", "must not be negative"}));
}

TEST(FieldViolationsTest, OtherStatusesCarryNone) {
  EXPECT_THAT(FieldViolationsOf(absl::OkStatus()), IsEmpty());
  EXPECT_THAT(FieldViolationsOf(absl::NotFoundError("no")), IsEmpty());
  EXPECT_THAT(FieldViolationsOf(absl::InvalidArgumentError("plain")), IsEmpty());
}

TEST(FieldViolationsTest, RoundTripsAnyText) {
  // Descriptions quote what the client sent (e.g. a filter value), which may hold any byte,
  // including the control characters a naive encoding would use as separators.
  const std::vector<FieldViolation> violations = {
      {"filter",
       "got 'a\x1E"
       "b\x1F"
       "c' at column 9"},
      {"need.title", ""},
      {"", "no field"},
      {"need.keywords[3]", "重複的關鍵詞 repeats"},
      {"x\x1Fy", "z\x1E"},
  };
  EXPECT_EQ(FieldViolationsOf(InvalidArgumentError(violations)), violations);
}

TEST(FieldViolationsTest, PrefixFieldViolations) {
  Violations violations;
  violations.Add("title", "is required");
  violations.Add("industries[0]", "unknown industry 'industries/x'");
  const absl::Status prefixed = PrefixFieldViolations(violations.ToStatus(), "need");
  EXPECT_THAT(prefixed, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("need.title")));
  EXPECT_THAT(FieldViolationsOf(prefixed),
              ElementsAre(Violation("need.title", "is required"),
                          Violation("need.industries[0]", HasSubstr("industries/x"))));
}

TEST(FieldViolationsTest, PrefixLeavesOtherStatusesAlone) {
  EXPECT_THAT(PrefixFieldViolations(absl::OkStatus(), "need"), IsOk());
  EXPECT_EQ(PrefixFieldViolations(absl::NotFoundError("needs/x"), "need"),
            absl::NotFoundError("needs/x"));
  EXPECT_EQ(PrefixFieldViolations(absl::FailedPreconditionError("withdrawn"), "need"),
            absl::FailedPreconditionError("withdrawn"));
}

}  // namespace
}  // namespace techmatch
