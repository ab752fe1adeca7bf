// Keyset pagination and every filter field and operator of every List method.
#include <algorithm>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "SQLiteCpp/Database.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
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

std::string Rfc3339(absl::Time time) {
  return absl::FormatTime(absl::RFC3339_full, time, absl::UTCTimeZone());
}

std::string KeyOf(const Need& n) { return n.meta.id; }
std::string KeyOf(const Offering& o) { return o.meta.id; }
std::string KeyOf(const Organization& o) { return o.meta.id; }
std::string KeyOf(const Event& e) { return e.meta.id; }
std::string KeyOf(const Industry& i) { return i.meta.id; }
std::string KeyOf(const Participant& p) { return p.organization_id; }

// Every id a List call returns for `filter`, walking all pages of `page_size`.
template <typename T, typename ListFn>
std::vector<std::string> Walk(const std::vector<FilterField>& fields, const std::string& filter,
                              ListFn list, int page_size, int* pages = nullptr) {
  absl::StatusOr<std::vector<FilterTerm>> terms = ParseFilter(filter, fields);
  EXPECT_TRUE(terms.ok()) << filter << ": " << terms.status();
  if (!terms.ok()) return {};
  ListQuery query;
  query.filter = *terms;
  query.page_size = page_size;
  std::vector<std::string> ids;
  int count = 0;
  while (true) {
    absl::StatusOr<Page<T>> page = list(query);
    EXPECT_TRUE(page.ok()) << filter << ": " << page.status();
    if (!page.ok()) return ids;
    ++count;
    EXPECT_LE(page->items.size(), static_cast<size_t>(page_size));
    for (const T& item : page->items) ids.push_back(KeyOf(item));
    if (page->next_after_id.empty()) break;
    EXPECT_EQ(page->next_after_id, ids.back());
    query.after_id = page->next_after_id;
  }
  if (pages != nullptr) *pages = count;
  return ids;
}

// Every list over both backends.
class BackendListTest : public testing::BackendTest {
 protected:
  std::vector<std::string> Needs(const std::string& filter, int page_size = 2) {
    return Walk<Need>(
        Repository::NeedFilterFields(), filter,
        [&](const ListQuery& q) { return repo().ListNeeds(q); }, page_size);
  }
  std::vector<std::string> Offerings(const std::string& filter) {
    return Walk<Offering>(
        Repository::OfferingFilterFields(), filter,
        [&](const ListQuery& q) { return repo().ListOfferings(q); }, 2);
  }
  std::vector<std::string> Organizations(const std::string& filter) {
    return Walk<Organization>(
        Repository::OrganizationFilterFields(), filter,
        [&](const ListQuery& q) { return repo().ListOrganizations(q); }, 2);
  }
  std::vector<std::string> Events(const std::string& filter) {
    return Walk<Event>(
        Repository::EventFilterFields(), filter,
        [&](const ListQuery& q) { return repo().ListEvents(q); }, 2);
  }
  std::vector<std::string> Participants(const std::string& event, const std::string& filter) {
    return Walk<Participant>(
        Repository::ParticipantFilterFields(), filter,
        [&](const ListQuery& q) { return repo().ListParticipants(event, q); }, 1);
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, BackendListTest, testing::kBackends, testing::BackendName);

TEST_P(BackendListTest, PaginationWalkSeesEveryRecordExactlyOnce) {
  MustCreate(Enterprise("e"));
  constexpr int kCount = 2345;
  std::vector<Need> needs;
  for (int i = 0; i < kCount; ++i) {
    needs.push_back(SampleNeed(absl::StrFormat("n-%05d", i * 7919 % 100000), "e"));
  }
  // Insertion order differs from id order: the walk must follow ids.
  std::shuffle(needs.begin(), needs.end(), std::mt19937(42));
  TM_ASSERT_OK_AND_ASSIGN(auto results, repo().CreateNeeds(needs));
  for (const auto& result : results) ASSERT_THAT(result, IsOk());

  int pages = 0;
  std::vector<std::string> ids = Walk<Need>(
      Repository::NeedFilterFields(), "", [&](const ListQuery& q) { return repo().ListNeeds(q); },
      100, &pages);
  EXPECT_EQ(pages, 24);
  ASSERT_EQ(ids.size(), static_cast<size_t>(kCount));
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), static_cast<size_t>(kCount));

  // Records created during a walk beyond the cursor are seen, before it are not repeated.
  ListQuery query;
  query.page_size = 1000;
  TM_ASSERT_OK_AND_ASSIGN(Page<Need> first, repo().ListNeeds(query));
  ASSERT_EQ(first.items.size(), 1000u);
  ASSERT_THAT(repo().CreateNeed(SampleNeed("a-before", "e"), {}), IsOk());
  ASSERT_THAT(repo().CreateNeed(SampleNeed("z-after", "e"), {}), IsOk());
  std::vector<std::string> rest;
  query.after_id = first.next_after_id;
  while (true) {
    TM_ASSERT_OK_AND_ASSIGN(Page<Need> page, repo().ListNeeds(query));
    for (const Need& n : page.items) rest.push_back(n.meta.id);
    if (page.next_after_id.empty()) break;
    query.after_id = page.next_after_id;
  }
  EXPECT_EQ(rest.size(), static_cast<size_t>(kCount) - 1000 + 1);
  EXPECT_EQ(rest.back(), "z-after");
}

