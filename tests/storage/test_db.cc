#include "tests/storage/test_db.h"

#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/postgres_repository.h"

namespace techmatch::storage::testing {

TempDir::TempDir() {
  std::string pattern = ::testing::TempDir() + "/techmatch_storage_XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed for " << pattern;
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kSqlite ? "SQLite" : "PostgreSQL");
}

std::string PostgresTestUri() {
  const char* uri = getenv("TECHMATCH_TEST_POSTGRES_URI");
  return uri != nullptr ? uri : "";
}

PostgresTestDatabase::PostgresTestDatabase() {
  static std::atomic<int> next{0};
  const std::string admin_uri = PostgresTestUri();
  // Unique per process and test: ctest runs test processes side by side on one cluster.
  name_ = absl::StrFormat("tm_test_%d_%d", getpid(), next++);
  absl::StatusOr<std::unique_ptr<postgres::Connection>> admin =
      postgres::Connection::Open(admin_uri);
  if (!admin.ok()) {
    ADD_FAILURE() << "cannot connect to " << admin_uri << ": " << admin.status();
    return;
  }
  // The name is made here of digits and letters, never input.
  absl::Status created = (*admin)->Script(absl::StrCat("CREATE DATABASE ", name_));
  if (!created.ok()) {
    ADD_FAILURE() << "CREATE DATABASE " << name_ << ": " << created;
    return;
  }
  uri_ = absl::StrCat(admin_uri, admin_uri.find('?') == std::string::npos ? "?" : "&",
                      "dbname=", name_);
}

PostgresTestDatabase::~PostgresTestDatabase() {
  if (uri_.empty()) return;
  absl::StatusOr<std::unique_ptr<postgres::Connection>> admin =
      postgres::Connection::Open(PostgresTestUri());
  if (!admin.ok()) return;  // The cluster goes away at the end of the run anyway.
  (*admin)->Script(absl::StrCat("DROP DATABASE IF EXISTS ", name_, " WITH (FORCE)")).IgnoreError();
}

void BackendTest::SetUp() {
  if (GetParam() == Backend::kPostgres) {
    if (PostgresTestUri().empty()) {
      GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test "
                      "starts one with scripts/pg-cluster)";
    }
    database_ = std::make_unique<PostgresTestDatabase>();
    ASSERT_FALSE(database_->uri().empty());
  }
  Reopen();
}

void BackendTest::Reopen(const std::optional<AuditKey>& audit_key) {
  const absl::Status opened = TryReopen(audit_key);
  ASSERT_TRUE(opened.ok()) << opened;
}

absl::Status BackendTest::TryReopen(const std::optional<AuditKey>& audit_key) {
  repo_.reset();
  if (GetParam() == Backend::kSqlite) {
    SqliteOptions options;
    options.audit_key = audit_key;
    absl::StatusOr<std::unique_ptr<SqliteRepository>> repo =
        SqliteRepository::Open(dir_.File("test.db"), options);
    if (!repo.ok()) return repo.status();
    repo_ = *std::move(repo);
  } else {
    PostgresOptions options;
    options.audit_key = audit_key;
    absl::StatusOr<std::unique_ptr<PostgresRepository>> repo =
        PostgresRepository::Open(database_->uri(), options);
    if (!repo.ok()) return repo.status();
    repo_ = *std::move(repo);
  }
  return absl::OkStatus();
}

void BackendTest::TearDown() {
  repo_.reset();  // Its connections close before the database is dropped.
  database_.reset();
}

void RepositoryTest::SetUp() {
  db_path_ = dir_.File("test.db");
  absl::StatusOr<std::unique_ptr<SqliteRepository>> repo = SqliteRepository::Open(db_path_);
  ASSERT_TRUE(repo.ok()) << repo.status();
  repo_ = *std::move(repo);
}

