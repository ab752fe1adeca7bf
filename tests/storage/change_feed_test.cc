// The change feed servers sharing a PostgreSQL database follow (storage/change_feed.h): what
// it logs, whose writes are whose, the cache it clears, the wake-up. Two repositories opened on
// one database stand for two servers. Skips without a cluster (TECHMATCH_TEST_POSTGRES_URI).
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "core/common/status_macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/postgres_repository.h"
#include "storage/sqlite/sqlite_repository.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;

auto Change(ChangeKind kind, const std::string& id, bool own) {
  return ::testing::AllOf(Field(&RecordChange::kind, kind), Field(&RecordChange::id, id),
                          Field(&RecordChange::own, own));
}

class ChangeFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::PostgresTestUri().empty()) {
      GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test "
                      "starts one with scripts/pg-cluster)";
    }
    database_ = std::make_unique<testing::PostgresTestDatabase>();
    ASSERT_FALSE(database_->uri().empty());
    TM_ASSERT_OK_AND_ASSIGN(here_, PostgresRepository::Open(database_->uri()));
    TM_ASSERT_OK_AND_ASSIGN(there_, PostgresRepository::Open(database_->uri()));
    ASSERT_THAT(here_->CreateOrganization(testing::EnterpriseRecord("acme"), {}).status(), IsOk());
    ASSERT_THAT(here_->CreateOrganization(testing::UniversityRecord("lab"), {}).status(), IsOk());
  }

  std::vector<RecordChange> ReadAll(PostgresRepository& repo, int64_t after = 0) {
    absl::StatusOr<std::vector<RecordChange>> changes = repo.change_feed()->ReadAfter(after, 1000);
    EXPECT_TRUE(changes.ok()) << changes.status();
    return changes.ok() ? *std::move(changes) : std::vector<RecordChange>{};
  }

  std::unique_ptr<testing::PostgresTestDatabase> database_;
  std::unique_ptr<PostgresRepository> here_;
  std::unique_ptr<PostgresRepository> there_;
};

TEST_F(ChangeFeedTest, EachWriteIsLoggedAsItsWritersOwnOrAnothers) {
  ASSERT_NE(here_->change_feed(), nullptr);
  TM_ASSERT_OK_AND_ASSIGN(int64_t empty, here_->change_feed()->LatestSeq());
  EXPECT_EQ(empty, 0);
  ASSERT_THAT(there_->CreateNeed(testing::NeedRecord("n1", "acme"), {}).status(), IsOk());
  ASSERT_THAT(here_->CreateOffering(testing::OfferingRecord("o1", "lab"), {}).status(), IsOk());
  const std::vector<Offering> two = {testing::OfferingRecord("o2", "lab"),
                                     testing::OfferingRecord("o3", "lab")};
  TM_ASSERT_OK_AND_ASSIGN(auto batch, there_->CreateOfferings(two));
  ASSERT_EQ(batch.size(), 2u);
  for (const auto& row : batch) ASSERT_THAT(row.status(), IsOk());

  EXPECT_THAT(ReadAll(*here_), ElementsAre(Change(ChangeKind::kNeed, "n1", false),
                                           Change(ChangeKind::kOffering, "o1", true),
                                           Change(ChangeKind::kOffering, "o2", false),
                                           Change(ChangeKind::kOffering, "o3", false)));
  EXPECT_THAT(ReadAll(*there_), ElementsAre(Change(ChangeKind::kNeed, "n1", true),
                                            Change(ChangeKind::kOffering, "o1", false),
                                            Change(ChangeKind::kOffering, "o2", true),
                                            Change(ChangeKind::kOffering, "o3", true)));
  TM_ASSERT_OK_AND_ASSIGN(int64_t latest, here_->change_feed()->LatestSeq());
  EXPECT_EQ(latest, ReadAll(*here_).back().seq);
  EXPECT_THAT(ReadAll(*here_, latest), IsEmpty());
}

