// Projects of the programme ledger over both backends: round trips, the organization set,
// filters and scopes, and fund arrivals with their exact sum and idempotency; on SQLite, that
// the file refuses changed or removed arrivals (postgres_test.cc checks the same there).
#include <limits>
#include <string>
#include <vector>

#include "SQLiteCpp/Database.h"
#include "SQLiteCpp/Exception.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/common/filter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

Project Sample(const std::string& id, const std::string& region = "510521") {
  Project p;
  p.meta.id = id;
  p.title = "白酒固态发酵智能化 " + id;
  p.level = ProjectLevel::kProvincial;
  p.programme = "省重点研发计划";
  p.lead_organization_id = "acme";
  p.partner_ids = {"scu"};
  p.region_code = region;
  p.year = 2026;
  p.approved_minor = 1000;
  return p;
}

FundArrival Arrival(const std::string& project, int64_t amount) {
  FundArrival a;
  a.project_id = project;
  a.amount_minor = amount;
  a.arrive_time = absl::FromUnixSeconds(1'790'000'000);
  a.note = "first tranche";
  return a;
}

// Over both backends.
class ProjectStorageTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("acme"));
    MustCreate(University("scu"));
  }

  std::vector<std::string> Ids(const std::string& filter, ReadScope scope = {}) {
    ListQuery query;
    absl::StatusOr<std::vector<FilterTerm>> terms =
        ParseFilter(filter, Repository::ProjectFilterFields());
    EXPECT_TRUE(terms.ok()) << terms.status();
    query.filter = *terms;
    query.scope = std::move(scope);
    absl::StatusOr<Page<Project>> page = repo().ListProjects(query);
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<std::string> ids;
    for (const Project& p : page->items) ids.push_back(p.meta.id);
    return ids;
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, ProjectStorageTest, testing::kBackends, testing::BackendName);

// The SQLite file itself.
class ProjectSqliteFileTest : public testing::RepositoryTest {
 protected:
  void SetUp() override {
    RepositoryTest::SetUp();
    MustCreate(Enterprise("acme"));
    MustCreate(University("scu"));
  }
};

