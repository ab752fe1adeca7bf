// Batch creates (CreateNeeds, CreateOfferings: an import's batches) over both backends: each
// row answered alone, a refused row leaving nothing of itself behind, the rows around it
// stored. On PostgreSQL a batch goes in first with one statement per table and, when that is
// refused, again one row at a time: the all-good batch takes the first path, the others both.
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
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

class BatchCreateTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("ent"));
    MustCreate(University("uni"));
    MustCreate(Fair("fair"));
  }

  // The ids a list answers for `filter` (one page: the tests hold a few records).
  template <typename T, typename ListFn>
  std::vector<std::string> Ids(const std::vector<FilterField>& fields, const std::string& filter,
                               ListFn list) {
    absl::StatusOr<std::vector<FilterTerm>> terms = ParseFilter(filter, fields);
    EXPECT_TRUE(terms.ok()) << filter << ": " << terms.status();
    if (!terms.ok()) return {};
    ListQuery query;
    query.filter = *terms;
    query.page_size = 1000;
    absl::StatusOr<Page<T>> page = list(query);
    EXPECT_TRUE(page.ok()) << filter << ": " << page.status();
    if (!page.ok()) return {};
    std::vector<std::string> ids;
    for (const T& item : page->items) ids.push_back(item.meta.id);
    return ids;
  }
  std::vector<std::string> Offerings(const std::string& filter) {
    return Ids<Offering>(Repository::OfferingFilterFields(), filter,
                         [&](const ListQuery& q) { return repo().ListOfferings(q); });
  }
  std::vector<std::string> Needs(const std::string& filter) {
    return Ids<Need>(Repository::NeedFilterFields(), filter,
                     [&](const ListQuery& q) { return repo().ListNeeds(q); });
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, BatchCreateTest, testing::kBackends, testing::BackendName);

TEST_P(BatchCreateTest, AllGoodOfferingsAreStoredWithTheirJoinRows) {
  std::vector<Offering> offerings;
  for (int i = 0; i < 5; ++i) offerings.push_back(SampleOffering("o-" + std::to_string(i), "uni"));
  offerings[0].listing.industry_codes = {"liquor", "agriculture"};
  offerings[0].listing.event_ids = {"fair"};
  offerings[1].asking_price_minor = std::nullopt;  // A NULL among values.
  offerings[1].patents.clear();
  offerings[2].listing.industry_codes = {"chemicals", "chemicals"};  // One join row.
  offerings[3].state = OfferingState::kSubmitted;
  offerings[3].published = false;
  offerings[4].listing.event_ids = {"fair"};
  offerings[4].listing.late_event_ids = {"fair"};
  TM_ASSERT_OK_AND_ASSIGN(auto results, repo().CreateOfferings(offerings));
  ASSERT_EQ(results.size(), offerings.size());
  for (size_t i = 0; i < results.size(); ++i) {
    ASSERT_THAT(results[i], IsOk()) << i;
    EXPECT_EQ(results[i]->meta.id, offerings[i].meta.id);
    EXPECT_EQ(results[i]->meta.revision, 1);
    EXPECT_EQ(results[i]->meta.create_time, results[0]->meta.create_time);
    EXPECT_EQ(results[i]->meta.update_time, results[i]->meta.create_time);
  }

  Reopen();
  for (size_t i = 0; i < offerings.size(); ++i) {
    TM_ASSERT_OK_AND_ASSIGN(Offering stored, repo().GetOffering(offerings[i].meta.id));
    EXPECT_EQ(stored.institute_id, "uni");
    EXPECT_EQ(stored.listing.title, offerings[i].listing.title);
    EXPECT_EQ(stored.listing.keywords, offerings[i].listing.keywords);
    EXPECT_EQ(stored.listing.industry_codes, offerings[i].listing.industry_codes);
    EXPECT_EQ(stored.listing.event_ids, offerings[i].listing.event_ids);
    EXPECT_EQ(stored.listing.late_event_ids, offerings[i].listing.late_event_ids);
    EXPECT_EQ(stored.listing.cooperation_modes, offerings[i].listing.cooperation_modes);
    EXPECT_EQ(stored.trl, offerings[i].trl);
    EXPECT_EQ(stored.patents, offerings[i].patents);
    EXPECT_EQ(stored.asking_price_minor, offerings[i].asking_price_minor);
    EXPECT_EQ(stored.state, offerings[i].state);
    EXPECT_EQ(stored.published, offerings[i].published);
    EXPECT_EQ(stored.meta.create_time, results[i]->meta.create_time);
    EXPECT_EQ(stored.meta.revision, 1);
  }
  EXPECT_THAT(Offerings("industry = liquor"), ElementsAre("o-0", "o-1", "o-3", "o-4"));
  EXPECT_THAT(Offerings("industry = agriculture"), ElementsAre("o-0"));
  EXPECT_THAT(Offerings("industry = chemicals"), ElementsAre("o-2"));
  EXPECT_THAT(Offerings("event = fair"), ElementsAre("o-0", "o-4"));
}

