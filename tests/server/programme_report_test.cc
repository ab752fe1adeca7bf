// ReportService.GetProgrammeReport over real RPCs: a whole programme year of a city with three
// counties — targets and observations, 42 projects at three levels with fund arrivals (one
// beyond its approved funds) and the previous year's 15, 63 commissioners, loans and awards,
// and the agreements of a fair — checked figure by figure to the fen, with the county roll-ups,
// a county official's view, the narratives in three languages and the bad requests.
//
// The records come from seeded loops; the expected totals below are written out, worked by
// hand from the loops' formulas (not by the code under test).
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/auth/api_key.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "techmatch/v1/agreement.grpc.pb.h"
#include "techmatch/v1/commissioner.grpc.pb.h"
#include "techmatch/v1/financing.grpc.pb.h"
#include "techmatch/v1/indicator.grpc.pb.h"
#include "techmatch/v1/project.grpc.pb.h"
#include "techmatch/v1/report.grpc.pb.h"
#include "techmatch/v1/target.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;

constexpr const char* kCity = "510500";
const std::vector<std::string> kCounties = {"510502", "510521", "510522"};
const v1::Project::Level kLevels[] = {v1::Project::NATIONAL, v1::Project::PROVINCIAL,
                                      v1::Project::COUNTY};

google::type::Money Yuan(int64_t units) {
  google::type::Money money;
  money.set_currency_code("CNY");
  money.set_units(units);
  return money;
}

// Whole yuan of a Money the server sent (every amount here is whole yuan).
int64_t UnitsOf(const google::type::Money& money) {
  EXPECT_EQ(money.nanos(), 0);
  return money.units();
}

google::protobuf::Timestamp Cst(int year, int month, int day) {
  google::protobuf::Timestamp t;
  t.set_seconds(absl::ToUnixSeconds(
      absl::FromCivil(absl::CivilDay(year, month, day), absl::FixedTimeZone(8 * 3600))));
  return t;
}

