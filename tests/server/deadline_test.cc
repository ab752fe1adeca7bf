// Handlers of long calls honour their deadline: an import whose deadline passes mid-stream
// stops with DEADLINE_EXCEEDED and stores nothing of its unfinished batch, and the server goes
// on serving.
#include <thread>

#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using DeadlineTest = SeededServerTest;

TEST_F(DeadlineTest, ImportPastItsDeadlineStoresNothingOfTheOpenBatch) {
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + admin_token_);
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(800));
  v1::ImportSummary summary;
  auto writer = needs_->ImportNeeds(&context, &summary);
  for (int i = 0; i < 3; ++i) {
    v1::ImportNeedsRequest row;
    *row.mutable_need() = SampleNeed("窖池溫度監測 " + std::to_string(i));
    row.set_need_id("late-" + std::to_string(i));
    ASSERT_TRUE(writer->Write(row));
  }
  // The client stalls past its deadline before saying it is done.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  writer->WritesDone();
  EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);

  // Give the handler time to finish what it would do after the deadline.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  v1::ListNeedsRequest list;
  v1::ListNeedsResponse listed;
  ASSERT_TRUE(needs_->ListNeeds(Ctx().get(), list, &listed).ok());
  EXPECT_EQ(listed.needs_size(), 0);
  // The server keeps serving.
  EXPECT_EQ(CreateNeed(SampleNeed(), "after").name(), "needs/after");
}

TEST_F(DeadlineTest, ImportWithinItsDeadlineStoresEveryRow) {
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + admin_token_);
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  v1::ImportSummary summary;
  auto writer = needs_->ImportNeeds(&context, &summary);
  for (int i = 0; i < 3; ++i) {
    v1::ImportNeedsRequest row;
    *row.mutable_need() = SampleNeed("窖池溫度監測 " + std::to_string(i));
    ASSERT_TRUE(writer->Write(row));
  }
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(summary.accepted_count(), 3);
}

}  // namespace
}  // namespace techmatch::testing
