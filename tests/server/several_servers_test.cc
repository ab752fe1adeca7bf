// Two real servers over one PostgreSQL database, as a province runs them behind one address
// list: what one stores, the other's matching, watches, record cache and thesaurus follow
// (usecases/change_follower.h), and a server started later loads it all. Skips without a
// cluster (TECHMATCH_TEST_POSTGRES_URI).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "techmatch/v1/thesaurus.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;

// Long enough for a loaded machine; the follower's lag is measured by bench/, not here.
constexpr absl::Duration kFollowBound = absl::Seconds(15);

// Calls `check` until it is true or kFollowBound passed; returns its last answer.
bool Eventually(const std::function<bool()>& check) {
  const absl::Time deadline = absl::Now() + kFollowBound;
  while (!check()) {
    if (absl::Now() > deadline) return false;
    absl::SleepFor(absl::Milliseconds(20));
  }
  return true;
}

class SeveralServersTest : public SeededServerTest {
 protected:
  Backend backend() const override { return Backend::kPostgres; }

  void SetUp() override {
    SeededServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    StartSecond();
    matches_ = v1::MatchService::NewStub(channel_);
    thesaurus_ = v1::ThesaurusService::NewStub(channel_);
  }

  void TearDown() override {
    if (second_) second_->Shutdown(absl::Seconds(1));
    second_.reset();
    SeededServerTest::TearDown();
  }

