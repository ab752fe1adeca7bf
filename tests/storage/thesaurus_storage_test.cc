// The thesaurus entries organizers keep, over both backends: create, get, list by kind and
// term, all, optimistic replace and delete with their error paths.
#include <string>
#include <vector>

#include "core/text/thesaurus_record.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;

class ThesaurusStorageTest : public testing::BackendTest {
 protected:
  static ThesaurusRecord Entry(const std::string& id, ThesaurusKind kind,
                               std::vector<std::string> from, std::vector<std::string> to) {
    ThesaurusRecord record;
    record.meta.id = id;
    record.entry.kind = kind;
    record.entry.from = std::move(from);
    record.entry.to = std::move(to);
    record.entry.note = "由组织者添加";
    record.entry.scope = "liquor";
    return record;
  }

  std::vector<std::string> Ids(const ThesaurusFilter& filter, int page_size) {
    ListQuery query;
    query.page_size = page_size;
    std::vector<std::string> ids;
    while (true) {
      absl::StatusOr<Page<ThesaurusRecord>> page = repo().ListThesaurusEntries(filter, query);
      EXPECT_THAT(page.status(), IsOk());
      if (!page.ok()) return ids;
      for (const ThesaurusRecord& record : page->items) ids.push_back(record.meta.id);
      if (page->next_after_id.empty()) return ids;
      query.after_id = page->next_after_id;
    }
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, ThesaurusStorageTest, testing::kBackends, testing::BackendName);

TEST_P(ThesaurusStorageTest, CreateGetAndDuplicate) {
  const ThesaurusRecord entry =
      Entry("t-1", ThesaurusKind::kSynonym, {"窖池"}, {"发酵池", "pit mud"});
  TM_ASSERT_OK_AND_ASSIGN(ThesaurusRecord created, repo().CreateThesaurusEntry(entry, {}));
  EXPECT_EQ(created.meta.revision, 1);
  TM_ASSERT_OK_AND_ASSIGN(ThesaurusRecord got, repo().GetThesaurusEntry("t-1"));
  EXPECT_EQ(got.entry.kind, ThesaurusKind::kSynonym);
  EXPECT_EQ(got.entry.from, entry.entry.from);
  EXPECT_EQ(got.entry.to, entry.entry.to);
  EXPECT_EQ(got.entry.note, "由组织者添加");
  EXPECT_EQ(got.entry.scope, "liquor");
  EXPECT_EQ(got.meta.create_time, created.meta.create_time);
  EXPECT_THAT(repo().CreateThesaurusEntry(entry, {}),
              StatusIs(absl::StatusCode::kAlreadyExists, "thesaurusEntries/t-1 already exists"));
  EXPECT_THAT(repo().GetThesaurusEntry("t-2"),
              StatusIs(absl::StatusCode::kNotFound, "thesaurusEntries/t-2 not found"));
}

TEST_P(ThesaurusStorageTest, ListByKindAndTermInIdOrder) {
  for (const ThesaurusRecord& entry :
       {Entry("t-3", ThesaurusKind::kAbbreviation, {"PLC"}, {"可编程逻辑控制器"}),
        Entry("t-1", ThesaurusKind::kSynonym, {"窖池"}, {"发酵池"}),
        Entry("t-2", ThesaurusKind::kSynonym, {"出酒率"}, {"yield"}),
        Entry("t-4", ThesaurusKind::kSynonym, {"酒糟"}, {"distillers grains"})}) {
    ASSERT_THAT(repo().CreateThesaurusEntry(entry, {}).status(), IsOk());
  }
  EXPECT_THAT(Ids({}, 1), ElementsAre("t-1", "t-2", "t-3", "t-4"));
  EXPECT_THAT(Ids({ThesaurusKind::kSynonym, ""}, 2), ElementsAre("t-1", "t-2", "t-4"));
  // A term inside either side's terms.
  EXPECT_THAT(Ids({std::nullopt, "酵池"}, 10), ElementsAre("t-1"));
  EXPECT_THAT(Ids({std::nullopt, "grains"}, 10), ElementsAre("t-4"));
  EXPECT_THAT(Ids({ThesaurusKind::kAbbreviation, "yield"}, 10), ElementsAre());
  TM_ASSERT_OK_AND_ASSIGN(std::vector<ThesaurusRecord> all, repo().AllThesaurusEntries());
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all.front().meta.id, "t-1");
}

TEST_P(ThesaurusStorageTest, ReplaceIsOptimistic) {
  TM_ASSERT_OK_AND_ASSIGN(
      ThesaurusRecord created,
      repo().CreateThesaurusEntry(Entry("t-1", ThesaurusKind::kSynonym, {"窖池"}, {"发酵池"}), {}));
  ThesaurusRecord changed = created;
  changed.entry.to = {"发酵池", "窖泥"};
  TM_ASSERT_OK_AND_ASSIGN(ThesaurusRecord replaced, repo().ReplaceThesaurusEntry(changed, 1));
  EXPECT_EQ(replaced.meta.revision, 2);
  EXPECT_EQ(replaced.meta.create_time, created.meta.create_time);
  TM_ASSERT_OK_AND_ASSIGN(ThesaurusRecord got, repo().GetThesaurusEntry("t-1"));
  EXPECT_EQ(got.entry.to, changed.entry.to);
  EXPECT_EQ(got.meta.revision, 2);
  // Replacing from the old revision again: it changed since.
  EXPECT_THAT(repo().ReplaceThesaurusEntry(changed, 1),
              StatusIs(absl::StatusCode::kAborted,
                       "thesaurusEntries/t-1 changed since it was read; read it again"));
  changed.meta.id = "t-9";
  EXPECT_THAT(repo().ReplaceThesaurusEntry(changed, 1), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(ThesaurusStorageTest, DeleteIsOptimisticOrUnconditional) {
  for (const char* id : {"t-1", "t-2"}) {
    ASSERT_THAT(
        repo()
            .CreateThesaurusEntry(Entry(id, ThesaurusKind::kSynonym, {"窖池"}, {"发酵池"}), {})
            .status(),
        IsOk());
  }
  EXPECT_THAT(repo().DeleteThesaurusEntry("t-1", 2), StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(repo().DeleteThesaurusEntry("t-1", 1), IsOk());
  EXPECT_THAT(repo().GetThesaurusEntry("t-1"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(repo().DeleteThesaurusEntry("t-2", 0), IsOk());  // 0: whatever is stored
  EXPECT_THAT(repo().DeleteThesaurusEntry("t-2", 0), StatusIs(absl::StatusCode::kNotFound));
  TM_ASSERT_OK_AND_ASSIGN(std::vector<ThesaurusRecord> all, repo().AllThesaurusEntries());
  EXPECT_TRUE(all.empty());
}

TEST_P(ThesaurusStorageTest, RequestIdReturnsTheFirstEntry) {
  const RequestKey key{"CreateThesaurusEntry", "req-1"};
  TM_ASSERT_OK_AND_ASSIGN(ThesaurusRecord first,
                          repo().CreateThesaurusEntry(
                              Entry("t-1", ThesaurusKind::kSynonym, {"窖池"}, {"发酵池"}), key));
  TM_ASSERT_OK_AND_ASSIGN(ThesaurusRecord again,
                          repo().CreateThesaurusEntry(
                              Entry("t-2", ThesaurusKind::kSynonym, {"窖池"}, {"发酵池"}), key));
  EXPECT_EQ(again.meta.id, "t-1");
  EXPECT_EQ(again.meta.create_time, first.meta.create_time);
  EXPECT_THAT(repo().GetThesaurusEntry("t-2"), StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace techmatch::storage
