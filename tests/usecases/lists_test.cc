// List parsing: every bad field of a List request at once, and page tokens bound to the list
// (method, parent, filter) they were issued for.
#include "usecases/lists.h"

#include "storage/repository.h"
#include "tests/usecases/usecase_fixture.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

const PageTokenCodec kTokens(std::string(32, 'k'));

absl::StatusOr<ParsedList> Parse(const ListRequest& request, absl::string_view parent = "") {
  return ParseList("ListNeeds", parent, request, storage::Repository::NeedFilterFields(), kTokens);
}

TEST(ListsTest, EveryBadFieldAtOnce) {
  EXPECT_THAT(ViolatedFields(Parse({"no_such_field = 1", -1, ""})),
              UnorderedElementsAre("filter", "page_size"));
  EXPECT_THAT(ViolatedFields(Parse({"", -1, "garbage"})),
              UnorderedElementsAre("page_size", "page_token"));
}

TEST(ListsTest, ParsesIntoAStorageQuery) {
  TM_ASSERT_OK_AND_ASSIGN(ParsedList list, Parse({"state = OPEN", 0, ""}));
  EXPECT_EQ(list.query.page_size, kDefaultPageSize);
  ASSERT_EQ(list.query.filter.size(), 1u);
  EXPECT_EQ(list.query.filter[0].field, "state");
  EXPECT_TRUE(list.query.after_id.empty());
  TM_ASSERT_OK_AND_ASSIGN(list, Parse({"", 5000, ""}));
  EXPECT_EQ(list.query.page_size, kMaxPageSize);
}

TEST(ListsTest, PageTokensContinueOnlyTheListTheyCameFrom) {
  TM_ASSERT_OK_AND_ASSIGN(ParsedList list, Parse({"state = OPEN", 10, ""}));
  const ListPage<int> page = Continued(Page<int>{{1, 2}, "n7"}, list, kTokens);
  EXPECT_THAT(page.items, ElementsAre(1, 2));
  ASSERT_FALSE(page.next_page_token.empty());
  TM_ASSERT_OK_AND_ASSIGN(ParsedList next, Parse({"state = OPEN", 10, page.next_page_token}));
  EXPECT_EQ(next.query.after_id, "n7");
  // Another filter, parent or method: refused, as is a forged token.
  EXPECT_THAT(ViolatedFields(Parse({"state = WITHDRAWN", 10, page.next_page_token})),
              ElementsAre("page_token"));
  EXPECT_THAT(ViolatedFields(Parse({"state = OPEN", 10, page.next_page_token}, "query:x")),
              ElementsAre("page_token"));
  TM_ASSERT_OK_AND_ASSIGN(ParsedList unfiltered, Parse({"", 10, ""}));
  const std::string token = Continued(Page<int>{{1}, "n7"}, unfiltered, kTokens).next_page_token;
  EXPECT_THAT(ViolatedFields(ParseList("ListOfferings", "", {"", 10, token},
                                       storage::Repository::OfferingFilterFields(), kTokens)),
              ElementsAre("page_token"));
  std::string forged = page.next_page_token;
  forged[forged.size() / 2] = forged[forged.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_THAT(ViolatedFields(Parse({"state = OPEN", 10, forged})), ElementsAre("page_token"));
  // The last page has no token.
  EXPECT_TRUE(Continued(Page<int>{{3}, ""}, list, kTokens).next_page_token.empty());
}

TEST(ListsTest, RankedPagesFollowTheRankingAndTheFilter) {
  struct Record {
    ResourceMeta meta;
  };
  const std::vector<SearchHit> hits = {{"c", 0.9}, {"a", 0.8}, {"x", 0.7}, {"b", 0.6}};
  // Storage knows a, b and c (x was filtered out).
  auto list = [](const storage::ListQuery& query) -> absl::StatusOr<Page<Record>> {
    Page<Record> page;
    for (const std::string& id : *query.only_ids) {
      if (id != "x") page.items.push_back({ResourceMeta{id}});
    }
    return page;
  };
  storage::ListQuery query;
  query.page_size = 2;
  TM_ASSERT_OK_AND_ASSIGN(Page<Record> first, RankedPage<Record>(hits, query, list));
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].meta.id, "c");
  EXPECT_EQ(first.items[1].meta.id, "a");
  query.after_id = first.next_after_id;
  TM_ASSERT_OK_AND_ASSIGN(Page<Record> second, RankedPage<Record>(hits, query, list));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].meta.id, "b");
  EXPECT_TRUE(second.next_after_id.empty());
  query.after_id = "n7";  // an id, not a position: a token of the plain list
  EXPECT_THAT(ViolatedFields(RankedPage<Record>(hits, query, list)), ElementsAre("page_token"));
}

}  // namespace
}  // namespace techmatch::usecases::testing