void RepositoryTest::Reopen() {
  repo_.reset();
  absl::StatusOr<std::unique_ptr<SqliteRepository>> repo = SqliteRepository::Open(db_path_);
  ASSERT_TRUE(repo.ok()) << repo.status();
  repo_ = *std::move(repo);
}

Organization EnterpriseRecord(const std::string& id) {
  Organization org;
  org.meta.id = id;
  org.display_name = "泸州老窖 " + id;
  org.kind = OrganizationKind::kEnterprise;
  org.region_code = "510500";
  org.industry_codes = {"liquor"};
  return org;
}

Organization UniversityRecord(const std::string& id) {
  Organization org;
  org.meta.id = id;
  org.display_name = "四川大學 " + id;
  org.kind = OrganizationKind::kUniversity;
  org.region_code = "510100";
  org.industry_codes = {"chemicals", "materials"};
  return org;
}

Event FairRecord(const std::string& id) {
  Event event;
  event.meta.id = id;
  event.display_name = "产学研合作洽谈会 " + id;
  event.location = "Luzhou";
  event.start_time = absl::FromUnixSeconds(1'790'000'000) + absl::Nanoseconds(123456789);
  event.end_time = event.start_time + absl::Hours(48);
  return event;
}

Need NeedRecord(const std::string& id, const std::string& enterprise_id) {
  Need need;
  need.meta.id = id;
  need.enterprise_id = enterprise_id;
  need.listing.title = "白酒窖池微生物 " + id;
  need.listing.description = "提高优质酒出酒率。\nImprove yield.";
  need.listing.keywords = {"白酒", "窖池", "microbiome"};
  need.listing.industry_codes = {"liquor", "agriculture"};
  need.listing.cooperation_modes = {CooperationMode::kJointDevelopment, CooperationMode::kTransfer};
  need.budget_minor = 230'000'000;  // 230万元 in fen.
  need.min_trl = 4;
  return need;
}

Offering OfferingRecord(const std::string& id, const std::string& institute_id) {
  Offering offering;
  offering.meta.id = id;
  offering.institute_id = institute_id;
  offering.listing.title = "窖泥功能菌剂 " + id;
  offering.listing.description = "Functional microbial agents for pit mud.";
  offering.listing.keywords = {"窖泥", "菌剂"};
  offering.listing.industry_codes = {"liquor"};
  offering.listing.cooperation_modes = {CooperationMode::kLicense};
  offering.trl = 6;
  offering.patents = {"CN112345678A", "CN1098765B"};
  offering.asking_price_minor = 50'000'000;
  return offering;
}

void RepositoryTest::MustCreate(const Organization& org) {
  absl::StatusOr<Organization> created = repo().CreateOrganization(org, {});
  ASSERT_TRUE(created.ok()) << created.status();
}

void RepositoryTest::MustCreate(const Event& event) {
  absl::StatusOr<Event> created = repo().CreateEvent(event, {});
  ASSERT_TRUE(created.ok()) << created.status();
}

Organization RepositoryTest::Enterprise(const std::string& id) { return EnterpriseRecord(id); }
Organization RepositoryTest::University(const std::string& id) { return UniversityRecord(id); }
Event RepositoryTest::Fair(const std::string& id) { return FairRecord(id); }
Need RepositoryTest::SampleNeed(const std::string& id, const std::string& enterprise_id) {
  return NeedRecord(id, enterprise_id);
}
Offering RepositoryTest::SampleOffering(const std::string& id, const std::string& institute_id) {
  return OfferingRecord(id, institute_id);
}

void BackendTest::MustCreate(const Organization& org) {
  absl::StatusOr<Organization> created = repo().CreateOrganization(org, {});
  ASSERT_TRUE(created.ok()) << created.status();
}

void BackendTest::MustCreate(const Event& event) {
  absl::StatusOr<Event> created = repo().CreateEvent(event, {});
  ASSERT_TRUE(created.ok()) << created.status();
}

}  // namespace techmatch::storage::testing
