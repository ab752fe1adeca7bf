// Agreement summaries on PostgreSQL against SQLite: the same randomized organizations and
// agreements written to both repositories must summarize identically (or fail alike) for every
// filter, grouping, REGION level and scope. SQLite answers from its summary index, which
// summary_index_test holds to SQLite's SQL; PostgreSQL answers in SQL of its own, where the
// REGION pairs are made only from the agreements a filter selects and the sign year and month
// are grouped as integers. Events' figures likewise. Skipped without a PostgreSQL cluster
// (TECHMATCH_TEST_POSTGRES_URI).
#include <algorithm>
#include <limits>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/common/status_macros.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/postgres/postgres_repository.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::StatusIs;
using D = GroupDimension;

std::string Describe(const std::vector<FilterTerm>& filter, const std::vector<D>& group_by,
                     const SummaryOptions& options) {
  std::string text = absl::StrCat("filter '", CanonicalFilter(filter), "' group_by");
  for (D d : group_by) absl::StrAppend(&text, " ", GroupDimensionName(d));
  absl::StrAppend(&text, " level ", RegionLevelName(options.region_level), " scope region '",
                  options.scope.region, "' party '", options.scope.party.value_or("-"),
                  "' colleges as parents ", options.colleges_as_parents);
  return text;
}

class SummaryBackendsTest : public testing::RepositoryTest {
 protected:
  void SetUp() override {
    if (testing::PostgresTestUri().empty()) {
      GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test "
                      "starts one with scripts/pg-cluster)";
    }
    RepositoryTest::SetUp();
    database_ = std::make_unique<testing::PostgresTestDatabase>();
    ASSERT_FALSE(database_->uri().empty());
    absl::StatusOr<std::unique_ptr<PostgresRepository>> pg =
        PostgresRepository::Open(database_->uri(), PostgresOptions{});
    ASSERT_TRUE(pg.ok()) << pg.status();
    pg_ = *std::move(pg);
  }

  void TearDown() override {
    pg_.reset();  // Its connections close before the database is dropped.
    database_.reset();
  }

  void CreateInBoth(const Organization& org) {
    MustCreate(org);
    EXPECT_TRUE(pg_->CreateOrganization(org, {}).ok()) << org.meta.id;
  }

  void CreateInBoth(const Agreement& a) {
    absl::StatusOr<Agreement> sqlite = repo().CreateAgreement(a, {});
    EXPECT_TRUE(sqlite.ok()) << sqlite.status();
    absl::StatusOr<Agreement> pg = pg_->CreateAgreement(a, {});
    EXPECT_TRUE(pg.ok()) << pg.status();
  }

  size_t Pick(size_t n) { return static_cast<size_t>(rng_() % n); }

  // Organizations in regions at every level (and one without), colleges under a university;
  // agreements signed over three calendar years.
  void CreateWorld() {
    const std::vector<std::string> regions = {"510502", "510503", "510521", "510500",
                                              "510100", "510000", "110105", ""};
    for (int i = 0; i < 30; ++i) {
      Organization org = Enterprise(absl::StrCat("org", i));
      org.kind = i % 3 == 0 ? OrganizationKind::kUniversity
                 : i % 3 == 1
                     ? OrganizationKind::kEnterprise
                     : (i % 6 == 2 ? OrganizationKind::kGovernment : OrganizationKind::kEnterprise);
      org.region_code = regions[Pick(regions.size())];
      if (org.kind == OrganizationKind::kUniversity && i >= 9) org.parent_id = "org0";
      CreateInBoth(org);
      (org.kind == OrganizationKind::kUniversity   ? suppliers_
       : org.kind == OrganizationKind::kGovernment ? governments_
                                                   : enterprises_)
          .push_back(org.meta.id);
    }
    for (const char* e : {"e1", "e2", "e3"}) {
      MustCreate(Fair(e));
      ASSERT_TRUE(pg_->CreateEvent(Fair(e), {}).ok());
    }
    for (int i = 0; i < 400; ++i) CreateInBoth(RandomAgreement(absl::StrFormat("r%04d", i)));
  }

