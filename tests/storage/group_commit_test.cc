// Group commit (storage/sqlite/group_commit.h): writes that queue up while one commits share the
// next transaction, each keeps its own outcome, and a failure of the transaction itself stores none
// of the batch.
#include "storage/sqlite/group_commit.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/sqlite/connection.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::sqlite {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ConnectionOptions options;
    options.create = true;
    auto writer = std::make_unique<Connection>(dir_.File("group.db"), options);
    writer->Run("PRAGMA journal_mode = WAL");
    writer->Run("CREATE TABLE parent (id TEXT PRIMARY KEY)");
    writer->Run(
        "CREATE TABLE item (id TEXT PRIMARY KEY, parent TEXT REFERENCES parent (id) "
        "DEFERRABLE INITIALLY DEFERRED)");
    group_ = std::make_unique<GroupCommit>(std::move(writer));
    reader_ = std::make_unique<Connection>(dir_.File("group.db"), ConnectionOptions{});
  }

  // Inserts item `id` (with `parent`, checked only at COMMIT), then answers `outcome`.
  absl::Status Insert(const std::string& id, absl::Status outcome = absl::OkStatus(),
                      const std::string& parent = "", std::atomic<int>* committed = nullptr) {
    const auto body = [&](Connection& c) -> absl::Status {
      ScopedStatement insert = c.Prepare("INSERT INTO item (id, parent) VALUES (?1, ?2)");
      insert.BindText(1, id);
      if (parent.empty()) {
        insert.BindNull(2);
      } else {
        insert.BindText(2, parent);
      }
      insert.Run();  // Throws on a duplicate id.
      return outcome;
    };
    const auto failure = [&](const std::exception* e) {
      return absl::InternalError(e != nullptr ? e->what() : "unknown");
    };
    const auto on_commit = [&] {
      if (committed != nullptr) committed->fetch_add(1);
    };
    return group_->Run(GroupCommit::Write{body, failure, on_commit});
  }

  bool Stored(const std::string& id) {
    ScopedStatement find = reader_->Prepare("SELECT 1 FROM item WHERE id = ?1");
    find.BindText(1, id);
    return find.Step();
  }

  // Runs `writes` concurrently while a first write holds the writer for a while, so that they
  // queue up and run as one batch; returns each one's status.
  std::vector<absl::Status> RunQueuedBehindASlowWrite(
      const std::vector<std::function<absl::Status()>>& writes) {
    std::vector<absl::Status> statuses(writes.size());
    std::atomic<int> started{0};
    std::atomic<bool> leading{false};
    std::thread slow([&] {
      const auto body = [&](Connection& c) -> absl::Status {
        leading.store(true);
        // Hold the writer until every other write is about to queue, then a little longer.
        while (started.load() < static_cast<int>(writes.size())) std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        c.Run("INSERT INTO item (id) VALUES ('slow')");
        return absl::OkStatus();
      };
      const auto failure = [](const std::exception*) { return absl::InternalError("slow"); };
      const auto nothing = [] {};
      EXPECT_THAT(group_->Run(GroupCommit::Write{body, failure, nothing}), IsOk());
    });
    while (!leading.load()) std::this_thread::yield();  // The slow write leads first.
    std::vector<std::thread> threads;
    for (size_t i = 0; i < writes.size(); ++i) {
      threads.emplace_back([&, i] {
        started.fetch_add(1);
        statuses[i] = writes[i]();
      });
    }
    for (std::thread& thread : threads) thread.join();
    slow.join();
    return statuses;
  }

  testing::TempDir dir_;
  std::unique_ptr<GroupCommit> group_;
  std::unique_ptr<Connection> reader_;
};

