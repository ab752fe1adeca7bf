// The in-memory summary index (storage/sqlite/summary_index.h) against SQL: two repositories on
// one file, one answering from the index and one in SQL, must give identical reports (or the
// same error) for every filter, grouping, REGION level and scope over randomized agreements,
// and keep doing so as agreements and organizations change through either of them.
#include "storage/sqlite/summary_index.h"

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
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::StatusIs;
using D = GroupDimension;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

std::string Describe(const std::vector<FilterTerm>& filter, const std::vector<D>& group_by,
                     const SummaryOptions& options) {
  std::string text = absl::StrCat("filter '", CanonicalFilter(filter), "' group_by");
  for (D d : group_by) absl::StrAppend(&text, " ", GroupDimensionName(d));
  absl::StrAppend(&text, " level ", RegionLevelName(options.region_level), " scope region '",
                  options.scope.region, "' party '", options.scope.party.value_or("-"), "'");
  return text;
}

class SummaryIndexTest : public testing::RepositoryTest {
 protected:
  void SetUp() override {
    RepositoryTest::SetUp();
    SqliteOptions options;
    options.synchronous = Synchronous::kNormal;
    options.summary_index = false;
    absl::StatusOr<std::unique_ptr<SqliteRepository>> sql =
        SqliteRepository::Open(db_path_, options);
    ASSERT_TRUE(sql.ok()) << sql.status();
    sql_ = *std::move(sql);
  }

  // Organizations in several regions (one without), some colleges of a university, and
  // fairs.
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
      MustCreate(org);
      (org.kind == OrganizationKind::kUniversity   ? suppliers_
       : org.kind == OrganizationKind::kGovernment ? governments_
                                                   : enterprises_)
          .push_back(org.meta.id);
    }
    for (const char* e : {"e1", "e2", "e3"}) MustCreate(Fair(e));
  }

  size_t Pick(size_t n) { return static_cast<size_t>(rng_() % n); }

  Agreement RandomAgreement(const std::string& id, bool huge) {
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
      add(enterprises_, PartyRole::kDemander, static_cast<int>(Pick(3)));
      if (Pick(5) == 0) add(enterprises_, PartyRole::kFinancier, 1);
    }
    const std::vector<std::string> events = {"", "e1", "e2", "e3"};
    a.event_id = events[Pick(events.size())];
    for (const char* code : {"liquor", "chemicals", "machinery", "energy"}) {
      if (Pick(3) == 0) a.industry_codes.push_back(code);
    }
    a.sign_time = absl::FromUnixSeconds(1'700'000'000) +
                  absl::Seconds(static_cast<int64_t>(Pick(2 * 365 * 86400)));
    a.state = static_cast<AgreementState>(1 + Pick(4));
    for (AmountField f : kAllAmountFields) {
      if (IsRealizedAmount(f) && a.state == AgreementState::kSigned) continue;
      if (Pick(4) == 0) continue;
      a.amount(f) = huge ? kMax / 4 + static_cast<int64_t>(Pick(1000))
                         : static_cast<int64_t>(rng_() % 100'000'000'000'000LL);
    }
    return a;
  }

  Agreement MustCreateAgreement(SqliteRepository& repo, const Agreement& a) {
    absl::StatusOr<Agreement> created = repo.CreateAgreement(a, {});
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : a;
  }

  // Every filter, grouping, level and scope below: the index's answer is SQL's.
  void ExpectSameEverywhere(const std::string& when) {
    const absl::Time cut = absl::FromUnixSeconds(1'700'000'000) + absl::Hours(24 * 300);
    const std::vector<std::vector<FilterTerm>> filters = {
        {},
        {{"kind", FilterOp::kNe, std::string("FRAMEWORK_COOPERATION")},
         {"sign_time", FilterOp::kGe, cut}},
        {{"state", FilterOp::kEq, std::string("TERMINATED")}},
        {{"state", FilterOp::kNe, std::string("TERMINATED")}, {"event", FilterOp::kNe, "e1"}},
        {{"event", FilterOp::kEq, std::string("e2")}},
        {{"industry", FilterOp::kEq, std::string("liquor")}},
        {{"industry", FilterOp::kNe, std::string("chemicals")}},
        {{"region", FilterOp::kEq, std::string("510500")}},
        {{"region", FilterOp::kNe, std::string("510000")}},
        {{"region_code", FilterOp::kEq, std::string("510502")}},
        {{"supplier", FilterOp::kEq, suppliers_[0]}},
        {{"demander", FilterOp::kNe, enterprises_[0]}},
        {{"contract_amount", FilterOp::kGe, int64_t{50'000'000'000'000LL}}},
        {{"realized_profit_tax", FilterOp::kLt, int64_t{1}}},
        {{"kind", FilterOp::kEq, std::string("NO_SUCH_KIND")}},
        {{"supplier", FilterOp::kEq, std::string("nobody")}},
    };
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
                                                   {D::kRegion, D::kIndustry},
                                                   {D::kSupplier, D::kDemander, D::kState}};
    std::vector<SummaryOptions> scopes(5);
    scopes[1].scope.region = "510500";
    scopes[2].scope.region = "510000";
    scopes[3].scope.region = "510502";
    scopes[4].scope.party = "org0";  // A university with colleges.
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
            ExpectSame(filter, group_by, options, when);
          }
        }
      }
    }
  }

  void ExpectSame(const std::vector<FilterTerm>& filter, const std::vector<D>& group_by,
                  const SummaryOptions& options, const std::string& when) {
    const std::string where = absl::StrCat(when, ": ", Describe(filter, group_by, options));
    ASSERT_TRUE(sqlite::SummaryIndex::Covers(filter, options)) << where;
    absl::StatusOr<AgreementReport> fast = repo().SummarizeAgreements(filter, group_by, options);
    absl::StatusOr<AgreementReport> sql = sql_->SummarizeAgreements(filter, group_by, options);
    ASSERT_EQ(fast.status(), sql.status()) << where;
    if (!sql.ok()) return;
    ++compared_;
    ASSERT_EQ(fast->rows.size(), sql->rows.size()) << where;
    for (size_t i = 0; i < sql->rows.size(); ++i) {
      EXPECT_EQ(fast->rows[i].group_values, sql->rows[i].group_values) << where;
      EXPECT_EQ(fast->rows[i].totals, sql->rows[i].totals) << where << " row " << i;
    }
    EXPECT_EQ(fast->total, sql->total) << where << " (total)";
  }

  std::unique_ptr<SqliteRepository> sql_;
  std::mt19937_64 rng_{20261205};
  std::vector<std::string> suppliers_, enterprises_, governments_;
  int compared_ = 0;
};

