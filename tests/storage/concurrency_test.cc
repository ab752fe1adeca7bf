// Many threads at once: writers serialize, readers run beside them, nothing is lost.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;

class ConcurrencyTest : public testing::RepositoryTest {
 protected:
  void SetUp() override {
    RepositoryTest::SetUp();
    MustCreate(Enterprise("ent"));
  }

  // Every need, counted by walking all pages.
  size_t CountNeeds() {
    ListQuery query;
    query.page_size = 1000;
    size_t count = 0;
    while (true) {
      absl::StatusOr<Page<Need>> page = repo().ListNeeds(query);
      if (!page.ok()) {
        ADD_FAILURE() << page.status();
        return count;
      }
      count += page->items.size();
      if (page->next_after_id.empty()) return count;
      query.after_id = page->next_after_id;
    }
  }
};

TEST_F(ConcurrencyTest, ReadersAndWritersFinishWithConsistentCounts) {
  constexpr int kWriters = 4;
  constexpr int kPerWriter = 60;
  constexpr int kReaders = 6;
  std::atomic<int> created{0};
  std::atomic<bool> done{false};
  std::atomic<int> read_failures{0};
  std::atomic<int> reads{0};

  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kPerWriter; ++i) {
        Need need = SampleNeed(absl::StrFormat("w%d-%03d", w, i), "ent");
        // Half use request ids, and each of those is sent twice, as a retrying client would.
        if (i % 2 == 0) {
          const std::string request_id = absl::StrFormat("req-%d-%d", w, i);
          absl::StatusOr<Need> first = repo().CreateNeed(need, {"CreateNeed", request_id});
          absl::StatusOr<Need> retry = repo().CreateNeed(need, {"CreateNeed", request_id});
          ASSERT_THAT(first, IsOk());
          ASSERT_THAT(retry, IsOk());
          EXPECT_EQ(retry->meta.create_time, first->meta.create_time);
        } else {
          ASSERT_THAT(repo().CreateNeed(need, {}), IsOk());
        }
        created.fetch_add(1);
      }
    });
  }
  for (int r = 0; r < kReaders; ++r) {
    threads.emplace_back([&, r] {
      size_t last_count = 0;
      int round = 0;
      while (!done.load()) {
        if (r % 2 == 0) {
          // Counts only grow: a reader never sees a commit undone.
          const int floor = created.load();
          const size_t count = CountNeeds();
          if (count < static_cast<size_t>(floor) || count < last_count) read_failures++;
          last_count = count;
        } else {
          const std::string id = absl::StrFormat("w%d-%03d", round % kWriters, round % kPerWriter);
          absl::StatusOr<Need> need = repo().GetNeed(id);
          if (need.ok()) {
            if (need->meta.id != id || need->enterprise_id != "ent") read_failures++;
          } else if (need.status().code() != absl::StatusCode::kNotFound) {
            read_failures++;
          }
          absl::StatusOr<std::optional<OrganizationKind>> kind = repo().FindOrganizationKind("ent");
          if (!kind.ok() || *kind != OrganizationKind::kEnterprise) read_failures++;
        }
        ++round;
        reads.fetch_add(1);
      }
    });
  }
  for (int w = 0; w < kWriters; ++w) threads[w].join();
  done.store(true);
  for (size_t t = kWriters; t < threads.size(); ++t) threads[t].join();

  EXPECT_EQ(read_failures.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(CountNeeds(), static_cast<size_t>(kWriters * kPerWriter));
  Reopen();
  EXPECT_EQ(CountNeeds(), static_cast<size_t>(kWriters * kPerWriter));
}

TEST_F(ConcurrencyTest, OptimisticReplacesLoseNoUpdate) {
  ASSERT_THAT(repo().CreateNeed(SampleNeed("shared", "ent"), {}), IsOk());
  constexpr int kThreads = 4;
  constexpr int kUpdatesEach = 15;
  std::atomic<int> aborted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kUpdatesEach;) {
        absl::StatusOr<Need> need = repo().GetNeed("shared");
        ASSERT_THAT(need, IsOk());
        Need next = *need;
        next.listing.keywords.push_back(absl::StrFormat("t%d-%d", t, i));
        absl::StatusOr<Need> replaced = repo().ReplaceNeed(next, need->meta.revision);
        if (replaced.ok()) {
          ++i;
        } else {
          ASSERT_EQ(replaced.status().code(), absl::StatusCode::kAborted) << replaced.status();
          aborted.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  TM_ASSERT_OK_AND_ASSIGN(Need final_need, repo().GetNeed("shared"));
  // Every successful replace appended one keyword on top of the previous one.
  EXPECT_EQ(final_need.meta.revision, 1 + kThreads * kUpdatesEach);
  EXPECT_EQ(final_need.listing.keywords.size(),
            SampleNeed("x", "ent").listing.keywords.size() + kThreads * kUpdatesEach);
}

}  // namespace
}  // namespace techmatch::storage