  void StartSecond() {
    if (second_) second_->Shutdown(absl::Seconds(1));
    second_.reset();
    auto repository = OpenRepository();
    ASSERT_TRUE(repository.ok()) << repository.status();
    server::ServerOptions options;
    options.listen = "127.0.0.1:0";
    auto started = server::TechmatchServer::Start(options, *std::move(repository));
    ASSERT_TRUE(started.ok()) << started.status();
    second_ = *std::move(started);
    auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(second_->port()),
                                       grpc::InsecureChannelCredentials());
    second_needs_ = v1::NeedService::NewStub(channel);
    second_offerings_ = v1::OfferingService::NewStub(channel);
    second_matches_ = v1::MatchService::NewStub(channel);
  }

  v1::Offering StoreOffering(v1::OfferingService::Stub& stub, const std::string& id,
                             const std::string& title) {
    v1::CreateOfferingRequest request;
    request.set_offering_id(id);
    *request.mutable_offering() = SampleOffering(title);
    request.mutable_offering()->set_description("");
    request.mutable_offering()->clear_keywords();
    request.mutable_offering()->clear_industries();
    request.mutable_offering()->add_industries("industries/liquor");
    v1::Offering created;
    const grpc::Status status = stub.CreateOffering(Ctx().get(), request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return created;
  }

  std::vector<std::string> MatchedOfferings(v1::MatchService::Stub& stub, const std::string& need,
                                            std::vector<std::string>* bridges = nullptr) {
    v1::MatchNeedRequest request;
    request.set_need(need);
    v1::MatchNeedResponse response;
    const grpc::Status status = stub.MatchNeed(Ctx().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> names;
    for (const v1::Match& match : response.matches()) {
      names.push_back(match.offering());
      if (bridges == nullptr) continue;
      for (const v1::MatchBridge& bridge : match.explanation().bridges()) {
        bridges->push_back(bridge.text());
      }
    }
    return names;
  }

  std::unique_ptr<server::TechmatchServer> second_;
  std::unique_ptr<v1::NeedService::Stub> second_needs_;
  std::unique_ptr<v1::OfferingService::Stub> second_offerings_;
  std::unique_ptr<v1::MatchService::Stub> second_matches_;
  std::unique_ptr<v1::MatchService::Stub> matches_;
  std::unique_ptr<v1::ThesaurusService::Stub> thesaurus_;
};

TEST_F(SeveralServersTest, AnOfferingStoredOnOneIsMatchedOnTheOther) {
  CreateNeed(SampleNeed("濃香型白酒窖泥老化防治"), "pit");
  EXPECT_THAT(MatchedOfferings(*second_matches_, "needs/pit"), IsEmpty());
  StoreOffering(*offerings_, "pit-mud", "人工窖泥培养与窖泥老化防治技术");
  EXPECT_TRUE(Eventually([&] {
    return MatchedOfferings(*second_matches_, "needs/pit") ==
           std::vector<std::string>{"offerings/pit-mud"};
  }));
  // And the other way round.
  StoreOffering(*second_offerings_, "pit-mud-2", "窖泥老化防治与窖池养护");
  EXPECT_TRUE(Eventually([&] { return MatchedOfferings(*matches_, "needs/pit").size() == 2; }));
}

TEST_F(SeveralServersTest, AWatchOnOneServerHearsOfANeedStoredOnTheOther) {
  v1::WatchMatchesRequest request;
  request.mutable_query()->set_text("窖泥 老化");
  request.mutable_query()->set_target(v1::WATCH_TARGET_NEEDS);
  auto context = Ctx();
  auto reader = second_matches_->WatchMatches(context.get(), request);
  reader->WaitForInitialMetadata();
  CreateNeed(SampleNeed("窖泥老化的成因"), "aging");  // on the first server
  v1::WatchMatchesResponse message;
  ASSERT_TRUE(reader->Read(&message));
  EXPECT_EQ(message.match().need(), "needs/aging");
  context->TryCancel();
  while (reader->Read(&message)) {
  }
  reader->Finish();
}

TEST_F(SeveralServersTest, AnUpdateOnOneIsReadOnTheOtherDespiteItsCache) {
  const v1::Need created = CreateNeed(SampleNeed(), "pit");
  v1::GetNeedRequest get;
  get.set_name("needs/pit");
  v1::Need cached;
  ASSERT_TRUE(second_needs_->GetNeed(Ctx().get(), get, &cached).ok());  // now in its cache
  v1::UpdateNeedRequest update;
  *update.mutable_need() = created;
  update.mutable_need()->set_title("窖池微生物調控（第二版）");
  update.mutable_update_mask()->add_paths("title");
  v1::Need updated;
  const grpc::Status status = needs_->UpdateNeed(Ctx().get(), update, &updated);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(Eventually([&] {
    v1::Need read;
    return second_needs_->GetNeed(Ctx().get(), get, &read).ok() && read.etag() == updated.etag() &&
           read.title() == "窖池微生物調控（第二版）";
  }));
  // The stale etag is refused on the other server too: the database decides.
  v1::UpdateNeedRequest stale = update;
  stale.mutable_need()->set_title("過時的修改");
  v1::Need ignored;
  EXPECT_EQ(second_needs_->UpdateNeed(Ctx().get(), stale, &ignored).error_code(),
            grpc::StatusCode::ABORTED);
}

TEST_F(SeveralServersTest, AThesaurusEntryWrittenOnOneChangesMatchingOnTheOther) {
  StoreOffering(*offerings_, "bilberry", "越橘果酱加工工艺");
  v1::Need need = SampleNeed("蓝莓果酱加工");
  need.set_description("");
  need.clear_keywords();
  need.clear_industries();
  need.add_industries("industries/liquor");
  CreateNeed(need, "jam");
  v1::CreateThesaurusEntryRequest request;
  request.set_thesaurus_entry_id("blueberry");
  request.mutable_thesaurus_entry()->set_kind(v1::ThesaurusEntry::SYNONYM);
  request.mutable_thesaurus_entry()->add_from("蓝莓");
  request.mutable_thesaurus_entry()->add_to("越橘");
  v1::ThesaurusEntry created;
  ASSERT_TRUE(thesaurus_->CreateThesaurusEntry(Ctx().get(), request, &created).ok());
  EXPECT_TRUE(Eventually([&] {
    std::vector<std::string> bridges;
    MatchedOfferings(*second_matches_, "needs/jam", &bridges);
    return ::testing::Value(bridges, Contains("蓝莓 ≈ 越橘 (thesaurus)"));
  }));
  v1::DeleteThesaurusEntryRequest remove;
  remove.set_name(created.name());
  google::protobuf::Empty empty;
  ASSERT_TRUE(thesaurus_->DeleteThesaurusEntry(Ctx().get(), remove, &empty).ok());
  EXPECT_TRUE(Eventually([&] {
    std::vector<std::string> bridges;
    MatchedOfferings(*second_matches_, "needs/jam", &bridges);
    return ::testing::Value(bridges, Not(Contains("蓝莓 ≈ 越橘 (thesaurus)")));
  }));
}

// Writes made while the second server was down are in its index when it starts again.
TEST_F(SeveralServersTest, AServerStartedLaterHasEverythingAndFollowsFromThere) {
  CreateNeed(SampleNeed("濃香型白酒窖泥老化防治"), "pit");
  second_->Shutdown(absl::Seconds(1));
  second_.reset();
  StoreOffering(*offerings_, "pit-mud", "人工窖泥培养与窖泥老化防治技术");
  StartSecond();
  EXPECT_EQ(MatchedOfferings(*second_matches_, "needs/pit"),
            std::vector<std::string>{"offerings/pit-mud"});
  StoreOffering(*offerings_, "pit-mud-2", "窖泥老化防治与窖池养护");
  EXPECT_TRUE(
      Eventually([&] { return MatchedOfferings(*second_matches_, "needs/pit").size() == 2; }));
}

}  // namespace
}  // namespace techmatch::testing
