// Projects of the programme ledger: every bad field at once, who sees and writes which
// (officials by region, enterprises and institutes their own), updates with etags, and fund
// arrivals beyond what was approved.
#include "usecases/projects.h"

#include <string>
#include <vector>

#include "tests/usecases/usecase_fixture.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class ProjectsTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    Organization chengdu = Enterprise("jinjiang");
    chengdu.region_code = "510104";
    MustCreate(chengdu);
    luzhou_official_.region_code = "510500";
    luzhou_organizer_.region_code = "510500";
    ASSERT_THAT(Create(admin_, Sample("luxian-1", "510521")), IsOk());
    Project chengdu_project = Sample("chengdu-1", "510104");
    chengdu_project.lead_organization_id = "jinjiang";
    chengdu_project.partner_ids.clear();
    ASSERT_THAT(Create(admin_, chengdu_project), IsOk());
  }

  Projects projects() { return Projects(repo(), tokens_, 2); }

  static Project Sample(const std::string& id, const std::string& region) {
    Project p;
    p.meta.id = id;
    p.title = "白酒固态发酵智能化关键技术";
    p.level = ProjectLevel::kNational;
    p.programme = "国家科技支撑计划";
    p.lead_organization_id = "acme";
    p.partner_ids = {"scu"};
    p.region_code = region;
    p.year = 2026;
    p.approved_minor = 1000;
    return p;
  }

  absl::StatusOr<Project> Create(const Principal& caller, Project project,
                                 absl::string_view request_id = "") {
    const std::string id = project.meta.id;  // input.project_id views it.
    NewProject input;
    input.project = std::move(project);
    input.project_id = id;
    input.request_id = request_id;
    return projects().Create(caller, std::move(input));
  }

  absl::StatusOr<FundArrival> Arrive(const Principal& caller, absl::string_view project,
                                     int64_t amount) {
    NewFundArrival input;
    input.project = project;
    input.arrival.amount_minor = amount;
    input.arrival.arrive_time = absl::Now() - absl::Hours(2);
    return projects().RecordFundArrival(caller, std::move(input));
  }

  std::vector<std::string> Listed(const Principal& caller, absl::string_view filter = "") {
    std::vector<std::string> ids;
    absl::StatusOr<ListPage<Project>> page = projects().List(caller, {filter, 100, ""});
    EXPECT_THAT(page, IsOk());
    if (page.ok()) {
      for (const Project& p : page->items) ids.push_back(p.meta.id);
    }
    return ids;
  }

  Principal luzhou_official_ = Caller(Role::kOfficial);
  Principal luzhou_organizer_ = Caller(Role::kOrganizer);
};

TEST_F(ProjectsTest, EveryBadFieldIsNamedAtOnceAndNothingIsStored) {
  Project bad = Sample("bad", "5105");
  bad.lead_organization_id = "ghost";
  bad.partner_ids = {"nobody"};
  bad.year = 2200;
  bad.approved_minor = -1;
  NewProject input;
  input.project = bad;
  input.project_id = "Bad Id";
  const std::string long_request_id(200, 'r');  // The input only views it.
  input.request_id = long_request_id;
  input.conversion.Add("level", "conversion problem");
  absl::StatusOr<Project> created = projects().Create(admin_, std::move(input));
  EXPECT_THAT(created, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(created),
              UnorderedElementsAre("project_id", "request_id", "project.level",
                                   "project.region_code", "project.year", "project.approved_funds",
                                   "project.lead_organization", "project.partners[0]"));
  EXPECT_THAT(Listed(admin_), ElementsAre("chengdu-1", "luxian-1"));
}

