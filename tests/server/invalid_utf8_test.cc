// Import streams carrying a row whose proto3 strings are not UTF-8 (as a C++ client that does
// not check sends them): the server must answer INVALID_ARGUMENT naming the field and the row,
// store nothing of the unfinished batch, and not take the bad row for the end of the stream
// (which used to answer OK for the rows before it and silently drop the rest).
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class InvalidUtf8ImportTest : public SeededServerTest {
 protected:
  // Streams `before` good rows, one whose title is not UTF-8, then `after` good rows.
  grpc::Status ImportWithBadRow(int before, int after, v1::ImportSummary& summary) {
    auto context = Ctx();
    auto writer = needs_->ImportNeeds(context.get(), &summary);
    int row = 1;
    auto write = [&](const std::string& title) {
      v1::ImportNeedsRequest request;
      *request.mutable_need() = SampleNeed(title);
      request.set_need_id("n-" + std::to_string(row));
      request.set_row_number(++row);
      return writer->Write(request);
    };
    bool open = true;
    for (int i = 0; i < before && open; ++i) open = write("好 " + std::to_string(i));
    if (open) open = write("bad \xc3\x28 title");
    for (int i = 0; i < after && open; ++i) open = write("好 " + std::to_string(i));
    writer->WritesDone();
    return writer->Finish();
  }

  int64_t StoredNeeds() {
    int64_t stored = 0;
    v1::ListNeedsRequest request;
    request.set_page_size(1000);
    do {
      v1::ListNeedsResponse response;
      EXPECT_TRUE(needs_->ListNeeds(Ctx().get(), request, &response).ok());
      stored += response.needs_size();
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return stored;
  }
};

TEST_F(InvalidUtf8ImportTest, BadRowAnywhereEndsTheImportWithInvalidArgument) {
  for (const auto& [before, after] : {std::pair{0, 0}, {0, 3}, {5, 0}, {5, 3000}}) {
    v1::ImportSummary summary;
    const grpc::Status status = ImportWithBadRow(before, after, summary);
    ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << before << "/" << after << ": " << status.error_message();
    EXPECT_THAT(status.error_message(), HasSubstr("not valid UTF-8"));
    EXPECT_THAT(status.error_message(),
                HasSubstr("message " + std::to_string(before + 1) + " of the stream (row " +
                          std::to_string(before + 2) + ")"));
    EXPECT_THAT(ViolatedFields(status), ElementsAre("need.title"));
    // A failed import sends no summary: the status says what of it landed.
    EXPECT_THAT(status.error_message(), HasSubstr("no row of this import was stored"));
    if (before > 0) {
      EXPECT_THAT(status.error_message(),
                  HasSubstr("the " + std::to_string(before) +
                            " valid row(s) of the unfinished batch were not stored"));
    }
  }
  // The unfinished batch was dropped: nothing of any of those imports is stored.
  EXPECT_EQ(StoredNeeds(), 0);
}

// Rows are committed in batches of 1,000: a bad row after the first batch leaves that batch
// stored, and the status says so (the import is not atomic).
TEST_F(InvalidUtf8ImportTest, BadRowAfterAStoredBatchSaysWhatLanded) {
  v1::ImportSummary summary;
  const grpc::Status status = ImportWithBadRow(1001, 2, summary);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("message 1002 of the stream (row 1003)"));
  EXPECT_THAT(status.error_message(),
              HasSubstr("1000 row(s) of this import are stored and stay (rows are committed in "
                        "batches of 1000); the 1 valid row(s) of the unfinished batch were not "
                        "stored"));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("need.title"));
  EXPECT_EQ(StoredNeeds(), 1000);
}

TEST_F(InvalidUtf8ImportTest, OfferingImportToo) {
  auto context = Ctx();
  v1::ImportSummary summary;
  auto writer = offerings_->ImportOfferings(context.get(), &summary);
  v1::ImportOfferingsRequest request;
  *request.mutable_offering() = SampleOffering();
  request.mutable_offering()->add_keywords("\xb0\xd7\xbe\xc6");  // GBK bytes
  writer->Write(request);
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  EXPECT_THAT(ViolatedFields(status), ElementsAre("offering.keywords"));
}

TEST_F(InvalidUtf8ImportTest, GoodImportsStillWork) {
  v1::ImportSummary summary;
  auto context = Ctx();
  auto writer = needs_->ImportNeeds(context.get(), &summary);
  v1::ImportNeedsRequest request;
  *request.mutable_need() = SampleNeed();
  ASSERT_TRUE(writer->Write(request));
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(summary.accepted_count(), 1);
}

}  // namespace
}  // namespace techmatch::testing
