// The thesaurus use cases: entries stored, validated with every bad field named, layered over
// the shipped thesaurus, and the engine's thesaurus swapped after every write.
#include "usecases/thesaurus.h"

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "tests/usecases/usecase_fixture.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class ThesaurusTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    entries_ = std::make_unique<ThesaurusEntries>(repo(), tokens_, engine());
  }

  ThesaurusEntries& entries() { return *entries_; }

  static NewThesaurusEntry Entry(ThesaurusKind kind, std::vector<std::string> from,
                                 std::vector<std::string> to, const std::string& scope = "") {
    NewThesaurusEntry input;
    input.record.entry.kind = kind;
    input.record.entry.from = std::move(from);
    input.record.entry.to = std::move(to);
    input.record.entry.scope = scope;
    return input;
  }

  // Whether the engine's thesaurus has an entry with these `from` terms.
  bool EngineHas(const std::vector<std::string>& from, const std::vector<std::string>& to) {
    for (const ThesaurusEntry& entry : engine().thesaurus()->entries()) {
      if (entry.from == from && entry.to == to) return true;
    }
    return false;
  }

  size_t EngineEntries() { return engine().thesaurus()->entries().size(); }

 private:
  std::unique_ptr<ThesaurusEntries> entries_;
};

TEST_F(ThesaurusTest, CreateStoresAndSwapsTheEngineThesaurus) {
  const size_t shipped = EngineEntries();
  NewThesaurusEntry input = Entry(ThesaurusKind::kSynonym, {"蓝莓"}, {"越橘", "blueberry"});
  input.record.entry.note = "浆果";
  input.entry_id = "blueberry";
  auto created = entries().Create(std::move(input));
  ASSERT_THAT(created, IsOk());
  EXPECT_EQ(created->meta.id, "blueberry");
  EXPECT_EQ(created->meta.revision, 1);
  EXPECT_EQ(created->entry.note, "浆果");
  EXPECT_EQ(EngineEntries(), shipped + 1);
  EXPECT_TRUE(EngineHas({"蓝莓"}, {"越橘", "blueberry"}));
  auto read = entries().Get("thesaurusEntries/blueberry");
  ASSERT_THAT(read, IsOk());
  EXPECT_THAT(read->entry.to, ElementsAre("越橘", "blueberry"));
}

TEST_F(ThesaurusTest, CreateNamesEveryBadField) {
  NewThesaurusEntry input =
      Entry(ThesaurusKind::kSynonym, {}, {std::string(101, 'x'), "a;b", "c", "c"}, "no-such");
  input.record.entry.note = std::string(501, 'n');
  input.entry_id = "Bad Id";
  input.request_id = "has space";
  const auto created = entries().Create(std::move(input));
  EXPECT_THAT(created, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(created),
              UnorderedElementsAre("request_id", "thesaurus_entry_id", "thesaurus_entry.from",
                                   "thesaurus_entry.to[0]", "thesaurus_entry.to[1]",
                                   "thesaurus_entry.to[3]", "thesaurus_entry.note",
                                   "thesaurus_entry.industry"));
  auto none = entries().List({});
  ASSERT_THAT(none, IsOk());
  EXPECT_THAT(none->items, IsEmpty());
}

TEST_F(ThesaurusTest, ATermOnBothSidesAndADuplicateAreRefused) {
  const auto same = entries().Create(Entry(ThesaurusKind::kSynonym, {"蓝莓"}, {"越橘", "蓝莓"}));
  EXPECT_THAT(ViolatedFields(same), ElementsAre("thesaurus_entry.to[1]"));

  ASSERT_THAT(entries().Create(Entry(ThesaurusKind::kSynonym, {"蓝莓"}, {"越橘"})), IsOk());
  const auto twice = entries().Create(Entry(ThesaurusKind::kSynonym, {"蓝莓"}, {"blueberry"}));
  EXPECT_THAT(ViolatedFields(twice), ElementsAre("thesaurus_entry.from"));
  // Another kind or industry is another entry.
  EXPECT_THAT(entries().Create(Entry(ThesaurusKind::kTranslation, {"蓝莓"}, {"blueberry"})),
              IsOk());
  EXPECT_THAT(
      entries().Create(Entry(ThesaurusKind::kSynonym, {"蓝莓"}, {"blueberry"}, "agriculture")),
      IsOk());
}

