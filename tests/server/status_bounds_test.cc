// The one status conversion bounds what an error carries, so that every error fits the
// trailing-metadata limits of common clients (8 KiB): a request echoing huge input gets its
// INVALID_ARGUMENT, not a transport error or a stalled connection.
#include <string>

#include "core/common/field_violations.h"
#include "server/status_conversion.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;

TEST(StatusBoundsTest, MessageFieldsAndDetailsAreTruncated) {
  std::vector<FieldViolation> violations;
  for (int i = 0; i < 2000; ++i) {
    violations.push_back({"need.keywords[" + std::to_string(i) + "]" + std::string(1000, 'k'),
                          "is too long: " + std::string(10000, 'x')});
  }
  const grpc::Status converted = server::ToGrpcStatus(InvalidArgumentError(violations));
  EXPECT_EQ(converted.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_LE(converted.error_details().size(), server::kMaxStatusDetailsBytes + 600);
  EXPECT_LE(converted.error_message().size(), server::kMaxStatusMessageBytes + 64);
  EXPECT_THAT(converted.error_message(), HasSubstr("more field violations left off"));
  google::rpc::Status rich;
  ASSERT_TRUE(rich.ParseFromString(converted.error_details()));
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(rich.details(0).UnpackTo(&bad_request));
  ASSERT_GT(bad_request.field_violations_size(), 0);
  for (const auto& v : bad_request.field_violations()) {
    EXPECT_LE(v.field().size(), server::kMaxViolationFieldBytes);
    EXPECT_LE(v.description().size(), server::kMaxViolationDescriptionBytes);
    EXPECT_THAT(v.description(), EndsWith("(truncated)"));
  }

  const grpc::Status plain =
      server::ToGrpcStatus(absl::NotFoundError("no need '" + std::string(100000, 'n') + "'"));
  EXPECT_EQ(plain.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_LE(plain.error_message().size(), server::kMaxStatusMessageBytes);
}

TEST(StatusBoundsTest, TruncationKeepsWholeUtf8Characters) {
  const std::string text(3000, 'a');
  std::string chinese;
  for (int i = 0; i < 1000; ++i) chinese += "窖";  // 3 bytes each
  for (size_t max : {100u, 101u, 102u, 103u}) {
    const std::string cut = server::TruncateForStatus(chinese, max);
    EXPECT_LE(cut.size(), max);
    EXPECT_EQ((cut.size() - std::string("...(truncated)").size()) % 3, 0u) << max;
  }
  EXPECT_EQ(server::TruncateForStatus("short", 100), "short");
  EXPECT_EQ(server::TruncateForStatus(text, 100).size(), 100u);
}

class StatusBoundsServerTest : public SeededServerTest {};

// A name of 3,000 characters: INVALID_ARGUMENT, not "metadata size exceeds limit".
TEST_F(StatusBoundsServerTest, AHugeNameIsInvalidArgument) {
  v1::GetNeedRequest request;
  request.set_name("needs/" + std::string(3000, 'x'));
  v1::Need need;
  grpc::Status status = needs_->GetNeed(Ctx().get(), request, &need);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();

  v1::CreateNeedRequest create;
  *create.mutable_need() = SampleNeed(std::string(3000, 'T'));
  create.set_need_id(std::string(3000, 'i'));
  status = needs_->CreateNeed(Ctx().get(), create, &need);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  EXPECT_FALSE(ViolatedFields(status).empty());
}

// A filter value of 100,000 characters: INVALID_ARGUMENT at once, and the connection serves on.
TEST_F(StatusBoundsServerTest, AHugeFilterValueIsInvalidArgumentAndTheConnectionServesOn) {
  for (const std::string& filter :
       {"state = \"" + std::string(100000, 'f') + "\"", "nosuchfield = " + std::string(100000, 'f'),
        std::string(100000, '(')}) {
    v1::ListNeedsRequest request;
    request.set_filter(filter);
    v1::ListNeedsResponse response;
    auto context = Ctx();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    const grpc::Status status = needs_->ListNeeds(context.get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << status.error_code() << " " << status.error_message().substr(0, 200);
  }
  v1::ListNeedsResponse response;
  auto context = Ctx();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  EXPECT_TRUE(needs_->ListNeeds(context.get(), v1::ListNeedsRequest(), &response).ok());
}

}  // namespace
}  // namespace techmatch::testing
