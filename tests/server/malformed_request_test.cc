// Requests whose bytes do not parse as their message (a proto3 string that is not UTF-8, a
// truncated field), sent raw through a generic stub as a client that does not check would:
// INVALID_ARGUMENT on the sync API (CreateNeed), on the async short reads (GetNeed), for a
// server stream's request (MatchEvent) — never gRPC's INTERNAL — while a handler's own INTERNAL
// still reaches the client unchanged (server/malformed_request_interceptor.h).
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "server/malformed_request_interceptor.h"
#include "techmatch/v1/audit.grpc.pb.h"
#include "tests/server/raw_calls.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::HasSubstr;

// A proto3 string field holding bytes that are not UTF-8 (the C++ runtime serializes them,
// logging an error).
std::string CreateNeedWithBadTitle() {
  v1::CreateNeedRequest request;
  request.mutable_need()->set_enterprise("organizations/acme");
  request.mutable_need()->set_title("bad \xff\xfe title");
  return request.SerializeAsString();
}

std::string GetNeedWithBadName() {
  v1::GetNeedRequest request;
  request.set_name("needs/\xff\xff");
  return request.SerializeAsString();
}

// Field 1 (length-delimited) announcing 5 bytes and carrying 2.
const std::string kTruncated(
    "\x0a\x05"
    "ab",
    4);

constexpr char kCreateNeed[] = "/techmatch.v1.NeedService/CreateNeed";
constexpr char kGetNeed[] = "/techmatch.v1.NeedService/GetNeed";
constexpr char kMatchEvent[] = "/techmatch.v1.MatchService/MatchEvent";

using MalformedRequestTest = SeededServerTest;

TEST_F(MalformedRequestTest, SyncUnaryRequestThatIsNotUtf8IsInvalidArgument) {
  for (const std::string& bytes : {CreateNeedWithBadTitle(), kTruncated}) {
    const grpc::Status status = RawUnary(channel_, *Ctx(), kCreateNeed, bytes);
    ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
    EXPECT_THAT(status.error_message(), HasSubstr("not a valid techmatch.v1.CreateNeedRequest"));
    EXPECT_THAT(status.error_message(), HasSubstr("not valid UTF-8"));
  }
  // Nothing was stored, and the server answers the next call.
  v1::ListNeedsRequest list;
  v1::ListNeedsResponse listed;
  ASSERT_TRUE(needs_->ListNeeds(Ctx().get(), list, &listed).ok());
  EXPECT_EQ(listed.needs_size(), 0);
}

TEST_F(MalformedRequestTest, AsyncShortReadRequestThatIsNotUtf8IsInvalidArgument) {
  // GetNeed is served from the completion queues (ServeShortReads, server/techmatch_server.cc).
  for (const std::string& bytes : {GetNeedWithBadName(), kTruncated}) {
    // Several, so that more than one of the waiting calls of the queues is used up and put
    // up again.
    for (int i = 0; i < 40; ++i) {
      const grpc::Status status = RawUnary(channel_, *Ctx(), kGetNeed, bytes);
      ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
      EXPECT_THAT(status.error_message(), HasSubstr("not a valid techmatch.v1.GetNeedRequest"));
    }
  }
}

TEST_F(MalformedRequestTest, ServerStreamRequestThatIsNotUtf8IsInvalidArgument) {
  v1::MatchEventRequest request;
  request.set_event("events/\xc3\x28");
  for (const std::string& bytes : {request.SerializeAsString(), kTruncated}) {
    const grpc::Status status = RawServerStream(channel_, *Ctx(), kMatchEvent, bytes);
    ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
    EXPECT_THAT(status.error_message(), HasSubstr("not a valid techmatch.v1.MatchEventRequest"));
  }
}

TEST_F(MalformedRequestTest, ValidRawRequestsAreUnaffected) {
  v1::CreateNeedRequest create;
  *create.mutable_need() = SampleNeed();
  create.set_need_id("raw");
  std::string answer;
  grpc::Status status =
      RawUnary(channel_, *Ctx(), kCreateNeed, create.SerializeAsString(), &answer);
  ASSERT_TRUE(status.ok()) << status.error_message();
  v1::Need created;
  ASSERT_TRUE(created.ParseFromString(answer));
  EXPECT_EQ(created.name(), "needs/raw");

  v1::GetNeedRequest get;
  get.set_name("needs/raw");
  status = RawUnary(channel_, *Ctx(), kGetNeed, get.SerializeAsString(), &answer);
  ASSERT_TRUE(status.ok()) << status.error_message();
  v1::Need got;
  ASSERT_TRUE(got.ParseFromString(answer));
  EXPECT_EQ(got.title(), created.title());

  // Valid bytes keep their own answers, errors included.
  get.set_name("needs/missing");
  status = RawUnary(channel_, *Ctx(), kGetNeed, get.SerializeAsString());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND) << status.error_message();
  status = RawUnary(channel_, *Ctx(""), kCreateNeed, create.SerializeAsString());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << status.error_message();
}

