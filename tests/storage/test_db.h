// Temporary databases and sample records for the storage tests.
#ifndef TECHMATCH_TESTS_STORAGE_TEST_DB_H_
#define TECHMATCH_TESTS_STORAGE_TEST_DB_H_

#include <memory>
#include <string>

#include "core/events/event.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"
#include "core/reference/organization.h"
#include "gtest/gtest.h"
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

}  // namespace techmatch::storage::testing

#endif  // TECHMATCH_TESTS_STORAGE_TEST_DB_H_
