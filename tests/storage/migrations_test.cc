// Opening a database: migrations from an empty file, reopening, seeds, the page-token key.
#include "storage/sqlite/migrations.h"

#include <string>
#include <vector>

#include "SQLiteCpp/Database.h"
#include "SQLiteCpp/Statement.h"
#include "core/auth/api_key.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/sqlite/connection.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage::sqlite {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

int UserVersion(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement query(db, "PRAGMA user_version");
  query.executeStep();
  return query.getColumn(0).getInt();
}

TEST(MigrationsTest, VersionsAreConsecutiveFromOne) {
  const std::vector<Migration>& migrations = Migrations();
  ASSERT_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
  }
  EXPECT_EQ(LatestSchemaVersion(), migrations.back().version);
}

TEST(MigrationsTest, EmptyFileMigratesToLatestAndReopenKeepsData) {
  testing::TempDir dir;
  const std::string path = dir.File("fresh.db");
  {
    TM_ASSERT_OK_AND_ASSIGN(auto repo, SqliteRepository::Open(path));
    TM_ASSERT_OK_AND_ASSIGN(int version, repo->SchemaVersion());
    EXPECT_EQ(version, LatestSchemaVersion());
    Organization org;
    org.meta.id = "acme";
    org.display_name = "Acme";
    org.kind = OrganizationKind::kEnterprise;
    ASSERT_THAT(repo->CreateOrganization(org, {}), IsOk());
  }
  EXPECT_EQ(UserVersion(path), LatestSchemaVersion());
  {
    TM_ASSERT_OK_AND_ASSIGN(auto repo, SqliteRepository::Open(path));
    TM_ASSERT_OK_AND_ASSIGN(Organization org, repo->GetOrganization("acme"));
    EXPECT_EQ(org.display_name, "Acme");
    EXPECT_EQ(org.meta.revision, 1);
  }
  EXPECT_EQ(UserVersion(path), LatestSchemaVersion());
}

TEST(MigrationsTest, EachEarlierVersionMigratesToLatest) {
  // Builds a file at every earlier version with the migrations alone, then opens it.
  for (int version = 0; version < LatestSchemaVersion(); ++version) {
    testing::TempDir dir;
    const std::string path = dir.File("old.db");
    {
      Connection connection(path, ConnectionOptions{.create = true});
      ASSERT_THAT(ApplyMigrations(connection, version), IsOk());
      EXPECT_EQ(SchemaVersion(connection), version);
    }
    EXPECT_EQ(UserVersion(path), version);
    TM_ASSERT_OK_AND_ASSIGN(auto repo, SqliteRepository::Open(path));
    EXPECT_EQ(UserVersion(path), LatestSchemaVersion()) << "from version " << version;
  }
}

