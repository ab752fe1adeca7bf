// Startup refuses storage settings the repository relies on being missing; the online backup
// copies a consistent snapshot while another connection keeps writing.
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "SQLiteCpp/Database.h"
#include "SQLiteCpp/Statement.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/online_backup.h"
#include "storage/sqlite/settings_check.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::sqlite {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

int64_t Count(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement query(db, sql);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

std::string Text(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement query(db, sql);
  query.executeStep();
  return query.getColumn(0).getString();
}

TEST(SettingsCheckTest, RepositoryConnectionsPass) {
  testing::TempDir dir;
  TM_ASSERT_OK_AND_ASSIGN(auto repo, SqliteRepository::Open(dir.File("ok.db")));
  Connection connection(dir.File("ok.db"), {});
  EXPECT_THAT(CheckStorageSettings(connection, dir.File("ok.db")), IsOk());
}

TEST(SettingsCheckTest, RollbackJournalIsRefused) {
  testing::TempDir dir;
  ConnectionOptions options;
  options.create = true;
  Connection connection(dir.File("delete.db"), options);  // a new file: journal_mode=delete
  EXPECT_THAT(CheckStorageSettings(connection, dir.File("delete.db")),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("journal_mode is 'delete', needs 'wal'"),
                             HasSubstr("delete.db"), Not(HasSubstr("foreign_keys")))));
}

TEST(SettingsCheckTest, ForeignKeysOffAndNoBusyTimeoutAreRefused) {
  testing::TempDir dir;
  TM_ASSERT_OK_AND_ASSIGN(auto repo, SqliteRepository::Open(dir.File("fk.db")));
  ConnectionOptions options;
  options.busy_timeout_ms = 0;
  Connection connection(dir.File("fk.db"), options);
  connection.Run("PRAGMA foreign_keys = OFF");
  EXPECT_THAT(CheckStorageSettings(connection, dir.File("fk.db")),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("foreign_keys is '0'"), HasSubstr("busy_timeout is '0'"),
                             Not(HasSubstr("journal_mode")))));
}

TEST(SettingsCheckTest, OpenRefusesZeroBusyTimeout) {
  testing::TempDir dir;
  SqliteOptions options;
  options.busy_timeout_ms = 0;
  EXPECT_THAT(SqliteRepository::Open(dir.File("busy.db"), options),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("busy_timeout")));
}

class BackupTest : public testing::RepositoryTest {};

TEST_F(BackupTest, CopyIsSelfContainedAndComplete) {
  for (int i = 0; i < 50; ++i) MustCreate(Enterprise("org-" + std::to_string(i)));
  const std::string out = dir_.File("copy.db");
  TM_ASSERT_OK_AND_ASSIGN(BackupResult result, BackupDatabase(db_path_, out));
  EXPECT_GT(result.pages, 0);
  EXPECT_GT(result.bytes, 0);
  EXPECT_EQ(Text(out, "PRAGMA journal_mode"), "delete");
  EXPECT_EQ(Text(out, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Count(out, "SELECT count(*) FROM organizations WHERE id LIKE 'org-%'"), 50);
  EXPECT_NE(access((out + ".partial").c_str(), F_OK), 0);

  // The copy opens as a repository: restoring is putting it in place.
  TM_ASSERT_OK_AND_ASSIGN(auto restored, SqliteRepository::Open(out));
  EXPECT_THAT(restored->GetOrganization("org-49"), IsOk());
}

TEST_F(BackupTest, WhileWritingTheCopyIsOneSnapshot) {
  std::atomic<bool> stop{false};
  std::atomic<int> created{0};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      if (repo().CreateOrganization(Enterprise("w-" + std::to_string(i)), {}).ok()) ++created;
    }
  });
  while (created < 20) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const int before = created;
  BackupOptions options;
  options.pages_per_step = 1;  // many steps, writes between them
  absl::StatusOr<BackupResult> result = BackupDatabase(db_path_, dir_.File("live.db"), options);
  stop = true;
  writer.join();
  ASSERT_THAT(result, IsOk());
  EXPECT_GT(result->steps, 1);
  const std::string out = dir_.File("live.db");
  EXPECT_EQ(Text(out, "PRAGMA integrity_check"), "ok");
  // Organizations are created in order w-0, w-1, ...: a snapshot holds exactly a prefix, at
  // least every one acknowledged before the backup began.
  const int64_t copied = Count(out, "SELECT count(*) FROM organizations WHERE id LIKE 'w-%'");
  EXPECT_GE(copied, before);
  EXPECT_LE(copied, created.load());
  EXPECT_EQ(Count(out, "SELECT count(*) FROM organizations WHERE id = 'w-" +
                           std::to_string(copied - 1) + "'"),
            1);
}

TEST_F(BackupTest, BadArgumentsAreRefused) {
  EXPECT_THAT(BackupDatabase(dir_.File("missing.db"), dir_.File("x.db")),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(BackupDatabase(db_path_, db_path_), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(BackupDatabase(db_path_, dir_.File("no/such/dir/x.db")),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

// Each spelling of the database's own files is refused, and none of them is touched.
TEST_F(BackupTest, DatabaseAndItsCompanionFilesAreRefusedUnderAnySpelling) {
  MustCreate(Enterprise("kept"));
  ASSERT_EQ(access((db_path_ + "-wal").c_str(), F_OK), 0) << "the repository runs in WAL mode";
  const std::string db_name = db_path_.substr(db_path_.rfind('/') + 1);
  ASSERT_EQ(mkdir(dir_.File("sub").c_str(), 0700), 0);
  ASSERT_EQ(symlink((db_path_ + "-wal").c_str(), dir_.File("link-to-wal").c_str()), 0);
  ASSERT_EQ(symlink(dir_.path().c_str(), dir_.File("dirlink").c_str()), 0);
  for (const std::string& out :
       {db_path_, db_path_ + "-wal", db_path_ + "-shm", db_path_ + "-journal",
        dir_.File("sub/../" + db_name + "-wal"), dir_.File("link-to-wal"),
        dir_.File("dirlink/" + db_name + "-shm"), dir_.path() + "//./" + db_name}) {
    BackupOptions options;
    options.overwrite = true;  // even when asked to overwrite
    EXPECT_THAT(BackupDatabase(db_path_, out, options),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("-wal, -shm or -journal")))
        << out;
  }
  Reopen();
  EXPECT_THAT(repo().GetOrganization("kept"), IsOk());
  EXPECT_EQ(Text(db_path_, "PRAGMA integrity_check"), "ok");
}

TEST_F(BackupTest, ExistingFileIsReplacedOnlyWhenAsked) {
  const std::string out = dir_.File("existing.db");
  ASSERT_THAT(BackupDatabase(db_path_, out), IsOk());
  EXPECT_THAT(BackupDatabase(db_path_, out),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("--overwrite")));
  BackupOptions options;
  options.overwrite = true;
  EXPECT_THAT(BackupDatabase(db_path_, out, options), IsOk());
}

TEST_F(BackupTest, TheCopyBesideTheDestinationMustNotBeTheDatabase) {
  // A database called X.partial and --out X: the temporary copy would replace the database.
  testing::TempDir other;
  const std::string db = other.File("live.db.partial");
  { TM_ASSERT_OK_AND_ASSIGN(auto repository, SqliteRepository::Open(db)); }
  EXPECT_THAT(BackupDatabase(db, other.File("live.db")),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(Text(db, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace techmatch::storage::sqlite