class ProgrammeReportTest : public OverBackends<ServerTest> {
 protected:
  void Configure(server::ServerOptions& options) override {
    // 1 February 2027 in China: 2026 has ended, so targets are assessed.
    options.people.clock = [] {
      return absl::FromCivil(absl::CivilDay(2027, 2, 1), absl::FixedTimeZone(8 * 3600));
    };
  }

  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    indicators_ = v1::IndicatorService::NewStub(channel_);
    targets_ = v1::TargetService::NewStub(channel_);
    projects_ = v1::ProjectService::NewStub(channel_);
    commissioners_ = v1::CommissionerService::NewStub(channel_);
    financings_ = v1::FinancingService::NewStub(channel_);
    agreements_ = v1::AgreementService::NewStub(channel_);
    reports_ = v1::ReportService::NewStub(channel_);
  }

  void Ok(const grpc::Status& status) { ASSERT_TRUE(status.ok()) << status.error_message(); }

  void Organization(const std::string& id, v1::Organization::Kind kind, const std::string& region) {
    v1::CreateOrganizationRequest request;
    request.set_organization_id(id);
    request.mutable_organization()->set_display_name("Org " + id);
    request.mutable_organization()->set_kind(kind);
    request.mutable_organization()->set_region_code(region);
    v1::Organization created;
    Ok(organizations_->CreateOrganization(Ctx().get(), request, &created));
  }

  // An official's key limited to `region`, as `techmatch-server keys create --region` makes.
  std::string OfficialOf(const std::string& region) {
    auto repository = OpenRepository();
    EXPECT_TRUE(repository.ok()) << repository.status();
    absl::StatusOr<NewToken> token = GenerateToken();
    EXPECT_TRUE(token.ok());
    ApiKey key = KeyForToken(*token, Role::kOfficial, "", "test", absl::Now());
    key.region_code = region;
    EXPECT_TRUE((*repository)->CreateApiKey(key).ok());
    return token->token;
  }

  void Observe(const std::string& indicator, const std::string& region, int64_t value,
               bool money = false) {
    v1::RecordObservationRequest request;
    v1::Observation& o = *request.mutable_observation();
    o.set_indicator("indicators/" + indicator);
    o.set_region_code(region);
    o.set_year(2026);
    if (money) {
      *o.mutable_money() = Yuan(value);
    } else {
      o.set_count(value);
    }
    v1::Observation out;
    Ok(indicators_->RecordObservation(Ctx().get(), request, &out));
  }

  void Aim(const std::string& indicator, const std::string& region, int64_t value,
           bool money = false) {
    v1::CreateTargetRequest request;
    v1::Target& t = *request.mutable_target();
    t.set_indicator("indicators/" + indicator);
    t.set_region_code(region);
    t.set_year(2026);
    if (money) {
      *t.mutable_money() = Yuan(value);
    } else {
      t.set_count(value);
    }
    v1::Target out;
    Ok(targets_->CreateTarget(Ctx().get(), request, &out));
  }

  void Project(const std::string& id, int year, v1::Project::Level level, const std::string& region,
               const std::string& lead, int64_t approved, const std::vector<int64_t>& arrivals) {
    v1::CreateProjectRequest request;
    request.set_project_id(id);
    v1::Project& p = *request.mutable_project();
    p.set_title("项目 " + id);
    p.set_level(level);
    p.set_programme("科技计划");
    p.set_lead_organization("organizations/" + lead);
    p.set_region_code(region);
    p.set_year(year);
    *p.mutable_approved_funds() = Yuan(approved);
    v1::Project created;
    Ok(projects_->CreateProject(Ctx().get(), request, &created));
    for (int64_t amount : arrivals) {
      v1::RecordFundArrivalRequest arrival;
      arrival.set_project("projects/" + id);
      *arrival.mutable_amount() = Yuan(amount);
      *arrival.mutable_arrive_time() = Cst(year, 6, 1);
      v1::FundArrival out;
      Ok(projects_->RecordFundArrival(Ctx().get(), arrival, &out));
    }
  }

  // The year: see the file comment. Organizations: enterprises ent-0..ent-5 in the counties in
  // turn, a university (510502), an institute (510521), a bank and the city's bureau.
  void LoadTheYear() {
    for (int i = 0; i < 6; ++i) {
      Organization("ent-" + std::to_string(i), v1::Organization::ENTERPRISE, kCounties[i % 3]);
    }
    Organization("uni", v1::Organization::UNIVERSITY, "510502");
    Organization("inst", v1::Organization::RESEARCH_INSTITUTE, "510521");
    Organization("bank", v1::Organization::FINANCIAL_INSTITUTION, kCity);
    Organization("bureau", v1::Organization::GOVERNMENT, kCity);
    Organization("far", v1::Organization::ENTERPRISE, "510700");

    // Indicators: counties report trainees, the city its own output value.
    Aim("spark_trainees", kCity, 10000);
    Aim("spark_trainees", "510521", 4000);
    Aim("new_output_value", kCity, 500000000, true);
    Observe("spark_trainees", "510502", 4000);
    Observe("spark_trainees", "510521", 5000);
    Observe("spark_trainees", "510522", 3345);
    Observe("new_output_value", kCity, 420000000, true);
    Observe("new_output_value", "510521", 100000000, true);
    Observe("patent_applications", "510502", 100);
    Observe("patent_applications", "510522", 240);

    // 2026's projects: level by i % 3, county by (i / 3) % 3, approved (i + 1) × 10万; half
    // arrives, all of it for odd i, and project 7 gets 5万 beyond its approved funds.
    for (int i = 0; i < 42; ++i) {
      const int county = (i / 3) % 3;
      const int64_t approved = (i + 1) * 100000;
      std::vector<int64_t> arrivals = {approved / 2};
      if (i % 2 == 1) arrivals.push_back(approved / 2);
      if (i == 7) arrivals.push_back(50000);
      char id[16];
      std::snprintf(id, sizeof id, "p26-%02d", i);
      Project(id, 2026, kLevels[i % 3], kCounties[county],
              "ent-" + std::to_string(county + 3 * (i % 2)), approved, arrivals);
    }
    // 2025's: approved (i + 1) × 50万, all arrived.
    for (int i = 0; i < 15; ++i) {
      const int64_t approved = (i + 1) * 500000;
      char id[16];
      std::snprintf(id, sizeof id, "p25-%02d", i);
      Project(id, 2025, kLevels[i % 3], kCounties[(i / 3) % 3], "ent-0", approved, {approved});
    }
    // Outside the city: in no figure.
    Project("p26-far", 2026, v1::Project::NATIONAL, "510702", "far", 990000, {990000});

    // 63 commissioners of 2026 (and two of 2025, in no figure).
    const char* homes[] = {"uni", "inst", "ent-0", "ent-1"};
    for (int j = 0; j < 65; ++j) {
      v1::CreateCommissionerRequest request;
      request.set_commissioner_id("c-" + std::to_string(j));
      v1::Commissioner& c = *request.mutable_commissioner();
      c.set_display_name("特派员" + std::to_string(j));
      c.set_home_organization(std::string("organizations/") + homes[j % 4]);
      c.set_region_code(kCounties[j % 3]);
      c.set_year(j < 63 ? 2026 : 2025);
      c.set_service_model(static_cast<v1::Commissioner::ServiceModel>(j % 3 + 1));
      c.set_technologies_promoted(j % 5);
      c.set_new_products(j % 3);
      c.set_projects(1);
      c.set_joint_ventures(j % 7 == 0 ? 1 : 0);
      c.set_cooperatives(j % 2);
      c.set_enterprises_founded(j % 10 == 0 ? 1 : 0);
      *c.mutable_investment() = Yuan((j + 1) * 10000);
      if (j % 4 != 0) *c.mutable_profit() = Yuan(j * 1000);
      *c.mutable_farmer_income_increase() = Yuan(50000);
      v1::Commissioner out;
      Ok(commissioners_->CreateCommissioner(Ctx().get(), request, &out));
    }

    // 10 loans of (f + 1) × 50万 and 6 awards of 10万 in 2026 to ent-(n % 6); a loan of 2025.
    auto finance = [&](const std::string& id, v1::Financing::Kind kind, const std::string& provider,
                       int recipient, int64_t amount, google::protobuf::Timestamp when) {
      v1::CreateFinancingRequest request;
      request.set_financing_id(id);
      v1::Financing& f = *request.mutable_financing();
      f.set_kind(kind);
      f.set_provider("organizations/" + provider);
      f.set_recipient("organizations/ent-" + std::to_string(recipient));
      *f.mutable_amount() = Yuan(amount);
      *f.mutable_grant_time() = when;
      v1::Financing out;
      Ok(financings_->CreateFinancing(Ctx().get(), request, &out));
    };
    for (int f = 0; f < 10; ++f) {
      finance("loan-" + std::to_string(f), v1::Financing::LOAN, "bank", f % 6, (f + 1) * 500000,
              Cst(2026, f % 11 + 1, 10));
    }
    for (int g = 0; g < 6; ++g) {
      finance("award-" + std::to_string(g), v1::Financing::AWARD, "bureau", g % 6, 100000,
              Cst(2026, 12, 1));
    }
    finance("loan-2025", v1::Financing::LOAN, "bank", 0, 7000000, Cst(2025, 3, 1));

    // The fair, run by the city's bureau, and its agreements: 12 technology contracts between
    // the university (even a) or the institute (odd a) and ent-(a % 6), contract (a + 1) × 10万,
    // investment (a + 1) × 100万; a framework agreement; the first two contracts carried out
    // with a realized output value of 50万 each. And one contract of 2025, at no event.
    v1::CreateEventRequest event;
    event.set_event_id("fair");
    event.mutable_event()->set_display_name("2026年科技成果对接会");
    *event.mutable_event()->mutable_start_time() = Cst(2026, 9, 15);
    *event.mutable_event()->mutable_end_time() = Cst(2026, 9, 16);
    event.mutable_event()->add_organizers("organizations/bureau");
    v1::Event created_event;
    Ok(events_->CreateEvent(Ctx().get(), event, &created_event));
    auto agree = [&](const std::string& id, v1::Agreement::Kind kind, const std::string& supplier,
                     const std::string& other, v1::Party::Role other_role, int64_t contract,
                     int64_t investment, google::protobuf::Timestamp when) {
      v1::CreateAgreementRequest request;
      request.set_agreement_id(id);
      v1::Agreement& a = *request.mutable_agreement();
      a.set_title("协议 " + id);
      a.set_kind(kind);
      v1::Party* s = a.add_parties();
      s->set_organization("organizations/" + supplier);
      s->set_role(v1::Party::SUPPLIER);
      v1::Party* o = a.add_parties();
      o->set_organization("organizations/" + other);
      o->set_role(other_role);
      if (when.seconds() >= Cst(2026, 1, 1).seconds()) a.set_event("events/fair");
      *a.mutable_sign_time() = when;
      if (contract > 0) *a.mutable_contract_amount() = Yuan(contract);
      if (investment > 0) *a.mutable_total_investment() = Yuan(investment);
      v1::Agreement out;
      Ok(agreements_->CreateAgreement(Ctx().get(), request, &out));
    };
    for (int a = 0; a < 12; ++a) {
      agree("a" + std::to_string(a),
            a % 2 == 0 ? v1::Agreement::TECHNOLOGY_DEVELOPMENT : v1::Agreement::TECHNOLOGY_TRANSFER,
            a % 2 == 0 ? "uni" : "inst", "ent-" + std::to_string(a % 6), v1::Party::DEMANDER,
            (a + 1) * 100000, (a + 1) * 1000000, Cst(2026, 9, 16));
    }
    agree("framework", v1::Agreement::FRAMEWORK_COOPERATION, "uni", "bureau", v1::Party::GOVERNMENT,
          0, 0, Cst(2026, 9, 16));
    agree("old", v1::Agreement::TECHNOLOGY_TRANSFER, "inst", "ent-1", v1::Party::DEMANDER, 3000000,
          0, Cst(2025, 5, 5));
    for (const char* id : {"a0", "a1"}) {
      v1::StartAgreementRequest start;
      start.set_name(std::string("agreements/") + id);
      v1::Agreement out;
      Ok(agreements_->StartAgreement(Ctx().get(), start, &out));
      v1::UpdateAgreementRequest update;
      update.mutable_agreement()->set_name(start.name());
      *update.mutable_agreement()->mutable_realized_output_value() = Yuan(500000);
      update.mutable_update_mask()->add_paths("realized_output_value");
      Ok(agreements_->UpdateAgreement(Ctx().get(), update, &out));
    }
  }

  grpc::Status Report(const std::string& region, const std::string& language,
                      v1::ProgrammeReport* out, const std::string& token = "", int year = 2026) {
    v1::GetProgrammeReportRequest request;
    request.set_year(year);
    request.set_region_code(region);
    request.set_language_code(language);
    return reports_->GetProgrammeReport(token.empty() ? Ctx().get() : Ctx(token).get(), request,
                                        out);
  }

  std::unique_ptr<v1::IndicatorService::Stub> indicators_;
  std::unique_ptr<v1::TargetService::Stub> targets_;
  std::unique_ptr<v1::ProjectService::Stub> projects_;
  std::unique_ptr<v1::CommissionerService::Stub> commissioners_;
  std::unique_ptr<v1::FinancingService::Stub> financings_;
  std::unique_ptr<v1::AgreementService::Stub> agreements_;
  std::unique_ptr<v1::ReportService::Stub> reports_;
};