// A file made by the schema before people and review (version 6): its keys keep working with no
// region and no expiry, its needs and offerings are published as they were.
TEST(MigrationsTest, RecordsFromBeforePeopleAndReviewKeepTheirMeaning) {
  testing::TempDir dir;
  const std::string path = dir.File("v6.db");
  TM_ASSERT_OK_AND_ASSIGN(NewToken token, GenerateToken());
  {
    Connection connection(path, ConnectionOptions{.create = true});
    ASSERT_THAT(ApplyMigrations(connection, 6), IsOk());
    connection.Run(
        "INSERT INTO organizations (id, display_name, kind, region_code, industries, create_time, "
        "update_time, revision) VALUES ('acme', 'Acme', 'ENTERPRISE', '510500', '', 1, 1, 1)");
    connection.Run(
        "INSERT INTO organizations (id, display_name, kind, region_code, industries, create_time, "
        "update_time, revision) VALUES ('lab', 'Lab', 'RESEARCH_INSTITUTE', '510100', '', 1, 1, "
        "1)");
    connection.Run(
        "INSERT INTO needs (id, enterprise_id, title, description, keywords, industries, "
        "cooperation_modes, events, state, create_time, update_time, revision) VALUES "
        "('old', 'acme', 'Old need', '', '', 'liquor', '', '', 'OPEN', 1, 1, 1)");
    connection.Run(
        "INSERT INTO offerings (id, institute_id, title, description, keywords, industries, "
        "cooperation_modes, events, trl, patents, state, create_time, update_time, revision) "
        "VALUES ('kit', 'lab', 'Old offering', '', '', 'liquor', '', '', 5, '', 'AVAILABLE', 1, 1, "
        "1)");
    ScopedStatement insert = connection.Prepare(
        "INSERT INTO api_keys (key_id, token_hash, role, organization_id, label, create_time) "
        "VALUES (?1, ?2, 'OFFICIAL', NULL, 'old', 1)");
    insert.BindText(1, token.key_id);
    insert.BindBlob(2, Sha256(token.token));
    insert.Run();
  }
  TM_ASSERT_OK_AND_ASSIGN(auto repo, SqliteRepository::Open(path));
  EXPECT_EQ(UserVersion(path), LatestSchemaVersion());
  TM_ASSERT_OK_AND_ASSIGN(Need need, repo->GetNeed("old"));
  EXPECT_EQ(need.state, NeedState::kOpen);  // Published: matched and shown as before.
  EXPECT_TRUE(need.published);
  EXPECT_EQ(need.return_reason, "");
  TM_ASSERT_OK_AND_ASSIGN(Offering offering, repo->GetOffering("kit"));
  EXPECT_EQ(offering.state, OfferingState::kAvailable);
  EXPECT_TRUE(offering.published);
  // The key as its token finds it: same hash, no region (everything its role allows), no expiry,
  // not revoked.
  TM_ASSERT_OK_AND_ASSIGN(std::optional<ApiKey> key, repo->FindApiKey(token.key_id));
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->token_hash, Sha256(token.token));
  EXPECT_EQ(key->role, Role::kOfficial);
  EXPECT_EQ(key->region_code, "");
  EXPECT_FALSE(key->expire_time.has_value());
  EXPECT_FALSE(key->revoke_time.has_value());
}

// A file at version 9 holding an enterprise contact that approval gave its organization's
// region, a regional official and a regional institute key: only the official keeps a region.
TEST(MigrationsTest, RegionsStayOnlyOnOfficialsAndOrganizers) {
  testing::TempDir dir;
  const std::string path = dir.File("v9.db");
  {
    Connection connection(path, ConnectionOptions{.create = true});
    ASSERT_THAT(ApplyMigrations(connection, 9), IsOk());
    connection.Run(
        "INSERT INTO organizations (id, display_name, kind, region_code, industries, create_time, "
        "update_time, revision) VALUES ('acme', 'Acme', 'ENTERPRISE', '510500', '', 1, 1, 1)");
    connection.Run(
        "INSERT INTO users (id, email, display_name, organization_id, role, region_code, state, "
        "password_hash, create_time, update_time, revision) VALUES ('li', 'li@acme.example', "
        "'Li', 'acme', 'ENTERPRISE', '510500', 'ACTIVE', 'x', 1, 1, 1), ('wang', "
        "'wang@gov.example', 'Wang', NULL, 'OFFICIAL', '510500', 'ACTIVE', 'x', 1, 1, 1)");
    connection.Run(
        "INSERT INTO api_keys (key_id, token_hash, role, organization_id, label, create_time, "
        "region_code) VALUES ('k1k1k1k1k1k1k1k1', zeroblob(32), 'INSTITUTE', 'acme', 'lab', 1, "
        "'510500')");
  }
  TM_ASSERT_OK_AND_ASSIGN(auto repo, SqliteRepository::Open(path));
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement users(db, "SELECT id, region_code, revision FROM users ORDER BY id");
  ASSERT_TRUE(users.executeStep());
  EXPECT_EQ(users.getColumn(1).getString(), "");  // li, the enterprise contact
  EXPECT_EQ(users.getColumn(2).getInt(), 2);      // a new etag: the record changed
  ASSERT_TRUE(users.executeStep());
  EXPECT_EQ(users.getColumn(1).getString(), "510500");  // wang, the official
  EXPECT_EQ(users.getColumn(2).getInt(), 1);
  SQLite::Statement key(db, "SELECT region_code FROM api_keys WHERE key_id = 'k1k1k1k1k1k1k1k1'");
  ASSERT_TRUE(key.executeStep());
  EXPECT_EQ(key.getColumn(0).getString(), "");
}

