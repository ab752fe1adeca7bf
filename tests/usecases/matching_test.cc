// The matching use cases: explained matches, the walk over an event's open needs into a sink,
// and live watches delivering to a sink until their caller leaves.
#include "usecases/matching.h"

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "tests/usecases/usecase_fixture.h"
#include "usecases/needs.h"
#include "usecases/offerings.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

class MatchingTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    AddNeed("pit", "濃香型白酒窖池窖泥老化防治", {"fair"});
    AddNeed("other", "白酒勾调", {});
    AddOffering("mud", "人工窖泥培养与窖池功能菌强化");
  }

  void AddNeed(const std::string& id, const std::string& title, std::vector<std::string> events) {
    NewNeed input;
    input.need = SampleNeed("", "acme");
    input.need.listing.title = title;
    input.need.listing.event_ids = std::move(events);
    input.need_id = kept_.emplace_back(id);
    ASSERT_THAT(Needs(repo(), engine(), tokens_).Create(admin_, std::move(input)), IsOk());
  }

  void AddOffering(const std::string& id, const std::string& title) {
    NewOffering input;
    input.offering = SampleOffering("", "scu");
    input.offering.listing.title = title;
    input.offering.listing.industry_codes = {"liquor"};
    input.offering.listing.event_ids = {"fair"};
    input.offering_id = kept_.emplace_back(id);
    ASSERT_THAT(Offerings(repo(), engine(), tokens_).Create(admin_, std::move(input)), IsOk());
  }

  Matching matching() { return Matching(repo(), engine()); }

  std::deque<std::string> kept_;
};

TEST_F(MatchingTest, MatchesComeExplained) {
  TM_ASSERT_OK_AND_ASSIGN(std::vector<MatchResult> matches,
                          matching().MatchNeed(organizer_, {"needs/pit", 0, "", false}));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].offering_id, "mud");
  EXPECT_EQ(matches[0].counterpart_title, "人工窖泥培养与窖池功能菌强化");
  ASSERT_TRUE(matches[0].shared_phrases.has_value());
  EXPECT_THAT(*matches[0].shared_phrases, Not(IsEmpty()));
  TM_ASSERT_OK_AND_ASSIGN(matches,
                          matching().MatchOffering(organizer_, {"offerings/mud", 0, "", false}));
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].need_id, "pit");
  EXPECT_EQ(matches[0].counterpart_title, "濃香型白酒窖池窖泥老化防治");
}