TEST_F(GroupCommitTest, AloneWriteCommitsOrRollsBack) {
  EXPECT_THAT(Insert("a"), IsOk());
  EXPECT_THAT(Insert("b", absl::InvalidArgumentError("no")),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Insert("a"), StatusIs(absl::StatusCode::kInternal));  // Duplicate: threw.
  EXPECT_TRUE(Stored("a"));
  EXPECT_FALSE(Stored("b"));
  EXPECT_EQ(group_->stats().writes, 3);
  EXPECT_EQ(group_->stats().commits, 3);
}

TEST_F(GroupCommitTest, QueuedWritesShareOneCommitAndKeepTheirOwnOutcomes) {
  std::atomic<int> committed{0};
  std::vector<std::function<absl::Status()>> writes;
  for (int i = 0; i < 12; ++i) {
    const std::string id = "w" + std::to_string(i);
    if (i % 4 == 1) {
      // Inserts, then fails: its row must be undone, the others kept.
      writes.push_back(
          [&, id] { return Insert(id, absl::InvalidArgumentError(id), "", &committed); });
    } else if (i % 4 == 2) {
      // Throws (duplicate of the slow write's row): undone alone.
      writes.push_back([&] { return Insert("slow", absl::OkStatus(), "", &committed); });
    } else {
      writes.push_back([&, id] { return Insert(id, absl::OkStatus(), "", &committed); });
    }
  }
  const std::vector<absl::Status> statuses = RunQueuedBehindASlowWrite(writes);
  for (int i = 0; i < 12; ++i) {
    const std::string id = "w" + std::to_string(i);
    if (i % 4 == 1) {
      EXPECT_THAT(statuses[i], StatusIs(absl::StatusCode::kInvalidArgument)) << id;
      EXPECT_FALSE(Stored(id)) << id;
    } else if (i % 4 == 2) {
      EXPECT_THAT(statuses[i], StatusIs(absl::StatusCode::kInternal)) << id;
    } else {
      EXPECT_THAT(statuses[i], IsOk()) << id;
      EXPECT_TRUE(Stored(id)) << id;
    }
  }
  EXPECT_EQ(committed.load(), 6);  // Only the stored writes are told they committed.
  const GroupCommit::Stats stats = group_->stats();
  EXPECT_EQ(stats.writes, 13);
  EXPECT_LT(stats.commits, stats.writes) << "no two writes shared a commit";
}

TEST_F(GroupCommitTest, FailedCommitStoresNoneOfTheBatch) {
  // One write refers to a parent that does not exist; the deferred foreign key fails the
  // batch's COMMIT, so every write in it fails and none is stored.
  std::atomic<int> committed{0};
  std::vector<std::function<absl::Status()>> writes;
  for (int i = 0; i < 6; ++i) {
    const std::string id = "f" + std::to_string(i);
    const std::string parent = i == 3 ? "missing" : "";
    writes.push_back([&, id, parent] { return Insert(id, absl::OkStatus(), parent, &committed); });
  }
  const std::vector<absl::Status> statuses = RunQueuedBehindASlowWrite(writes);
  const GroupCommit::Stats stats = group_->stats();
  ASSERT_LT(stats.commits, stats.writes) << "the writes did not queue up";
  // Every write that shared the failing write's batch failed with it; the batch is whichever
  // writes queued together, so check each write's status agrees with what is stored.
  int failed = 0;
  for (int i = 0; i < 6; ++i) {
    const std::string id = "f" + std::to_string(i);
    EXPECT_EQ(statuses[i].ok(), Stored(id)) << id << ": " << statuses[i];
    if (!statuses[i].ok()) {
      ++failed;
      EXPECT_THAT(statuses[i],
                  StatusIs(absl::StatusCode::kInternal, ::testing::HasSubstr("FOREIGN KEY")));
    }
  }
  EXPECT_FALSE(Stored("f3"));
  EXPECT_GE(failed, 1);
  EXPECT_EQ(committed.load(), 6 - failed);
  // The writer is usable after the failed batch.
  EXPECT_THAT(Insert("after"), IsOk());
  EXPECT_TRUE(Stored("after"));
}

}  // namespace
}  // namespace techmatch::storage::sqlite