TEST_P(ProjectStorageTest, CreateGetReplaceRoundTrip) {
  ASSERT_THAT(repo().CreateProject(Sample("p1"), {}), IsOk());
  absl::StatusOr<Project> got = repo().GetProject("p1");
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->title, Sample("p1").title);
  EXPECT_EQ(got->level, ProjectLevel::kProvincial);
  EXPECT_EQ(got->partner_ids, std::vector<std::string>{"scu"});
  EXPECT_EQ(got->approved_minor, 1000);
  EXPECT_EQ(got->arrived_minor, 0);
  EXPECT_EQ(got->meta.revision, 1);
  Project changed = *got;
  changed.approved_minor = std::nullopt;
  changed.partner_ids.clear();
  ASSERT_THAT(repo().ReplaceProject(changed, 1), IsOk());
  got = repo().GetProject("p1");
  EXPECT_EQ(got->approved_minor, std::nullopt);
  EXPECT_THAT(got->partner_ids, IsEmpty());
  EXPECT_EQ(got->meta.revision, 2);
  EXPECT_THAT(repo().ReplaceProject(changed, 1), StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(repo().GetProject("nope"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(ProjectStorageTest, ARepeatedRequestIdCreatesNothing) {
  ASSERT_THAT(repo().CreateProject(Sample("p1"), {"CreateProject", "r-1"}), IsOk());
  absl::StatusOr<Project> again = repo().CreateProject(Sample("p2"), {"CreateProject", "r-1"});
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->meta.id, "p1");
  EXPECT_THAT(repo().GetProject("p2"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(ProjectStorageTest, FiltersAndScopes) {
  Project county = Sample("county");
  Project city = Sample("city", "510500");
  city.level = ProjectLevel::kNational;
  city.year = 2025;
  city.partner_ids.clear();
  Project chengdu = Sample("chengdu", "510100");
  chengdu.lead_organization_id = "scu";
  chengdu.partner_ids.clear();
  for (const Project& p : {county, city, chengdu}) ASSERT_THAT(repo().CreateProject(p, {}), IsOk());

  EXPECT_THAT(Ids("region_code = \"510500\""), ElementsAre("city", "county"));
  EXPECT_THAT(Ids("region_code = \"510000\""), ElementsAre("chengdu", "city", "county"));
  EXPECT_THAT(Ids("region_code = \"510521\""), ElementsAre("county"));
  EXPECT_THAT(Ids("year = 2025"), ElementsAre("city"));
  EXPECT_THAT(Ids("year >= 2026 AND level = PROVINCIAL"), ElementsAre("chengdu", "county"));
  EXPECT_THAT(Ids("organization = \"organizations/scu\""), ElementsAre("chengdu", "county"));
  EXPECT_THAT(Ids("lead_organization = \"organizations/scu\""), ElementsAre("chengdu"));
  EXPECT_THAT(Ids("approved_funds >= 10"), ElementsAre("chengdu", "city", "county"));

  ReadScope luzhou;
  luzhou.region = "510500";
  EXPECT_THAT(Ids("", luzhou), ElementsAre("city", "county"));
  ReadScope scu;
  scu.party = "scu";
  EXPECT_THAT(Ids("", scu), ElementsAre("chengdu", "county"));
}

TEST_P(ProjectStorageTest, ArrivalsAppendAndAddUpExactly) {
  ASSERT_THAT(repo().CreateProject(Sample("p1"), {}), IsOk());
  absl::StatusOr<FundArrival> first = repo().RecordFundArrival(Arrival("p1", 600), {});
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->id, "000001");
  absl::StatusOr<FundArrival> second = repo().RecordFundArrival(Arrival("p1", 401), {});
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(second->id, "000002");
  absl::StatusOr<Project> p = repo().GetProject("p1");
  ASSERT_THAT(p, IsOk());
  EXPECT_EQ(p->arrived_minor, 1001);
  EXPECT_EQ(p->arrival_count, 2);
  EXPECT_EQ(p->meta.revision, 3);  // Each arrival changes the project.
  EXPECT_TRUE(OverApproved(*p));
  EXPECT_THAT(Ids("over_approved = true"), ElementsAre("p1"));
  EXPECT_THAT(Ids("arrived_funds = 10.01"), ElementsAre("p1"));

  ListQuery query;
  query.page_size = 1;
  absl::StatusOr<Page<FundArrival>> page = repo().ListFundArrivals("p1", query);
  ASSERT_THAT(page, IsOk());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].amount_minor, 600);
  EXPECT_EQ(page->items[0].note, "first tranche");
  query.after_id = page->next_after_id;
  page = repo().ListFundArrivals("p1", query);
  ASSERT_THAT(page, IsOk());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, "000002");
  EXPECT_TRUE(page->next_after_id.empty());
}

TEST_P(ProjectStorageTest, ArrivalErrorsChangeNothing) {
  EXPECT_THAT(repo().RecordFundArrival(Arrival("ghost", 1), {}),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(repo().ListFundArrivals("ghost", {}), StatusIs(absl::StatusCode::kNotFound));
  ASSERT_THAT(repo().CreateProject(Sample("p1"), {}), IsOk());
  ASSERT_THAT(repo().RecordFundArrival(Arrival("p1", std::numeric_limits<int64_t>::max()), {}),
              IsOk());
  EXPECT_THAT(repo().RecordFundArrival(Arrival("p1", 1), {}),
              StatusIs(absl::StatusCode::kOutOfRange));
  absl::StatusOr<Project> p = repo().GetProject("p1");
  EXPECT_EQ(p->arrived_minor, std::numeric_limits<int64_t>::max());
  EXPECT_EQ(p->arrival_count, 1);
  absl::StatusOr<Page<FundArrival>> page = repo().ListFundArrivals("p1", {});
  EXPECT_EQ(page->items.size(), 1u);
}

TEST_P(ProjectStorageTest, ARepeatedArrivalRequestIdRecordsNothing) {
  ASSERT_THAT(repo().CreateProject(Sample("p1"), {}), IsOk());
  absl::StatusOr<FundArrival> first =
      repo().RecordFundArrival(Arrival("p1", 600), {"RecordFundArrival", "t-1"});
  ASSERT_THAT(first, IsOk());
  absl::StatusOr<FundArrival> again =
      repo().RecordFundArrival(Arrival("p1", 600), {"RecordFundArrival", "t-1"});
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(again->project_id, "p1");
  EXPECT_EQ(repo().GetProject("p1")->arrived_minor, 600);
}

TEST_F(ProjectSqliteFileTest, ArrivalsCannotBeChangedOrRemovedInTheDatabase) {
  ASSERT_THAT(repo().CreateProject(Sample("p1"), {}), IsOk());
  ASSERT_THAT(repo().RecordFundArrival(Arrival("p1", 600), {}), IsOk());
  SQLite::Database db(db_path_, SQLite::OPEN_READWRITE);
  EXPECT_THROW(db.exec("UPDATE project_fund_arrivals SET amount = 1"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM project_fund_arrivals"), SQLite::Exception);
}

}  // namespace
}  // namespace techmatch::storage
