// Commissioners and financings of the programme ledger over both backends: round trips,
// filters and scopes; on SQLite, the checks the file itself keeps.
#include <string>
#include <vector>

#include "SQLiteCpp/Database.h"
#include "SQLiteCpp/Exception.h"
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

Commissioner SampleCommissioner(const std::string& id, const std::string& region) {
  Commissioner c;
  c.meta.id = id;
  c.display_name = "王力";
  c.home_organization_id = "scu";
  c.region_code = region;
  c.year = 2026;
  c.service_model = ServiceModel::kTechnologyPushed;
  c.count(OutcomeCount::kTechnologiesPromoted) = 12;
  c.amount(OutcomeAmount::kFarmerIncomeIncrease) = 150'000'000;
  return c;
}

Financing SampleFinancing(const std::string& id, const std::string& region) {
  Financing f;
  f.meta.id = id;
  f.kind = FinancingKind::kLoan;
  f.provider_id = "scu";
  f.recipient_id = "acme";
  f.amount_minor = 500'000'000;
  // 2026-03-01 in Beijing.
  f.grant_time = absl::FromUnixSeconds(1'772'300'000);
  f.region_code = region;
  return f;
}

// Over both backends.
class LedgerRecordsStorageTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("acme"));  // 510500
    MustCreate(University("scu"));   // 510100
  }

  template <typename R>
  std::vector<std::string> Ids(absl::StatusOr<Page<R>> page) {
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const R& r : page->items) ids.push_back(r.meta.id);
    }
    return ids;
  }

  ListQuery Query(const std::string& filter, const std::vector<FilterField>& fields,
                  ReadScope scope = {}) {
    ListQuery query;
    absl::StatusOr<std::vector<FilterTerm>> terms = ParseFilter(filter, fields);
    EXPECT_TRUE(terms.ok()) << terms.status();
    if (terms.ok()) query.filter = *terms;
    query.scope = std::move(scope);
    return query;
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, LedgerRecordsStorageTest, testing::kBackends,
                         testing::BackendName);

// The SQLite file itself.
class LedgerRecordsSqliteFileTest : public testing::RepositoryTest {
 protected:
  void SetUp() override {
    RepositoryTest::SetUp();
    MustCreate(Enterprise("acme"));
    MustCreate(University("scu"));
  }
};

TEST_P(LedgerRecordsStorageTest, CommissionersRoundTripAndFilter) {
  ASSERT_THAT(repo().CreateCommissioner(SampleCommissioner("c1", "510521"), {}), IsOk());
  Commissioner venture = SampleCommissioner("c2", "510104");
  venture.service_model = ServiceModel::kVenture;
  venture.home_organization_id = "acme";
  ASSERT_THAT(repo().CreateCommissioner(venture, {}), IsOk());
  absl::StatusOr<Commissioner> got = repo().GetCommissioner("c1");
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->display_name, "王力");
  EXPECT_EQ(got->service_model, ServiceModel::kTechnologyPushed);
  EXPECT_EQ(got->count(OutcomeCount::kTechnologiesPromoted), 12);
  EXPECT_EQ(got->count(OutcomeCount::kProjects), 0);
  EXPECT_EQ(got->amount(OutcomeAmount::kFarmerIncomeIncrease), 150'000'000);
  EXPECT_EQ(got->amount(OutcomeAmount::kProfit), std::nullopt);

  const std::vector<FilterField> fields = Repository::CommissionerFilterFields();
  EXPECT_THAT(Ids(repo().ListCommissioners(Query("region_code = \"510500\"", fields))),
              ElementsAre("c1"));
  EXPECT_THAT(Ids(repo().ListCommissioners(Query("service_model = VENTURE", fields))),
              ElementsAre("c2"));
  EXPECT_THAT(Ids(repo().ListCommissioners(Query("organization = scu AND year = 2026", fields))),
              ElementsAre("c1"));
  ReadScope chengdu;
  chengdu.region = "510100";
  EXPECT_THAT(Ids(repo().ListCommissioners(Query("", fields, chengdu))), ElementsAre("c2"));

  Commissioner changed = *got;
  changed.count(OutcomeCount::kProjects) = 4;
  ASSERT_THAT(repo().ReplaceCommissioner(changed, 1), IsOk());
  EXPECT_EQ(repo().GetCommissioner("c1")->count(OutcomeCount::kProjects), 4);
  EXPECT_THAT(repo().ReplaceCommissioner(changed, 1), StatusIs(absl::StatusCode::kAborted));
}

TEST_P(LedgerRecordsStorageTest, FinancingsRoundTripFilterAndScope) {
  ASSERT_THAT(repo().CreateFinancing(SampleFinancing("f1", "510500"), {}), IsOk());
  Financing award = SampleFinancing("f2", "510100");
  award.kind = FinancingKind::kAward;
  award.provider_id = "acme";
  award.recipient_id = "scu";
  ASSERT_THAT(repo().CreateFinancing(award, {}), IsOk());
  absl::StatusOr<Financing> got = repo().GetFinancing("f1");
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->amount_minor, 500'000'000);
  EXPECT_EQ(got->grant_time, absl::FromUnixSeconds(1'772'300'000));
  EXPECT_TRUE(got->agreement_id.empty());
  EXPECT_THAT(repo().GetFinancing("nope"), StatusIs(absl::StatusCode::kNotFound));

  const std::vector<FilterField> fields = Repository::FinancingFilterFields();
  EXPECT_THAT(Ids(repo().ListFinancings(Query("kind = LOAN AND year = 2026", fields))),
              ElementsAre("f1"));
  EXPECT_THAT(Ids(repo().ListFinancings(Query("year = 2025", fields))), ElementsAre());
  EXPECT_THAT(Ids(repo().ListFinancings(Query("region_code = \"510000\"", fields))),
              ElementsAre("f1", "f2"));
  EXPECT_THAT(Ids(repo().ListFinancings(Query("recipient = scu", fields))), ElementsAre("f2"));
  EXPECT_THAT(Ids(repo().ListFinancings(Query("organization = scu", fields))),
              ElementsAre("f1", "f2"));
  EXPECT_THAT(Ids(repo().ListFinancings(Query("amount > 4999999.99", fields))),
              ElementsAre("f1", "f2"));
  ReadScope acme;
  acme.party = "acme";
  EXPECT_THAT(Ids(repo().ListFinancings(Query("", fields, acme))), ElementsAre("f1", "f2"));
  ReadScope luzhou;
  luzhou.region = "510500";
  EXPECT_THAT(Ids(repo().ListFinancings(Query("", fields, luzhou))), ElementsAre("f1"));
}

TEST_F(LedgerRecordsSqliteFileTest, TheDatabaseRefusesBadRows) {
  ASSERT_THAT(repo().CreateFinancing(SampleFinancing("f1", "510500"), {}), IsOk());
  SQLite::Database db(db_path_, SQLite::OPEN_READWRITE);
  EXPECT_THROW(db.exec("UPDATE financings SET amount = 0"), SQLite::Exception);
  EXPECT_THROW(db.exec("UPDATE financings SET recipient_id = provider_id"), SQLite::Exception);
}

}  // namespace
}  // namespace techmatch::storage
