// `techmatch-server copy`'s arguments and answers (server/copy_command.h), on SQLite files:
// --to missing or naming the source, a source that does not exist, a copy that prints its
// counts and the audit verification, and a target holding records refused with exit code 1.
#include "server/copy_command.h"

#include <unistd.h>

#include <sstream>
#include <string>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/audit_key_file.h"
#include "storage/sqlite/sqlite_repository.h"
#include "tests/storage/test_db.h"

namespace techmatch::server {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

class CopyCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    source_.db = dir_.File("source.db");
    // A source with one organization and one audit record.
    absl::StatusOr<std::unique_ptr<storage::SqliteRepository>> repo =
        storage::SqliteRepository::Open(source_.db);
    ASSERT_TRUE(repo.ok()) << repo.status();
    ASSERT_TRUE((*repo)->CreateOrganization(storage::testing::EnterpriseRecord("acme"), {}).ok());
    AuditEvent event;
    event.event_time = absl::Now();
    event.principal = "0123456789abcdef";
    event.role = "ADMIN";
    event.method = "/techmatch.v1.OrganizationService/CreateOrganization";
    event.outcome = "OK";
    ASSERT_TRUE((*repo)->AppendAuditEvent(event).ok());
  }

  int Run(const CopyFlags& flags) {
    out_.str("");
    err_.str("");
    return RunCopyCommand(source_, "", flags, out_, err_);
  }

  storage::testing::TempDir dir_;
  DatabaseFlags source_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(CopyCommandTest, MissingToIsRefused) {
  EXPECT_EQ(Run(CopyFlags{}), 1);
  EXPECT_THAT(err_.str(), HasSubstr("copy needs --to TARGET"));
  EXPECT_THAT(out_.str(), IsEmpty());
}

TEST_F(CopyCommandTest, TheSourceItselfIsRefused) {
  CopyFlags flags;
  flags.to = dir_.path() + "/./source.db";
  EXPECT_EQ(Run(flags), 1);
  EXPECT_THAT(err_.str(), HasSubstr("names the source database itself"));
}

TEST_F(CopyCommandTest, AMissingSourceIsNeverCreated) {
  source_.db = dir_.File("missing.db");
  CopyFlags flags;
  flags.to = dir_.File("target.db");
  EXPECT_EQ(Run(flags), 1);
  EXPECT_THAT(err_.str(), HasSubstr("does not exist"));
  EXPECT_NE(access(source_.db.c_str(), F_OK), 0);
}

TEST_F(CopyCommandTest, ACopyPrintsItsCountsAndTheVerifiedTrail) {
  CopyFlags flags;
  flags.to = dir_.File("target.db");
  ASSERT_EQ(Run(flags), 0) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("organizations"));
  EXPECT_THAT(out_.str(), HasSubstr("audit trail intact: 1 records"));
  EXPECT_THAT(out_.str(), HasSubstr("every table holds as many rows on both sides"));
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("MISMATCH")));

  // Again into the same target: it holds records now.
  EXPECT_EQ(Run(flags), 1);
  EXPECT_THAT(err_.str(), HasSubstr("the target database is not empty"));
}

}  // namespace
}  // namespace techmatch::server
