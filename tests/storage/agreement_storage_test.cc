// Agreements over both backends: round trips, history, filters, the consistent export,
// summaries with overflow detection, event figures; and on SQLite a randomized check of every
// grouping against a brute-force recomputation.
#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "core/common/status_macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

class AgreementStorageTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("acme"));
    MustCreate(University("scu"));
    Organization gov = Enterprise("gov");
    gov.kind = OrganizationKind::kGovernment;
    gov.region_code = "510502";
    MustCreate(gov);
    MustCreate(Fair("fair"));
  }

  static Agreement Contract(const std::string& id) {
    Agreement a;
    a.meta.id = id;
    a.title = "技术开发合同 " + id;
    a.kind = AgreementKind::kTechnologyDevelopment;
    a.parties = {{"scu", PartyRole::kSupplier}, {"acme", PartyRole::kDemander}};
    a.industry_codes = {"liquor", "agriculture"};
    a.event_id = "fair";
    a.sign_time = absl::FromUnixSeconds(1'790'000'000) + absl::Nanoseconds(7);
    a.amount(AmountField::kContractAmount) = 230'000'000;
    a.amount(AmountField::kTotalInvestment) = 2'860'000'000;
    return a;
  }

  Agreement MustCreate(const Agreement& a) {
    absl::StatusOr<Agreement> created = repo().CreateAgreement(a, {});
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : a;
  }
  using BackendTest::MustCreate;

  std::vector<std::string> ListIds(std::vector<FilterTerm> filter) {
    ListQuery query;
    query.filter = std::move(filter);
    query.page_size = 1000;
    absl::StatusOr<Page<Agreement>> page = repo().ListAgreements(query);
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const Agreement& a : page->items) ids.push_back(a.meta.id);
    }
    return ids;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, AgreementStorageTest, testing::kBackends, testing::BackendName);

