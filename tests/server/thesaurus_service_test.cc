// ThesaurusService over real RPCs: who may read and write, every bad field named, and a write
// changing MatchNeed's answer at once.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/empty.pb.h"
#include "gtest/gtest.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "techmatch/v1/thesaurus.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

class ThesaurusServiceTest : public OverBackends<SeededServerTest> {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    thesaurus_ = v1::ThesaurusService::NewStub(channel_);
    matches_ = v1::MatchService::NewStub(channel_);
  }

  static v1::CreateThesaurusEntryRequest Blueberry(const std::string& id = "blueberry") {
    v1::CreateThesaurusEntryRequest request;
    request.set_thesaurus_entry_id(id);
    v1::ThesaurusEntry& entry = *request.mutable_thesaurus_entry();
    entry.set_kind(v1::ThesaurusEntry::SYNONYM);
    entry.add_from("蓝莓");
    entry.add_to("越橘");
    entry.set_industry("industries/agriculture");
    return request;
  }

  grpc::Status Create(const v1::CreateThesaurusEntryRequest& request, const std::string& token,
                      v1::ThesaurusEntry* out = nullptr) {
    v1::ThesaurusEntry ignored;
    return thesaurus_->CreateThesaurusEntry(Ctx(token).get(), request, out ? out : &ignored);
  }

  grpc::Status Delete(const std::string& name, const std::string& token) {
    v1::DeleteThesaurusEntryRequest request;
    request.set_name(name);
    google::protobuf::Empty ignored;
    return thesaurus_->DeleteThesaurusEntry(Ctx(token).get(), request, &ignored);
  }

  grpc::Status List(const std::string& token, v1::ListThesaurusEntriesResponse& out) {
    return thesaurus_->ListThesaurusEntries(Ctx(token).get(), {}, &out);
  }

  void CreateOffering(const std::string& id, const std::string& title) {
    v1::CreateOfferingRequest request;
    request.set_offering_id(id);
    v1::Offering& offering = *request.mutable_offering();
    offering = SampleOffering(title);
    offering.set_description("");
    offering.clear_keywords();
    offering.clear_industries();
    offering.add_industries("industries/agriculture");
    v1::Offering created;
    const grpc::Status status = offerings_->CreateOffering(Ctx().get(), request, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  v1::MatchNeedResponse MatchNeed(const std::string& need) {
    v1::MatchNeedRequest request;
    request.set_need(need);
    v1::MatchNeedResponse response;
    const grpc::Status status = matches_->MatchNeed(Ctx().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  static std::vector<std::string> Offerings(const v1::MatchNeedResponse& response) {
    std::vector<std::string> names;
    for (const v1::Match& m : response.matches()) names.push_back(m.offering());
    return names;
  }

  static std::vector<std::string> Bridges(const v1::Match& match) {
    std::vector<std::string> texts;
    for (const v1::MatchBridge& b : match.explanation().bridges()) texts.push_back(b.text());
    return texts;
  }

  std::unique_ptr<v1::ThesaurusService::Stub> thesaurus_;
  std::unique_ptr<v1::MatchService::Stub> matches_;
};

TEST_P(ThesaurusServiceTest, OrganizersAndAdminsWriteEveryRoleReads) {
  const std::string organizer = CreateKey(Role::kOrganizer);
  const std::string institute = CreateKey(Role::kInstitute, "scu");
  const std::string enterprise = CreateKey(Role::kEnterprise, "acme");
  const std::string official = CreateKey(Role::kOfficial);

  v1::ThesaurusEntry created;
  ASSERT_TRUE(Create(Blueberry("by-organizer"), organizer, &created).ok());
  EXPECT_EQ(created.name(), "thesaurusEntries/by-organizer");
  EXPECT_EQ(created.kind(), v1::ThesaurusEntry::SYNONYM);
  EXPECT_THAT(created.from(), ElementsAre("蓝莓"));
  EXPECT_THAT(created.to(), ElementsAre("越橘"));
  EXPECT_EQ(created.industry(), "industries/agriculture");
  EXPECT_FALSE(created.etag().empty());
  v1::CreateThesaurusEntryRequest by_admin = Blueberry("by-admin");
  by_admin.mutable_thesaurus_entry()->set_kind(v1::ThesaurusEntry::TRANSLATION);
  ASSERT_TRUE(Create(by_admin, admin_token_).ok());

  for (const std::string& token : {institute, enterprise, official}) {
    v1::CreateThesaurusEntryRequest request = Blueberry("refused");
    request.mutable_thesaurus_entry()->set_kind(v1::ThesaurusEntry::ABBREVIATION);
    EXPECT_EQ(Create(request, token).error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(Delete("thesaurusEntries/by-admin", token).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    v1::UpdateThesaurusEntryRequest update;
    update.mutable_thesaurus_entry()->set_name("thesaurusEntries/by-admin");
    update.mutable_thesaurus_entry()->set_note("x");
    v1::ThesaurusEntry ignored;
    EXPECT_EQ(thesaurus_->UpdateThesaurusEntry(Ctx(token).get(), update, &ignored).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  for (const std::string& token : {admin_token_, organizer, institute, enterprise, official}) {
    v1::ListThesaurusEntriesResponse response;
    ASSERT_TRUE(List(token, response).ok());
    EXPECT_EQ(response.thesaurus_entries_size(), 2);
    v1::GetThesaurusEntryRequest get;
    get.set_name("thesaurusEntries/by-admin");
    v1::ThesaurusEntry entry;
    EXPECT_TRUE(thesaurus_->GetThesaurusEntry(Ctx(token).get(), get, &entry).ok());
  }
  EXPECT_TRUE(Delete("thesaurusEntries/by-admin", organizer).ok());
  EXPECT_EQ(Delete("thesaurusEntries/by-admin", organizer).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_P(ThesaurusServiceTest, BadInputNamesEveryField) {
  v1::CreateThesaurusEntryRequest request;
  v1::ThesaurusEntry& entry = *request.mutable_thesaurus_entry();
  entry.add_to(std::string(101, 'x'));
  entry.set_industry("sectors/x");
  v1::ThesaurusEntry ignored;
  grpc::Status status = thesaurus_->CreateThesaurusEntry(Ctx().get(), request, &ignored);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("thesaurus_entry.kind", "thesaurus_entry.from",
                                   "thesaurus_entry.to[0]", "thesaurus_entry.industry"));

  ASSERT_TRUE(Create(Blueberry(), admin_token_).ok());
  v1::CreateThesaurusEntryRequest twice = Blueberry("twice");
  twice.mutable_thesaurus_entry()->add_to("蓝莓");  // Also in from.
  status = thesaurus_->CreateThesaurusEntry(Ctx().get(), twice, &ignored);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("thesaurus_entry.from", "thesaurus_entry.to[1]"));

  v1::UpdateThesaurusEntryRequest update;
  update.mutable_thesaurus_entry()->set_name("thesaurusEntries/blueberry");
  update.mutable_thesaurus_entry()->set_kind(static_cast<v1::ThesaurusEntry::Kind>(42));
  update.mutable_update_mask()->add_paths("kind");
  status = thesaurus_->UpdateThesaurusEntry(Ctx().get(), update, &ignored);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("thesaurus_entry.kind"));

  v1::ListThesaurusEntriesRequest list;
  list.set_kind(static_cast<v1::ThesaurusEntry::Kind>(42));
  list.set_page_size(-1);
  v1::ListThesaurusEntriesResponse page;
  status = thesaurus_->ListThesaurusEntries(Ctx().get(), list, &page);
  // An undefined enum number is refused by the request's bounds, before the use case's rules.
  EXPECT_THAT(ViolatedFields(status), ElementsAre("kind"));
  list.clear_kind();
  status = thesaurus_->ListThesaurusEntries(Ctx().get(), list, &page);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("page_size"));

  // Nothing was stored by the refused calls.
  ASSERT_TRUE(List(admin_token_, page).ok());
  EXPECT_EQ(page.thesaurus_entries_size(), 1);
}

TEST_P(ThesaurusServiceTest, AnEntryChangesMatchNeedAtOnceAndRemovingItChangesItBack) {
  CreateOffering("apple", "苹果果酱加工工艺");
  CreateOffering("bilberry", "越橘果酱加工工艺");
  v1::Need need = SampleNeed("蓝莓果酱加工");
  need.set_description("");
  need.clear_keywords();
  need.clear_industries();
  need.add_industries("industries/agriculture");
  CreateNeed(need, "jam");

  const v1::MatchNeedResponse before = MatchNeed("needs/jam");
  ASSERT_THAT(Offerings(before), ElementsAre("offerings/apple", "offerings/bilberry"));
  EXPECT_DOUBLE_EQ(before.matches(0).score(), before.matches(1).score());

  v1::ThesaurusEntry created;
  ASSERT_TRUE(Create(Blueberry(), admin_token_, &created).ok());
  const v1::MatchNeedResponse with = MatchNeed("needs/jam");
  ASSERT_THAT(Offerings(with), ElementsAre("offerings/bilberry", "offerings/apple"));
  EXPECT_GT(with.matches(0).score(), before.matches(1).score());
  EXPECT_THAT(Bridges(with.matches(0)), Contains("蓝莓 ≈ 越橘 (thesaurus)"));

  // An update takes effect as well: linked to another word, the bridge is gone.
  v1::UpdateThesaurusEntryRequest update;
  update.mutable_thesaurus_entry()->set_name(created.name());
  update.mutable_thesaurus_entry()->set_etag(created.etag());
  update.mutable_thesaurus_entry()->add_to("笃斯");
  v1::ThesaurusEntry updated;
  ASSERT_TRUE(thesaurus_->UpdateThesaurusEntry(Ctx().get(), update, &updated).ok());
  EXPECT_THAT(updated.to(), ElementsAre("笃斯"));
  EXPECT_THAT(Offerings(MatchNeed("needs/jam")),
              ElementsAre("offerings/apple", "offerings/bilberry"));
  v1::ThesaurusEntry stale;
  EXPECT_EQ(thesaurus_->UpdateThesaurusEntry(Ctx().get(), update, &stale).error_code(),
            grpc::StatusCode::ABORTED);

  ASSERT_TRUE(Delete(created.name(), admin_token_).ok());
  const v1::MatchNeedResponse after = MatchNeed("needs/jam");
  ASSERT_THAT(Offerings(after), ElementsAre("offerings/apple", "offerings/bilberry"));
  EXPECT_DOUBLE_EQ(after.matches(1).score(), before.matches(1).score());
  EXPECT_THAT(Bridges(after.matches(1)), IsEmpty());
}

TEST_P(ThesaurusServiceTest, StoredEntriesSurviveARestart) {
  ASSERT_TRUE(Create(Blueberry(), admin_token_).ok());
  CreateOffering("bilberry", "越橘果酱加工工艺");
  v1::Need need = SampleNeed("蓝莓果酱加工");
  need.clear_industries();
  need.add_industries("industries/agriculture");
  CreateNeed(need, "jam");
  server_->Shutdown(absl::Seconds(1));
  server_.reset();
  auto repository = OpenRepository();
  ASSERT_TRUE(repository.ok()) << repository.status();
  server::ServerOptions options;
  options.listen = "127.0.0.1:0";
  auto server = server::TechmatchServer::Start(options, *std::move(repository));
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = *std::move(server);
  channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(server_->port()),
                                 grpc::InsecureChannelCredentials());
  matches_ = v1::MatchService::NewStub(channel_);
  const v1::MatchNeedResponse response = MatchNeed("needs/jam");
  ASSERT_FALSE(response.matches().empty());
  EXPECT_THAT(Bridges(response.matches(0)), Contains("蓝莓 ≈ 越橘 (thesaurus)"));
  EXPECT_THAT(Bridges(response.matches(0)), Not(IsEmpty()));
}

INSTANTIATE_TEST_SUITE_P(Backends, ThesaurusServiceTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