  Agreement RandomAgreement(const std::string& id) {
    Agreement a;
    a.meta.id = id;
    a.title = id;
    a.kind = static_cast<AgreementKind>(1 + Pick(6));
    std::set<std::string> used;
    auto add = [&](const std::vector<std::string>& from, PartyRole role, int n) {
      for (int k = 0; k < n; ++k) {
        const std::string& org = from[Pick(from.size())];
        if (used.insert(org).second) a.parties.push_back({org, role});
      }
    };
    add(suppliers_, PartyRole::kSupplier, 1 + static_cast<int>(Pick(2)));
    if (a.kind == AgreementKind::kFrameworkCooperation) {
      add(governments_, PartyRole::kGovernment, 1);
    } else {
      add(enterprises_, PartyRole::kDemander, 1 + static_cast<int>(Pick(3)));
    }
    const std::vector<std::string> events = {"", "e1", "e2"};
    a.event_id = events[Pick(events.size())];
    for (const char* code : {"liquor", "chemicals", "machinery"}) {
      if (Pick(3) == 0) a.industry_codes.push_back(code);
    }
    a.sign_time = kStart + absl::Seconds(static_cast<int64_t>(Pick(3 * 365 * 86400)));
    a.state = static_cast<AgreementState>(1 + Pick(4));
    for (AmountField f : kAllAmountFields) {
      if (IsRealizedAmount(f) && a.state == AgreementState::kSigned) continue;
      if (Pick(4) != 0) a.amount(f) = static_cast<int64_t>(rng_() % 100'000'000'000'000LL);
    }
    return a;
  }

  void ExpectSame(const std::vector<FilterTerm>& filter, const std::vector<D>& group_by,
                  const SummaryOptions& options) {
    const std::string where = Describe(filter, group_by, options);
    absl::StatusOr<AgreementReport> sqlite = repo().SummarizeAgreements(filter, group_by, options);
    absl::StatusOr<AgreementReport> pg = pg_->SummarizeAgreements(filter, group_by, options);
    ASSERT_EQ(pg.status(), sqlite.status()) << where;
    if (!sqlite.ok()) return;
    ++compared_;
    if (!sqlite->rows.empty()) ++nonempty_;
    ASSERT_EQ(pg->rows.size(), sqlite->rows.size()) << where;
    for (size_t i = 0; i < sqlite->rows.size(); ++i) {
      EXPECT_EQ(pg->rows[i].group_values, sqlite->rows[i].group_values) << where;
      EXPECT_EQ(pg->rows[i].totals, sqlite->rows[i].totals) << where << " row " << i;
    }
    EXPECT_EQ(pg->total, sqlite->total) << where << " (total)";
  }

