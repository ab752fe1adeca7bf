// AgreementService and ReportService over a real connection: lifecycle, every rule and error
// path, the export stream, summaries and the event summary.
#include <algorithm>
#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "techmatch/v1/agreement.grpc.pb.h"
#include "techmatch/v1/report.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

constexpr int64_t kSignSeconds = 1'795'000'000;  // 2026-11-18, in the past when tests run

google::type::Money Yuan(int64_t units, int32_t nanos = 0) {
  google::type::Money money;
  money.set_currency_code("CNY");
  money.set_units(units);
  money.set_nanos(nanos);
  return money;
}

class AgreementServiceTest : public OverBackends<SeededServerTest> {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    agreements_ = v1::AgreementService::NewStub(channel_);
    reports_ = v1::ReportService::NewStub(channel_);
    CreateOrganization("cas", v1::Organization::RESEARCH_INSTITUTE);
    CreateOrganization("scu-chem", v1::Organization::UNIVERSITY, "organizations/scu");
    CreateOrganization("lzlj", v1::Organization::ENTERPRISE);
  }

  static v1::Agreement Contract(const std::string& title = "窖池微生物技术开发合同") {
    v1::Agreement a;
    a.set_title(title);
    a.set_kind(v1::Agreement::TECHNOLOGY_DEVELOPMENT);
    v1::Party* supplier = a.add_parties();
    supplier->set_organization("organizations/scu");
    supplier->set_role(v1::Party::SUPPLIER);
    v1::Party* demander = a.add_parties();
    demander->set_organization("organizations/acme");
    demander->set_role(v1::Party::DEMANDER);
    a.set_event("events/fair");
    a.add_industries("industries/liquor");
    a.mutable_sign_time()->set_seconds(kSignSeconds);
    *a.mutable_contract_amount() = Yuan(2300000);
    *a.mutable_total_investment() = Yuan(280000000);
    *a.mutable_expected_sales_revenue() = Yuan(9860000, 500000000);
    *a.mutable_expected_profit_tax() = Yuan(12345);
    return a;
  }

  static v1::Agreement Framework() {
    v1::Agreement a;
    a.set_title("校市科技合作协议");
    a.set_kind(v1::Agreement::FRAMEWORK_COOPERATION);
    v1::Party* supplier = a.add_parties();
    supplier->set_organization("organizations/scu");
    supplier->set_role(v1::Party::SUPPLIER);
    v1::Party* government = a.add_parties();
    government->set_organization("organizations/gov");
    government->set_role(v1::Party::GOVERNMENT);
    a.set_event("events/fair");
    a.mutable_sign_time()->set_seconds(kSignSeconds - 3600);
    return a;
  }

  grpc::Status Create(const v1::Agreement& a, v1::Agreement* out, const std::string& id = "",
                      const std::string& request_id = "") {
    v1::CreateAgreementRequest request;
    *request.mutable_agreement() = a;
    request.set_agreement_id(id);
    request.set_request_id(request_id);
    return agreements_->CreateAgreement(Ctx().get(), request, out);
  }

  v1::Agreement MustCreate(const v1::Agreement& a, const std::string& id = "") {
    v1::Agreement created;
    const grpc::Status status = Create(a, &created, id);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return created;
  }

  v1::Agreement Get(const std::string& name, bool history = false) {
    v1::GetAgreementRequest request;
    request.set_name(name);
    if (history) request.set_view(v1::AGREEMENT_VIEW_WITH_HISTORY);
    v1::Agreement out;
    const grpc::Status status = agreements_->GetAgreement(Ctx().get(), request, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }

  grpc::Status Update(const v1::Agreement& a, std::vector<std::string> paths, v1::Agreement* out) {
    v1::UpdateAgreementRequest request;
    *request.mutable_agreement() = a;
    for (const std::string& p : paths) request.mutable_update_mask()->add_paths(p);
    return agreements_->UpdateAgreement(Ctx().get(), request, out);
  }

  template <typename Request>
  grpc::Status Move(grpc::Status (v1::AgreementService::Stub::*method)(grpc::ClientContext*,
                                                                       const Request&,
                                                                       v1::Agreement*),
                    const std::string& name, v1::Agreement* out, const std::string& etag = "") {
    Request request;
    request.set_name(name);
    request.set_etag(etag);
    return (agreements_.get()->*method)(Ctx().get(), request, out);
  }

  std::vector<std::string> ListNames(const std::string& filter) {
    v1::ListAgreementsRequest request;
    request.set_filter(filter);
    request.set_page_size(1000);
    v1::ListAgreementsResponse response;
    const grpc::Status status = agreements_->ListAgreements(Ctx().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> names;
    for (const auto& a : response.agreements()) names.push_back(a.name());
    return names;
  }

  std::unique_ptr<v1::AgreementService::Stub> agreements_;
  std::unique_ptr<v1::ReportService::Stub> reports_;
};

TEST_P(AgreementServiceTest, CreateThenGetRoundTripsEveryField) {
  v1::Agreement sent = Contract();
  const v1::Agreement created = MustCreate(sent, "2026-fair-001");
  EXPECT_EQ(created.name(), "agreements/2026-fair-001");
  EXPECT_EQ(created.state(), v1::Agreement::SIGNED);
  EXPECT_FALSE(created.etag().empty());
  const v1::Agreement read = Get("agreements/2026-fair-001");
  EXPECT_EQ(read.title(), sent.title());
  EXPECT_EQ(read.kind(), v1::Agreement::TECHNOLOGY_DEVELOPMENT);
  ASSERT_EQ(read.parties_size(), 2);
  EXPECT_EQ(read.parties(0).organization(), "organizations/scu");
  EXPECT_EQ(read.parties(0).role(), v1::Party::SUPPLIER);
  EXPECT_EQ(read.parties(1).role(), v1::Party::DEMANDER);
  EXPECT_EQ(read.event(), "events/fair");
  EXPECT_THAT(read.industries(), ElementsAre("industries/liquor"));
  EXPECT_EQ(read.sign_time().seconds(), kSignSeconds);
  EXPECT_EQ(read.contract_amount().units(), 2300000);
  EXPECT_EQ(read.expected_sales_revenue().units(), 9860000);
  EXPECT_EQ(read.expected_sales_revenue().nanos(), 500000000);
  EXPECT_FALSE(read.has_realized_output_value());
  EXPECT_EQ(read.etag(), created.etag());
  EXPECT_EQ(read.history_size(), 0);
}

TEST_P(AgreementServiceTest, CreateReportsEveryBadFieldAtOnceAndStoresNothing) {
  v1::CreateAgreementRequest request;
  request.set_agreement_id("Bad_ID");
  v1::Agreement& a = *request.mutable_agreement() = Contract("");
  a.set_kind(v1::Agreement::KIND_UNSPECIFIED);
  a.mutable_parties(0)->set_organization("people/scu");
  v1::Party* both = a.add_parties();
  both->set_organization("organizations/acme");
  both->set_role(v1::Party::SUPPLIER);
  a.set_event("events/nowhere");
  a.add_industries("industries/no-such");
  a.mutable_sign_time()->set_seconds(4'000'000'000);
  a.mutable_contract_amount()->set_units(-5);
  a.mutable_total_investment()->set_currency_code("USD");
  *a.mutable_realized_output_value() = Yuan(1);
  v1::Agreement created;
  const grpc::Status status = agreements_->CreateAgreement(Ctx().get(), request, &created);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre(
                  "agreement_id", "agreement.title", "agreement.kind",
                  "agreement.parties[0].organization", "agreement.parties[2]", "agreement.event",
                  "agreement.industries[1]", "agreement.sign_time", "agreement.contract_amount",
                  "agreement.total_investment.currency_code", "agreement.realized_output_value"));
  EXPECT_THAT(ListNames(""), ::testing::IsEmpty());
}

TEST_P(AgreementServiceTest, PartyRules) {
  v1::Agreement created;
  v1::Agreement no_demander = Contract();
  no_demander.mutable_parties()->RemoveLast();
  grpc::Status status = Create(no_demander, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("agreement.parties"));

  v1::Agreement no_government = Framework();
  no_government.mutable_parties()->RemoveLast();
  status = Create(no_government, &created);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("agreement.parties"));

  v1::Agreement enterprise_supplier = Framework();
  enterprise_supplier.mutable_parties(0)->set_organization("organizations/acme");
  status = Create(enterprise_supplier, &created);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("agreement.parties[0].organization"));

  v1::Agreement government_not_gov = Framework();
  government_not_gov.mutable_parties(1)->set_organization("organizations/lzlj");
  status = Create(government_not_gov, &created);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("agreement.parties[1].organization"));

  v1::Agreement unknown = Contract();
  unknown.mutable_parties(1)->set_organization("organizations/ghost");
  unknown.mutable_parties(1)->set_role(v1::Party::ROLE_UNSPECIFIED);
  status = Create(unknown, &created);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("agreement.parties[1].role", "agreement.parties",
                                   "agreement.parties[1].organization"));

  // A college of a university and a research institute can sign framework agreements.
  v1::Agreement college = Framework();
  college.mutable_parties(0)->set_organization("organizations/scu-chem");
  v1::Party* institute = college.add_parties();
  institute->set_organization("organizations/cas");
  institute->set_role(v1::Party::SUPPLIER);
  EXPECT_TRUE(Create(college, &created).ok());
}