TEST(MigrationsTest, FileFromNewerBuildIsRefused) {
  testing::TempDir dir;
  const std::string path = dir.File("newer.db");
  { TM_ASSERT_OK_AND_ASSIGN(auto repo, SqliteRepository::Open(path)); }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(LatestSchemaVersion() + 1));
  }
  EXPECT_THAT(SqliteRepository::Open(path),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("newer")));
}

TEST(MigrationsTest, NonDatabaseFileIsRefusedClearly) {
  testing::TempDir dir;
  const std::string path = dir.File("garbage.db");
  {
    std::FILE* file = std::fopen(path.c_str(), "w");
    ASSERT_NE(file, nullptr);
    std::fputs("this is not a database file, it is a text file of some length........", file);
    std::fclose(file);
  }
  EXPECT_THAT(SqliteRepository::Open(path), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(MigrationsTest, MissingDirectoryIsRefusedClearly) {
  EXPECT_THAT(SqliteRepository::Open("/nonexistent-dir-techmatch/x.db"),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("x.db")));
}

TEST(MigrationsTest, BadOptionsAreRefused) {
  testing::TempDir dir;
  SqliteOptions options;
  options.reader_connections = 0;
  EXPECT_THAT(SqliteRepository::Open(dir.File("a.db"), options),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(MigrationsTest, PragmasAreSet) {
  testing::TempDir dir;
  const std::string path = dir.File("wal.db");
  SqliteOptions options;
  options.synchronous = Synchronous::kNormal;
  TM_ASSERT_OK_AND_ASSIGN(auto repo, SqliteRepository::Open(path, options));
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

// Over both backends.
class SeedTest : public testing::BackendTest {};
INSTANTIATE_TEST_SUITE_P(Backends, SeedTest, testing::kBackends, testing::BackendName);

TEST_P(SeedTest, IndustriesAreSeeded) {
  ListQuery query;
  query.page_size = 100;
  TM_ASSERT_OK_AND_ASSIGN(Page<Industry> page, repo().ListIndustries(query));
  std::vector<std::string> codes;
  for (const Industry& industry : page.items) codes.push_back(industry.meta.id);
  // Keyset order is by code.
  EXPECT_THAT(codes,
              ElementsAreArray({"agriculture", "chemicals", "electronics", "energy", "environment",
                                "liquor", "machinery", "materials", "other", "pharmaceuticals"}));
  EXPECT_TRUE(page.next_after_id.empty());
  TM_ASSERT_OK_AND_ASSIGN(Industry liquor, repo().GetIndustry("liquor"));
  EXPECT_EQ(liquor.display_name_zh, "酒业");
  EXPECT_EQ(liquor.display_name_en, "Liquor");
  EXPECT_EQ(liquor.meta.revision, 1);
  EXPECT_GT(liquor.meta.create_time, absl::FromUnixSeconds(1'600'000'000));
  TM_ASSERT_OK_AND_ASSIGN(Industry agriculture, repo().GetIndustry("agriculture"));
  EXPECT_EQ(agriculture.display_name_zh, "优势农业");
  TM_ASSERT_OK_AND_ASSIGN(Industry environment, repo().GetIndustry("environment"));
  EXPECT_EQ(environment.display_name_en, "Environmental protection");
}

TEST_P(SeedTest, SeedsAreNotRepeatedOnReopen) {
  Reopen();
  TM_ASSERT_OK_AND_ASSIGN(Page<Industry> page, repo().ListIndustries(ListQuery{}));
  EXPECT_EQ(page.items.size(), 10u);
}

TEST_P(SeedTest, PageTokenKeyIsRandomAndStable) {
  TM_ASSERT_OK_AND_ASSIGN(std::string key, repo().PageTokenKey());
  EXPECT_EQ(key.size(), 32u);
  EXPECT_NE(key, std::string(32, '\0'));
  Reopen();
  TM_ASSERT_OK_AND_ASSIGN(std::string reopened_key, repo().PageTokenKey());
  EXPECT_EQ(reopened_key, key);

  testing::TempDir other_dir;
  TM_ASSERT_OK_AND_ASSIGN(auto other, SqliteRepository::Open(other_dir.File("other.db")));
  TM_ASSERT_OK_AND_ASSIGN(std::string other_key, other->PageTokenKey());
  EXPECT_NE(key, other_key);
}

}  // namespace
}  // namespace techmatch::storage::sqlite