// count, approved, arrived; previous year's the same; in whole yuan.
void ExpectLevel(const v1::ProjectLevelReport& line, v1::Project::Level level, int64_t count,
                 int64_t approved, int64_t arrived, int64_t previous_count,
                 int64_t previous_approved, int64_t previous_arrived) {
  SCOPED_TRACE(v1::Project::Level_Name(level));
  EXPECT_EQ(line.level(), level);
  EXPECT_EQ(line.project_count(), count);
  EXPECT_EQ(UnitsOf(line.approved_funds()), approved);
  EXPECT_EQ(UnitsOf(line.arrived_funds()), arrived);
  EXPECT_EQ(line.previous_project_count(), previous_count);
  EXPECT_EQ(UnitsOf(line.previous_approved_funds()), previous_approved);
  EXPECT_EQ(UnitsOf(line.previous_arrived_funds()), previous_arrived);
  EXPECT_EQ(line.project_count_change().count(), count - previous_count);
  EXPECT_EQ(UnitsOf(line.approved_funds_change().amount()), approved - previous_approved);
  EXPECT_EQ(UnitsOf(line.arrived_funds_change().amount()), arrived - previous_arrived);
}

TEST_P(ProgrammeReportTest, TheWholeYearOfACityToTheFen) {
  LoadTheYear();
  v1::ProgrammeReport report;
  Ok(Report(kCity, "zh-Hans", &report));
  EXPECT_EQ(report.year(), 2026);
  EXPECT_EQ(report.language_code(), "zh-Hans");
  const v1::RegionProgrammeFigures& city = report.region();
  EXPECT_EQ(city.region_code(), kCity);

  // Indicators in code order: the derived count of contracts carried out (a0 under ent-0's
  // 510502, a1 under ent-1's 510521), the city's own output value against its target, patents
  // summed from the counties, trainees summed from the counties against the target.
  ASSERT_EQ(city.indicators_size(), 4);
  const v1::IndicatorReport& transformed = city.indicators(0);
  EXPECT_EQ(transformed.indicator(), "indicators/achievements_transformed");
  EXPECT_EQ(transformed.actual().count(), 2);
  EXPECT_FALSE(transformed.has_target());
  EXPECT_FALSE(transformed.has_completion());
  EXPECT_EQ(transformed.assessment(), v1::ASSESSMENT_UNSPECIFIED);
  const v1::IndicatorReport& output = city.indicators(1);
  EXPECT_EQ(output.indicator(), "indicators/new_output_value");
  EXPECT_EQ(output.unit(), v1::MONEY);
  EXPECT_EQ(UnitsOf(output.target().money()), 500000000);
  EXPECT_EQ(UnitsOf(output.actual().money()), 420000000);
  EXPECT_EQ(output.completion(), 8400);
  EXPECT_EQ(output.assessment(), v1::NOT_MET);
  const v1::IndicatorReport& patents = city.indicators(2);
  EXPECT_EQ(patents.indicator(), "indicators/patent_applications");
  EXPECT_EQ(patents.actual().count(), 340);
  EXPECT_FALSE(patents.has_target());
  const v1::IndicatorReport& trainees = city.indicators(3);
  EXPECT_EQ(trainees.indicator(), "indicators/spark_trainees");
  EXPECT_EQ(trainees.display_name_zh(), "星火培训人次");
  EXPECT_EQ(trainees.target().count(), 10000);
  EXPECT_EQ(trainees.actual().count(), 12345);
  EXPECT_EQ(trainees.completion(), 12345);
  EXPECT_EQ(trainees.assessment(), v1::MET);

  // The fair, with its own summary.
  ASSERT_EQ(report.events_size(), 1);
  EXPECT_EQ(report.events(0).event(), "events/fair");
  EXPECT_EQ(report.events(0).total().agreement_count(), 13);
  EXPECT_FALSE(report.events(0).narrative().empty());

  // Agreements of 2026 with a party in the city: 12 contracts and the framework; suppliers
  // uni and inst, demanders ent-0..ent-5; contracts 10万 × (1 + … + 12) = 780万, investment
  // 100万 × 78 = 7800万, realized 2 × 50万.
  const v1::AgreementSummary& agreements = city.agreements();
  EXPECT_EQ(agreements.agreement_count(), 13);
  EXPECT_EQ(agreements.supplier_count(), 2);
  EXPECT_EQ(agreements.demander_count(), 6);
  EXPECT_EQ(UnitsOf(agreements.contract_amount()), 7800000);
  EXPECT_EQ(UnitsOf(agreements.total_investment()), 78000000);
  EXPECT_EQ(UnitsOf(agreements.realized_output_value()), 1000000);

  // Projects by level. National: i = 0, 3, …, 39 → approved 10万 × (1 + 4 + … + 40) = 2870万;
  // arrived half of it plus the other half of the odd ones (i = 3, 9, …, 39: 10万 × (4 + 10 +
  // … + 40) / 2 = 770万) → 1435万 + 770万 = 2205万. Provincial (i = 1, 4, …, 40): 3010万, half
  // 1505万, odd i = 1, 7, …, 37 (10万 × 133 / 2 = 665万) and project 7's extra 5万 → 2210万.
  // County (i = 2, 5, …, 41): 3150万, half 1575万, odd i = 5, 11, …, 41 (10万 × 168 / 2 =
  // 840万) → 2415万. 2025: i = 0, 3, …, 12 → 50万 × 35 = 1750万; 50万 × 40 = 2000万;
  // 50万 × 45 = 2250万, all arrived.
  const v1::ProjectsReport& projects = city.projects();
  ASSERT_EQ(projects.levels_size(), 3);
  ExpectLevel(projects.levels(0), v1::Project::NATIONAL, 14, 28700000, 22050000, 5, 17500000,
              17500000);
  ExpectLevel(projects.levels(1), v1::Project::PROVINCIAL, 14, 30100000, 22100000, 5, 20000000,
              20000000);
  ExpectLevel(projects.levels(2), v1::Project::COUNTY, 14, 31500000, 24150000, 5, 22500000,
              22500000);
  // +455万 of 1750万 = 26.0%; +210万 of 2000万 = 10.5%; +165万 of 2250万 = 7.33…% → 7.3%.
  EXPECT_EQ(projects.levels(0).arrived_funds_change().percent_bp(), 2600);
  EXPECT_EQ(projects.levels(1).arrived_funds_change().percent_bp(), 1050);
  EXPECT_EQ(projects.levels(2).arrived_funds_change().percent_bp(), 730);
  // 14 against 5 projects: +180.0%.
  EXPECT_EQ(projects.levels(0).project_count_change().percent_bp(), 18000);
  const v1::ProjectLevelReport& total = projects.total();
  EXPECT_EQ(total.level(), v1::Project::LEVEL_UNSPECIFIED);
  EXPECT_EQ(total.project_count(), 42);
  EXPECT_EQ(UnitsOf(total.approved_funds()), 90300000);
  EXPECT_EQ(UnitsOf(total.arrived_funds()), 68300000);
  EXPECT_EQ(total.previous_project_count(), 15);
  EXPECT_EQ(UnitsOf(total.previous_arrived_funds()), 60000000);
  // +830万 of 6000万 = 13.83…% → 13.8%; approved +3030万 of 6000万 = 50.5%.
  EXPECT_EQ(UnitsOf(total.arrived_funds_change().amount()), 8300000);
  EXPECT_EQ(total.arrived_funds_change().percent_bp(), 1380);
  EXPECT_EQ(total.approved_funds_change().percent_bp(), 5050);
  // Project 7 (provincial, county 510522): 80万 approved, 40万 + 40万 + 5万 arrived.
  ASSERT_EQ(projects.over_arrived_size(), 1);
  const v1::OverArrivedProject& over = projects.over_arrived(0);
  EXPECT_EQ(over.project(), "projects/p26-07");
  EXPECT_EQ(over.level(), v1::Project::PROVINCIAL);
  EXPECT_EQ(over.region_code(), "510522");
  EXPECT_EQ(UnitsOf(over.approved_funds()), 800000);
  EXPECT_EQ(UnitsOf(over.arrived_funds()), 850000);
  EXPECT_EQ(UnitsOf(over.excess()), 50000);

  // Commissioners j = 0..62: technologies Σ j % 5 = 12 × 10 + (0 + 1 + 2) = 123; products
  // Σ j % 3 = 21 × 3 = 63; projects 63; ventures j = 0, 7, …, 56: 9; cooperatives (odd j) 31;
  // enterprises j = 0, 10, …, 60: 7; investment 1万 × (1 + … + 63) = 2016万; profit 1000 ×
  // (Σ j − Σ multiples of 4) = 1000 × (1953 − 480) = 147.3万; farmers 5万 × 63 = 315万.
  const v1::CommissionersReport& commissioners = city.commissioners();
  EXPECT_EQ(commissioners.commissioner_count(), 63);
  EXPECT_EQ(commissioners.home_organization_count(), 4);
  EXPECT_EQ(commissioners.technologies_promoted(), 123);
  EXPECT_EQ(commissioners.new_products(), 63);
  EXPECT_EQ(commissioners.projects(), 63);
  EXPECT_EQ(commissioners.joint_ventures(), 9);
  EXPECT_EQ(commissioners.cooperatives(), 31);
  EXPECT_EQ(commissioners.enterprises_founded(), 7);
  EXPECT_EQ(UnitsOf(commissioners.investment()), 20160000);
  EXPECT_EQ(UnitsOf(commissioners.profit()), 1473000);
  EXPECT_EQ(UnitsOf(commissioners.farmer_income_increase()), 3150000);

  // Financing: loans 50万 × 55 = 2750万 to six recipients; awards 6 × 10万.
  const v1::FinancingReport& financing = city.financing();
  ASSERT_EQ(financing.kinds_size(), 2);
  EXPECT_EQ(financing.kinds(0).kind(), v1::Financing::LOAN);
  EXPECT_EQ(financing.kinds(0).financing_count(), 10);
  EXPECT_EQ(financing.kinds(0).recipient_count(), 6);
  EXPECT_EQ(UnitsOf(financing.kinds(0).amount()), 27500000);
  EXPECT_EQ(financing.kinds(1).kind(), v1::Financing::AWARD);
  EXPECT_EQ(financing.kinds(1).financing_count(), 6);
  EXPECT_EQ(UnitsOf(financing.kinds(1).amount()), 600000);
  EXPECT_EQ(financing.total().financing_count(), 16);
  EXPECT_EQ(financing.total().recipient_count(), 6);
  EXPECT_EQ(UnitsOf(financing.total().amount()), 28100000);

  // The counties.
  ASSERT_EQ(report.subordinate_regions_size(), 3);
  const v1::RegionProgrammeFigures& c1 = report.subordinate_regions(0);
  const v1::RegionProgrammeFigures& c2 = report.subordinate_regions(1);
  const v1::RegionProgrammeFigures& c3 = report.subordinate_regions(2);
  EXPECT_EQ(c1.region_code(), "510502");
  EXPECT_EQ(c2.region_code(), "510521");
  EXPECT_EQ(c3.region_code(), "510522");
  // 510502: i = 0, 1, 2, 9, 10, 11, 18, …; 2025: i = 0, 1, 2, 9, 10, 11.
  ExpectLevel(c1.projects().levels(0), v1::Project::NATIONAL, 5, 9500000, 6650000, 2, 5500000,
              5500000);
  ExpectLevel(c2.projects().levels(1), v1::Project::PROVINCIAL, 5, 11500000, 8050000, 2, 9500000,
              9500000);
  ExpectLevel(c3.projects().levels(2), v1::Project::COUNTY, 4, 9000000, 7200000, 1, 4500000,
              4500000);
  EXPECT_EQ(c1.projects().over_arrived_size(), 0);
  EXPECT_EQ(c3.projects().over_arrived_size(), 1);
  EXPECT_EQ(c1.commissioners().commissioner_count(), 21);
  EXPECT_EQ(c1.commissioners().technologies_promoted(), 40);
  EXPECT_EQ(UnitsOf(c2.commissioners().investment()), 6720000);
  EXPECT_EQ(UnitsOf(c3.commissioners().profit()), 512000);
  EXPECT_EQ(UnitsOf(c1.financing().total().amount()), 11200000);
  EXPECT_EQ(c1.financing().kinds(0).financing_count(), 4);
  EXPECT_EQ(UnitsOf(c2.financing().total().amount()), 7700000);
  EXPECT_EQ(UnitsOf(c3.financing().total().amount()), 9200000);
  // An agreement counts in each county one of its parties is in.
  EXPECT_EQ(c1.agreements().agreement_count(), 9);
  EXPECT_EQ(UnitsOf(c1.agreements().contract_amount()), 5000000);
  EXPECT_EQ(c2.agreements().agreement_count(), 8);
  EXPECT_EQ(UnitsOf(c2.agreements().realized_output_value()), 500000);
  EXPECT_EQ(c3.agreements().agreement_count(), 4);
  // 510521's own target, and figures.
  ASSERT_EQ(c2.indicators_size(), 3);
  EXPECT_EQ(c2.indicators(0).indicator(), "indicators/achievements_transformed");
  EXPECT_EQ(c2.indicators(1).indicator(), "indicators/new_output_value");
  EXPECT_EQ(UnitsOf(c2.indicators(1).actual().money()), 100000000);
  EXPECT_EQ(c2.indicators(2).target().count(), 4000);
  EXPECT_EQ(c2.indicators(2).actual().count(), 5000);
  EXPECT_EQ(c2.indicators(2).completion(), 12500);
  EXPECT_EQ(c2.indicators(2).assessment(), v1::MET);

  EXPECT_THAT(
      report.narrative(),
      ElementsAre(
          "2026年，全市目标任务完成情况：科技成果转化项目数完成2；新增产值完成4.2亿元，为目标5亿元"
          "的84%，未完成目标任务；专利申请量完成340；星火培训人次完成12345，为目标10000的"
          "123.45%，已完成目标任务。",
          "全年举办科技成果对接活动一场（2026年科技成果对接会）。签订各类协议和合同13项，涉及"
          "高校和科研院所2家、企业6家，项目总投资7800万元，技术合同金额780万元；已实现新增产值"
          "100万元。",
          "全年争取各级科技项目42项，批准资金9030万元，到位资金6830万元，比上年增加830万元，"
          "增长13.8%。其中，国家级项目14项，批准资金2870万元，到位资金2205万元，比上年增加455万元，"
          "增长26.0%；省级项目14项，批准资金3010万元，到位资金2210万元，比上年增加210万元，"
          "增长10.5%；县级项目14项，批准资金3150万元，到位资金2415万元，比上年增加165万元，"
          "增长7.3%。1个项目到位资金超过批准资金，合计超出5万元。",
          "全年选派科技特派员63名，来自4家派出单位，推广新技术123项，引进新品种（新产品）63个，"
          "实施项目63个，领办合办经济实体9个，服务专业合作社31个，创办企业7家，带动投资2016万元，"
          "创造利润147.3万元，带动农民增收315万元。",
          "全年科技金融共落实各类资金16笔2810万元，惠及6家单位，其中科技贷款10笔2750万元，"
          "奖励6笔60万元。"));
}