TEST_P(BatchCreateTest, ADuplicateIdInTheMiddleIsRefusedAloneAndLeavesNothing) {
  ASSERT_THAT(repo().CreateOffering(SampleOffering("old", "uni"), {}), IsOk());
  std::vector<Offering> offerings = {SampleOffering("a", "uni"), SampleOffering("b", "uni"),
                                     SampleOffering("a", "uni"), SampleOffering("c", "uni"),
                                     SampleOffering("old", "uni")};
  // The duplicates' join rows would be new ones: none may land.
  offerings[2].listing.title = "second a";
  offerings[2].listing.industry_codes = {"energy"};
  offerings[2].listing.event_ids = {"fair"};
  offerings[4].listing.industry_codes = {"chemicals"};
  TM_ASSERT_OK_AND_ASSIGN(auto results, repo().CreateOfferings(offerings));
  ASSERT_EQ(results.size(), 5u);
  EXPECT_THAT(results[0], IsOk());
  EXPECT_THAT(results[1], IsOk());
  EXPECT_THAT(results[2], StatusIs(absl::StatusCode::kAlreadyExists, "offerings/a already exists"));
  EXPECT_THAT(results[3], IsOk());
  EXPECT_THAT(results[4],
              StatusIs(absl::StatusCode::kAlreadyExists, "offerings/old already exists"));

  Reopen();
  EXPECT_THAT(Offerings(""), ElementsAre("a", "b", "c", "old"));
  TM_ASSERT_OK_AND_ASSIGN(Offering a, repo().GetOffering("a"));
  EXPECT_EQ(a.listing.title, offerings[0].listing.title);
  EXPECT_THAT(Offerings("industry = energy"), IsEmpty());
  EXPECT_THAT(Offerings("industry = chemicals"), IsEmpty());
  EXPECT_THAT(Offerings("event = fair"), IsEmpty());
}

TEST_P(BatchCreateTest, ABatchWhoseEveryRowIsRefusedStoresNothing) {
  std::vector<Need> needs = {SampleNeed("n-0", "nobody"), SampleNeed("n-1", "ent"),
                             SampleNeed("n-2", "ent"), SampleNeed("n-3", "ent")};
  needs[1].listing.industry_codes = {"liquor", "nowhere"};  // Refused in a join row.
  needs[2].listing.event_ids = {"no-such-fair"};
  needs[3].listing.title = "";  // Refused by a CHECK (the use cases check titles first).
  TM_ASSERT_OK_AND_ASSIGN(auto results, repo().CreateNeeds(needs));
  ASSERT_EQ(results.size(), 4u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_THAT(results[i], StatusIs(absl::StatusCode::kFailedPrecondition)) << i;
  }
  EXPECT_THAT(results[3], StatusIs(absl::StatusCode::kInternal));
  Reopen();
  EXPECT_THAT(Needs(""), IsEmpty());
  EXPECT_THAT(Needs("industry = liquor"), IsEmpty());
}

TEST_P(BatchCreateTest, NeedsAroundARowRefusedInItsJoinRowsAreStored) {
  std::vector<Need> needs = {SampleNeed("n-0", "ent"), SampleNeed("n-1", "ent"),
                             SampleNeed("n-2", "ent")};
  needs[0].budget_minor = std::nullopt;  // NULLs among values.
  needs[0].min_trl = std::nullopt;
  needs[0].listing.event_ids = {"fair"};
  needs[1].listing.event_ids = {"fair", "no-such-fair"};
  needs[2].state = NeedState::kSubmitted;
  needs[2].published = false;
  TM_ASSERT_OK_AND_ASSIGN(auto results, repo().CreateNeeds(needs));
  ASSERT_EQ(results.size(), 3u);
  EXPECT_THAT(results[0], IsOk());
  EXPECT_THAT(results[1], StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(results[2], IsOk());

  Reopen();
  EXPECT_THAT(Needs(""), ElementsAre("n-0", "n-2"));
  EXPECT_THAT(Needs("event = fair"), ElementsAre("n-0"));
  EXPECT_THAT(repo().GetNeed("n-1"), StatusIs(absl::StatusCode::kNotFound));
  TM_ASSERT_OK_AND_ASSIGN(Need first, repo().GetNeed("n-0"));
  EXPECT_EQ(first.budget_minor, std::nullopt);
  EXPECT_EQ(first.min_trl, std::nullopt);
  EXPECT_TRUE(first.closing_agreement_id.empty());
  EXPECT_EQ(first.listing.industry_codes, needs[0].listing.industry_codes);
  TM_ASSERT_OK_AND_ASSIGN(Need third, repo().GetNeed("n-2"));
  EXPECT_EQ(third.budget_minor, needs[2].budget_minor);
  EXPECT_EQ(third.min_trl, needs[2].min_trl);
  EXPECT_EQ(third.state, NeedState::kSubmitted);
  EXPECT_FALSE(third.published);
}

}  // namespace
}  // namespace techmatch::storage