TEST_P(AgreementStorageTest, RoundTripEveryField) {
  Agreement a = Contract("a1");
  a.parties.push_back({"gov", PartyRole::kFinancier});
  a.state = AgreementState::kImplementing;
  a.amount(AmountField::kRealizedOutputValue) = 5;
  const Agreement created = MustCreate(a);
  EXPECT_EQ(created.meta.revision, 1);
  TM_ASSERT_OK_AND_ASSIGN(Agreement read, repo().GetAgreement("a1"));
  EXPECT_EQ(read.title, a.title);
  EXPECT_EQ(read.kind, a.kind);
  EXPECT_EQ(read.parties, a.parties);
  EXPECT_EQ(read.industry_codes, a.industry_codes);
  EXPECT_EQ(read.event_id, "fair");
  EXPECT_EQ(read.need_id, "");
  EXPECT_EQ(read.sign_time, a.sign_time);
  EXPECT_EQ(read.amounts, a.amounts);
  EXPECT_EQ(read.state, AgreementState::kImplementing);
  EXPECT_EQ(read.meta.create_time, created.meta.create_time);
  EXPECT_THAT(repo().GetAgreement("nope"),
              StatusIs(absl::StatusCode::kNotFound, "agreements/nope not found"));
  EXPECT_THAT(repo().CreateAgreement(a, {}), StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_P(AgreementStorageTest, ConstraintsRefuseWhatMustNeverBeStored) {
  Agreement negative = Contract("neg");
  negative.amount(AmountField::kExpectedProfitTax) = -1;
  EXPECT_THAT(repo().CreateAgreement(negative, {}), StatusIs(absl::StatusCode::kInternal));
  Agreement realized_when_signed = Contract("early");
  realized_when_signed.amount(AmountField::kRealizedProfitTax) = 1;
  EXPECT_THAT(repo().CreateAgreement(realized_when_signed, {}),
              StatusIs(absl::StatusCode::kInternal));
  Agreement ghost_party = Contract("ghost");
  ghost_party.parties[0].organization_id = "nobody";
  EXPECT_THAT(repo().CreateAgreement(ghost_party, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(ListIds({}), IsEmpty());
}

TEST_P(AgreementStorageTest, IdempotentCreate) {
  TM_ASSERT_OK_AND_ASSIGN(Agreement first,
                          repo().CreateAgreement(Contract("x1"), {"CreateAgreement", "req-1"}));
  TM_ASSERT_OK_AND_ASSIGN(Agreement again,
                          repo().CreateAgreement(Contract("x2"), {"CreateAgreement", "req-1"}));
  EXPECT_EQ(again.meta.id, "x1");
  EXPECT_THAT(ListIds({}), ElementsAre("x1"));
}

TEST_P(AgreementStorageTest, ReplaceKeepsHistoryAndChecksRevision) {
  Agreement a = MustCreate(Contract("a1"));
  Agreement changed = a;
  changed.state = AgreementState::kImplementing;
  changed.amount(AmountField::kRealizedOutputValue) = 100;
  const absl::Time when = absl::FromUnixSeconds(1'795'000'000);
  const std::vector<AmountChange> changes = {
      {when, AmountField::kRealizedOutputValue, std::nullopt, 100}};
  TM_ASSERT_OK_AND_ASSIGN(Agreement stored, repo().ReplaceAgreement(changed, 1, changes));
  EXPECT_EQ(stored.meta.revision, 2);
  EXPECT_THAT(repo().ReplaceAgreement(changed, 1, {}), StatusIs(absl::StatusCode::kAborted));
  Agreement missing = changed;
  missing.meta.id = "nope";
  EXPECT_THAT(repo().ReplaceAgreement(missing, 1, {}), StatusIs(absl::StatusCode::kNotFound));
  changed.amount(AmountField::kRealizedOutputValue) = 250;
  const std::vector<AmountChange> second = {
      {when + absl::Hours(1), AmountField::kRealizedOutputValue, 100, 250}};
  ASSERT_THAT(repo().ReplaceAgreement(changed, 2, second), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(std::vector<AmountChange> history, repo().GetAgreementHistory("a1"));
  EXPECT_EQ(history, (std::vector<AmountChange>{changes[0], second[0]}));
  EXPECT_THAT(repo().GetAgreementHistory("nope"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(AgreementStorageTest, Filters) {
  MustCreate(Contract("a1"));
  Agreement a2 = Contract("a2");
  a2.kind = AgreementKind::kFrameworkCooperation;
  a2.parties = {{"scu", PartyRole::kSupplier}, {"gov", PartyRole::kGovernment}};
  a2.event_id = "";
  a2.industry_codes = {};
  a2.amounts = {};
  a2.sign_time = absl::FromUnixSeconds(1'700'000'000);
  MustCreate(a2);
  Agreement a3 = Contract("a3");
  a3.state = AgreementState::kTerminated;
  a3.amount(AmountField::kContractAmount) = 50;
  MustCreate(a3);
  using T = FilterTerm;
  EXPECT_THAT(ListIds({T{"event", FilterOp::kEq, std::string("fair")}}), ElementsAre("a1", "a3"));
  EXPECT_THAT(ListIds({T{"event", FilterOp::kNe, std::string("fair")}}), ElementsAre("a2"));
  EXPECT_THAT(ListIds({T{"kind", FilterOp::kEq, std::string("FRAMEWORK_COOPERATION")}}),
              ElementsAre("a2"));
  EXPECT_THAT(ListIds({T{"state", FilterOp::kEq, std::string("TERMINATED")}}), ElementsAre("a3"));
  EXPECT_THAT(ListIds({T{"industry", FilterOp::kEq, std::string("agriculture")}}),
              ElementsAre("a1", "a3"));
  EXPECT_THAT(ListIds({T{"supplier", FilterOp::kEq, std::string("scu")}}),
              ElementsAre("a1", "a2", "a3"));
  EXPECT_THAT(ListIds({T{"demander", FilterOp::kEq, std::string("acme")}}),
              ElementsAre("a1", "a3"));
  EXPECT_THAT(ListIds({T{"demander", FilterOp::kEq, std::string("scu")}}), IsEmpty());
  EXPECT_THAT(ListIds({T{"region_code", FilterOp::kEq, std::string("510502")}}), ElementsAre("a2"));
  EXPECT_THAT(ListIds({T{"region_code", FilterOp::kEq, std::string("510100")}}),
              ElementsAre("a1", "a2", "a3"));
  EXPECT_THAT(ListIds({T{"sign_time", FilterOp::kLt, absl::FromUnixSeconds(1'750'000'000)}}),
              ElementsAre("a2"));
  EXPECT_THAT(ListIds({T{"contract_amount", FilterOp::kGe, int64_t{1000}}}), ElementsAre("a1"));
  // An amount not given compares as zero.
  EXPECT_THAT(ListIds({T{"contract_amount", FilterOp::kEq, int64_t{0}}}), ElementsAre("a2"));
  EXPECT_THAT(ListIds({T{"kind", FilterOp::kNe, std::string("FRAMEWORK_COOPERATION")},
                       T{"contract_amount", FilterOp::kLt, int64_t{1000}}}),
              ElementsAre("a3"));
}

TEST_P(AgreementStorageTest, ExportIsASnapshotWhileWritesGoOn) {
  for (int i = 0; i < 5; ++i) MustCreate(Contract(absl::StrCat("a", i)));
  std::vector<std::string> seen;
  bool wrote = false;
  ASSERT_THAT(repo().ExportAgreements(
                  {}, {},
                  [&](const Agreement& a) -> absl::Status {
                    if (!wrote) {
                      wrote = true;
                      // A new agreement and a changed title, committed while the export is
                      // half-way.
                      EXPECT_THAT(repo().CreateAgreement(Contract("a9"), {}), IsOk());
                      TM_ASSIGN_OR_RETURN(Agreement a4, repo().GetAgreement("a4"));
                      a4.title = "changed";
                      EXPECT_THAT(repo().ReplaceAgreement(a4, a4.meta.revision, {}), IsOk());
                    }
                    seen.push_back(absl::StrCat(a.meta.id, ":", a.title));
                    return absl::OkStatus();
                  }),
              IsOk());
  EXPECT_THAT(seen, ElementsAre("a0:技术开发合同 a0", "a1:技术开发合同 a1", "a2:技术开发合同 a2",
                                "a3:技术开发合同 a3", "a4:技术开发合同 a4"));
  // The sink's error stops the export and comes back.
  int calls = 0;
  EXPECT_THAT(repo().ExportAgreements({}, {},
                                      [&](const Agreement&) {
                                        ++calls;
                                        return absl::CancelledError("stop");
                                      }),
              StatusIs(absl::StatusCode::kCancelled));
  EXPECT_EQ(calls, 1);
  // Readers are returned to the pool: later reads still work.
  for (int i = 0; i < 10; ++i) ASSERT_THAT(repo().GetAgreement("a9"), IsOk());
}

TEST_P(AgreementStorageTest, SumsNearInt64MaxAreExactAndOverflowIsAnError) {
  Agreement a = Contract("a1");
  a.amount(AmountField::kContractAmount) = kMax - 1;
  MustCreate(a);
  Agreement b = Contract("a2");
  b.kind = AgreementKind::kTechnologyTransfer;
  b.amount(AmountField::kContractAmount) = 1;
  MustCreate(b);
  TM_ASSERT_OK_AND_ASSIGN(AgreementReport exact, repo().SummarizeAgreements({}, {}, {}));
  EXPECT_EQ(exact.total.sum(AmountField::kContractAmount), kMax);
  Agreement c = Contract("a3");
  c.kind = AgreementKind::kTechnologyService;
  c.amount(AmountField::kContractAmount) = 1;
  MustCreate(c);
  // Per kind every group fits, but the total does not.
  EXPECT_THAT(repo().SummarizeAgreements({}, {GroupDimension::kKind}, {}),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("exceeds")));
  EXPECT_THAT(repo().SummarizeAgreements({}, {}, {}), StatusIs(absl::StatusCode::kOutOfRange));
  // Filtered down, it fits again.
  EXPECT_THAT(repo().SummarizeAgreements(
                  {FilterTerm{"kind", FilterOp::kNe, std::string("TECHNOLOGY_SERVICE")}}, {}, {}),
              IsOk());
}

TEST_P(AgreementStorageTest, AFrameworkWithoutASupplierCountsUnderTheEmptySupplier) {
  // A bureau's framework agreement with a guarantee company: GOVERNMENT and FINANCIER only.
  Organization guarantor = Enterprise("guarantor");
  guarantor.kind = OrganizationKind::kFinancialInstitution;
  MustCreate(guarantor);
  MustCreate(Contract("a1"));
  Agreement framework = Contract("f1");
  framework.kind = AgreementKind::kFrameworkCooperation;
  framework.parties = {{"gov", PartyRole::kGovernment}, {"guarantor", PartyRole::kFinancier}};
  MustCreate(framework);
  // From the in-memory index, and in SQL (a `need` term is computed there).
  for (const std::vector<FilterTerm>& filter :
       {std::vector<FilterTerm>{},
        std::vector<FilterTerm>{{"need", FilterOp::kNe, std::string("none")}}}) {
    TM_ASSERT_OK_AND_ASSIGN(AgreementReport report,
                            repo().SummarizeAgreements(filter, {GroupDimension::kSupplier}, {}));
    ASSERT_EQ(report.rows.size(), 2u);
    EXPECT_EQ(report.rows[0].group_values, std::vector<std::string>{""});
    EXPECT_EQ(report.rows[0].totals.agreement_count, 1);
    EXPECT_EQ(report.rows[1].group_values, std::vector<std::string>{"scu"});
    EXPECT_EQ(report.total.agreement_count, 2);
    EXPECT_EQ(report.total.supplier_count, 1);
  }
}

TEST_P(AgreementStorageTest, EventFigures) {
  Organization cas = University("cas");
  cas.kind = OrganizationKind::kResearchInstitute;
  MustCreate(cas);
  for (OrganizationKind kind :
       {OrganizationKind::kIntermediary, OrganizationKind::kFinancialInstitution}) {
    Organization other = Enterprise(absl::StrCat("other-", static_cast<int>(kind)));
    other.kind = kind;
    MustCreate(other);
    ASSERT_THAT(repo().RegisterParticipant("fair", other.meta.id), IsOk());
  }
  for (const char* org : {"acme", "scu", "gov", "cas"}) {
    ASSERT_THAT(repo().RegisterParticipant("fair", org), IsOk());
  }
  Need need = SampleNeed("n1", "acme");
  need.listing.event_ids = {"fair"};
  ASSERT_THAT(repo().CreateNeed(need, {}), IsOk());
  Need withdrawn = SampleNeed("n2", "acme");
  withdrawn.listing.event_ids = {"fair"};
  withdrawn.state = NeedState::kWithdrawn;
  ASSERT_THAT(repo().CreateNeed(withdrawn, {}), IsOk());
  Offering offering = SampleOffering("o1", "scu");
  offering.listing.event_ids = {"fair"};
  ASSERT_THAT(repo().CreateOffering(offering, {}), IsOk());
  MustCreate(Contract("a1"));
  Agreement a2 = Contract("a2");
  a2.parties = {{"cas", PartyRole::kSupplier}, {"acme", PartyRole::kDemander}};
  MustCreate(a2);
  Agreement f1 = Contract("f1");
  f1.kind = AgreementKind::kFrameworkCooperation;
  f1.parties = {{"scu", PartyRole::kSupplier}, {"gov", PartyRole::kGovernment}};
  f1.amounts = {};
  MustCreate(f1);

  TM_ASSERT_OK_AND_ASSIGN(EventFigures f, repo().GetEventFigures("fair"));
  EXPECT_EQ(f.event_display_name, "产学研合作洽谈会 fair");
  EXPECT_EQ(f.needs_count, 1);
  EXPECT_EQ(f.offerings_count, 1);
  EXPECT_EQ(f.enterprise_count, 1);
  EXPECT_EQ(f.university_count, 1);
  EXPECT_EQ(f.research_institute_count, 1);
  EXPECT_EQ(f.government_count, 1);
  EXPECT_EQ(f.other_count, 2);
  EXPECT_EQ(f.framework.agreement_count, 1);
  EXPECT_EQ(f.technology.agreement_count, 2);
  EXPECT_EQ(f.technology.supplier_count, 2);
  EXPECT_EQ(f.technology.demander_count, 1);
  EXPECT_EQ(f.total.agreement_count, 3);
  EXPECT_EQ(f.total.sum(AmountField::kContractAmount), 2 * 230'000'000);
  ASSERT_EQ(f.by_kind.size(), 2u);
  EXPECT_EQ(f.by_kind[0].first, AgreementKind::kFrameworkCooperation);
  EXPECT_EQ(f.by_kind[1].second.agreement_count, 2);
  EXPECT_THAT(f.framework_partners, ElementsAre("四川大學 scu"));
  EXPECT_THAT(repo().GetEventFigures("nope"), StatusIs(absl::StatusCode::kNotFound));
}

// --- Randomized: every grouping against a brute-force recomputation ------------------------

struct Expected {
  int64_t count = 0;
  std::set<std::string> suppliers, demanders;
  std::array<int64_t, kAmountFieldCount> sums{};
};

class RandomSummaryTest : public testing::RepositoryTest {
 protected:
  void SetUp() override {
    db_path_ = dir_.File("random.db");
    SqliteOptions options;
    options.synchronous = Synchronous::kNormal;  // thousands of commits; durability not tested
    absl::StatusOr<std::unique_ptr<SqliteRepository>> repo =
        SqliteRepository::Open(db_path_, options);
    ASSERT_TRUE(repo.ok()) << repo.status();
    repo_ = *std::move(repo);
  }

  Agreement MustCreateAgreement(const Agreement& a) {
    absl::StatusOr<Agreement> created = repo().CreateAgreement(a, {});
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : a;
  }

  std::vector<std::string> ValuesOf(const Agreement& a, GroupDimension d) {
    auto with_role = [&](PartyRole role) {
      std::vector<std::string> ids;
      for (const Party& p : a.parties) {
        if (p.role == role) ids.push_back(p.organization_id);
      }
      if (ids.empty()) ids.push_back("");
      return ids;
    };
    switch (d) {
      case GroupDimension::kEvent:
        return {a.event_id};
      case GroupDimension::kKind:
        return {std::string(AgreementKindName(a.kind))};
      case GroupDimension::kState:
        return {std::string(AgreementStateName(a.state))};
      case GroupDimension::kIndustry:
        return a.industry_codes.empty() ? std::vector<std::string>{""} : a.industry_codes;
      case GroupDimension::kRegion: {
        std::set<std::string> regions;
        for (const Party& p : a.parties) regions.insert(region_[p.organization_id]);
        return {regions.begin(), regions.end()};
      }
      case GroupDimension::kSupplier:
        return with_role(PartyRole::kSupplier);
      case GroupDimension::kDemander:
        return with_role(PartyRole::kDemander);
      case GroupDimension::kSignYear:
        return {absl::StrCat(SignMonthOf(a.sign_time) / 100)};
      case GroupDimension::kSignMonth: {
        const int m = SignMonthOf(a.sign_time);
        return {absl::StrFormat("%04d-%02d", m / 100, m % 100)};
      }
    }
    return {""};
  }

  std::map<std::vector<std::string>, Expected> BruteForce(
      const std::vector<Agreement>& agreements, const std::vector<GroupDimension>& group_by) {
    std::map<std::vector<std::string>, Expected> groups;
    for (const Agreement& a : agreements) {
      std::vector<std::vector<std::string>> keys = {{}};
      for (GroupDimension d : group_by) {
        std::vector<std::vector<std::string>> next;
        for (const auto& key : keys) {
          for (const std::string& v : ValuesOf(a, d)) {
            next.push_back(key);
            next.back().push_back(v);
          }
        }
        keys = std::move(next);
      }
      for (const auto& key : keys) {
        Expected& e = groups[key];
        ++e.count;
        for (const Party& p : a.parties) {
          if (p.role == PartyRole::kSupplier) e.suppliers.insert(p.organization_id);
          if (p.role == PartyRole::kDemander) e.demanders.insert(p.organization_id);
        }
        EXPECT_THAT(AddAmounts(a, e.sums), IsOk());
      }
    }
    return groups;
  }

  void ExpectSame(const AgreementTotals& got, const Expected& want, const std::string& where) {
    EXPECT_EQ(got.agreement_count, want.count) << where;
    EXPECT_EQ(got.supplier_count, static_cast<int64_t>(want.suppliers.size())) << where;
    EXPECT_EQ(got.demander_count, static_cast<int64_t>(want.demanders.size())) << where;
    EXPECT_EQ(got.sums, want.sums) << where;
  }

  void Check(const std::vector<Agreement>& all, const std::vector<FilterTerm>& filter,
             const std::function<bool(const Agreement&)>& keep,
             const std::vector<GroupDimension>& group_by) {
    std::string where = absl::StrCat("filter '", CanonicalFilter(filter), "' group_by");
    for (GroupDimension d : group_by) absl::StrAppend(&where, " ", GroupDimensionName(d));
    std::vector<Agreement> kept;
    for (const Agreement& a : all) {
      if (keep(a)) kept.push_back(a);
    }
    absl::StatusOr<AgreementReport> report = repo().SummarizeAgreements(filter, group_by, {});
    ASSERT_TRUE(report.ok()) << report.status() << " " << where;
    const auto expected = BruteForce(kept, group_by);
    if (group_by.empty()) {
      EXPECT_THAT(report->rows, IsEmpty());
    } else {
      ASSERT_EQ(report->rows.size(), expected.size()) << where;
      auto it = expected.begin();
      for (const SummaryRow& row : report->rows) {
        EXPECT_EQ(row.group_values, it->first) << where;
        ExpectSame(row.totals, it->second, where);
        ++it;
      }
    }
    const auto total = BruteForce(kept, {});
    ExpectSame(report->total, total.empty() ? Expected{} : total.begin()->second,
               where + " (total)");
  }

  absl::flat_hash_map<std::string, std::string> region_;
};

TEST_F(RandomSummaryTest, EveryGroupingMatchesBruteForce) {
  std::mt19937_64 rng(20261128);
  auto pick = [&rng](size_t n) { return static_cast<size_t>(rng() % n); };
  const std::vector<std::string> regions = {"510502", "510503", "510521", "510100", ""};
  std::vector<std::string> research, enterprises, governments;
  for (int i = 0; i < 40; ++i) {
    Organization org = Enterprise(absl::StrCat("org", i));
    org.kind = i % 4 == 0   ? OrganizationKind::kUniversity
               : i % 4 == 1 ? OrganizationKind::kResearchInstitute
               : i % 4 == 2
                   ? OrganizationKind::kEnterprise
                   : (i % 8 == 3 ? OrganizationKind::kGovernment : OrganizationKind::kEnterprise);
    org.region_code = regions[pick(regions.size())];
    region_[org.meta.id] = org.region_code;
    MustCreate(org);
    if (org.kind == OrganizationKind::kGovernment) {
      governments.push_back(org.meta.id);
    } else if (org.kind == OrganizationKind::kEnterprise) {
      enterprises.push_back(org.meta.id);
    } else {
      research.push_back(org.meta.id);
    }
  }
  for (const char* e : {"e1", "e2", "e3"}) MustCreate(Fair(e));
  const std::vector<std::string> events = {"", "e1", "e2", "e3"};
  const std::vector<std::string> industries = {"liquor", "chemicals", "machinery", "energy",
                                               "agriculture"};
  const absl::Time start = absl::FromUnixSeconds(1'700'000'000);
  std::vector<Agreement> all;
  for (int i = 0; i < 3000; ++i) {
    Agreement a;
    a.meta.id = absl::StrFormat("r%05d", i);
    a.title = a.meta.id;
    a.kind = static_cast<AgreementKind>(1 + pick(6));
    std::set<std::string> used;
    auto add = [&](const std::vector<std::string>& from, PartyRole role, int n) {
      for (int k = 0; k < n; ++k) {
        const std::string& id = from[pick(from.size())];
        if (used.insert(id).second) a.parties.push_back({id, role});
      }
    };
    if (a.kind == AgreementKind::kFrameworkCooperation) {
      add(research, PartyRole::kSupplier, 1 + static_cast<int>(pick(2)));
      add(governments, PartyRole::kGovernment, 1);
    } else {
      add(research, PartyRole::kSupplier, 1 + static_cast<int>(pick(2)));
      add(enterprises, PartyRole::kDemander, 1 + static_cast<int>(pick(3)));
      if (pick(5) == 0) add(enterprises, PartyRole::kFinancier, 1);
    }
    a.event_id = events[pick(events.size())];
    for (const std::string& code : industries) {
      if (pick(3) == 0) a.industry_codes.push_back(code);
    }
    a.sign_time = start + absl::Seconds(static_cast<int64_t>(pick(3 * 365 * 86400)));
    a.state = static_cast<AgreementState>(1 + pick(4));
    for (AmountField f : kAllAmountFields) {
      if (IsRealizedAmount(f) && a.state == AgreementState::kSigned) continue;
      if (pick(4) != 0) a.amount(f) = static_cast<int64_t>(rng() % 100'000'000'000'000LL);
    }
    all.push_back(MustCreateAgreement(a));
  }

  using D = GroupDimension;
  const std::vector<std::vector<D>> groupings = {{},
                                                 {D::kEvent},
                                                 {D::kKind},
                                                 {D::kState},
                                                 {D::kIndustry},
                                                 {D::kRegion},
                                                 {D::kSupplier},
                                                 {D::kDemander},
                                                 {D::kSignYear},
                                                 {D::kSignMonth},
                                                 {D::kKind, D::kIndustry},
                                                 {D::kEvent, D::kKind, D::kState},
                                                 {D::kSignYear, D::kRegion},
                                                 {D::kSupplier, D::kDemander},
                                                 {D::kSignMonth, D::kIndustry, D::kDemander},
                                                 {D::kRegion, D::kIndustry, D::kKind}};
  auto everything = [](const Agreement&) { return true; };
  for (const auto& group_by : groupings) Check(all, {}, everything, group_by);

  // Filtered: each grouping again under a few filters, against the same predicate by hand.
  const absl::Time cut = start + absl::Hours(24 * 500);
  struct Filtered {
    std::vector<FilterTerm> terms;
    std::function<bool(const Agreement&)> keep;
  };
  const std::vector<Filtered> filters = {
      {{FilterTerm{"kind", FilterOp::kNe, std::string("FRAMEWORK_COOPERATION")},
        FilterTerm{"sign_time", FilterOp::kGe, cut}},
       [&](const Agreement& a) {
         return a.kind != AgreementKind::kFrameworkCooperation && a.sign_time >= cut;
       }},
      {{FilterTerm{"industry", FilterOp::kEq, std::string("liquor")}},
       [](const Agreement& a) {
         return std::find(a.industry_codes.begin(), a.industry_codes.end(), "liquor") !=
                a.industry_codes.end();
       }},
      {{FilterTerm{"region_code", FilterOp::kEq, std::string("510502")},
        FilterTerm{"event", FilterOp::kEq, std::string("e1")}},
       [&](const Agreement& a) {
         bool in_region = false;
         for (const Party& p : a.parties)
           in_region = in_region || region_[p.organization_id] == "510502";
         return in_region && a.event_id == "e1";
       }},
      {{FilterTerm{"contract_amount", FilterOp::kGe, int64_t{50'000'000'000'000LL}}},
       [](const Agreement& a) {
         return a.amount(AmountField::kContractAmount).value_or(0) >= 50'000'000'000'000LL;
       }},
      {{FilterTerm{"supplier", FilterOp::kEq, research[0]}},
       [&](const Agreement& a) {
         for (const Party& p : a.parties) {
           if (p.role == PartyRole::kSupplier && p.organization_id == research[0]) return true;
         }
         return false;
       }},
  };
  for (const Filtered& f : filters) {
    for (const auto& group_by : groupings) Check(all, f.terms, f.keep, group_by);
  }
}

}  // namespace
}  // namespace techmatch::storage
