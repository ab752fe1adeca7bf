// MatchService.WatchMatches over real RPCs: what a watcher receives as records are stored,
// how the stream ends, and every refused request.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

class WatchMatchesTest : public SeededServerTest {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    matches_ = v1::MatchService::NewStub(channel_);
    CreateNeed(SampleNeed("濃香型白酒窖泥老化防治"), "pit");
  }

  // An open watch: the call, and the reader once the server said the watch is in place.
  struct Watch {
    std::unique_ptr<grpc::ClientContext> context;
    std::unique_ptr<grpc::ClientReader<v1::WatchMatchesResponse>> reader;
  };

  Watch Open(const v1::WatchMatchesRequest& request, const std::string& token) {
    Watch watch;
    watch.context = Ctx(token);
    watch.reader = matches_->WatchMatches(watch.context.get(), request);
    watch.reader->WaitForInitialMetadata();
    return watch;
  }
  Watch Open(const v1::WatchMatchesRequest& request) { return Open(request, admin_token_); }

  // The status a request that the server refuses ends with.
  grpc::Status Refusal(const v1::WatchMatchesRequest& request) {
    auto context = Ctx();
    auto reader = matches_->WatchMatches(context.get(), request);
    v1::WatchMatchesResponse ignored;
    EXPECT_FALSE(reader->Read(&ignored));
    return reader->Finish();
  }

  void StoreOffering(const std::string& id, const std::string& title,
                     const std::string& industry = "industries/liquor") {
    v1::CreateOfferingRequest request;
    request.set_offering_id(id);
    *request.mutable_offering() = SampleOffering(title);
    request.mutable_offering()->set_description("");
    request.mutable_offering()->clear_keywords();
    request.mutable_offering()->clear_industries();
    request.mutable_offering()->add_industries(industry);
    v1::Offering created;
    const grpc::Status status = offerings_->CreateOffering(Ctx().get(), request, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  static v1::WatchMatchesRequest NeedWatch(const std::string& need, double min_score) {
    v1::WatchMatchesRequest request;
    request.set_need(need);
    request.set_min_score(min_score);
    return request;
  }

  std::unique_ptr<v1::MatchService::Stub> matches_;
};

TEST_F(WatchMatchesTest, NeedWatchStreamsFittingOfferingsAsTheyAreStored) {
  Watch watch = Open(NeedWatch("needs/pit", 0.1));
  StoreOffering("steel", "高强度钢材轧制");                      // no shared text
  StoreOffering("pit-mud", "人工窖泥培养与窖池功能菌强化技术");  // fits, other script
  v1::WatchMatchesResponse message;
  ASSERT_TRUE(watch.reader->Read(&message));
  const v1::Match& match = message.match();
  EXPECT_EQ(match.need(), "needs/pit");
  EXPECT_EQ(match.offering(), "offerings/pit-mud");
  EXPECT_EQ(match.counterpart_title(), "人工窖泥培养与窖池功能菌强化技术");
  EXPECT_GE(match.score(), 0.1);
  EXPECT_THAT(match.explanation().shared_terms(), Not(IsEmpty()));
  EXPECT_THAT(match.explanation().shared_industries(), ElementsAre("industries/liquor"));
  double sum = 0;
  for (const v1::SignalContribution& signal : match.explanation().signals()) {
    sum += signal.contribution();
  }
  EXPECT_NEAR(sum, match.score(), 1e-9);

  // The client leaves: the server ends the call and removes the watch.
  watch.context->TryCancel();
  while (watch.reader->Read(&message)) {
  }
  EXPECT_EQ(watch.reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
}

TEST_F(WatchMatchesTest, QueryWatchFindsNeedsOfItsIndustriesForAnOfficial) {
  const std::string official = CreateKey(Role::kOfficial);
  v1::WatchMatchesRequest request;
  request.mutable_query()->set_text("窖泥 老化");
  request.mutable_query()->add_industries("industries/liquor");
  request.mutable_query()->set_target(v1::WATCH_TARGET_NEEDS);
  Watch watch = Open(request, official);
  StoreOffering("pit-mud", "窖泥老化防治技术");  // an offering: the wrong side
  CreateNeed(SampleNeed("窖泥老化的成因"), "aging");
  v1::WatchMatchesResponse message;
  ASSERT_TRUE(watch.reader->Read(&message));
  EXPECT_EQ(message.match().need(), "needs/aging");
  EXPECT_EQ(message.match().offering(), "");
  EXPECT_EQ(message.match().counterpart_title(), "窖泥老化的成因");
  ASSERT_EQ(message.match().explanation().signals_size(), 1);
  EXPECT_EQ(message.match().explanation().signals(0).signal(), "text");
  watch.context->TryCancel();
  while (watch.reader->Read(&message)) {
  }
  watch.reader->Finish();
}

TEST_F(WatchMatchesTest, WithdrawingTheSubjectEndsTheStream) {
  Watch watch = Open(NeedWatch("needs/pit", 0.5));
  v1::WithdrawNeedRequest withdraw;
  withdraw.set_name("needs/pit");
  v1::Need withdrawn;
  ASSERT_TRUE(needs_->WithdrawNeed(Ctx().get(), withdraw, &withdrawn).ok());
  v1::WatchMatchesResponse message;
  EXPECT_FALSE(watch.reader->Read(&message));
  const grpc::Status status = watch.reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("needs/pit"));
}

TEST_F(WatchMatchesTest, BadRequestsAreRefusedNamingTheField) {
  EXPECT_THAT(ViolatedFields(Refusal(v1::WatchMatchesRequest())), ElementsAre("subject"));
  EXPECT_THAT(ViolatedFields(Refusal(NeedWatch("needs/pit", 1.5))), ElementsAre("min_score"));
  EXPECT_THAT(ViolatedFields(Refusal(NeedWatch("needs/pit", -1))), ElementsAre("min_score"));
  EXPECT_THAT(ViolatedFields(Refusal(NeedWatch("offerings/pit", 0.5))), ElementsAre("need"));
  EXPECT_EQ(Refusal(NeedWatch("needs/nope", 0.5)).error_code(), grpc::StatusCode::NOT_FOUND);

  v1::WatchMatchesRequest offering;
  offering.set_offering("offerings/nope");
  EXPECT_EQ(Refusal(offering).error_code(), grpc::StatusCode::NOT_FOUND);

  v1::WatchMatchesRequest query;
  query.mutable_query()->set_text("窖泥");
  EXPECT_THAT(ViolatedFields(Refusal(query)), ElementsAre("query.target"));
  query.mutable_query()->set_target(v1::WATCH_TARGET_OFFERINGS);
  query.mutable_query()->add_industries("industries/no-such");
  EXPECT_THAT(ViolatedFields(Refusal(query)), ElementsAre("query.industries[0]"));
  query.mutable_query()->clear_industries();
  query.mutable_query()->set_text("");
  EXPECT_THAT(ViolatedFields(Refusal(query)), ElementsAre("query.text"));

  v1::WithdrawNeedRequest withdraw;
  withdraw.set_name("needs/pit");
  v1::Need withdrawn;
  ASSERT_TRUE(needs_->WithdrawNeed(Ctx().get(), withdraw, &withdrawn).ok());
  EXPECT_EQ(Refusal(NeedWatch("needs/pit", 0.5)).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(WatchMatchesTest, NeedsAToken) {
  auto context = Ctx("");
  auto reader = matches_->WatchMatches(context.get(), NeedWatch("needs/pit", 0.5));
  v1::WatchMatchesResponse ignored;
  EXPECT_FALSE(reader->Read(&ignored));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

}  // namespace
}  // namespace techmatch::testing
