#include "client/status_report.h"

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using ::testing::HasSubstr;

grpc::Status StatusWithViolations() {
  google::rpc::BadRequest bad_request;
  auto* v1 = bad_request.add_field_violations();
  v1->set_field("need.title");
  v1->set_description("must not be empty");
  auto* v2 = bad_request.add_field_violations();
  v2->set_field("need.min_trl");
  v2->set_description("must be between 1 and 9, got 12");
  google::rpc::Status details;
  details.set_code(static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  details.set_message("need has 2 bad fields");
  details.add_details()->PackFrom(bad_request);
  google::rpc::ErrorInfo info;
  info.set_reason("BAD_NEED");
  info.set_domain("techmatch.v1");
  details.add_details()->PackFrom(info);
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "need has 2 bad fields",
                      details.SerializeAsString());
}

TEST(StatusReportTest, DecodesEveryFieldViolation) {
  const auto violations = FieldViolationsOf(StatusWithViolations());
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[1].field(), "need.min_trl");
}

TEST(StatusReportTest, DescribesCodeMessageViolationsAndReason) {
  const std::string text = DescribeStatus(StatusWithViolations());
  EXPECT_THAT(text, HasSubstr("error: INVALID_ARGUMENT: need has 2 bad fields\n"));
  EXPECT_THAT(text, HasSubstr("  need.title: must not be empty\n"));
  EXPECT_THAT(text, HasSubstr("  need.min_trl: must be between 1 and 9, got 12\n"));
  EXPECT_THAT(text, HasSubstr("reason: BAD_NEED (techmatch.v1)"));
}

TEST(StatusReportTest, PlainStatusesAndGarbageDetails) {
  EXPECT_EQ(DescribeStatus(grpc::Status(grpc::StatusCode::NOT_FOUND, "need 'needs/x' not found")),
            "error: NOT_FOUND: need 'needs/x' not found\n");
  EXPECT_TRUE(
      FieldViolationsOf(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "x", "\xFF\xFF")).empty());
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::ABORTED), "ABORTED");
}

}  // namespace
}  // namespace techmatch::client