// A batch stores its good rows in one statement and, when a row is refused, one at a time:
// either way each stored record is logged once, in the batch's order, and a refused one not.
TEST_F(ChangeFeedTest, EachStoredRowOfABatchIsLoggedAndARefusedOneIsNot) {
  std::vector<Offering> good = {testing::OfferingRecord("o2", "lab"),
                                testing::OfferingRecord("o1", "lab")};
  TM_ASSERT_OK_AND_ASSIGN(auto first, there_->CreateOfferings(good));
  for (const auto& row : first) ASSERT_THAT(row.status(), IsOk());
  std::vector<Need> mixed = {testing::NeedRecord("n2", "acme"), testing::NeedRecord("n2", "acme"),
                             testing::NeedRecord("n1", "acme")};
  TM_ASSERT_OK_AND_ASSIGN(auto second, there_->CreateNeeds(mixed));
  ASSERT_EQ(second.size(), 3u);
  EXPECT_THAT(second[0].status(), IsOk());
  EXPECT_FALSE(second[1].ok());
  EXPECT_THAT(second[2].status(), IsOk());
  EXPECT_THAT(ReadAll(*here_), ElementsAre(Change(ChangeKind::kOffering, "o2", false),
                                           Change(ChangeKind::kOffering, "o1", false),
                                           Change(ChangeKind::kNeed, "n2", false),
                                           Change(ChangeKind::kNeed, "n1", false)));
}

