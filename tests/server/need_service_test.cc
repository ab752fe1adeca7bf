// NeedService over a real connection: every method and every promised error path.
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using ::testing::UnorderedElementsAre;

class NeedServiceTest : public OverBackends<SeededServerTest> {
 protected:
  int CountNeeds() {
    v1::ListNeedsRequest request;
    request.set_page_size(1000);
    v1::ListNeedsResponse response;
    EXPECT_TRUE(needs_->ListNeeds(Ctx().get(), request, &response).ok());
    return response.needs_size();
  }
};

TEST_P(NeedServiceTest, CreateThenGetRoundTripsEveryField) {
  v1::Need sent = SampleNeed();
  sent.add_events("events/fair");
  const v1::Need created = CreateNeed(sent, "lzlj-001");
  EXPECT_EQ(created.name(), "needs/lzlj-001");
  EXPECT_EQ(created.state(), v1::Need::OPEN);
  EXPECT_FALSE(created.etag().empty());
  EXPECT_GT(created.create_time().seconds(), 0);

  v1::GetNeedRequest get;
  get.set_name("needs/lzlj-001");
  v1::Need read;
  ASSERT_TRUE(needs_->GetNeed(Ctx().get(), get, &read).ok());
  EXPECT_EQ(read.title(), "濃香型白酒窖池微生物調控");
  EXPECT_EQ(read.description(), sent.description());
  EXPECT_THAT(read.keywords(), ElementsAre("白酒", "窖池"));
  EXPECT_THAT(read.industries(), ElementsAre("industries/liquor", "industries/agriculture"));
  EXPECT_EQ(read.budget().currency_code(), "CNY");
  EXPECT_EQ(read.budget().units(), 2300000);
  EXPECT_EQ(read.budget().nanos(), 500000000);
  EXPECT_EQ(read.min_trl(), 4);
  EXPECT_THAT(read.cooperation_modes(), ElementsAre(v1::JOINT_DEVELOPMENT));
  EXPECT_THAT(read.events(), ElementsAre("events/fair"));
  EXPECT_EQ(read.enterprise(), "organizations/acme");
  EXPECT_EQ(read.etag(), created.etag());
}

TEST_P(NeedServiceTest, GeneratedIdIsValid) {
  const v1::Need created = CreateNeed(SampleNeed());
  EXPECT_THAT(created.name(), ::testing::MatchesRegex("needs/[a-z0-9]{16}"));
}

TEST_P(NeedServiceTest, CreateReportsEveryBadFieldAtOnceAndStoresNothing) {
  v1::CreateNeedRequest request;
  request.set_need_id("Bad_ID");
  v1::Need& need = *request.mutable_need();
  need.set_enterprise("organizations/scu");  // a university, not an enterprise
  need.set_title("");
  need.add_industries("industries/no-such");
  need.add_events("events/nowhere");
  need.set_min_trl(10);
  need.mutable_budget()->set_currency_code("CNY");
  need.mutable_budget()->set_units(5);
  need.mutable_budget()->set_nanos(-10000000);  // mixed signs
  need.add_cooperation_modes(v1::COOPERATION_MODE_UNSPECIFIED);
  v1::Need created;
  const grpc::Status status = needs_->CreateNeed(Ctx().get(), request, &created);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("need_id", "need.enterprise", "need.title", "need.industries[0]",
                                   "need.events[0]", "need.min_trl", "need.budget.nanos",
                                   "need.cooperation_modes[0]"));
  EXPECT_EQ(CountNeeds(), 0);
}

TEST_P(NeedServiceTest, TextLimits) {
  v1::Need need = SampleNeed(std::string(200, 'x'));
  CreateNeed(need);  // 200 characters is fine.
  struct Case {
    std::string title, description;
  };
  std::string cjk_201;
  for (int i = 0; i < 201; ++i) cjk_201 += "酒";
  for (const Case& c : {Case{cjk_201, ""}, Case{"ok", std::string(20001, 'd')}}) {
    v1::CreateNeedRequest request;
    *request.mutable_need() = SampleNeed(c.title);
    request.mutable_need()->set_description(c.description);
    v1::Need created;
    const grpc::Status status = needs_->CreateNeed(Ctx().get(), request, &created);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(ViolatedFields(status),
                ElementsAre(c.description.empty() ? "need.title" : "need.description"));
  }
}

TEST_P(NeedServiceTest, NoIndustryIsRejected) {
  v1::CreateNeedRequest request;
  *request.mutable_need() = SampleNeed();
  request.mutable_need()->clear_industries();
  v1::Need created;
  const grpc::Status status = needs_->CreateNeed(Ctx().get(), request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("need.industries"));
}

TEST_P(NeedServiceTest, BadMoneyIsRejectedWithTheField) {
  struct Case {
    std::string currency;
    int64_t units;
    int32_t nanos;
    std::string field;
  };
  for (const Case& c : {Case{"USD", 1, 0, "need.budget.currency_code"},
                        Case{"CNY", 1, 1000000000, "need.budget.nanos"},
                        Case{"CNY", 1, 1, "need.budget.nanos"},  // finer than a fen
                        Case{"CNY", -1, 0, "need.budget"}}) {
    v1::CreateNeedRequest request;
    *request.mutable_need() = SampleNeed();
    request.mutable_need()->mutable_budget()->set_currency_code(c.currency);
    request.mutable_need()->mutable_budget()->set_units(c.units);
    request.mutable_need()->mutable_budget()->set_nanos(c.nanos);
    v1::Need created;
    const grpc::Status status = needs_->CreateNeed(Ctx().get(), request, &created);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.field;
    EXPECT_THAT(ViolatedFields(status), ElementsAre(c.field));
  }
  EXPECT_EQ(CountNeeds(), 0);
}