TEST_P(BackendListTest, ExactMultipleOfPageSizeEndsWithoutEmptyPage) {
  int pages = 0;
  std::vector<std::string> ids = Walk<Industry>(
      {}, "", [&](const ListQuery& q) { return repo().ListIndustries(q); }, 5, &pages);
  EXPECT_EQ(ids.size(), 10u);
  EXPECT_EQ(pages, 2);
}

TEST_P(BackendListTest, PageSizeIsClampedDefensively) {
  ListQuery query;
  query.page_size = 0;  // The server normalizes; storage still refuses to run unbounded.
  TM_ASSERT_OK_AND_ASSIGN(Page<Industry> page, repo().ListIndustries(query));
  EXPECT_EQ(page.items.size(), 10u);
}

TEST_P(BackendListTest, OnlyIdsNarrowAndKeepKeyOrder) {
  ListQuery query;
  query.only_ids = std::vector<std::string>{"other", "energy", "no-such-code"};
  TM_ASSERT_OK_AND_ASSIGN(Page<Industry> page, repo().ListIndustries(query));
  std::vector<std::string> codes;
  for (const Industry& industry : page.items) codes.push_back(industry.meta.id);
  EXPECT_THAT(codes, ElementsAre("energy", "other"));
}

TEST_P(BackendListTest, UnknownIndustryFilterFieldIsInvalidArgument) {
  ListQuery query;
  query.filter.push_back(FilterTerm{"title", FilterOp::kEq, std::string("x")});
  EXPECT_THAT(repo().ListIndustries(query), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_P(BackendListTest, OrganizationFilters) {
  MustCreate(University("uni"));
  Organization college = University("uni-chem");
  college.parent_id = "uni";
  college.region_code = "510500";
  MustCreate(college);
  Organization bank = Enterprise("bank");
  bank.kind = OrganizationKind::kFinancialInstitution;
  bank.region_code = "";
  MustCreate(bank);

  EXPECT_THAT(Organizations("kind = UNIVERSITY"), ElementsAre("uni", "uni-chem"));
  EXPECT_THAT(Organizations("kind != UNIVERSITY"), ElementsAre("bank"));
  EXPECT_THAT(Organizations("region_code = \"510500\""), ElementsAre("uni-chem"));
  EXPECT_THAT(Organizations("region_code != 510500"), ElementsAre("bank", "uni"));
  EXPECT_THAT(Organizations("parent = organizations/uni"), ElementsAre("uni-chem"));
  // No parent counts as "not uni".
  EXPECT_THAT(Organizations("parent != uni"), ElementsAre("bank", "uni"));
  EXPECT_THAT(Organizations("kind = UNIVERSITY AND parent != uni"), ElementsAre("uni"));
  // A region holds every code under it; the province holds its cities.
  EXPECT_THAT(Organizations("region = 510000"), ElementsAre("uni", "uni-chem"));
  EXPECT_THAT(Organizations("region = 510500"), ElementsAre("uni-chem"));
  EXPECT_THAT(Organizations("region != 510500"), ElementsAre("bank", "uni"));
}

TEST_P(BackendListTest, NeedFilters) {
  MustCreate(Enterprise("e1"));
  MustCreate(Enterprise("e2"));
  MustCreate(Fair("f1"));
  MustCreate(Fair("f2"));
  Need n1 = SampleNeed("n1", "e1");
  n1.listing.industry_codes = {"liquor", "agriculture"};
  n1.listing.event_ids = {"f1"};
  Need n2 = SampleNeed("n2", "e2");
  n2.listing.industry_codes = {"chemicals"};
  Need n3 = SampleNeed("n3", "e1");
  n3.listing.industry_codes = {"liquor"};
  n3.listing.event_ids = {"f1", "f2"};
  TM_ASSERT_OK_AND_ASSIGN(Need c1, repo().CreateNeed(n1, {}));
  TM_ASSERT_OK_AND_ASSIGN(Need c2, repo().CreateNeed(n2, {}));
  TM_ASSERT_OK_AND_ASSIGN(Need c3, repo().CreateNeed(n3, {}));
  ASSERT_LT(c1.meta.create_time, c2.meta.create_time);
  ASSERT_LT(c2.meta.create_time, c3.meta.create_time);
  c2.state = NeedState::kWithdrawn;
  ASSERT_THAT(repo().ReplaceNeed(c2, 1), IsOk());

  EXPECT_THAT(Needs(""), ElementsAre("n1", "n2", "n3"));
  EXPECT_THAT(Needs("enterprise = organizations/e1"), ElementsAre("n1", "n3"));
  EXPECT_THAT(Needs("enterprise = e2"), ElementsAre("n2"));
  EXPECT_THAT(Needs("enterprise != e1"), ElementsAre("n2"));
  EXPECT_THAT(Needs("industry = liquor"), ElementsAre("n1", "n3"));
  EXPECT_THAT(Needs("industry = industries/agriculture"), ElementsAre("n1"));
  EXPECT_THAT(Needs("industry != liquor"), ElementsAre("n2"));
  EXPECT_THAT(Needs("industry = energy"), IsEmpty());
  EXPECT_THAT(Needs("state = OPEN"), ElementsAre("n1", "n3"));
  EXPECT_THAT(Needs("state != OPEN"), ElementsAre("n2"));
  EXPECT_THAT(Needs("state = WITHDRAWN"), ElementsAre("n2"));
  EXPECT_THAT(Needs("event = f1"), ElementsAre("n1", "n3"));
  EXPECT_THAT(Needs("event = events/f2"), ElementsAre("n3"));
  EXPECT_THAT(Needs("event != f2"), ElementsAre("n1", "n2"));
  const std::string t2 = Rfc3339(c2.meta.create_time);
  EXPECT_THAT(Needs("create_time = " + t2), ElementsAre("n2"));
  EXPECT_THAT(Needs("create_time != " + t2), ElementsAre("n1", "n3"));
  EXPECT_THAT(Needs("create_time < " + t2), ElementsAre("n1"));
  EXPECT_THAT(Needs("create_time <= " + t2), ElementsAre("n1", "n2"));
  EXPECT_THAT(Needs("create_time > " + t2), ElementsAre("n3"));
  EXPECT_THAT(Needs("create_time >= " + t2), ElementsAre("n2", "n3"));
  EXPECT_THAT(Needs("create_time > 9999-12-31T23:59:59Z"), IsEmpty());
  EXPECT_THAT(Needs("create_time > 0001-01-01T00:00:00Z"), ElementsAre("n1", "n2", "n3"));
  EXPECT_THAT(Needs("industry = liquor AND state = OPEN AND event = f2"), ElementsAre("n3"));
  EXPECT_THAT(Needs("industry = liquor AND enterprise = e2"), IsEmpty());
}

// An `industry =` or `event =` term drives the query through its join table's index
// (SqlField::driver_join in storage/sql_filter.h); every combination walks exactly the records a
// brute-force filter keeps, in id order, at every page size, including with a ranked query's id
// list.
TEST_P(BackendListTest, DrivenWalksMatchBruteForce) {
  MustCreate(Enterprise("e1"));
  MustCreate(Enterprise("e2"));
  MustCreate(Fair("f1"));
  MustCreate(Fair("f2"));
  const std::vector<std::string> industries = {"liquor", "agriculture", "chemicals", "energy"};
  std::mt19937 random(7);
  std::vector<Need> needs;
  for (int i = 0; i < 120; ++i) {
    Need need = SampleNeed(absl::StrFormat("n%03d", (i * 37) % 120), i % 3 ? "e1" : "e2");
    need.listing.industry_codes.clear();
    for (const std::string& code : industries) {
      if (random() % 3 == 0) need.listing.industry_codes.push_back(code);
    }
    if (need.listing.industry_codes.empty()) need.listing.industry_codes = {"energy"};
    if (random() % 2) need.listing.event_ids.push_back("f1");
    if (random() % 4 == 0) need.listing.event_ids.push_back("f2");
    needs.push_back(need);
  }
  TM_ASSERT_OK_AND_ASSIGN(auto results, repo().CreateNeeds(needs));
  for (const auto& result : results) ASSERT_THAT(result, IsOk());
  const auto has = [](const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
  };
  struct Case {
    std::string filter;
    std::function<bool(const Need&)> keep;
  };
  const std::vector<Case> cases = {
      {"industry = liquor", [&](const Need& n) { return has(n.listing.industry_codes, "liquor"); }},
      {"event = f1", [&](const Need& n) { return has(n.listing.event_ids, "f1"); }},
      {"industry = chemicals AND industry = liquor",
       [&](const Need& n) {
         return has(n.listing.industry_codes, "chemicals") &&
                has(n.listing.industry_codes, "liquor");
       }},
      {"enterprise = e1 AND industry = agriculture AND event != f2",
       [&](const Need& n) {
         return n.enterprise_id == "e1" && has(n.listing.industry_codes, "agriculture") &&
                !has(n.listing.event_ids, "f2");
       }},
      {"industry != energy AND event = f2",
       [&](const Need& n) {
         return !has(n.listing.industry_codes, "energy") && has(n.listing.event_ids, "f2");
       }},
  };
  for (const Case& c : cases) {
    std::vector<std::string> expected;
    for (const Need& need : needs) {
      if (c.keep(need)) expected.push_back(need.meta.id);
    }
    std::sort(expected.begin(), expected.end());
    ASSERT_FALSE(expected.empty()) << c.filter;
    for (int page_size : {1, 3, 50, 1000}) {
      EXPECT_EQ(Needs(c.filter, page_size), expected) << c.filter << ", pages of " << page_size;
    }
    // A ranked query lists only the hits it names (ListQuery::only_ids), through the same path.
    ListQuery query;
    TM_ASSERT_OK_AND_ASSIGN(query.filter, ParseFilter(c.filter, Repository::NeedFilterFields()));
    query.page_size = 1000;
    query.only_ids = std::vector<std::string>{"n000", "n001", "n002", "n050", "n119", "missing"};
    TM_ASSERT_OK_AND_ASSIGN(Page<Need> page, repo().ListNeeds(query));
    std::vector<std::string> got;
    for (const Need& need : page.items) got.push_back(need.meta.id);
    std::vector<std::string> want;
    for (const std::string& id : expected) {
      if (has(*query.only_ids, id)) want.push_back(id);
    }
    EXPECT_EQ(got, want) << c.filter << " with ids";
  }
}

TEST_P(BackendListTest, OfferingFilters) {
  MustCreate(University("u1"));
  MustCreate(University("u2"));
  MustCreate(Fair("f1"));
  Offering o1 = SampleOffering("o1", "u1");
  o1.trl = 3;
  o1.listing.industry_codes = {"energy", "materials"};
  o1.listing.event_ids = {"f1"};
  Offering o2 = SampleOffering("o2", "u2");
  o2.trl = 6;
  o2.listing.industry_codes = {"materials"};
  Offering o3 = SampleOffering("o3", "u1");
  o3.trl = 9;
  o3.listing.industry_codes = {"electronics"};
  ASSERT_THAT(repo().CreateOffering(o1, {}), IsOk());
  ASSERT_THAT(repo().CreateOffering(o2, {}), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Offering c3, repo().CreateOffering(o3, {}));
  c3.state = OfferingState::kWithdrawn;
  ASSERT_THAT(repo().ReplaceOffering(c3, 1), IsOk());

  EXPECT_THAT(Offerings("institute = organizations/u1"), ElementsAre("o1", "o3"));
  EXPECT_THAT(Offerings("institute != u1"), ElementsAre("o2"));
  EXPECT_THAT(Offerings("industry = materials"), ElementsAre("o1", "o2"));
  EXPECT_THAT(Offerings("industry != materials"), ElementsAre("o3"));
  EXPECT_THAT(Offerings("state = AVAILABLE"), ElementsAre("o1", "o2"));
  EXPECT_THAT(Offerings("state != AVAILABLE"), ElementsAre("o3"));
  EXPECT_THAT(Offerings("event = f1"), ElementsAre("o1"));
  EXPECT_THAT(Offerings("event != f1"), ElementsAre("o2", "o3"));
  EXPECT_THAT(Offerings("trl = 6"), ElementsAre("o2"));
  EXPECT_THAT(Offerings("trl != 6"), ElementsAre("o1", "o3"));
  EXPECT_THAT(Offerings("trl < 6"), ElementsAre("o1"));
  EXPECT_THAT(Offerings("trl <= 6"), ElementsAre("o1", "o2"));
  EXPECT_THAT(Offerings("trl > 6"), ElementsAre("o3"));
  EXPECT_THAT(Offerings("trl >= 6"), ElementsAre("o2", "o3"));
  EXPECT_THAT(Offerings("trl >= 4 AND industry = materials"), ElementsAre("o2"));
}

TEST_P(BackendListTest, EventFilters) {
  Event a = Fair("a");
  Event b = Fair("b");
  b.start_time = a.start_time + absl::Nanoseconds(1);
  b.end_time = b.start_time + absl::Hours(1);
  Event c = Fair("c");
  c.start_time = a.start_time + absl::Hours(24 * 365);
  c.end_time = c.start_time + absl::Hours(1);
  MustCreate(a);
  MustCreate(b);
  MustCreate(c);
  const std::string tb = Rfc3339(b.start_time);
  EXPECT_THAT(Events("start_time = " + tb), ElementsAre("b"));
  EXPECT_THAT(Events("start_time != " + tb), ElementsAre("a", "c"));
  EXPECT_THAT(Events("start_time < " + tb), ElementsAre("a"));
  EXPECT_THAT(Events("start_time <= " + tb), ElementsAre("a", "b"));
  EXPECT_THAT(Events("start_time > " + tb), ElementsAre("c"));
  EXPECT_THAT(Events("start_time >= " + tb), ElementsAre("b", "c"));
  EXPECT_THAT(
      Events("start_time >= 2026-01-01T00:00:00+08:00 AND start_time < " + Rfc3339(c.start_time)),
      ElementsAre("a", "b"));
}

TEST_P(BackendListTest, ParticipantFilters) {
  MustCreate(Fair("f"));
  MustCreate(Enterprise("ent-a"));
  MustCreate(Enterprise("ent-b"));
  MustCreate(University("uni"));
  for (const char* org : {"uni", "ent-b", "ent-a"}) {
    ASSERT_THAT(repo().RegisterParticipant("f", org), IsOk());
  }
  EXPECT_THAT(Participants("f", ""), ElementsAre("ent-a", "ent-b", "uni"));
  EXPECT_THAT(Participants("f", "kind = ENTERPRISE"), ElementsAre("ent-a", "ent-b"));
  EXPECT_THAT(Participants("f", "kind != ENTERPRISE"), ElementsAre("uni"));
  EXPECT_THAT(Participants("f", "kind = GOVERNMENT"), IsEmpty());
}

TEST_P(BackendListTest, FilterValuesAreBoundNotSpliced) {
  MustCreate(Enterprise("e"));
  const std::string hostile = "'; DROP TABLE organizations; --";
  EXPECT_THAT(Organizations("region_code = \"" + hostile + "\""), IsEmpty());
  EXPECT_THAT(Organizations("region_code != \"" + hostile + "\""), ElementsAre("e"));
  TM_ASSERT_OK_AND_ASSIGN(Organization e, repo().GetOrganization("e"));
  EXPECT_EQ(e.meta.id, "e");
}

TEST_P(BackendListTest, UnknownFilterFieldIsInvalidArgument) {
  ListQuery query;
  query.filter.push_back(FilterTerm{"title", FilterOp::kEq, std::string("x")});
  EXPECT_THAT(repo().ListNeeds(query), StatusIs(absl::StatusCode::kInvalidArgument));
  query.filter = {FilterTerm{"industry", FilterOp::kLt, std::string("liquor")}};
  EXPECT_THAT(repo().ListNeeds(query), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace techmatch::storage