// One row per record: a record written again moves to the end, under its latest writer.
TEST_F(ChangeFeedTest, ARecordWrittenAgainComesAfterWhatWasReadAndOnce) {
  ASSERT_THAT(there_->CreateNeed(testing::NeedRecord("n1", "acme"), {}).status(), IsOk());
  ASSERT_THAT(there_->CreateNeed(testing::NeedRecord("n2", "acme"), {}).status(), IsOk());
  const std::vector<RecordChange> first = ReadAll(*here_);
  ASSERT_EQ(first.size(), 2u);
  const int64_t read = first.back().seq;

  TM_ASSERT_OK_AND_ASSIGN(Need n1, here_->GetNeed("n1"));
  n1.listing.title = "改写的需求";
  ASSERT_THAT(here_->ReplaceNeed(n1, n1.meta.revision).status(), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(n1, there_->GetNeed("n1"));
  n1.listing.title = "再次改写";
  ASSERT_THAT(there_->ReplaceNeed(n1, n1.meta.revision).status(), IsOk());

  const std::vector<RecordChange> after = ReadAll(*here_, read);
  EXPECT_THAT(after, ElementsAre(Change(ChangeKind::kNeed, "n1", false)));
  EXPECT_THAT(ReadAll(*here_), ElementsAre(Change(ChangeKind::kNeed, "n2", false),
                                           Change(ChangeKind::kNeed, "n1", false)));
}

TEST_F(ChangeFeedTest, ThesaurusEntriesAreLoggedWhenCreatedChangedAndDeleted) {
  ThesaurusRecord entry;
  entry.meta.id = "t-1";
  entry.entry.kind = ThesaurusKind::kSynonym;
  entry.entry.from = {"窖池"};
  entry.entry.to = {"发酵池"};
  TM_ASSERT_OK_AND_ASSIGN(ThesaurusRecord created, there_->CreateThesaurusEntry(entry, {}));
  const int64_t created_seq = ReadAll(*here_).back().seq;
  ASSERT_THAT(there_->DeleteThesaurusEntry("t-1", created.meta.revision), IsOk());
  EXPECT_THAT(ReadAll(*here_, created_seq),
              ElementsAre(Change(ChangeKind::kThesaurusEntry, "t-1", false)));
}

// A server's record cache serves what it read until its feed reads the other server's write;
// from then on the new version.
TEST_F(ChangeFeedTest, ReadingAChangeDropsTheCachedRecord) {
  ASSERT_THAT(here_->CreateNeed(testing::NeedRecord("n1", "acme"), {}).status(), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Need cached, here_->GetNeed("n1"));
  const int64_t read = ReadAll(*here_).back().seq;
  TM_ASSERT_OK_AND_ASSIGN(Need elsewhere, there_->GetNeed("n1"));
  elsewhere.listing.title = "另一台服务器改的";
  ASSERT_THAT(there_->ReplaceNeed(elsewhere, elsewhere.meta.revision).status(), IsOk());

  TM_ASSERT_OK_AND_ASSIGN(Need before, here_->GetNeed("n1"));
  EXPECT_EQ(before.meta.revision, cached.meta.revision);  // still the cached one
  ASSERT_EQ(ReadAll(*here_, read).size(), 1u);
  TM_ASSERT_OK_AND_ASSIGN(Need after, here_->GetNeed("n1"));
  EXPECT_EQ(after.meta.revision, cached.meta.revision + 1);
  EXPECT_EQ(after.listing.title, "另一台服务器改的");
}

TEST_F(ChangeFeedTest, AWaitEndsWhenAnotherServerCommits) {
  ChangeFeed& feed = *here_->change_feed();
  // The first call opens the listening connection and says "look" once.
  TM_ASSERT_OK_AND_ASSIGN(bool first, feed.WaitForChanges(absl::Milliseconds(10)));
  EXPECT_TRUE(first);
  TM_ASSERT_OK_AND_ASSIGN(bool idle, feed.WaitForChanges(absl::Milliseconds(50)));
  EXPECT_FALSE(idle);

  std::thread writer([&] {
    absl::SleepFor(absl::Milliseconds(100));
    EXPECT_THAT(there_->CreateNeed(testing::NeedRecord("n1", "acme"), {}).status(), IsOk());
  });
  const absl::Time start = absl::Now();
  TM_ASSERT_OK_AND_ASSIGN(bool woken, feed.WaitForChanges(absl::Seconds(30)));
  writer.join();
  EXPECT_TRUE(woken);
  EXPECT_LT(absl::Now() - start, absl::Seconds(30));
  EXPECT_THAT(ReadAll(*here_), ElementsAre(Change(ChangeKind::kNeed, "n1", false)));
}

// The listening connection broke (the database restarted, an administrator ended it): the next
// wait says so, the one after listens again, and nothing written meanwhile is lost to ReadAfter.
TEST_F(ChangeFeedTest, ABrokenListenerIsOpenedAgainAndNothingIsMissed) {
  ChangeFeed& feed = *here_->change_feed();
  ASSERT_THAT(feed.WaitForChanges(absl::Milliseconds(10)).status(), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(auto admin, postgres::Connection::Open(database_->uri()));
  ASSERT_THAT(admin->Script("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                            "AND query LIKE 'LISTEN%'"),
              IsOk());
  ASSERT_THAT(there_->CreateNeed(testing::NeedRecord("n1", "acme"), {}).status(), IsOk());
  absl::StatusOr<bool> broken = feed.WaitForChanges(absl::Seconds(5));
  if (broken.ok()) {
    // The termination may arrive as end of input after the wait began; then the next fails.
    broken = feed.WaitForChanges(absl::Seconds(5));
  }
  EXPECT_EQ(broken.status().code(), absl::StatusCode::kUnavailable) << broken.status();
  TM_ASSERT_OK_AND_ASSIGN(bool reopened, feed.WaitForChanges(absl::Milliseconds(10)));
  EXPECT_TRUE(reopened);
  EXPECT_THAT(ReadAll(*here_), ElementsAre(Change(ChangeKind::kNeed, "n1", false)));
}

TEST(SqliteChangeFeedTest, OneServerOwnsTheFileSoThereIsNoFeed) {
  testing::TempDir dir;
  TM_ASSERT_OK_AND_ASSIGN(auto sqlite, SqliteRepository::Open(dir.File("one.db")));
  EXPECT_EQ(sqlite->change_feed(), nullptr);
}

}  // namespace
}  // namespace techmatch::storage