TEST_F(ProjectsTest, OfficialsSeeTheirRegionAndWhatIsUnderIt) {
  EXPECT_THAT(Listed(luzhou_official_), ElementsAre("luxian-1"));
  EXPECT_THAT(projects().Get(luzhou_official_, "projects/luxian-1"), IsOk());
  EXPECT_THAT(projects().Get(luzhou_official_, "projects/chengdu-1"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Listed(official_), ElementsAre("chengdu-1", "luxian-1"));
}

TEST_F(ProjectsTest, EnterprisesAndInstitutesSeeOnlyTheirOwn) {
  // acme leads luxian-1, scu partners in it; jinjiang leads chengdu-1.
  EXPECT_THAT(Listed(acme_), ElementsAre("luxian-1"));
  EXPECT_THAT(Listed(scu_), ElementsAre("luxian-1"));
  EXPECT_THAT(Listed(Caller(Role::kEnterprise, "jinjiang")), ElementsAre("chengdu-1"));
  EXPECT_THAT(projects().Get(acme_, "projects/chengdu-1"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(projects().ListFundArrivals(acme_, "projects/chengdu-1", {}),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(ProjectsTest, ARegionalOrganizerWritesOnlyInItsRegion) {
  EXPECT_THAT(Create(luzhou_organizer_, Sample("luzhou-2", "510502")), IsOk());
  EXPECT_THAT(Create(luzhou_organizer_, Sample("chengdu-2", "510100")),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Arrive(luzhou_organizer_, "projects/chengdu-1", 5),
              StatusIs(absl::StatusCode::kPermissionDenied));
  ProjectUpdate move_out;
  move_out.name = "projects/luxian-1";
  move_out.paths = {"region_code"};
  move_out.patch.region_code = "510104";
  EXPECT_THAT(projects().Update(luzhou_organizer_, move_out),
              StatusIs(absl::StatusCode::kPermissionDenied));
  ProjectUpdate foreign;
  foreign.name = "projects/chengdu-1";
  foreign.paths = {"title"};
  foreign.patch.title = "改名";
  EXPECT_THAT(projects().Update(luzhou_organizer_, foreign),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_EQ(repo().GetProject("luxian-1")->region_code, "510521");
  EXPECT_THAT(Listed(admin_), ElementsAre("chengdu-1", "luxian-1", "luzhou-2"));
}

TEST_F(ProjectsTest, UpdatesCheckTheEtagAndTheRules) {
  absl::StatusOr<Project> current = projects().Get(admin_, "projects/luxian-1");
  ASSERT_THAT(current, IsOk());
  ProjectUpdate update;
  update.name = "projects/luxian-1";
  update.etag = "\"stale\"";
  update.paths = {"title"};
  update.patch.title = "新标题";
  EXPECT_THAT(projects().Update(admin_, update), StatusIs(absl::StatusCode::kAborted));
  update.etag = "";
  update.paths = {"title", "year"};
  update.patch.year = 1900;
  absl::StatusOr<Project> refused = projects().Update(admin_, update);
  EXPECT_THAT(ViolatedFields(refused), ElementsAre("project.year"));
  update.paths = {"title"};
  absl::StatusOr<Project> updated = projects().Update(admin_, update);
  ASSERT_THAT(updated, IsOk());
  EXPECT_EQ(updated->title, "新标题");
  update.paths = {"arrived_funds"};
  EXPECT_THAT(ViolatedFields(projects().Update(admin_, update)),
              ElementsAre("update_mask.paths[0]"));
}

TEST_F(ProjectsTest, ArrivalsBeyondWhatWasApprovedAreAcceptedAndFlagged) {
  ASSERT_THAT(Arrive(organizer_, "projects/luxian-1", 700), IsOk());
  EXPECT_FALSE(OverApproved(*projects().Get(admin_, "projects/luxian-1")));
  ASSERT_THAT(Arrive(organizer_, "projects/luxian-1", 301), IsOk());
  absl::StatusOr<Project> p = projects().Get(admin_, "projects/luxian-1");
  EXPECT_EQ(p->arrived_minor, 1001);
  EXPECT_TRUE(OverApproved(*p));
  EXPECT_THAT(Listed(admin_, "over_approved = true"), ElementsAre("luxian-1"));
  absl::StatusOr<ListPage<FundArrival>> arrivals =
      projects().ListFundArrivals(acme_, "projects/luxian-1", {"", 1, ""});
  ASSERT_THAT(arrivals, IsOk());
  ASSERT_EQ(arrivals->items.size(), 1u);
  EXPECT_EQ(arrivals->items[0].amount_minor, 700);
  absl::StatusOr<ListPage<FundArrival>> rest =
      projects().ListFundArrivals(acme_, "projects/luxian-1", {"", 1, arrivals->next_page_token});
  ASSERT_THAT(rest, IsOk());
  EXPECT_EQ(rest->items.at(0).amount_minor, 301);
  // A token of one project's arrivals is refused for another's.
  EXPECT_THAT(
      projects().ListFundArrivals(admin_, "projects/chengdu-1", {"", 1, arrivals->next_page_token}),
      StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(ProjectsTest, BadArrivalsNameEveryFieldAndChangeNothing) {
  NewFundArrival input;
  input.project = "projects/Bad Name";
  input.arrival.amount_minor = 0;
  input.arrival.note = std::string(300, 'n');
  const std::string long_request_id(200, 'r');  // The input only views it.
  input.request_id = long_request_id;
  absl::StatusOr<FundArrival> refused = projects().RecordFundArrival(admin_, std::move(input));
  EXPECT_THAT(ViolatedFields(refused),
              UnorderedElementsAre("request_id", "project", "amount", "arrive_time", "note"));
  EXPECT_THAT(Arrive(admin_, "projects/ghost", 5), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(repo().GetProject("luxian-1")->arrival_count, 0);
}

}  // namespace
}  // namespace techmatch::usecases::testing
