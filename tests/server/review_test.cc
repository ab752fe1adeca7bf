// PublishNeed, ReturnNeed, CloseNeed, PublishOffering and ReturnOffering over real RPCs: each role
// allowed or refused before any lookup, every call audited, the review visible on the wire.
#include <string>
#include <vector>

#include "techmatch/v1/audit.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class ReviewServiceTest : public OverBackends<SeededServerTest> {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    audit_ = v1::AuditService::NewStub(channel_);
    acme_ = CreateKey(Role::kEnterprise, "acme");
    scu_ = CreateKey(Role::kInstitute, "scu");
    official_ = CreateKey(Role::kOfficial);
    organizer_ = CreateKey(Role::kOrganizer);
  }

  std::vector<v1::AuditEvent> AuditOf(const std::string& token) {
    v1::ListAuditEventsRequest request;
    request.set_filter("principal = \"" + token.substr(3, 16) + "\"");
    request.set_page_size(1000);
    v1::ListAuditEventsResponse response;
    const grpc::Status status = audit_->ListAuditEvents(Ctx().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {response.audit_events().begin(), response.audit_events().end()};
  }

  std::unique_ptr<v1::AuditService::Stub> audit_;
  std::string acme_, scu_, official_, organizer_;
};

TEST_P(ReviewServiceTest, OnlyOrganizersAndAdminsReviewAndOthersAreRefusedBeforeLookup) {
  v1::Need need;
  v1::Offering offering;
  v1::PublishNeedRequest publish;
  publish.set_name("needs/ghost");
  v1::ReturnNeedRequest give_back;
  give_back.set_name("needs/ghost");
  give_back.set_reason("不完整");
  v1::PublishOfferingRequest publish_offering;
  publish_offering.set_name("offerings/ghost");
  v1::ReturnOfferingRequest return_offering;
  return_offering.set_name("offerings/ghost");
  return_offering.set_reason("不完整");
  for (const std::string& token : {acme_, scu_, official_}) {
    EXPECT_EQ(needs_->PublishNeed(Ctx(token).get(), publish, &need).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(needs_->ReturnNeed(Ctx(token).get(), give_back, &need).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(
        offerings_->PublishOffering(Ctx(token).get(), publish_offering, &offering).error_code(),
        grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(offerings_->ReturnOffering(Ctx(token).get(), return_offering, &offering).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  // Allowed roles reach the lookup.
  for (const std::string& token : {organizer_, admin_token_}) {
    EXPECT_EQ(needs_->PublishNeed(Ctx(token).get(), publish, &need).error_code(),
              grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(offerings_->ReturnOffering(Ctx(token).get(), return_offering, &offering).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
  // CloseNeed: enterprises (their own) and organizers; institutes and officials never.
  v1::CloseNeedRequest close;
  close.set_name("needs/ghost");
  for (const std::string& token : {scu_, official_}) {
    EXPECT_EQ(needs_->CloseNeed(Ctx(token).get(), close, &need).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  EXPECT_EQ(needs_->CloseNeed(Ctx(acme_).get(), close, &need).error_code(),
            grpc::StatusCode::NOT_FOUND);

  const std::vector<v1::AuditEvent> refused = AuditOf(official_);
  ASSERT_EQ(refused.size(), 5u);
  EXPECT_EQ(refused[0].method(), "/techmatch.v1.NeedService/PublishNeed");
  EXPECT_EQ(refused[0].resource(), "needs/ghost");
  EXPECT_EQ(refused[0].outcome(), "PERMISSION_DENIED");
  EXPECT_EQ(refused[4].method(), "/techmatch.v1.NeedService/CloseNeed");
  const std::vector<v1::AuditEvent> tried = AuditOf(organizer_);
  ASSERT_EQ(tried.size(), 2u);
  EXPECT_EQ(tried[0].outcome(), "NOT_FOUND");
  EXPECT_EQ(tried[1].method(), "/techmatch.v1.OfferingService/ReturnOffering");
}

TEST_P(ReviewServiceTest, TheReviewJourneyOnTheWire) {
  v1::CreateNeedRequest create;
  *create.mutable_need() = SampleNeed();
  create.set_need_id("pit");
  v1::Need need;
  ASSERT_TRUE(needs_->CreateNeed(Ctx(acme_).get(), create, &need).ok());
  EXPECT_EQ(need.state(), v1::Need::SUBMITTED);

  // Others do not see it; the queue shows it to organizers.
  v1::GetNeedRequest get;
  get.set_name("needs/pit");
  v1::Need seen;
  EXPECT_EQ(needs_->GetNeed(Ctx(official_).get(), get, &seen).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::ListNeedsRequest queue;
  queue.set_filter("state = SUBMITTED");
  v1::ListNeedsResponse listed;
  ASSERT_TRUE(needs_->ListNeeds(Ctx(organizer_).get(), queue, &listed).ok());
  ASSERT_EQ(listed.needs_size(), 1);
  ASSERT_TRUE(needs_->ListNeeds(Ctx(official_).get(), queue, &listed).ok());
  EXPECT_EQ(listed.needs_size(), 0);

  v1::ReturnNeedRequest give_back;
  give_back.set_name("needs/pit");
  EXPECT_THAT(ViolatedFields(needs_->ReturnNeed(Ctx(organizer_).get(), give_back, &need)),
              ElementsAre("reason"));
  give_back.set_reason("请写明预算用途");
  ASSERT_TRUE(needs_->ReturnNeed(Ctx(organizer_).get(), give_back, &need).ok());
  EXPECT_EQ(need.state(), v1::Need::RETURNED);
  ASSERT_TRUE(needs_->GetNeed(Ctx(acme_).get(), get, &seen).ok());
  EXPECT_EQ(seen.return_reason(), "请写明预算用途");

  v1::UpdateNeedRequest update;
  update.mutable_need()->set_name("needs/pit");
  update.mutable_need()->set_title("窖池微生物（预算用于中试）");
  ASSERT_TRUE(needs_->UpdateNeed(Ctx(acme_).get(), update, &need).ok());
  EXPECT_EQ(need.state(), v1::Need::SUBMITTED);

  v1::PublishNeedRequest publish;
  publish.set_name("needs/pit");
  publish.set_etag("W/\"stale\"");
  EXPECT_EQ(needs_->PublishNeed(Ctx(organizer_).get(), publish, &need).error_code(),
            grpc::StatusCode::ABORTED);
  publish.clear_etag();
  ASSERT_TRUE(needs_->PublishNeed(Ctx(organizer_).get(), publish, &need).ok());
  EXPECT_EQ(need.state(), v1::Need::OPEN);
  EXPECT_EQ(need.return_reason(), "");
  EXPECT_TRUE(needs_->GetNeed(Ctx(official_).get(), get, &seen).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewServiceTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