  const absl::Time kStart = absl::FromUnixSeconds(1'700'000'000);  // 2023-11-14
  std::unique_ptr<testing::PostgresTestDatabase> database_;
  std::unique_ptr<PostgresRepository> pg_;
  std::mt19937_64 rng_{20261206};
  std::vector<std::string> suppliers_, enterprises_, governments_;
  int compared_ = 0;
  int nonempty_ = 0;
};

TEST_F(SummaryBackendsTest, EveryFilterGroupingLevelAndScopeAnswersAlike) {
  CreateWorld();
  const absl::Time year_start = absl::FromUnixSeconds(1'704'038'400);  // 2024-01-01 +08:00
  const absl::Time year_end = absl::FromUnixSeconds(1'735'660'800);    // 2025-01-01 +08:00
  const std::vector<std::vector<FilterTerm>> filters = {
      {},
      // A report's year: the filter the REGION pairs are made under.
      {{"sign_time", FilterOp::kGe, year_start}, {"sign_time", FilterOp::kLt, year_end}},
      {{"kind", FilterOp::kNe, std::string("FRAMEWORK_COOPERATION")},
       {"sign_time", FilterOp::kGe, year_end}},
      {{"state", FilterOp::kEq, std::string("TERMINATED")}},
      {{"event", FilterOp::kEq, std::string("e2")}},
      {{"industry", FilterOp::kEq, std::string("liquor")}},
      {{"region", FilterOp::kEq, std::string("510500")}},
      {{"region_code", FilterOp::kEq, std::string("510502")}},
      {{"supplier", FilterOp::kEq, suppliers_[0]}},
      {{"contract_amount", FilterOp::kGe, int64_t{50'000'000'000'000LL}}},
      {{"supplier", FilterOp::kEq, std::string("nobody")}},
  };
  const std::vector<std::vector<D>> groupings = {{},
                                                 {D::kKind},
                                                 {D::kIndustry},
                                                 {D::kRegion},
                                                 {D::kSupplier},
                                                 {D::kDemander},
                                                 {D::kSignYear},
                                                 {D::kSignMonth},
                                                 {D::kSignYear, D::kRegion},
                                                 {D::kRegion, D::kIndustry, D::kKind},
                                                 {D::kEvent, D::kSignMonth, D::kState}};
  std::vector<SummaryOptions> scopes(5);
  scopes[1].scope.region = "510500";
  scopes[2].scope.region = "510000";
  scopes[3].scope.party = "org0";  // A university with colleges.
  scopes[4].colleges_as_parents = true;
  for (const auto& filter : filters) {
    for (const auto& group_by : groupings) {
      for (SummaryOptions options : scopes) {
        for (RegionLevel level :
             {RegionLevel::kCounty, RegionLevel::kCity, RegionLevel::kProvince}) {
          // Levels only matter to REGION.
          if (level != RegionLevel::kCounty &&
              std::find(group_by.begin(), group_by.end(), D::kRegion) == group_by.end()) {
            continue;
          }
          options.region_level = level;
          ExpectSame(filter, group_by, options);
        }
      }
    }
  }
  EXPECT_GT(compared_, 500);
  EXPECT_GT(nonempty_, 300);
}

void ExpectSameFigures(const absl::StatusOr<EventFigures>& pg,
                       const absl::StatusOr<EventFigures>& sqlite, const std::string& event) {
  // The codes agree; the backends word an overflow each in its own way.
  ASSERT_EQ(pg.status().code(), sqlite.status().code()) << event << ": " << pg.status();
  if (!sqlite.ok()) return;
  EXPECT_EQ(pg->event_display_name, sqlite->event_display_name) << event;
  EXPECT_EQ(pg->by_kind, sqlite->by_kind) << event;
  EXPECT_EQ(pg->framework, sqlite->framework) << event;
  EXPECT_EQ(pg->technology, sqlite->technology) << event;
  EXPECT_EQ(pg->total, sqlite->total) << event;
  EXPECT_EQ(pg->framework_partners, sqlite->framework_partners) << event;
}

// An event's figures (by kind, framework against the rest, in total, colleges counted under
// their university) read in one grouped statement on PostgreSQL and in several on SQLite.
TEST_F(SummaryBackendsTest, EventFiguresAnswerAlike) {
  CreateWorld();
  for (const char* event : {"e1", "e2", "e3", "nope"}) {
    ExpectSameFigures(pg_->GetEventFigures(event), repo().GetEventFigures(event), event);
  }
  TM_ASSERT_OK_AND_ASSIGN(EventFigures e1, pg_->GetEventFigures("e1"));
  EXPECT_GT(e1.framework.agreement_count, 0);
  EXPECT_GT(e1.technology.agreement_count, 0);
  EXPECT_GT(e1.by_kind.size(), 3u);
  // More than one partner, so that their first-signed order is compared too.
  EXPECT_GT(e1.framework_partners.size(), 1u);
  // Two contracts of different kinds at e3 whose sum leaves 64 bits: no kind overflows, the
  // total does, and both answer OUT_OF_RANGE.
  for (int i = 0; i < 2; ++i) {
    Agreement huge = RandomAgreement(absl::StrCat("huge", i));
    huge.event_id = "e3";
    huge.kind = i == 0 ? AgreementKind::kTechnologyTransfer : AgreementKind::kTechnologyService;
    huge.amount(AmountField::kContractAmount) = std::numeric_limits<int64_t>::max() / 2 + 1;
    CreateInBoth(huge);
  }
  EXPECT_THAT(pg_->GetEventFigures("e3"), StatusIs(absl::StatusCode::kOutOfRange));
  ExpectSameFigures(pg_->GetEventFigures("e3"), repo().GetEventFigures("e3"), "e3 (overflow)");
}

}  // namespace
}  // namespace techmatch::storage