// A malformed request gets what a well-formed one would in the guard's order (who, whether
// they may, then the request), and one to a writing method leaves an audit record, as any
// refused write does; a malformed read leaves none.
TEST_F(MalformedRequestTest, GuardRunsFirstAndMalformedWritesAreAudited) {
  auto audit = v1::AuditService::NewStub(channel_);
  auto records = [&] {
    v1::ListAuditEventsRequest request;
    request.set_filter("method = \"/techmatch.v1.NeedService/CreateNeed\"");
    request.set_page_size(100);
    v1::ListAuditEventsResponse response;
    const grpc::Status status = audit->ListAuditEvents(Ctx().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return std::vector<v1::AuditEvent>(response.audit_events().begin(),
                                       response.audit_events().end());
  };
  const std::string bytes = CreateNeedWithBadTitle();
  EXPECT_EQ(RawUnary(channel_, *Ctx(""), kCreateNeed, bytes).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(RawUnary(channel_, *Ctx("tm_not-a-real-token"), kCreateNeed, bytes).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  const std::string official = CreateKey(Role::kOfficial);
  EXPECT_EQ(RawUnary(channel_, *Ctx(official), kCreateNeed, bytes).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(RawUnary(channel_, *Ctx(), kCreateNeed, bytes).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  const std::vector<v1::AuditEvent> events = records();
  ASSERT_EQ(events.size(), 4u);
  std::vector<std::string> outcomes;
  for (const v1::AuditEvent& event : events) outcomes.push_back(event.outcome());
  EXPECT_THAT(outcomes, ::testing::UnorderedElementsAre("UNAUTHENTICATED", "UNAUTHENTICATED",
                                                        "PERMISSION_DENIED", "INVALID_ARGUMENT"));
  for (const v1::AuditEvent& event : events) {
    if (event.outcome() == "PERMISSION_DENIED") {
      EXPECT_EQ(event.role(), "OFFICIAL");
    }
    if (event.outcome() == "INVALID_ARGUMENT") {
      EXPECT_EQ(event.role(), "ADMIN");
    }
    if (event.outcome() == "UNAUTHENTICATED") {
      EXPECT_EQ(event.role(), "");
    }
  }

  // A malformed server-stream read: refused without a token, audited never.
  v1::MatchEventRequest read;
  read.set_event("events/\xc3\x28");
  EXPECT_EQ(RawServerStream(channel_, *Ctx(""), kMatchEvent, read.SerializeAsString()).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  v1::ListAuditEventsRequest all;
  all.set_filter("method = \"/techmatch.v1.MatchService/MatchEvent\"");
  v1::ListAuditEventsResponse none;
  ASSERT_TRUE(audit->ListAuditEvents(Ctx().get(), all, &none).ok());
  EXPECT_EQ(none.audit_events_size(), 0);
}

// The interceptor on its own, around a service whose handler fails INTERNAL by itself.
class FailingIndustries final : public v1::IndustryService::Service {
 public:
  grpc::Status GetIndustry(grpc::ServerContext*, const v1::GetIndustryRequest*,
                           v1::Industry*) override {
    return grpc::Status(grpc::StatusCode::INTERNAL, "the handler's own fault");
  }
};

class InterceptorAloneTest : public ::testing::Test {
 protected:
  void Start(bool with_interceptor) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(&service_);
    if (with_interceptor) {
      std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> c;
      c.push_back(std::make_unique<server::MalformedRequestInterceptorFactory>());
      builder.experimental().SetInterceptorCreators(std::move(c));
    }
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(port_),
                                   grpc::InsecureChannelCredentials());
  }
  void TearDown() override {
    if (server_) server_->Shutdown(std::chrono::system_clock::now());
  }
  static std::unique_ptr<grpc::ClientContext> Ctx() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    return context;
  }
  static std::string BadRequest() {
    v1::GetIndustryRequest request;
    request.set_name("industries/\xff");
    return request.SerializeAsString();
  }

  FailingIndustries service_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

constexpr char kGetIndustry[] = "/techmatch.v1.IndustryService/GetIndustry";

// What gRPC 1.51 does by itself, and so why the interceptor exists: should this start failing,
// gRPC's answer changed and the interceptor's premise with it.
TEST_F(InterceptorAloneTest, WithoutItGrpcAnswersInternal) {
  Start(false);
  EXPECT_EQ(RawUnary(channel_, *Ctx(), kGetIndustry, BadRequest()).error_code(),
            grpc::StatusCode::INTERNAL);
}

TEST_F(InterceptorAloneTest, MalformedIsInvalidArgumentAndAHandlersInternalStays) {
  Start(true);
  grpc::Status status = RawUnary(channel_, *Ctx(), kGetIndustry, BadRequest());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  v1::GetIndustryRequest good;
  good.set_name("industries/liquor");
  status = RawUnary(channel_, *Ctx(), kGetIndustry, good.SerializeAsString());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(status.error_message(), "the handler's own fault");
}

}  // namespace
}  // namespace techmatch::testing
