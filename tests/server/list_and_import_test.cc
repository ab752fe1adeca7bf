// Listing (pagination, page tokens, filters) and the import streams, over a real connection.
#include <set>

#include "SQLiteCpp/Database.h"
#include "absl/strings/str_format.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ListAndImportTest : public SeededServerTest {
 protected:
  // Imports `count` valid needs with ids need-0000.. through the stream.
  v1::ImportSummary ImportNeeds(int count) {
    auto context = Ctx();
    v1::ImportSummary summary;
    auto writer = needs_->ImportNeeds(context.get(), &summary);
    for (int i = 0; i < count; ++i) {
      v1::ImportNeedsRequest row;
      *row.mutable_need() = SampleNeed("需求 " + std::to_string(i));
      char id[32];
      std::snprintf(id, sizeof(id), "need-%04d", i);
      row.set_need_id(id);
      EXPECT_TRUE(writer->Write(row));
    }
    writer->WritesDone();
    EXPECT_TRUE(writer->Finish().ok());
    return summary;
  }

  grpc::Status List(const std::string& filter, int page_size, const std::string& token,
                    v1::ListNeedsResponse& response) {
    v1::ListNeedsRequest request;
    request.set_filter(filter);
    request.set_page_size(page_size);
    request.set_page_token(token);
    response.Clear();
    return needs_->ListNeeds(Ctx().get(), request, &response);
  }
};

TEST_F(ListAndImportTest, WalkSeesEveryRecordExactlyOnce) {
  ASSERT_EQ(ImportNeeds(234).accepted_count(), 234);
  std::set<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    v1::ListNeedsResponse response;
    ASSERT_TRUE(List("", 50, token, response).ok());
    for (const v1::Need& need : response.needs()) {
      EXPECT_TRUE(seen.insert(need.name()).second) << need.name() << " seen twice";
    }
    token = response.next_page_token();
    ++pages;
  } while (!token.empty());
  EXPECT_EQ(seen.size(), 234u);
  EXPECT_EQ(pages, 5);
}

TEST_F(ListAndImportTest, PageSizeDefaultsAndIsCapped) {
  ASSERT_EQ(ImportNeeds(1005).accepted_count(), 1005);
  v1::ListNeedsResponse response;
  ASSERT_TRUE(List("", 0, "", response).ok());
  EXPECT_EQ(response.needs_size(), 50);
  ASSERT_TRUE(List("", 5000, "", response).ok());
  EXPECT_EQ(response.needs_size(), 1000);
  EXPECT_FALSE(response.next_page_token().empty());
}

