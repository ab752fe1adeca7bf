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
    v1::ListNeedsRequest request;
    request.set_page_size(1000);
    v1::ListNeedsResponse response;
    EXPECT_TRUE(needs_->ListNeeds(Ctx().get(), request, &response).ok());
    return response.needs_size();
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
  }
  // The unfinished batch was dropped: nothing of any of those imports is stored.
  EXPECT_EQ(StoredNeeds(), 0);
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