TEST_P(NeedServiceTest, RepeatedRequestIdReturnsTheOriginalAndCreatesNothing) {
  v1::CreateNeedRequest request;
  *request.mutable_need() = SampleNeed();
  request.set_request_id("4f1c2a8e-0d5b-4a57-9b8e-2f7d1c9a3b61");
  v1::Need first, second;
  ASSERT_TRUE(needs_->CreateNeed(Ctx().get(), request, &first).ok());
  ASSERT_TRUE(needs_->CreateNeed(Ctx().get(), request, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(CountNeeds(), 1);
}

TEST_P(NeedServiceTest, DuplicateIdIsAlreadyExists) {
  CreateNeed(SampleNeed(), "dup");
  v1::CreateNeedRequest request;
  *request.mutable_need() = SampleNeed();
  request.set_need_id("dup");
  v1::Need created;
  EXPECT_EQ(needs_->CreateNeed(Ctx().get(), request, &created).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
}

TEST_P(NeedServiceTest, GetErrors) {
  v1::GetNeedRequest request;
  v1::Need need;
  request.set_name("needs/missing");
  EXPECT_EQ(needs_->GetNeed(Ctx().get(), request, &need).error_code(), grpc::StatusCode::NOT_FOUND);
  request.set_name("offerings/x");
  const grpc::Status status = needs_->GetNeed(Ctx().get(), request, &need);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("name"));
}

TEST_P(NeedServiceTest, UpdateWithMaskChangesOnlyThoseFields) {
  const v1::Need created = CreateNeed(SampleNeed(), "n1");
  v1::UpdateNeedRequest request;
  request.mutable_need()->set_name("needs/n1");
  request.mutable_need()->set_title("新標題");
  request.mutable_need()->set_description("ignored: not in the mask");
  request.mutable_need()->set_etag(created.etag());
  request.mutable_update_mask()->add_paths("title");
  v1::Need updated;
  ASSERT_TRUE(needs_->UpdateNeed(Ctx().get(), request, &updated).ok());
  EXPECT_EQ(updated.title(), "新標題");
  EXPECT_EQ(updated.description(), created.description());
  EXPECT_NE(updated.etag(), created.etag());

  // The old etag is now stale.
  v1::Need again;
  EXPECT_EQ(needs_->UpdateNeed(Ctx().get(), request, &again).error_code(),
            grpc::StatusCode::ABORTED);
}

TEST_P(NeedServiceTest, UpdateWithoutMaskChangesPopulatedFields) {
  CreateNeed(SampleNeed(), "n1");
  v1::UpdateNeedRequest request;
  request.mutable_need()->set_name("needs/n1");
  request.mutable_need()->set_min_trl(7);
  v1::Need updated;
  ASSERT_TRUE(needs_->UpdateNeed(Ctx().get(), request, &updated).ok());
  EXPECT_EQ(updated.min_trl(), 7);
  EXPECT_EQ(updated.title(), "濃香型白酒窖池微生物調控");
}

TEST_P(NeedServiceTest, UpdateMaskErrors) {
  CreateNeed(SampleNeed(), "n1");
  v1::UpdateNeedRequest request;
  request.mutable_need()->set_name("needs/n1");
  request.mutable_update_mask()->add_paths("state");
  request.mutable_update_mask()->add_paths("enterprise");
  request.mutable_update_mask()->add_paths("colour");
  v1::Need updated;
  const grpc::Status status = needs_->UpdateNeed(Ctx().get(), request, &updated);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              ElementsAre("update_mask.paths[0]", "update_mask.paths[1]", "update_mask.paths[2]"));
}

TEST_P(NeedServiceTest, UpdateValidatesTheResult) {
  CreateNeed(SampleNeed(), "n1");
  v1::UpdateNeedRequest request;
  request.mutable_need()->set_name("needs/n1");
  request.mutable_update_mask()->add_paths("title");
  request.mutable_update_mask()->add_paths("industries");
  v1::Need updated;
  const grpc::Status status = needs_->UpdateNeed(Ctx().get(), request, &updated);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), UnorderedElementsAre("need.title", "need.industries"));
  request.mutable_need()->set_name("needs/none");
  request.mutable_need()->set_title("x");
  request.mutable_need()->add_industries("industries/liquor");
  EXPECT_EQ(needs_->UpdateNeed(Ctx().get(), request, &updated).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_P(NeedServiceTest, WithdrawOnceThenFailedPrecondition) {
  CreateNeed(SampleNeed(), "n1");
  v1::WithdrawNeedRequest request;
  request.set_name("needs/n1");
  v1::Need withdrawn;
  ASSERT_TRUE(needs_->WithdrawNeed(Ctx().get(), request, &withdrawn).ok());
  EXPECT_EQ(withdrawn.state(), v1::Need::WITHDRAWN);
  v1::Need again;
  EXPECT_EQ(needs_->WithdrawNeed(Ctx().get(), request, &again).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  v1::UpdateNeedRequest update;
  update.mutable_need()->set_name("needs/n1");
  update.mutable_need()->set_title("still here?");
  v1::Need updated;
  EXPECT_EQ(needs_->UpdateNeed(Ctx().get(), update, &updated).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_P(NeedServiceTest, WithdrawWithStaleEtagIsAborted) {
  CreateNeed(SampleNeed(), "n1");
  v1::WithdrawNeedRequest request;
  request.set_name("needs/n1");
  request.set_etag("\"99\"");
  v1::Need withdrawn;
  EXPECT_EQ(needs_->WithdrawNeed(Ctx().get(), request, &withdrawn).error_code(),
            grpc::StatusCode::ABORTED);
}

INSTANTIATE_TEST_SUITE_P(Backends, NeedServiceTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
