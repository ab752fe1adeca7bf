// Temporary databases and sample records for the storage tests.
#ifndef TECHMATCH_TESTS_STORAGE_TEST_DB_H_
#define TECHMATCH_TESTS_STORAGE_TEST_DB_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "core/auth/audit_event.h"
#include "core/events/event.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"
#include "core/reference/organization.h"
#include "gtest/gtest.h"
#include "storage/repository.h"
#include "storage/sqlite/sqlite_repository.h"

namespace techmatch::storage::testing {

// A fresh directory under the test temp dir, removed with everything in it at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Organizations that satisfy the domain rules: an enterprise in 510500 (liquor), a university in
// 510100 (chemicals, materials).
Organization EnterpriseRecord(const std::string& id);
Organization UniversityRecord(const std::string& id);
// A two-day fair in Luzhou whose start has nanoseconds.
Event FairRecord(const std::string& id);
// A published need and offering of the given owners (which must exist to be stored).
Need NeedRecord(const std::string& id, const std::string& enterprise_id);
Offering OfferingRecord(const std::string& id, const std::string& institute_id);

// A test that owns a temporary database file and a repository opened on it.
class RepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override;
  // Closes and reopens the repository on the same file.
  void Reopen();
  SqliteRepository& repo() { return *repo_; }

  // Records that satisfy the domain rules and refer to records that exist.
  Organization Enterprise(const std::string& id);
  Organization University(const std::string& id);
  Event Fair(const std::string& id);
  Need SampleNeed(const std::string& id, const std::string& enterprise_id);
  Offering SampleOffering(const std::string& id, const std::string& institute_id);

  // Creates an organization/event and fails the test when that does not work.
  void MustCreate(const Organization& org);
  void MustCreate(const Event& event);

  TempDir dir_;
  std::string db_path_;
  std::unique_ptr<SqliteRepository> repo_;
};

// The backends a storage test runs against: TEST_P over a BackendTest fixture, instantiated
// with INSTANTIATE_TEST_SUITE_P(Backends, Fixture, kBackends, BackendName).
enum class Backend { kSqlite, kPostgres };
inline const auto kBackends = ::testing::Values(Backend::kSqlite, Backend::kPostgres);
// Names the instantiations .../SQLite and .../PostgreSQL; PrintTo says the same in messages.
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);
void PrintTo(Backend backend, std::ostream* out);

// The cluster PostgreSQL tests use (TECHMATCH_TEST_POSTGRES_URI, which scripts/test sets), or
// "" when there is none.
std::string PostgresTestUri();

// A database of its own on the test cluster, dropped at destruction.
class PostgresTestDatabase {
 public:
  PostgresTestDatabase();
  ~PostgresTestDatabase();
  PostgresTestDatabase(const PostgresTestDatabase&) = delete;
  PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;
  // Empty when the database could not be created (a test failure was added).
  const std::string& uri() const { return uri_; }

 private:
  std::string name_;
  std::string uri_;
};

// A test that opens a fresh repository of its parameter's backend: a temporary SQLite file or
// a new PostgreSQL database. PostgreSQL tests skip, saying so, when no cluster is configured.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Closes and opens the repository again on the same file or database, keying audit records
  // with `audit_key` when given.
  void Reopen(const std::optional<AuditKey>& audit_key = std::nullopt);
  // Closes the repository and opens it again, answering what Open answered (the repository is
  // null after a failure).
  absl::Status TryReopen(const std::optional<AuditKey>& audit_key);
  Repository& repo() { return *repo_; }

  Organization Enterprise(const std::string& id) { return EnterpriseRecord(id); }
  Organization University(const std::string& id) { return UniversityRecord(id); }
  Event Fair(const std::string& id) { return FairRecord(id); }
  Need SampleNeed(const std::string& id, const std::string& enterprise_id) {
    return NeedRecord(id, enterprise_id);
  }
  Offering SampleOffering(const std::string& id, const std::string& institute_id) {
    return OfferingRecord(id, institute_id);
  }
  // Creates an organization/event and fails the test when that does not work.
  void MustCreate(const Organization& org);
  void MustCreate(const Event& event);

  TempDir dir_;
  std::unique_ptr<PostgresTestDatabase> database_;
  std::unique_ptr<Repository> repo_;
};

}  // namespace techmatch::storage::testing

#endif  // TECHMATCH_TESTS_STORAGE_TEST_DB_H_
