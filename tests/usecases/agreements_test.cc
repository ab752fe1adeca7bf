// Agreements: the record flows with the agreement's own rules (what may change in which state,
// the history of money figures), the lifecycle, exports and reports.
#include "usecases/agreements.h"

#include <vector>

#include "absl/time/clock.h"
#include "tests/usecases/usecase_fixture.h"
#include "usecases/reports.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class AgreementsTest : public UseCaseTest {
 protected:
  Agreements agreements() { return Agreements(repo(), tokens_, 2); }

  static NewAgreement Contract(absl::string_view id) {
    NewAgreement input;
    Agreement& a = input.agreement;
    a.title = "技术开发合同";
    a.kind = AgreementKind::kTechnologyDevelopment;
    a.parties = {{"scu", PartyRole::kSupplier}, {"acme", PartyRole::kDemander}};
    a.industry_codes = {"liquor"};
    a.event_id = "fair";
    a.sign_time = absl::Now() - absl::Hours(24);
    a.amount(AmountField::kContractAmount) = 230'000'000;
    input.agreement_id = id;
    return input;
  }
};

TEST_F(AgreementsTest, FiguresChangeOnlyAsTheStateAllowsAndLeaveAHistory) {
  TM_ASSERT_OK_AND_ASSIGN(Agreement created, agreements().Create(organizer_, Contract("a1")));
  AgreementUpdate update;
  update.name = "agreements/a1";
  update.paths = {"contract_amount"};
  update.patch.amount(AmountField::kContractAmount) = 250'000'000;
  TM_ASSERT_OK_AND_ASSIGN(Agreement updated, agreements().Update(organizer_, update));
  EXPECT_EQ(updated.amount(AmountField::kContractAmount), 250'000'000);
  TM_ASSERT_OK_AND_ASSIGN(AgreementView view, agreements().Get(organizer_, "agreements/a1", true));
  ASSERT_TRUE(view.history.has_value());
  ASSERT_EQ(view.history->size(), 1u);
  EXPECT_EQ((*view.history)[0].old_minor, 230'000'000);
  EXPECT_EQ((*view.history)[0].new_minor, 250'000'000);
  TM_ASSERT_OK_AND_ASSIGN(view, agreements().Get(organizer_, "agreements/a1", false));
  EXPECT_FALSE(view.history.has_value());

  // Realized figures wait for implementation to start: the state rule comes before the fields'.
  AgreementUpdate realized;
  realized.name = "agreements/a1";
  realized.paths = {"realized_output_value", "title"};
  realized.patch.amount(AmountField::kRealizedOutputValue) = 1;
  realized.patch.title = "";
  EXPECT_THAT(agreements().Update(organizer_, realized),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  TM_ASSERT_OK_AND_ASSIGN(Agreement terminated,
                          agreements().Terminate(organizer_, "agreements/a1", ""));
  EXPECT_EQ(terminated.state, AgreementState::kTerminated);
  EXPECT_THAT(agreements().Update(organizer_, update),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(agreements().Start(organizer_, "agreements/a1", Etag(terminated.meta)),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(agreements().Start(organizer_, "agreements/a1", Etag(created.meta)),
              StatusIs(absl::StatusCode::kAborted));
}

TEST_F(AgreementsTest, EveryBadFieldAtOnce) {
  NewAgreement input = Contract("A1");
  input.agreement.parties = {{"nobody", PartyRole::kSupplier}, {"acme", PartyRole::kDemander}};
  input.conversion.Add("contract_amount.currency_code", "must be CNY");
  EXPECT_THAT(ViolatedFields(agreements().Create(organizer_, input)),
              UnorderedElementsAre("agreement_id", "agreement.contract_amount.currency_code",
                                   "agreement.parties[0].organization"));
}

// Receives an export; goes away after `wanted` agreements.
class Collector final : public AgreementSink {
 public:
  explicit Collector(int wanted = 1000) : wanted_(wanted) {}
  absl::Status Add(const Agreement& agreement) override {
    if (static_cast<int>(ids.size()) == wanted_) return absl::CancelledError("gone");
    ids.push_back(agreement.meta.id);
    return absl::OkStatus();
  }
  std::vector<std::string> ids;

 private:
  int wanted_;
};

TEST_F(AgreementsTest, ExportsStopWhenTheirReceiverOrCallerDoes) {
  for (const char* id : {"a1", "a2", "a3"})
    ASSERT_THAT(agreements().Create(organizer_, Contract(id)), IsOk());
  Collector all;
  TestCallState waiting;
  EXPECT_THAT(agreements().Export(organizer_, "", all, waiting), IsOk());
  EXPECT_THAT(all.ids, ElementsAre("a1", "a2", "a3"));
  Collector two(2);
  EXPECT_THAT(agreements().Export(organizer_, "", two, waiting),
              StatusIs(absl::StatusCode::kCancelled));
  Collector any;
  TestCallState gone(/*wanted=*/1);
  EXPECT_THAT(agreements().Export(organizer_, "", any, gone),
              StatusIs(absl::StatusCode::kCancelled));
  EXPECT_THAT(any.ids, ElementsAre("a1"));
  EXPECT_THAT(ViolatedFields(agreements().Export(organizer_, "no_such = 1", any, waiting)),
              ElementsAre("filter"));
}

TEST_F(AgreementsTest, ReportsCheckEveryFieldAndSum) {
  for (const char* id : {"a1", "a2"})
    ASSERT_THAT(agreements().Create(organizer_, Contract(id)), IsOk());
  const Currency cny = *Currency::FromCode("CNY");
  Reports reports(repo(), cny);
  EXPECT_THAT(ViolatedFields(reports.SummarizeAgreements(
                  official_, {GroupDimension::kEvent, GroupDimension::kEvent}, "no_such = 1",
                  static_cast<RegionLevel>(0))),
              UnorderedElementsAre("group_by[1]", "filter", "region_level"));
  TM_ASSERT_OK_AND_ASSIGN(
      AgreementReport report,
      reports.SummarizeAgreements(official_, {GroupDimension::kEvent}, "", RegionLevel::kCounty));
  EXPECT_EQ(report.total.agreement_count, 2);
  EXPECT_EQ(report.total.sum(AmountField::kContractAmount), 460'000'000);
  EXPECT_THAT(ViolatedFields(reports.GetEventSummary("", "xx")),
              UnorderedElementsAre("event", "language_code"));
  TM_ASSERT_OK_AND_ASSIGN(EventSummary summary, reports.GetEventSummary("events/fair", "en"));
  EXPECT_EQ(summary.event_id, "fair");
  EXPECT_EQ(summary.language, NarrativeLanguage::kEnglish);
  EXPECT_THAT(summary.narrative, HasSubstr("contract"));
}

}  // namespace
}  // namespace techmatch::usecases::testing