TEST_F(SummaryIndexTest, SameAnswersAsSqlAsAgreementsAndOrganizationsChange) {
  CreateWorld();
  std::vector<Agreement> all;
  for (int i = 0; i < 600; ++i) {
    all.push_back(MustCreateAgreement(repo(), RandomAgreement(absl::StrFormat("r%04d", i), false)));
  }
  ExpectSameEverywhere("created");
  EXPECT_GT(compared_, 1000);

  // Replaced after the index loaded: other parties, states (terminated among them), amounts.
  for (int i = 0; i < 600; i += 7) {
    Agreement changed = RandomAgreement(all[i].meta.id, false);
    changed.meta = all[i].meta;
    TM_ASSERT_OK_AND_ASSIGN(all[i], repo().ReplaceAgreement(changed, all[i].meta.revision, {}));
  }
  // An organization moves to another region and a college to another parent, through the
  // repository without the index.
  TM_ASSERT_OK_AND_ASSIGN(Organization moved, sql_->GetOrganization(suppliers_[1]));
  moved.region_code = "510521";
  ASSERT_TRUE(sql_->ReplaceOrganization(moved, moved.meta.revision).ok());
  TM_ASSERT_OK_AND_ASSIGN(Organization college, sql_->GetOrganization(suppliers_.back()));
  college.parent_id = suppliers_[1];
  ASSERT_TRUE(sql_->ReplaceOrganization(college, college.meta.revision).ok());
  // A new organization and agreements written through the other repository.
  Organization newcomer = Enterprise("newcomer");
  newcomer.region_code = "510503";
  MustCreate(newcomer);
  enterprises_.push_back("newcomer");
  for (int i = 0; i < 40; ++i) {
    MustCreateAgreement(*sql_, RandomAgreement(absl::StrFormat("s%04d", i), false));
  }
  ExpectSameEverywhere("changed");
}

TEST_F(SummaryIndexTest, OverflowIsTheSameError) {
  CreateWorld();
  for (int i = 0; i < 12; ++i) {
    MustCreateAgreement(repo(), RandomAgreement(absl::StrFormat("h%04d", i), true));
  }
  int overflowed = 0;
  for (const auto& group_by : std::vector<std::vector<D>>{{}, {D::kKind}, {D::kSupplier}}) {
    SummaryOptions options;
    absl::StatusOr<AgreementReport> fast = repo().SummarizeAgreements({}, group_by, options);
    EXPECT_EQ(fast.status(), sql_->SummarizeAgreements({}, group_by, options).status());
    if (!fast.ok()) {
      EXPECT_THAT(fast, StatusIs(absl::StatusCode::kOutOfRange));
      ++overflowed;
    }
    // Narrowed by a filter the sums may fit again; both sides agree either way.
    ExpectSame({{"supplier", FilterOp::kEq, suppliers_[0]}}, group_by, options, "huge");
  }
  EXPECT_EQ(overflowed, 3);  // 12 amounts of a quarter of 2^63 each.
}

TEST(SummaryIndexCoversTest, LeavesToSqlWhatItDoesNotHold) {
  SummaryOptions plain;
  EXPECT_TRUE(sqlite::SummaryIndex::Covers({}, plain));
  EXPECT_TRUE(sqlite::SummaryIndex::Covers({{"kind", FilterOp::kEq, std::string("X")}}, plain));
  EXPECT_FALSE(sqlite::SummaryIndex::Covers({{"need", FilterOp::kEq, std::string("n1")}}, plain));
  EXPECT_FALSE(
      sqlite::SummaryIndex::Covers({{"offering", FilterOp::kEq, std::string("o1")}}, plain));
  EXPECT_FALSE(sqlite::SummaryIndex::Covers({{"kind", FilterOp::kEq, int64_t{1}}}, plain));
  EXPECT_FALSE(sqlite::SummaryIndex::Covers({{"region", FilterOp::kEq, std::string("51")}}, plain));
  SummaryOptions colleges;
  colleges.colleges_as_parents = true;
  EXPECT_FALSE(sqlite::SummaryIndex::Covers({}, colleges));
}

}  // namespace
}  // namespace techmatch::storage