TEST_P(AgreementServiceTest, LinkedNeedAndOfferingOwnersMustBeParties) {
  const v1::Need need = CreateNeed(SampleNeed(), "need-1");  // enterprise acme
  v1::CreateOfferingRequest offering_request;
  *offering_request.mutable_offering() = SampleOffering();  // institute scu
  offering_request.set_offering_id("offering-1");
  v1::Offering offering;
  ASSERT_TRUE(offerings_->CreateOffering(Ctx().get(), offering_request, &offering).ok());

  v1::Agreement linked = Contract();
  linked.set_need("needs/need-1");
  linked.set_offering("offerings/offering-1");
  v1::Agreement created;
  EXPECT_TRUE(Create(linked, &created).ok());

  linked.mutable_parties(0)->set_organization("organizations/cas");
  linked.mutable_parties(1)->set_organization("organizations/lzlj");
  linked.set_need("needs/need-1");
  const grpc::Status status = Create(linked, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("agreement.need", "agreement.offering"));

  linked.set_need("needs/missing");
  linked.set_offering("offerings/missing");
  EXPECT_THAT(ViolatedFields(Create(linked, &created)),
              ElementsAre("agreement.need", "agreement.offering"));
}

TEST_P(AgreementServiceTest, LifecycleAndItsErrors) {
  const v1::Agreement created = MustCreate(Contract(), "a1");
  v1::Agreement out;
  using Stub = v1::AgreementService::Stub;
  EXPECT_EQ(Move(&Stub::CompleteAgreement, "agreements/a1", &out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Move(&Stub::StartAgreement, "agreements/a1", &out, "\"stale\"").error_code(),
            grpc::StatusCode::ABORTED);
  ASSERT_TRUE(Move(&Stub::StartAgreement, "agreements/a1", &out, created.etag()).ok());
  EXPECT_EQ(out.state(), v1::Agreement::IMPLEMENTING);
  EXPECT_EQ(Move(&Stub::StartAgreement, "agreements/a1", &out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  ASSERT_TRUE(Move(&Stub::CompleteAgreement, "agreements/a1", &out).ok());
  EXPECT_EQ(out.state(), v1::Agreement::COMPLETED);
  const grpc::Status late = Move(&Stub::TerminateAgreement, "agreements/a1", &out);
  EXPECT_EQ(late.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(late.error_message(), HasSubstr("COMPLETED"));

  MustCreate(Contract(), "a2");
  ASSERT_TRUE(Move(&Stub::TerminateAgreement, "agreements/a2", &out).ok());
  EXPECT_EQ(out.state(), v1::Agreement::TERMINATED);
  EXPECT_EQ(Move(&Stub::StartAgreement, "agreements/a2", &out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  EXPECT_EQ(Move(&Stub::StartAgreement, "agreements/nope", &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  const grpc::Status bad_name = Move(&Stub::StartAgreement, "needs/a1", &out);
  EXPECT_EQ(bad_name.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(bad_name), ElementsAre("name"));
}

TEST_P(AgreementServiceTest, RealizedFiguresOnceImplementingWithHistory) {
  MustCreate(Contract(), "a1");
  v1::Agreement patch;
  patch.set_name("agreements/a1");
  *patch.mutable_realized_output_value() = Yuan(5000000);
  v1::Agreement out;
  grpc::Status status = Update(patch, {}, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("StartAgreement"));

  ASSERT_TRUE(Move(&v1::AgreementService::Stub::StartAgreement, "agreements/a1", &out).ok());
  ASSERT_TRUE(Update(patch, {"realized_output_value"}, &out).ok());
  EXPECT_EQ(out.realized_output_value().units(), 5000000);
  *patch.mutable_realized_output_value() = Yuan(6000000);
  *patch.mutable_realized_profit_tax() = Yuan(700000);
  ASSERT_TRUE(Update(patch, {}, &out).ok());
  patch.set_etag(out.etag());
  patch.clear_realized_profit_tax();
  *patch.mutable_contract_amount() = Yuan(2400000);
  ASSERT_TRUE(Update(patch, {"contract_amount"}, &out).ok());

  const v1::Agreement without = Get("agreements/a1");
  EXPECT_EQ(without.history_size(), 0);
  const v1::Agreement with = Get("agreements/a1", /*history=*/true);
  ASSERT_EQ(with.history_size(), 4);
  EXPECT_EQ(with.history(0).field(), "realized_output_value");
  EXPECT_FALSE(with.history(0).has_old_value());
  EXPECT_EQ(with.history(0).new_value().units(), 5000000);
  EXPECT_EQ(with.history(1).field(), "realized_output_value");
  EXPECT_EQ(with.history(1).old_value().units(), 5000000);
  EXPECT_EQ(with.history(1).new_value().units(), 6000000);
  EXPECT_EQ(with.history(2).field(), "realized_profit_tax");
  EXPECT_EQ(with.history(3).field(), "contract_amount");
  EXPECT_EQ(with.history(3).old_value().units(), 2300000);
  EXPECT_GT(with.history(3).change_time().seconds(), 0);

  // Completed: realized figures only.
  ASSERT_TRUE(Move(&v1::AgreementService::Stub::CompleteAgreement, "agreements/a1", &out).ok());
  v1::Agreement title;
  title.set_name("agreements/a1");
  title.set_title("renamed");
  EXPECT_EQ(Update(title, {}, &out).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  *patch.mutable_realized_output_value() = Yuan(6500000);
  patch.clear_etag();
  EXPECT_TRUE(Update(patch, {"realized_output_value"}, &out).ok());
}

TEST_P(AgreementServiceTest, UpdateErrors) {
  const v1::Agreement created = MustCreate(Contract(), "a1");
  v1::Agreement patch;
  patch.set_name("agreements/a1");
  patch.set_title("新标题");
  v1::Agreement out;
  grpc::Status status = Update(patch, {"state", "etag", "title", "nonsense"}, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              ElementsAre("update_mask.paths[0]", "update_mask.paths[1]", "update_mask.paths[3]"));
  patch.set_etag("\"stale\"");
  EXPECT_EQ(Update(patch, {"title"}, &out).error_code(), grpc::StatusCode::ABORTED);
  patch.set_etag(created.etag());
  ASSERT_TRUE(Update(patch, {"title"}, &out).ok());
  EXPECT_EQ(out.title(), "新标题");
  EXPECT_EQ(out.contract_amount().units(), 2300000);  // untouched
  EXPECT_NE(out.etag(), created.etag());

  v1::Agreement bad = patch;
  bad.clear_etag();
  bad.mutable_sign_time()->set_seconds(4'000'000'000);
  bad.mutable_parties()->Clear();
  v1::Party* lone = bad.add_parties();
  lone->set_organization("organizations/scu");
  lone->set_role(v1::Party::SUPPLIER);
  status = Update(bad, {"sign_time", "parties"}, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("agreement.sign_time", "agreement.parties"));
  patch.set_name("agreements/nope");
  patch.clear_etag();
  EXPECT_EQ(Update(patch, {"title"}, &out).error_code(), grpc::StatusCode::NOT_FOUND);

  ASSERT_TRUE(Move(&v1::AgreementService::Stub::TerminateAgreement, "agreements/a1", &out).ok());
  patch.set_name("agreements/a1");
  EXPECT_EQ(Update(patch, {"title"}, &out).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_P(AgreementServiceTest, RepeatedRequestIdCreatesOnce) {
  v1::Agreement first, second;
  ASSERT_TRUE(Create(Contract(), &first, "", "req-42").ok());
  ASSERT_TRUE(Create(Contract(), &second, "", "req-42").ok());  // a retry: the first answer
  EXPECT_EQ(first.name(), second.name());
  // The same request_id with a different request is refused, naming the request_id.
  const grpc::Status other = Create(Contract("other"), &second, "", "req-42");
  EXPECT_EQ(other.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(other.error_message(), ::testing::HasSubstr("request_id 'req-42'"));
  EXPECT_EQ(ListNames("").size(), 1u);
}

TEST_P(AgreementServiceTest, ListFiltersAndPages) {
  for (int i = 0; i < 5; ++i) MustCreate(Contract(), absl::StrCat("a", i));
  v1::Agreement small = Contract();
  *small.mutable_contract_amount() = Yuan(1000000, 500000000);
  small.clear_event();
  MustCreate(small, "small");
  MustCreate(Framework(), "frame");
  EXPECT_THAT(ListNames("kind = FRAMEWORK_COOPERATION"), ElementsAre("agreements/frame"));
  EXPECT_THAT(ListNames("contract_amount <= 1000000.50 AND kind != FRAMEWORK_COOPERATION"),
              ElementsAre("agreements/small"));
  EXPECT_THAT(ListNames("contract_amount < 1000000.5 AND demander = organizations/acme"),
              ::testing::IsEmpty());
  EXPECT_EQ(ListNames("event = events/fair AND supplier = scu").size(), 6u);
  EXPECT_EQ(ListNames("region_code = \"510500\"").size(), 7u);
  EXPECT_EQ(ListNames("sign_time < 2026-01-01T00:00:00+08:00").size(), 0u);

  v1::ListAgreementsRequest request;
  request.set_page_size(3);
  std::vector<std::string> walked;
  do {
    v1::ListAgreementsResponse response;
    ASSERT_TRUE(agreements_->ListAgreements(Ctx().get(), request, &response).ok());
    for (const auto& a : response.agreements()) walked.push_back(a.name());
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  EXPECT_EQ(walked.size(), 7u);

  request.set_filter("contract_amount >= 1.234 AND colour = red");
  request.set_page_size(-1);
  v1::ListAgreementsResponse response;
  const grpc::Status status = agreements_->ListAgreements(Ctx().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), UnorderedElementsAre("page_size", "filter"));
}

TEST_P(AgreementServiceTest, ExportStreamsEveryMatchingAgreement) {
  for (int i = 0; i < 250; ++i) MustCreate(Contract(), absl::StrFormat("a%03d", i));
  MustCreate(Framework(), "frame");
  auto export_all = [&](const std::string& filter, std::vector<std::string>& names) {
    v1::ExportAgreementsRequest request;
    request.set_filter(filter);
    auto context = Ctx();
    auto reader = agreements_->ExportAgreements(context.get(), request);
    v1::ExportAgreementsResponse message;
    int messages = 0;
    while (reader->Read(&message)) {
      ++messages;
      EXPECT_LE(message.agreements_size(), 100);
      for (const auto& a : message.agreements()) names.push_back(a.name());
    }
    EXPECT_GE(messages, 0);
    return reader->Finish();
  };
  std::vector<std::string> names;
  ASSERT_TRUE(export_all("", names).ok());
  EXPECT_EQ(names.size(), 251u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  names.clear();
  ASSERT_TRUE(export_all("kind = FRAMEWORK_COOPERATION", names).ok());
  EXPECT_THAT(names, ElementsAre("agreements/frame"));
  names.clear();
  const grpc::Status bad = export_all("kind = SOMETHING", names);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(bad), ElementsAre("filter"));
}

TEST_P(AgreementServiceTest, SummarizeAgreements) {
  MustCreate(Contract(), "a1");
  v1::Agreement second = Contract();
  second.set_kind(v1::Agreement::TECHNOLOGY_TRANSFER);
  second.add_industries("industries/energy");
  second.mutable_parties(1)->set_organization("organizations/lzlj");
  MustCreate(second, "a2");
  MustCreate(Framework(), "f1");

  v1::SummarizeAgreementsRequest request;
  request.add_group_by(v1::INDUSTRY);
  request.add_group_by(v1::KIND);
  v1::SummarizeAgreementsResponse response;
  ASSERT_TRUE(reports_->SummarizeAgreements(Ctx().get(), request, &response).ok());
  ASSERT_EQ(response.rows_size(), 4);
  // ("", FRAMEWORK), (energy, TRANSFER), (liquor, DEVELOPMENT), (liquor, TRANSFER)
  EXPECT_EQ(response.rows(0).group_values(0).value(), "");
  EXPECT_EQ(response.rows(0).group_values(1).value(), "FRAMEWORK_COOPERATION");
  EXPECT_EQ(response.rows(1).group_values(0).dimension(), v1::INDUSTRY);
  EXPECT_EQ(response.rows(1).group_values(0).value(), "industries/energy");
  EXPECT_EQ(response.rows(2).group_values(0).value(), "industries/liquor");
  EXPECT_EQ(response.rows(2).group_values(1).value(), "TECHNOLOGY_DEVELOPMENT");
  EXPECT_EQ(response.rows(2).contract_amount().units(), 2300000);
  EXPECT_EQ(response.total().agreement_count(), 3);
  EXPECT_EQ(response.total().supplier_count(), 1);
  EXPECT_EQ(response.total().demander_count(), 2);
  EXPECT_EQ(response.total().total_investment().units(), 560000000);
  EXPECT_EQ(response.total().expected_sales_revenue().units(), 19720001);
  EXPECT_EQ(response.total().expected_sales_revenue().nanos(), 0);
  EXPECT_EQ(response.total().realized_output_value().currency_code(), "CNY");

  request.Clear();
  request.add_group_by(v1::DEMANDER);
  request.set_filter("kind != FRAMEWORK_COOPERATION");
  ASSERT_TRUE(reports_->SummarizeAgreements(Ctx().get(), request, &response).ok());
  ASSERT_EQ(response.rows_size(), 2);
  EXPECT_EQ(response.rows(0).group_values(0).value(), "organizations/acme");
  EXPECT_EQ(response.rows(0).demander_count(), 1);

  request.Clear();
  request.add_group_by(v1::GROUP_BY_UNSPECIFIED);
  request.add_group_by(v1::KIND);
  request.add_group_by(v1::KIND);
  request.set_filter("colour = red");
  const grpc::Status bad = reports_->SummarizeAgreements(Ctx().get(), request, &response);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(bad), UnorderedElementsAre("group_by[0]", "group_by[2]", "filter"));
}

TEST_P(AgreementServiceTest, SummaryOverflowIsOutOfRange) {
  v1::Agreement huge = Contract();
  *huge.mutable_contract_amount() = Yuan(std::numeric_limits<int64_t>::max() / 100 - 1);
  MustCreate(huge, "h1");
  MustCreate(huge, "h2");
  v1::SummarizeAgreementsRequest request;
  v1::SummarizeAgreementsResponse response;
  const grpc::Status status = reports_->SummarizeAgreements(Ctx().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::OUT_OF_RANGE);
  request.set_filter("contract_amount < 1");
  EXPECT_TRUE(reports_->SummarizeAgreements(Ctx().get(), request, &response).ok());
}

TEST_P(AgreementServiceTest, EventSummaryInThreeLanguages) {
  for (const char* org : {"acme", "scu", "cas", "gov", "lzlj"}) {
    v1::RegisterParticipantRequest request;
    request.set_event("events/fair");
    request.set_organization(absl::StrCat("organizations/", org));
    v1::Participant participant;
    ASSERT_TRUE(events_->RegisterParticipant(Ctx().get(), request, &participant).ok());
  }
  v1::Need need = SampleNeed();
  need.add_events("events/fair");
  CreateNeed(need);
  CreateNeed(need);
  MustCreate(Contract(), "a1");
  v1::Agreement second = Contract();
  second.mutable_parties(0)->set_organization("organizations/cas");
  second.mutable_parties(1)->set_organization("organizations/lzlj");
  *second.mutable_contract_amount() = Yuan(7700000);
  MustCreate(second, "a2");
  MustCreate(Framework(), "f1");

  v1::GetEventSummaryRequest request;
  request.set_event("events/fair");
  request.set_language_code("zh-Hans");
  v1::EventSummary summary;
  ASSERT_TRUE(reports_->GetEventSummary(Ctx().get(), request, &summary).ok());
  EXPECT_EQ(summary.needs_count(), 2);
  EXPECT_EQ(summary.offerings_count(), 0);
  EXPECT_EQ(summary.enterprise_count(), 2);
  EXPECT_EQ(summary.university_count(), 1);
  EXPECT_EQ(summary.research_institute_count(), 1);
  EXPECT_EQ(summary.government_count(), 1);
  ASSERT_EQ(summary.agreements_by_kind_size(), 2);
  EXPECT_EQ(summary.agreements_by_kind(0).kind(), v1::Agreement::FRAMEWORK_COOPERATION);
  EXPECT_EQ(summary.technology_contracts().agreement_count(), 2);
  EXPECT_EQ(summary.technology_contracts().supplier_count(), 2);
  EXPECT_EQ(summary.technology_contracts().demander_count(), 2);
  EXPECT_EQ(summary.total().contract_amount().units(), 10000000);
  EXPECT_THAT(summary.framework_partners(), ElementsAre("Org scu"));
  EXPECT_EQ(summary.language_code(), "zh-Hans");
  EXPECT_EQ(summary.narrative(),
            "2026年产学研合作洽谈会共征集企业技术需求2项，1所高校、1家科研院所参会。"
            "与Org scu签订校市（院市）科技合作协议1项。签订技术合同2项，涉及高校和科研院所2家、"
            "企业2家，项目总投资5.6亿元，技术合同金额1000万元，预计销售收入1972万元，"
            "预计利税2.47万元。");

  request.set_language_code("zh-Hant");
  ASSERT_TRUE(reports_->GetEventSummary(Ctx().get(), request, &summary).ok());
  EXPECT_THAT(summary.narrative(), HasSubstr("項目總投資5.6億元，技術合同金額1000萬元"));
  request.set_language_code("en");
  ASSERT_TRUE(reports_->GetEventSummary(Ctx().get(), request, &summary).ok());
  EXPECT_THAT(summary.narrative(),
              HasSubstr("2 technology contracts were signed between 2 universities and "
                        "institutes and 2 enterprises. Total investment CNY 560,000,000.00"));

  request.set_event("needs/fair");
  request.set_language_code("fr");
  const grpc::Status bad = reports_->GetEventSummary(Ctx().get(), request, &summary);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(bad), ElementsAre("event", "language_code"));
  request.set_event("events/none");
  request.set_language_code("en");
  EXPECT_EQ(reports_->GetEventSummary(Ctx().get(), request, &summary).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

INSTANTIATE_TEST_SUITE_P(Backends, AgreementServiceTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