TEST_F(ThesaurusTest, UpdateChangesTheMaskedFieldsAndTheEngine) {
  NewThesaurusEntry input = Entry(ThesaurusKind::kSynonym, {"蓝莓"}, {"越橘"});
  input.entry_id = "berry";
  auto created = entries().Create(std::move(input));
  ASSERT_THAT(created, IsOk());

  ThesaurusEntryUpdate update;
  update.name = "thesaurusEntries/berry";
  update.paths = {"to"};
  update.patch.entry.to = {"越橘", "笃斯"};
  update.patch.entry.note = "ignored: not in the mask";
  auto updated = entries().Update(update);
  ASSERT_THAT(updated, IsOk());
  EXPECT_THAT(updated->entry.to, ElementsAre("越橘", "笃斯"));
  EXPECT_EQ(updated->entry.note, "");
  EXPECT_EQ(updated->meta.revision, 2);
  EXPECT_TRUE(EngineHas({"蓝莓"}, {"越橘", "笃斯"}));
  EXPECT_FALSE(EngineHas({"蓝莓"}, {"越橘"}));

  const std::string stale = Etag(created->meta);  // Stale now.
  update.etag = stale;
  EXPECT_THAT(entries().Update(update), StatusIs(absl::StatusCode::kAborted));
  update.etag = "";
  update.patch.entry.to = {"蓝莓"};
  EXPECT_THAT(ViolatedFields(entries().Update(update)), ElementsAre("thesaurus_entry.to[0]"));
  update.paths = {"name"};
  EXPECT_THAT(ViolatedFields(entries().Update(update)), ElementsAre("update_mask.paths[0]"));
  update.name = "thesaurusEntries/none";
  update.paths = {"note"};
  EXPECT_THAT(entries().Update(update), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(ThesaurusTest, UpdateIntoADuplicateIsRefused) {
  ASSERT_THAT(entries().Create(Entry(ThesaurusKind::kSynonym, {"蓝莓"}, {"越橘"})), IsOk());
  NewThesaurusEntry other = Entry(ThesaurusKind::kSynonym, {"黑莓"}, {"露莓"});
  other.entry_id = "other";
  ASSERT_THAT(entries().Create(std::move(other)), IsOk());
  ThesaurusEntryUpdate update;
  update.name = "thesaurusEntries/other";
  update.paths = {"from"};
  update.patch.entry.from = {"蓝莓"};
  EXPECT_THAT(ViolatedFields(entries().Update(update)), ElementsAre("thesaurus_entry.from"));
}

TEST_F(ThesaurusTest, DeleteRemovesItFromTheEngine) {
  const size_t shipped = EngineEntries();
  NewThesaurusEntry input = Entry(ThesaurusKind::kSynonym, {"蓝莓"}, {"越橘"});
  input.entry_id = "berry";
  auto created = entries().Create(std::move(input));
  ASSERT_THAT(created, IsOk());
  ResourceMeta stale = created->meta;
  stale.revision = 7;
  EXPECT_THAT(entries().Delete("thesaurusEntries/berry", Etag(stale)),
              StatusIs(absl::StatusCode::kAborted));
  ASSERT_THAT(entries().Delete("thesaurusEntries/berry", Etag(created->meta)), IsOk());
  EXPECT_EQ(EngineEntries(), shipped);
  EXPECT_FALSE(EngineHas({"蓝莓"}, {"越橘"}));
  EXPECT_THAT(entries().Get("thesaurusEntries/berry"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(entries().Delete("thesaurusEntries/berry", ""),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(entries().Delete("needs/berry", ""), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(ThesaurusTest, AStoredEntryReplacesTheShippedOneItMatches) {
  // The shipped agriculture.tsv links 甘薯 to 红薯 and others.
  const auto shipped = std::find_if(
      engine().thesaurus()->entries().begin(), engine().thesaurus()->entries().end(),
      [](const ThesaurusEntry& e) { return e.from == std::vector<std::string>{"甘薯"}; });
  ASSERT_NE(shipped, engine().thesaurus()->entries().end());
  const size_t before = EngineEntries();
  ASSERT_THAT(entries().Create(Entry(shipped->kind, {"甘薯"}, {"红薯", "地瓜"}, shipped->scope)),
              IsOk());
  EXPECT_EQ(EngineEntries(), before);  // Replaced, not added.
  EXPECT_TRUE(EngineHas({"甘薯"}, {"红薯", "地瓜"}));
}

TEST_F(ThesaurusTest, LoadStoredLayersWhatIsStoredOverAFreshEngine) {
  ASSERT_THAT(entries().Create(Entry(ThesaurusKind::kSynonym, {"蓝莓"}, {"越橘"})), IsOk());
  auto analyzer = TextAnalyzer::Create();
  ASSERT_THAT(analyzer, IsOk());
  MatchingEngine fresh(*analyzer);
  ThesaurusEntries again(repo(), tokens_, fresh);
  ASSERT_THAT(again.LoadStored(), IsOk());
  bool has = false;
  for (const ThesaurusEntry& entry : fresh.thesaurus()->entries()) {
    has = has || entry.from == std::vector<std::string>{"蓝莓"};
  }
  EXPECT_TRUE(has);
}

TEST_F(ThesaurusTest, ListFiltersByKindAndTermAndPages) {
  for (const auto& [id, kind, from, to] :
       std::vector<std::tuple<std::string, ThesaurusKind, std::string, std::string>>{
           {"a", ThesaurusKind::kSynonym, "蓝莓", "越橘"},
           {"b", ThesaurusKind::kProblem, "果实软化", "气调贮藏"},
           {"c", ThesaurusKind::kSynonym, "黑莓", "露莓"},
           {"d", ThesaurusKind::kAbbreviation, "MAP", "气调包装"}}) {
    NewThesaurusEntry input = Entry(kind, {from}, {to});
    input.entry_id = id;
    ASSERT_THAT(entries().Create(std::move(input)), IsOk());
  }
  auto ids = [](const ListPage<ThesaurusRecord>& page) {
    std::vector<std::string> out;
    for (const ThesaurusRecord& r : page.items) out.push_back(r.meta.id);
    return out;
  };
  ThesaurusListRequest request;
  request.kind = ThesaurusKind::kSynonym;
  auto synonyms = entries().List(request);
  ASSERT_THAT(synonyms, IsOk());
  EXPECT_THAT(ids(*synonyms), ElementsAre("a", "c"));
  request.kind.reset();
  request.term = "气调";
  auto term = entries().List(request);
  ASSERT_THAT(term, IsOk());
  EXPECT_THAT(ids(*term), ElementsAre("b", "d"));

  request.term = "";
  request.list.page_size = 3;
  auto first = entries().List(request);
  ASSERT_THAT(first, IsOk());
  EXPECT_THAT(ids(*first), ElementsAre("a", "b", "c"));
  ASSERT_FALSE(first->next_page_token.empty());
  request.list.page_token = first->next_page_token;
  auto second = entries().List(request);
  ASSERT_THAT(second, IsOk());
  EXPECT_THAT(ids(*second), ElementsAre("d"));
  // A token is bound to its kind and term.
  request.term = "莓";
  EXPECT_THAT(ViolatedFields(entries().List(request)), ElementsAre("page_token"));
  request.list.page_token = "";
  const std::string too_long(101, 'x');
  request.term = too_long;
  request.list.page_size = -1;
  EXPECT_THAT(ViolatedFields(entries().List(request)), UnorderedElementsAre("term", "page_size"));
}

}  // namespace
}  // namespace techmatch::usecases::testing