TEST_F(MatchingTest, BadMatchRequestsNameTheField) {
  EXPECT_THAT(ViolatedFields(matching().MatchNeed(organizer_, {"offerings/mud", 0, "", false})),
              ElementsAre("need"));
  EXPECT_THAT(ViolatedFields(matching().MatchNeed(organizer_, {"needs/pit", -1, "", false})),
              ElementsAre("page_size"));
  EXPECT_THAT(matching().MatchNeed(organizer_, {"needs/pit", 0, "events/none", false}),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(
      ViolatedFields(matching().MatchOffering(organizer_, {"offerings/mud", 0, "fair", false})),
      ElementsAre("event"));
}

// Keeps what MatchEvent writes; goes away after `wanted` needs.
class NeedMatchesCollector final : public NeedMatchesSink {
 public:
  absl::Status Write(const Need& need, const std::vector<MatchResult>& matches) override {
    needs.push_back(need.meta.id);
    counts.push_back(matches.size());
    return absl::OkStatus();
  }
  std::vector<std::string> needs;
  std::vector<size_t> counts;
};

TEST_F(MatchingTest, MatchEventWalksTheEventsOpenNeeds) {
  NeedMatchesCollector sink;
  ASSERT_THAT(matching().MatchEvent("events/fair", 0, sink, TestCallState()), IsOk());
  EXPECT_THAT(sink.needs, ElementsAre("pit"));  // `other` is not registered for the fair
  EXPECT_THAT(sink.counts, ElementsAre(1));
  NeedMatchesCollector gone;
  EXPECT_THAT(matching().MatchEvent("events/fair", 0, gone, TestCallState(0)),
              StatusIs(absl::StatusCode::kCancelled));
  EXPECT_THAT(gone.needs, IsEmpty());
  EXPECT_THAT(ViolatedFields(matching().MatchEvent("events/fair", -1, sink, TestCallState())),
              ElementsAre("per_need_limit"));
}

// Stores a fitting offering once the watch is open, and leaves after the first match.
class WatchCollector final : public WatchSink {
 public:
  void Opened() override {
    opened = true;
    store();
  }
  absl::Status Send(const MatchResult& match, bool) override {
    matches.push_back(match);
    return absl::CancelledError("the client went away");
  }
  std::function<void()> store;
  bool opened = false;
  std::vector<MatchResult> matches;
};

// Keeps two matches, then leaves; `store` runs once the watch is open.
class TwoMatches final : public WatchSink {
 public:
  void Opened() override { store(); }
  absl::Status Send(const MatchResult& match, bool) override {
    ids.push_back(match.offering_id);
    if (ids.size() < 2) return absl::OkStatus();
    return absl::CancelledError("the client went away");
  }
  std::function<void()> store;
  std::vector<std::string> ids;
};

TEST_F(MatchingTest, WatchersSeeASubmittedRecordOnlyWhenItIsPublished) {
  TwoMatches sink;
  sink.store = [this] {
    // The institute's own offering waits for review: not delivered; an organizer's is at once,
    // and the first is when it is published.
    Offerings offerings(repo(), engine(), tokens_);
    NewOffering input;
    input.offering = SampleOffering("", "scu");
    input.offering.listing.title = "窖泥老化防治新方法";
    input.offering.listing.industry_codes = {"liquor"};
    input.offering_id = "submitted-mud";
    ASSERT_THAT(offerings.Create(scu_, input), IsOk());
    input.offering_id = "published-mud";
    ASSERT_THAT(offerings.Create(organizer_, input), IsOk());
    engine().DrainWatches();
    ASSERT_THAT(offerings.Publish(organizer_, {.name = "offerings/submitted-mud"}), IsOk());
  };
  WatchRequest request;
  request.subject = WatchRequest::Subject::kNeed;
  request.name = "needs/pit";
  request.min_score = 0.1;
  EXPECT_THAT(matching().Watch(acme_, request, sink, TestCallState(/*wanted=*/50)),
              StatusIs(absl::StatusCode::kCancelled));
  EXPECT_THAT(sink.ids, ElementsAre("published-mud", "submitted-mud"));
}

TEST_F(MatchingTest, WatchesDeliverWhatIsStoredFromNowOn) {
  WatchCollector sink;
  sink.store = [this] { AddOffering("pit-mud", "窖泥老化防治新方法"); };
  WatchRequest request;
  request.subject = WatchRequest::Subject::kNeed;
  request.name = "needs/pit";
  request.min_score = 0.1;
  // (The caller waits 10 s at most: the watch's wait for a match is 0.2 s.)
  EXPECT_THAT(matching().Watch(organizer_, request, sink, TestCallState(/*wanted=*/50)),
              StatusIs(absl::StatusCode::kCancelled));
  EXPECT_TRUE(sink.opened);
  ASSERT_EQ(sink.matches.size(), 1u);
  EXPECT_EQ(sink.matches[0].offering_id, "pit-mud");
  EXPECT_EQ(sink.matches[0].counterpart_title, "窖泥老化防治新方法");
  // A caller that leaves ends the watch too.
  WatchCollector idle;
  idle.store = [] {};
  EXPECT_THAT(matching().Watch(organizer_, request, idle, TestCallState(/*wanted=*/1)),
              StatusIs(absl::StatusCode::kCancelled));
  EXPECT_THAT(idle.matches, IsEmpty());
}

TEST_F(MatchingTest, BadWatchesAreRefusedBeforeTheyOpen) {
  WatchCollector sink;
  sink.store = [] {};
  EXPECT_THAT(ViolatedFields(matching().Watch(organizer_, WatchRequest(), sink, TestCallState())),
              ElementsAre("subject"));
  WatchRequest query;
  query.subject = WatchRequest::Subject::kQuery;
  query.text = "窖泥";
  query.conversion.Add("query.target", "must be WATCH_TARGET_NEEDS or WATCH_TARGET_OFFERINGS");
  query.industry_codes = {"liquor", "no-such"};
  EXPECT_THAT(ViolatedFields(matching().Watch(organizer_, query, sink, TestCallState())),
              ElementsAre("query.target"));
  query.conversion = Violations();
  query.target = WatchSide::kOfferings;
  EXPECT_THAT(ViolatedFields(matching().Watch(organizer_, query, sink, TestCallState())),
              ElementsAre("query.industries[1]"));
  EXPECT_FALSE(sink.opened);
}

}  // namespace
}  // namespace techmatch::usecases::testing