TEST_P(ProgrammeReportTest, TheNarrativeInTraditionalChineseAndEnglish) {
  LoadTheYear();
  v1::ProgrammeReport report;
  Ok(Report(kCity, "zh-Hant", &report));
  EXPECT_EQ(report.language_code(), "zh-Hant");
  EXPECT_THAT(
      report.narrative(),
      ElementsAre(
          "2026年，全市目標任務完成情況：科技成果轉化項目數完成2；新增產值完成4.2億元，為目標5億元"
          "的84%，未完成目標任務；專利申請量完成340；星火培訓人次完成12345，為目標10000的"
          "123.45%，已完成目標任務。",
          "全年舉辦科技成果對接活動一場（2026年科技成果對接會）。簽訂各類協議和合同13項，涉及"
          "高校和科研院所2家、企業6家，項目總投資7800萬元，技術合同金額780萬元；已實現新增產值"
          "100萬元。",
          "全年爭取各級科技項目42項，批准資金9030萬元，到位資金6830萬元，比上年增加830萬元，"
          "增長13.8%。其中，國家級項目14項，批准資金2870萬元，到位資金2205萬元，比上年增加455萬元，"
          "增長26.0%；省級項目14項，批准資金3010萬元，到位資金2210萬元，比上年增加210萬元，"
          "增長10.5%；縣級項目14項，批准資金3150萬元，到位資金2415萬元，比上年增加165萬元，"
          "增長7.3%。1個項目到位資金超過批准資金，合計超出5萬元。",
          "全年選派科技特派員63名，來自4家派出單位，推廣新技術123項，引進新品種（新產品）63個，"
          "實施項目63個，領辦合辦經濟實體9個，服務專業合作社31個，創辦企業7家，帶動投資2016萬元，"
          "創造利潤147.3萬元，帶動農民增收315萬元。",
          "全年科技金融共落實各類資金16筆2810萬元，惠及6家單位，其中科技貸款10筆2750萬元，"
          "獎勵6筆60萬元。"));

  Ok(Report(kCity, "en", &report));
  EXPECT_EQ(report.language_code(), "en");
  EXPECT_THAT(
      report.narrative(),
      ElementsAre(
          "Targets of the city in 2026: Achievements transformed: 2; New output value: CNY "
          "420,000,000.00 against a target of CNY 500,000,000.00 (84%, not met); Patent "
          "applications: 340; Spark programme trainees (person-times): 12345 against a target of "
          "10000 (123.45%, met).",
          "The city held 1 technology fair in 2026: 2026年科技成果对接会. 13 agreements were "
          "signed, involving 2 universities and institutes and 6 enterprises. Total investment "
          "CNY 78,000,000.00 and technology contract amount CNY 7,800,000.00. Realized so far: "
          "new output value CNY 1,000,000.00.",
          "The city won 42 projects with approved funds of CNY 90,300,000.00 and arrived funds "
          "of CNY 68,300,000.00 (up CNY 8,300,000.00, +13.8%) in 2026. By level, national: 14 "
          "projects with approved funds of CNY 28,700,000.00 and arrived funds of CNY "
          "22,050,000.00 (up CNY 4,550,000.00, +26.0%); provincial: 14 projects with approved "
          "funds of CNY 30,100,000.00 and arrived funds of CNY 22,100,000.00 (up CNY "
          "2,100,000.00, +10.5%); county: 14 projects with approved funds of CNY 31,500,000.00 "
          "and arrived funds of CNY 24,150,000.00 (up CNY 1,650,000.00, +7.3%). 1 project "
          "received more than was approved, by CNY 50,000.00 in all.",
          "63 technology commissioners from 4 organizations served the city in 2026. Outcomes: "
          "123 technologies promoted, 63 new products introduced, 63 projects carried out, 9 "
          "joint ventures set up, 31 cooperatives served, 7 enterprises founded, investment "
          "brought in CNY 20,160,000.00, profit created CNY 1,473,000.00 and farmers' income "
          "increased by CNY 3,150,000.00.",
          "Science and finance: 16 financings of CNY 28,100,000.00 in all went to 6 recipients in "
          "2026: 10 loans (CNY 27,500,000.00) and 6 awards (CNY 600,000.00)."));
}