TEST_F(ListAndImportTest, BadPageSizeAndTokensAreRejected) {
  ImportNeeds(3);
  v1::ListNeedsResponse response;
  grpc::Status status = List("", -1, "", response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("page_size"));

  ASSERT_TRUE(List("", 1, "", response).ok());
  const std::string token = response.next_page_token();
  ASSERT_FALSE(token.empty());
  for (const std::string& bad : {token.substr(0, token.size() - 3), std::string("Zm9yZ2Vk"),
                                 std::string("not base64 at all!")}) {
    status = List("", 1, bad, response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad;
    EXPECT_THAT(ViolatedFields(status), ElementsAre("page_token"));
  }
  // A token only continues the query it came from.
  status = List("state = OPEN", 1, token, response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(List("", 1, token, response).ok());
}

TEST_F(ListAndImportTest, Filters) {
  CreateNeed(SampleNeed("a"), "a");
  v1::Need energy = SampleNeed("b");
  energy.clear_industries();
  energy.add_industries("industries/energy");
  energy.add_events("events/fair");
  CreateNeed(energy, "b");
  v1::WithdrawNeedRequest withdraw;
  withdraw.set_name("needs/a");
  v1::Need withdrawn;
  ASSERT_TRUE(needs_->WithdrawNeed(Ctx().get(), withdraw, &withdrawn).ok());

  auto names = [&](const std::string& filter) {
    v1::ListNeedsResponse response;
    const grpc::Status status = List(filter, 100, "", response);
    EXPECT_TRUE(status.ok()) << filter << ": " << status.error_message();
    std::vector<std::string> out;
    for (const auto& n : response.needs()) out.push_back(n.name());
    return out;
  };
  EXPECT_THAT(names("industry = \"industries/liquor\""), ElementsAre("needs/a"));
  EXPECT_THAT(names("industry = energy"), ElementsAre("needs/b"));
  EXPECT_THAT(names("industry != liquor"), ElementsAre("needs/b"));
  EXPECT_THAT(names("state = OPEN"), ElementsAre("needs/b"));
  EXPECT_THAT(names("state = WITHDRAWN AND industry = liquor"), ElementsAre("needs/a"));
  EXPECT_THAT(names("event = \"events/fair\""), ElementsAre("needs/b"));
  EXPECT_THAT(names("enterprise = \"organizations/acme\""), ElementsAre("needs/a", "needs/b"));
  EXPECT_THAT(names("create_time > \"2000-01-01T00:00:00Z\""), ElementsAre("needs/a", "needs/b"));
  EXPECT_THAT(names("create_time < 2000-01-01T00:00:00+08:00"), ElementsAre());
}

TEST_F(ListAndImportTest, BadFiltersNameTheProblem) {
  for (const std::string& filter :
       {std::string("colour = red"), std::string("state = "), std::string("state == OPEN"),
        std::string("state = OPEN AND"), std::string("state = FINISHED"),
        std::string("create_time > yesterday"), std::string("industry < liquor"),
        std::string("title = \"unterminated")}) {
    v1::ListNeedsResponse response;
    const grpc::Status status = List(filter, 10, "", response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << filter;
    EXPECT_THAT(ViolatedFields(status), ElementsAre("filter")) << filter;
  }
  v1::ListNeedsResponse response;
  EXPECT_THAT(List("colour = red", 10, "", response).error_message(), HasSubstr("colour"));
}

TEST_F(ListAndImportTest, ImportAcceptsGoodRowsAndReportsBadOnesByRow) {
  auto context = Ctx();
  v1::ImportSummary summary;
  auto writer = needs_->ImportNeeds(context.get(), &summary);
  v1::ImportNeedsRequest good;
  *good.mutable_need() = SampleNeed();
  good.set_need_id("good-1");
  good.set_row_number(2);
  v1::ImportNeedsRequest bad = good;
  bad.set_need_id("bad-1");
  bad.set_row_number(3);
  bad.mutable_need()->set_title("");
  bad.mutable_need()->set_min_trl(0);
  v1::ImportNeedsRequest duplicate = good;  // same id as row 2
  duplicate.set_row_number(4);
  v1::ImportNeedsRequest good2 = good;
  good2.set_need_id("good-2");
  good2.set_row_number(5);
  for (const auto& row : {good, bad, duplicate, good2}) ASSERT_TRUE(writer->Write(row));
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());

  EXPECT_EQ(summary.accepted_count(), 2);
  EXPECT_EQ(summary.rejected_count(), 2);
  EXPECT_THAT(summary.accepted_names(), ElementsAre("needs/good-1", "needs/good-2"));
  ASSERT_EQ(summary.rejections_size(), 2);
  EXPECT_EQ(summary.rejections(0).row_number(), 3);
  std::vector<std::string> fields;
  for (const auto& v : summary.rejections(0).field_violations()) fields.push_back(v.field());
  EXPECT_THAT(fields, ElementsAre("title", "min_trl"));
  EXPECT_EQ(summary.rejections(1).row_number(), 4);
  EXPECT_EQ(summary.rejections(1).field_violations(0).field(), "need_id");

  v1::GetNeedRequest get;
  get.set_name("needs/bad-1");
  v1::Need need;
  EXPECT_EQ(needs_->GetNeed(Ctx().get(), get, &need).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ListAndImportTest, ImportOfferingsUsesStreamPositionWhenNoRowNumber) {
  auto context = Ctx();
  v1::ImportSummary summary;
  auto writer = offerings_->ImportOfferings(context.get(), &summary);
  v1::ImportOfferingsRequest good;
  *good.mutable_offering() = SampleOffering();
  v1::ImportOfferingsRequest bad = good;
  bad.mutable_offering()->set_trl(0);
  bad.mutable_offering()->set_institute("organizations/gov");
  ASSERT_TRUE(writer->Write(good));
  ASSERT_TRUE(writer->Write(bad));
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(summary.accepted_count(), 1);
  ASSERT_EQ(summary.rejections_size(), 1);
  EXPECT_EQ(summary.rejections(0).row_number(), 2);
  std::vector<std::string> fields;
  for (const auto& v : summary.rejections(0).field_violations()) fields.push_back(v.field());
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("institute", "trl"));
}

// A row that fails in storage for another reason than a duplicate id (a fault injected with a
// trigger, as a full disk or an I/O error would): the import stops there; the batch stored
// before it and the rows of its own batch that stored stay, and only they; the status names
// the row and says how many of the import's rows are stored; what is stored is indexed too.
TEST_F(ListAndImportTest, StorageFaultStopsTheImportAndSaysWhatIsStored) {
  {
    SQLite::Database db(db_path(), SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TRIGGER inject_fault BEFORE INSERT ON offerings "
        "WHEN NEW.title = 'injected fault' BEGIN SELECT RAISE(ABORT, 'injected'); END");
  }
  constexpr int kRows = 1500;  // a full batch of 1,000, then a partial one
  constexpr int kFaulty = 1200;
  auto context = Ctx();
  v1::ImportSummary summary;
  auto writer = offerings_->ImportOfferings(context.get(), &summary);
  for (int i = 1; i <= kRows; ++i) {
    v1::ImportOfferingsRequest row;
    *row.mutable_offering() =
        SampleOffering(i == kFaulty ? "injected fault" : "纤维素乙醇发酵工艺");
    row.set_offering_id(absl::StrFormat("o-%04d", i));
    row.set_row_number(i + 1);  // a CSV file's line: its header is line 1
    ASSERT_TRUE(writer->Write(row));
  }
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INTERNAL) << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr(absl::StrCat("row ", kFaulty + 1, ":")));
  EXPECT_THAT(status.error_message(),
              HasSubstr(absl::StrCat(kRows - 1, " row(s) of this import are stored")));

  auto exists = [&](int i) {
    v1::GetOfferingRequest get;
    get.set_name(absl::StrFormat("offerings/o-%04d", i));
    v1::Offering offering;
    const grpc::Status got = offerings_->GetOffering(Ctx().get(), get, &offering);
    EXPECT_TRUE(got.ok() || got.error_code() == grpc::StatusCode::NOT_FOUND) << got.error_message();
    return got.ok();
  };
  for (int i : {1, 1000, 1001, kFaulty - 1, kFaulty + 1, kRows}) EXPECT_TRUE(exists(i)) << i;
  EXPECT_FALSE(exists(kFaulty));
  // Every stored row is in the search index, and nothing else.
  int found = 0;
  v1::ListOfferingsRequest search;
  search.set_query("纤维素乙醇");
  search.set_page_size(1000);
  for (;;) {
    v1::ListOfferingsResponse page;
    ASSERT_TRUE(offerings_->ListOfferings(Ctx().get(), search, &page).ok());
    found += page.offerings_size();
    if (page.next_page_token().empty()) break;
    search.set_page_token(page.next_page_token());
  }
  EXPECT_EQ(found, kRows - 1);
}

}  // namespace
}  // namespace techmatch::testing
