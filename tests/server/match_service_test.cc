// MatchService and the free-text `query` of ListNeeds/ListOfferings over real RPCs.
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class MatchServiceTest : public SeededServerTest {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    matches_ = v1::MatchService::NewStub(channel_);
    CreateOrganization("cau", v1::Organization::UNIVERSITY);
    // Liquor offerings, in the other script than the need; one at the fair.
    CreateOffering("pit-mud", "人工窖泥培养与窖池功能菌强化技术", "窖泥;窖池", "liquor",
                   "organizations/scu", true);
    CreateOffering("wine-yeast", "葡萄酒酿造优良酵母选育", "酵母", "liquor", "organizations/cau",
                   false);
    CreateOffering("pit-genome", "窖池微生物宏基因组分析", "窖池", "liquor", "organizations/cau",
                   true);
    CreateOffering("cnc", "数控机床热误差补偿", "数控机床", "machinery", "organizations/scu",
                   false);
    v1::Need need = SampleNeed("濃香型白酒窖泥老化防治");
    need.add_events("events/fair");
    CreateNeed(need, "pit");
    v1::Need other = SampleNeed("數控機床主軸熱變形補償");
    other.clear_industries();
    other.add_industries("industries/machinery");
    other.add_events("events/fair");
    CreateNeed(other, "spindle");
  }

  void CreateOffering(const std::string& id, const std::string& title, const std::string& keywords,
                      const std::string& industry, const std::string& institute, bool at_fair) {
    v1::CreateOfferingRequest request;
    request.set_offering_id(id);
    v1::Offering& offering = *request.mutable_offering();
    offering = SampleOffering(title);
    offering.set_institute(institute);
    offering.set_description("");
    offering.clear_keywords();
    for (absl::string_view k : absl::StrSplit(keywords, ';')) offering.add_keywords(std::string(k));
    offering.clear_industries();
    offering.add_industries("industries/" + industry);
    offering.clear_cooperation_modes();
    offering.add_cooperation_modes(v1::JOINT_DEVELOPMENT);
    if (at_fair) offering.add_events("events/fair");
    v1::Offering created;
    const grpc::Status status = offerings_->CreateOffering(Ctx().get(), request, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  grpc::Status MatchNeed(const std::string& need, int page_size, v1::MatchNeedResponse& out,
                         const std::string& event = "") {
    v1::MatchNeedRequest request;
    request.set_need(need);
    request.set_page_size(page_size);
    request.set_event(event);
    return matches_->MatchNeed(Ctx().get(), request, &out);
  }

  static std::vector<std::string> Offerings(const v1::MatchNeedResponse& response) {
    std::vector<std::string> names;
    for (const v1::Match& m : response.matches()) names.push_back(m.offering());
    return names;
  }

  grpc::Status ListOfferings(const std::string& query, const std::string& filter, int page_size,
                             const std::string& token, v1::ListOfferingsResponse& out) {
    v1::ListOfferingsRequest request;
    request.set_query(query);
    request.set_filter(filter);
    request.set_page_size(page_size);
    request.set_page_token(token);
    return offerings_->ListOfferings(Ctx().get(), request, &out);
  }

  static std::vector<std::string> Names(const v1::ListOfferingsResponse& response) {
    std::vector<std::string> names;
    for (const v1::Offering& o : response.offerings()) names.push_back(o.name());
    return names;
  }

  std::unique_ptr<v1::MatchService::Stub> matches_;
};

TEST_F(MatchServiceTest, MatchNeedRanksAndExplains) {
  v1::MatchNeedResponse response;
  const grpc::Status status = MatchNeed("needs/pit", 0, response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  // Only liquor offerings; the one sharing most text first; no shared text last.
  EXPECT_THAT(Offerings(response),
              ElementsAre("offerings/pit-mud", "offerings/pit-genome", "offerings/wine-yeast"));
  const v1::Match& best = response.matches(0);
  EXPECT_EQ(best.need(), "needs/pit");
  EXPECT_EQ(best.counterpart_title(), "人工窖泥培养与窖池功能菌强化技术");
  std::vector<std::string> shared;
  for (const v1::SharedTerm& term : best.explanation().shared_terms()) {
    shared.push_back(term.text() + "/" + term.counterpart_text());
  }
  EXPECT_THAT(shared, Contains("窖池/"));
  EXPECT_THAT(shared, Contains("窖泥/"));
  EXPECT_THAT(best.explanation().shared_industries(), ElementsAre("industries/liquor"));
  double sum = 0;
  std::vector<std::string> signals;
  for (const v1::SignalContribution& s : best.explanation().signals()) {
    sum += s.contribution();
    signals.push_back(s.signal());
    EXPECT_NEAR(s.contribution(), s.value() * s.weight(), 1e-9);
  }
  EXPECT_THAT(signals, ElementsAre("text", "coverage", "proximity", "ruled_out", "industry",
                                   "maturity", "price", "cooperation_mode", "event"));
  EXPECT_NEAR(sum, best.score(), 1e-9);
  EXPECT_GT(best.score(), response.matches(1).score());
  EXPECT_THAT(response.matches(2).explanation().shared_terms(), IsEmpty());
}

TEST_F(MatchServiceTest, SharedTermsQuoteBothScripts) {
  v1::MatchNeedResponse response;
  ASSERT_TRUE(MatchNeed("needs/spindle", 5, response).ok());
  ASSERT_THAT(Offerings(response), ElementsAre("offerings/cnc"));
  std::vector<std::pair<std::string, std::string>> shared;
  for (const v1::SharedTerm& term : response.matches(0).explanation().shared_terms()) {
    shared.emplace_back(term.text(), term.counterpart_text());
  }
  EXPECT_THAT(shared, Contains(std::pair<std::string, std::string>("數控機床", "数控机床")));
}

TEST_F(MatchServiceTest, MatchNeedPageSizeAndEvent) {
  v1::MatchNeedResponse response;
  ASSERT_TRUE(MatchNeed("needs/pit", 1, response).ok());
  EXPECT_THAT(Offerings(response), ElementsAre("offerings/pit-mud"));
  response.Clear();
  ASSERT_TRUE(MatchNeed("needs/pit", 100000, response).ok());  // Lowered to the maximum.
  EXPECT_EQ(response.matches_size(), 3);
  response.Clear();
  ASSERT_TRUE(MatchNeed("needs/pit", 0, response, "events/fair").ok());
  EXPECT_THAT(Offerings(response), ElementsAre("offerings/pit-mud", "offerings/pit-genome"));
}

TEST_F(MatchServiceTest, MatchNeedBadInput) {
  v1::MatchNeedResponse response;
  grpc::Status status = MatchNeed("needs/nope", 0, response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  status = MatchNeed("needs/pit", -1, response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("page_size"));
  status = MatchNeed("offerings/pit", 0, response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  status = MatchNeed("", 0, response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  status = MatchNeed("needs/pit", 0, response, "events/none");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  status = MatchNeed("needs/pit", 0, response, "fair");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  v1::WithdrawNeedRequest withdraw;
  withdraw.set_name("needs/pit");
  v1::Need withdrawn;
  ASSERT_TRUE(needs_->WithdrawNeed(Ctx().get(), withdraw, &withdrawn).ok());
  status = MatchNeed("needs/pit", 0, response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(MatchServiceTest, MatchOfferingFindsNeeds) {
  v1::MatchOfferingRequest request;
  request.set_offering("offerings/pit-mud");
  v1::MatchOfferingResponse response;
  ASSERT_TRUE(matches_->MatchOffering(Ctx().get(), request, &response).ok());
  ASSERT_EQ(response.matches_size(), 1);
  EXPECT_EQ(response.matches(0).need(), "needs/pit");
  EXPECT_EQ(response.matches(0).offering(), "offerings/pit-mud");
  EXPECT_EQ(response.matches(0).counterpart_title(), "濃香型白酒窖泥老化防治");
  EXPECT_FALSE(response.matches(0).explanation().shared_terms().empty());

  request.set_offering("offerings/nope");
  EXPECT_EQ(matches_->MatchOffering(Ctx().get(), request, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
  request.set_offering("offerings/pit-mud");
  request.set_page_size(-5);
  EXPECT_EQ(matches_->MatchOffering(Ctx().get(), request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  v1::WithdrawOfferingRequest withdraw;
  withdraw.set_name("offerings/pit-mud");
  v1::Offering withdrawn;
  ASSERT_TRUE(offerings_->WithdrawOffering(Ctx().get(), withdraw, &withdrawn).ok());
  request.set_page_size(0);
  EXPECT_EQ(matches_->MatchOffering(Ctx().get(), request, &response).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // And it no longer appears in the need's matches.
  v1::MatchNeedResponse need_matches;
  ASSERT_TRUE(MatchNeed("needs/pit", 0, need_matches).ok());
  EXPECT_THAT(Offerings(need_matches), ElementsAre("offerings/pit-genome", "offerings/wine-yeast"));
}

TEST_F(MatchServiceTest, MatchEventStreamsEveryOpenNeed) {
  v1::MatchEventRequest request;
  request.set_event("events/fair");
  request.set_per_need_limit(1);
  auto context = Ctx();
  auto reader = matches_->MatchEvent(context.get(), request);
  std::vector<std::string> needs;
  v1::MatchEventResponse message;
  while (reader->Read(&message)) {
    needs.push_back(message.need());
    if (message.need() == "needs/pit") {
      EXPECT_EQ(message.need_title(), "濃香型白酒窖泥老化防治");
      ASSERT_EQ(message.matches_size(), 1);
      EXPECT_EQ(message.matches(0).offering(), "offerings/pit-mud");
    } else {
      // The CNC offering was not presented at the fair.
      EXPECT_EQ(message.matches_size(), 0);
    }
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_THAT(needs, ElementsAre("needs/pit", "needs/spindle"));

  for (const auto& [event, limit, code] :
       std::vector<std::tuple<std::string, int, grpc::StatusCode>>{
           {"events/none", 0, grpc::StatusCode::NOT_FOUND},
           {"needs/pit", 0, grpc::StatusCode::INVALID_ARGUMENT},
           {"events/fair", -1, grpc::StatusCode::INVALID_ARGUMENT}}) {
    v1::MatchEventRequest bad;
    bad.set_event(event);
    bad.set_per_need_limit(limit);
    auto bad_context = Ctx();
    auto bad_reader = matches_->MatchEvent(bad_context.get(), bad);
    while (bad_reader->Read(&message)) {
    }
    EXPECT_EQ(bad_reader->Finish().error_code(), code) << event;
  }
}

TEST_F(MatchServiceTest, ListOfferingsQueryRanksFiltersAndPages) {
  v1::ListOfferingsResponse response;
  ASSERT_TRUE(ListOfferings("窖池 窖泥", "", 0, "", response).ok());
  EXPECT_THAT(Names(response), ElementsAre("offerings/pit-mud", "offerings/pit-genome"));
  // Traditional finds Simplified.
  response.Clear();
  ASSERT_TRUE(ListOfferings("數控機床", "", 0, "", response).ok());
  EXPECT_THAT(Names(response), ElementsAre("offerings/cnc"));
  // With a filter.
  response.Clear();
  ASSERT_TRUE(
      ListOfferings("窖池 窖泥", "institute = \"organizations/cau\"", 0, "", response).ok());
  EXPECT_THAT(Names(response), ElementsAre("offerings/pit-genome"));
  // Page by page, in rank order: the same as one page.
  response.Clear();
  ASSERT_TRUE(ListOfferings("窖池 窖泥 酵母", "", 0, "", response).ok());
  const std::vector<std::string> one_page = Names(response);
  ASSERT_EQ(one_page.size(), 3u);
  EXPECT_EQ(one_page[0], "offerings/pit-mud");
  response.Clear();
  ASSERT_TRUE(ListOfferings("窖池 窖泥 酵母", "", 1, "", response).ok());
  std::vector<std::string> all = Names(response);
  while (!response.next_page_token().empty()) {
    const std::string token = response.next_page_token();
    response.Clear();
    ASSERT_TRUE(ListOfferings("窖池 窖泥 酵母", "", 1, token, response).ok());
    for (const std::string& name : Names(response)) all.push_back(name);
  }
  EXPECT_EQ(all, one_page);
  // A token of one query is not good for another.
  response.Clear();
  ASSERT_TRUE(ListOfferings("窖池 窖泥 酵母", "", 1, "", response).ok());
  const std::string token = response.next_page_token();
  EXPECT_EQ(ListOfferings("窖池", "", 1, token, response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(MatchServiceTest, ListNeedsQuery) {
  v1::ListNeedsRequest request;
  request.set_query("浓香型");  // Simplified; the need wrote 濃香型.
  v1::ListNeedsResponse response;
  ASSERT_TRUE(needs_->ListNeeds(Ctx().get(), request, &response).ok());
  ASSERT_EQ(response.needs_size(), 1);
  EXPECT_EQ(response.needs(0).name(), "needs/pit");
  request.set_query("");
  response.Clear();
  ASSERT_TRUE(needs_->ListNeeds(Ctx().get(), request, &response).ok());
  EXPECT_EQ(response.needs_size(), 2);  // An empty query is a normal list.
  request.set_query("the of，。");
  response.Clear();
  ASSERT_TRUE(needs_->ListNeeds(Ctx().get(), request, &response).ok());
  EXPECT_EQ(response.needs_size(), 0);
  EXPECT_TRUE(response.next_page_token().empty());
}

TEST_F(MatchServiceTest, ListQueryBadInput) {
  v1::ListOfferingsResponse response;
  grpc::Status status = ListOfferings(std::string(1001, 'x'), "", 0, "", response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("query"));
  status = ListOfferings("窖池", "", -1, "", response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), Contains("page_size"));
  response.Clear();
  ASSERT_TRUE(ListOfferings("", "", 0, "", response).ok());
  EXPECT_EQ(response.offerings_size(), 4);
  response.Clear();
  ASSERT_TRUE(ListOfferings("！？。、", "", 0, "", response).ok());
  EXPECT_THAT(Names(response), IsEmpty());
}

}  // namespace
}  // namespace techmatch::testing