TEST_P(ProgrammeReportTest, ACountyOfficialAskingForTheCitySeesTheCounty) {
  LoadTheYear();
  const std::string county_official = OfficialOf("510521");
  v1::ProgrammeReport report;
  Ok(Report(kCity, "zh-Hans", &report, county_official));
  const v1::RegionProgrammeFigures& county = report.region();
  EXPECT_EQ(county.region_code(), "510521");
  EXPECT_EQ(report.subordinate_regions_size(), 0);
  ASSERT_EQ(county.projects().levels_size(), 3);
  ExpectLevel(county.projects().levels(0), v1::Project::NATIONAL, 5, 11000000, 8800000, 2, 8500000,
              8500000);
  EXPECT_EQ(county.projects().total().project_count(), 15);
  EXPECT_EQ(UnitsOf(county.projects().total().arrived_funds()), 26450000);
  EXPECT_EQ(county.projects().over_arrived_size(), 0);
  EXPECT_EQ(county.commissioners().commissioner_count(), 21);
  EXPECT_EQ(UnitsOf(county.financing().total().amount()), 7700000);
  EXPECT_EQ(county.agreements().agreement_count(), 8);
  // The fair was organized by the city's bureau, not in the county.
  EXPECT_EQ(report.events_size(), 0);
  ASSERT_FALSE(report.narrative().empty());
  EXPECT_THAT(report.narrative(0), ::testing::StartsWith("2026年，全县目标任务完成情况："));

  // The same official asking for the county itself, and for a region outside it.
  v1::ProgrammeReport own;
  Ok(Report("510521", "en", &own, county_official));
  EXPECT_EQ(own.region().projects().total().project_count(), 15);
  EXPECT_EQ(Report("510522", "", &own, county_official).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Report("510700", "", &own, OfficialOf("510500")).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Enterprises read no reports.
  EXPECT_EQ(Report(kCity, "", &own, CreateKey(Role::kEnterprise, "ent-0")).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // A city official sees the city.
  Ok(Report(kCity, "", &own, OfficialOf("510500")));
  EXPECT_EQ(own.region().projects().total().project_count(), 42);
}

TEST_P(ProgrammeReportTest, AYearWithoutRecordsReportsNothingInvented) {
  v1::ProgrammeReport report;
  Ok(Report(kCity, "en", &report, "", 2030));
  EXPECT_EQ(report.region().region_code(), kCity);
  EXPECT_EQ(report.region().indicators_size(), 0);
  EXPECT_EQ(report.region().projects().levels_size(), 0);
  EXPECT_FALSE(report.region().projects().total().arrived_funds_change().has_percent_bp());
  EXPECT_EQ(report.region().commissioners().commissioner_count(), 0);
  EXPECT_EQ(report.subordinate_regions_size(), 0);
  EXPECT_EQ(report.events_size(), 0);
  EXPECT_EQ(report.narrative_size(), 0);
}

TEST_P(ProgrammeReportTest, BadRequestsNameEveryBadField) {
  v1::ProgrammeReport report;
  v1::GetProgrammeReportRequest request;
  request.set_year(1979);
  request.set_region_code("51");
  request.set_language_code("fr");
  const grpc::Status status = reports_->GetProgrammeReport(Ctx().get(), request, &report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("year", "region_code", "language_code"));
  request.set_year(2101);
  request.set_region_code("");
  request.set_language_code("");
  const grpc::Status missing = reports_->GetProgrammeReport(Ctx().get(), request, &report);
  EXPECT_THAT(ViolatedFields(missing), ElementsAre("year", "region_code"));
}

INSTANTIATE_TEST_SUITE_P(Backends, ProgrammeReportTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
