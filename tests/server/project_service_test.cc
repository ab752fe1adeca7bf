// ProjectService over a real connection: create, get, list with filters, update with etags,
// append-only fund arrivals (idempotent, beyond what was approved), every bad field at once,
// and who may call what.
#include <string>
#include <vector>

#include "techmatch/v1/project.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

google::type::Money Yuan(int64_t units, int32_t nanos = 0) {
  google::type::Money money;
  money.set_currency_code("CNY");
  money.set_units(units);
  money.set_nanos(nanos);
  return money;
}

class ProjectServiceTest : public OverBackends<SeededServerTest> {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    projects_ = v1::ProjectService::NewStub(channel_);
  }

  static v1::Project Sample() {
    v1::Project p;
    p.set_title("白酒固态发酵智能化关键技术");
    p.set_level(v1::Project::NATIONAL);
    p.set_programme("国家科技支撑计划");
    p.set_lead_organization("organizations/acme");
    p.add_partners("organizations/scu");
    p.set_region_code("510521");
    p.set_year(2026);
    *p.mutable_approved_funds() = Yuan(3000000);
    return p;
  }

  grpc::Status Create(const v1::Project& p, v1::Project* out, const std::string& id = "",
                      const std::string& token = "") {
    v1::CreateProjectRequest request;
    *request.mutable_project() = p;
    request.set_project_id(id);
    return projects_->CreateProject((token.empty() ? Ctx() : Ctx(token)).get(), request, out);
  }

  grpc::Status Arrive(const std::string& project, const google::type::Money& amount,
                      v1::FundArrival* out, const std::string& request_id = "") {
    v1::RecordFundArrivalRequest request;
    request.set_project(project);
    *request.mutable_amount() = amount;
    request.mutable_arrive_time()->set_seconds(1'790'000'000);
    request.set_note("第一笔");
    request.set_request_id(request_id);
    return projects_->RecordFundArrival(Ctx().get(), request, out);
  }

  v1::Project Get(const std::string& name, const std::string& token = "") {
    v1::GetProjectRequest request;
    request.set_name(name);
    v1::Project out;
    const grpc::Status status =
        projects_->GetProject((token.empty() ? Ctx() : Ctx(token)).get(), request, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }

  std::vector<std::string> ListNames(const std::string& filter, const std::string& token = "") {
    v1::ListProjectsRequest request;
    request.set_filter(filter);
    v1::ListProjectsResponse response;
    const grpc::Status status =
        projects_->ListProjects((token.empty() ? Ctx() : Ctx(token)).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> names;
    for (const v1::Project& p : response.projects()) names.push_back(p.name());
    return names;
  }

  std::unique_ptr<v1::ProjectService::Stub> projects_;
};

TEST_P(ProjectServiceTest, CreateGetAndListRoundTripEveryField) {
  v1::Project created;
  ASSERT_TRUE(Create(Sample(), &created, "zc-017").ok());
  EXPECT_EQ(created.name(), "projects/zc-017");
  const v1::Project got = Get("projects/zc-017");
  EXPECT_EQ(got.title(), "白酒固态发酵智能化关键技术");
  EXPECT_EQ(got.level(), v1::Project::NATIONAL);
  EXPECT_EQ(got.programme(), "国家科技支撑计划");
  EXPECT_EQ(got.lead_organization(), "organizations/acme");
  EXPECT_THAT(got.partners(), ElementsAre("organizations/scu"));
  EXPECT_EQ(got.region_code(), "510521");
  EXPECT_EQ(got.year(), 2026);
  EXPECT_EQ(got.approved_funds().units(), 3000000);
  EXPECT_EQ(got.arrived_funds().units(), 0);
  EXPECT_FALSE(got.over_approved());
  EXPECT_EQ(got.etag(), created.etag());
  EXPECT_THAT(ListNames("region_code = \"510500\" AND year = 2026"),
              ElementsAre("projects/zc-017"));
  EXPECT_THAT(ListNames("region_code = \"510100\""), ElementsAre());
  EXPECT_THAT(ListNames("level = PROVINCIAL"), ElementsAre());
}

TEST_P(ProjectServiceTest, EveryBadFieldIsNamedAtOnce) {
  v1::Project bad = Sample();
  bad.set_title("");
  bad.set_level(v1::Project::LEVEL_UNSPECIFIED);
  bad.set_lead_organization("organizations/ghost");
  bad.set_partners(0, "not a name");
  bad.set_region_code("51");
  bad.set_year(1900);
  bad.mutable_approved_funds()->set_units(-5);
  v1::Project out;
  const grpc::Status status = Create(bad, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("project.title", "project.level", "project.lead_organization",
                                   "project.partners[0]", "project.region_code", "project.year",
                                   "project.approved_funds"));
  EXPECT_THAT(ListNames(""), ElementsAre());
}

TEST_P(ProjectServiceTest, UpdateChecksTheEtag) {
  v1::Project created;
  ASSERT_TRUE(Create(Sample(), &created, "zc-017").ok());
  v1::UpdateProjectRequest request;
  request.mutable_project()->set_name("projects/zc-017");
  request.mutable_project()->set_etag(created.etag());
  request.mutable_project()->set_year(2025);
  v1::Project updated;
  ASSERT_TRUE(projects_->UpdateProject(Ctx().get(), request, &updated).ok());
  EXPECT_EQ(updated.year(), 2025);
  EXPECT_EQ(updated.title(), created.title());
  const grpc::Status stale = projects_->UpdateProject(Ctx().get(), request, &updated);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED);
}

TEST_P(ProjectServiceTest, FundArrivalsAddUpAndAreFlaggedBeyondWhatWasApproved) {
  v1::Project created;
  ASSERT_TRUE(Create(Sample(), &created, "zc-017").ok());
  v1::FundArrival first;
  ASSERT_TRUE(Arrive("projects/zc-017", Yuan(2000000, 500000000), &first, "t-1").ok());
  EXPECT_EQ(first.name(), "projects/zc-017/fundArrivals/000001");
  EXPECT_EQ(first.amount().units(), 2000000);
  EXPECT_EQ(first.amount().nanos(), 500000000);
  EXPECT_EQ(first.note(), "第一笔");
  // A retry with the same request id records nothing more.
  v1::FundArrival retried;
  ASSERT_TRUE(Arrive("projects/zc-017", Yuan(2000000, 500000000), &retried, "t-1").ok());
  EXPECT_EQ(retried.name(), first.name());
  v1::FundArrival second;
  ASSERT_TRUE(Arrive("projects/zc-017", Yuan(1000000), &second).ok());
  const v1::Project project = Get("projects/zc-017");
  EXPECT_EQ(project.arrived_funds().units(), 3000000);
  EXPECT_EQ(project.arrived_funds().nanos(), 500000000);
  EXPECT_EQ(project.arrival_count(), 2);
  EXPECT_TRUE(project.over_approved());
  EXPECT_NE(project.etag(), created.etag());
  EXPECT_THAT(ListNames("over_approved = true"), ElementsAre("projects/zc-017"));

  v1::ListFundArrivalsRequest request;
  request.set_parent("projects/zc-017");
  v1::ListFundArrivalsResponse response;
  ASSERT_TRUE(projects_->ListFundArrivals(Ctx().get(), request, &response).ok());
  ASSERT_EQ(response.fund_arrivals_size(), 2);
  EXPECT_EQ(response.fund_arrivals(0).name(), first.name());
  EXPECT_EQ(response.fund_arrivals(1).name(), second.name());
}

TEST_P(ProjectServiceTest, BadArrivalsAreRefusedWithEveryField) {
  v1::Project created;
  ASSERT_TRUE(Create(Sample(), &created, "zc-017").ok());
  v1::RecordFundArrivalRequest request;
  request.set_project("projects/zc-017");
  request.mutable_amount()->set_currency_code("USD");
  request.mutable_amount()->set_units(5);
  request.set_note(std::string(201, 'n'));
  v1::FundArrival out;
  const grpc::Status status = projects_->RecordFundArrival(Ctx().get(), request, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("amount.currency_code", "arrive_time", "note"));
  EXPECT_EQ(Get("projects/zc-017").arrival_count(), 0);
  const grpc::Status missing = Arrive("projects/ghost", Yuan(5), &out);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_P(ProjectServiceTest, CuratorsWriteAndEnterprisesReadTheirOwn) {
  v1::Project created;
  ASSERT_TRUE(Create(Sample(), &created, "zc-017").ok());
  const std::string acme = CreateKey(Role::kEnterprise, "acme");
  const std::string gov = CreateKey(Role::kEnterprise, "gov");
  const std::string official = CreateKey(Role::kOfficial);
  const grpc::Status denied = Create(Sample(), &created, "", acme);
  EXPECT_EQ(denied.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(ListNames("", acme), ElementsAre("projects/zc-017"));
  EXPECT_THAT(ListNames("", gov), ElementsAre());
  EXPECT_THAT(ListNames("", official), ElementsAre("projects/zc-017"));
  v1::GetProjectRequest request;
  request.set_name("projects/zc-017");
  v1::Project out;
  EXPECT_EQ(projects_->GetProject(Ctx(gov).get(), request, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectServiceTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
