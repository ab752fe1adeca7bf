#include "tests/storage/test_db.h"

#include <stdlib.h>

#include <filesystem>

#include "absl/time/time.h"

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

Organization RepositoryTest::Enterprise(const std::string& id) {
  Organization org;
  org.meta.id = id;
  org.display_name = "泸州老窖 " + id;
  org.kind = OrganizationKind::kEnterprise;
  org.region_code = "510500";
  org.industry_codes = {"liquor"};
  return org;
}

Organization RepositoryTest::University(const std::string& id) {
  Organization org;
  org.meta.id = id;
  org.display_name = "四川大學 " + id;
  org.kind = OrganizationKind::kUniversity;
  org.region_code = "510100";
  org.industry_codes = {"chemicals", "materials"};
  return org;
}

Event RepositoryTest::Fair(const std::string& id) {
  Event event;
  event.meta.id = id;
  event.display_name = "产学研合作洽谈会 " + id;
  event.location = "Luzhou";
  event.start_time = absl::FromUnixSeconds(1'790'000'000) + absl::Nanoseconds(123456789);
  event.end_time = event.start_time + absl::Hours(48);
  return event;
}

Need RepositoryTest::SampleNeed(const std::string& id, const std::string& enterprise_id) {
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

Offering RepositoryTest::SampleOffering(const std::string& id, const std::string& institute_id) {
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

}  // namespace techmatch::storage::testing
