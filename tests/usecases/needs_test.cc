// The needs use cases: who may write which need, registration windows, request-id replay, every
// bad field at once, the matching index following every write, and bulk imports.
#include "usecases/needs.h"

#include <deque>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/usecases/usecase_fixture.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class NeedsTest : public UseCaseTest {
 protected:
  NewNeed Input(const std::string& id, const std::string& owner = "acme") {
    NewNeed input;
    input.need = SampleNeed("", owner);
    input.need_id = ids_.emplace_back(id);
    return input;
  }

  Needs needs() { return Needs(repo(), engine(), tokens_); }

  // Keeps the strings the inputs' views point into.
  std::deque<std::string> ids_;
};

TEST_F(NeedsTest, EnterprisesWriteOnlyTheirOwnNeeds) {
  EXPECT_THAT(needs().Create(acme_, Input("mine")), IsOk());
  MustCreate(Enterprise("rival"));
  EXPECT_THAT(needs().Create(acme_, Input("theirs", "rival")),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("another organization")));
  EXPECT_THAT(needs().Create(organizer_, Input("for-rival", "rival")), IsOk());
  // Nor may they change, take over or withdraw another's.
  EXPECT_THAT(needs().Withdraw(acme_, "needs/for-rival", ""),
              StatusIs(absl::StatusCode::kPermissionDenied));
  NeedUpdate takeover;
  takeover.name = "needs/mine";
  takeover.paths = {"enterprise"};
  takeover.patch.enterprise_id = "rival";
  EXPECT_THAT(needs().Update(acme_, takeover), StatusIs(absl::StatusCode::kInvalidArgument));
  NeedUpdate retitle;
  retitle.name = "needs/for-rival";
  retitle.paths = {"title"};
  retitle.patch.listing.title = "新標題";
  EXPECT_THAT(needs().Update(acme_, retitle), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(needs().Update(organizer_, retitle), IsOk());
}

TEST_F(NeedsTest, EveryBadFieldIsReportedAtOnceAndNothingIsStored) {
  NewNeed input = Input("Bad Id");
  input.need.listing.title = "";
  input.conversion.Add("budget.nanos", "must be a whole number of fen");
  input.request_id = "has spaces";
  EXPECT_THAT(ViolatedFields(needs().Create(acme_, std::move(input))),
              UnorderedElementsAre("request_id", "need_id", "need.budget.nanos", "need.title"));
  EXPECT_EQ(engine().indexed_needs(), 0u);
}

TEST_F(NeedsTest, ARepeatedRequestIdReturnsTheFirstNeed) {
  NewNeed first = Input("");
  first.request_id = "6f1c2a9e-0000-4000-8000-000000000001";
  TM_ASSERT_OK_AND_ASSIGN(Need created, needs().Create(acme_, first));
  NewNeed again = Input("");
  again.request_id = first.request_id;
  TM_ASSERT_OK_AND_ASSIGN(Need replayed, needs().Create(acme_, again));
  EXPECT_EQ(replayed.meta.id, created.meta.id);
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Need> all, needs().List(organizer_, ListRequest{}, ""));
  EXPECT_EQ(all.items.size(), 1u);
}

TEST_F(NeedsTest, ClosedRegistrationTakesAnOrganizersLateFlag) {
  NewNeed input = Input("late");
  input.need.listing.event_ids = {"closed"};
  EXPECT_THAT(needs().Create(acme_, input),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("events/closed")));
  // Only organizers and administrators may register late, whatever the event.
  input.late_registration = true;
  EXPECT_THAT(needs().Create(acme_, input),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("late_registration")));
  TM_ASSERT_OK_AND_ASSIGN(Need created, needs().Create(organizer_, input));
  EXPECT_THAT(created.listing.late_event_ids, ElementsAre("closed"));
  // Adding a closed event later is the same rule.
  TM_ASSERT_OK_AND_ASSIGN(Need open, needs().Create(acme_, Input("open")));
  NeedUpdate update;
  update.name = "needs/open";
  update.paths = {"events"};
  update.patch.listing.event_ids = {"fair", "closed"};
  EXPECT_THAT(needs().Update(acme_, update), StatusIs(absl::StatusCode::kFailedPrecondition));
  update.late_registration = true;
  TM_ASSERT_OK_AND_ASSIGN(Need moved, needs().Update(admin_, update));
  EXPECT_THAT(moved.listing.late_event_ids, ElementsAre("closed"));
  EXPECT_EQ(open.meta.id, moved.meta.id);
}

TEST_F(NeedsTest, TheMatchingIndexFollowsEveryWrite) {
  TM_ASSERT_OK_AND_ASSIGN(Need created, needs().Create(acme_, Input("pit")));
  EXPECT_EQ(engine().indexed_needs(), 1u);
  TM_ASSERT_OK_AND_ASSIGN(std::vector<SearchHit> hits, engine().SearchNeeds("窖池", 10));
  ASSERT_EQ(hits.size(), 1u);
  TM_ASSERT_OK_AND_ASSIGN(Need withdrawn, needs().Withdraw(acme_, "needs/pit", Etag(created.meta)));
  EXPECT_EQ(withdrawn.state, NeedState::kWithdrawn);
  // Withdrawn needs no longer match.
  EXPECT_THAT(engine().MatchNeed(withdrawn, MatchOptions{}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(needs().Withdraw(acme_, "needs/pit", Etag(created.meta)),
              StatusIs(absl::StatusCode::kAborted));
}

TEST_F(NeedsTest, NamesAreChecked) {
  EXPECT_THAT(ViolatedFields(needs().Get(organizer_, "offerings/pit")), ElementsAre("name"));
  EXPECT_THAT(needs().Get(organizer_, "needs/none"), StatusIs(absl::StatusCode::kNotFound));
  NeedUpdate update;
  update.name = "pit";
  EXPECT_THAT(ViolatedFields(needs().Update(acme_, update)), ElementsAre("need.name"));
}

TEST_F(NeedsTest, ListsSearchByRelevanceWithTheirOwnPageTokens) {
  for (int i = 0; i < 3; ++i) {
    NewNeed input = Input(absl::StrCat("n", i));
    if (i == 1) input.need.listing.title = "锂电池正极材料回收";
    ASSERT_THAT(needs().Create(acme_, input), IsOk());
  }
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Need> found,
                          needs().List(organizer_, ListRequest{}, "锂电池回收"));
  ASSERT_FALSE(found.items.empty());
  EXPECT_EQ(found.items.front().meta.id, "n1");
  // A page token of a ranked list does not continue the plain list, nor the reverse.
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Need> first, needs().List(organizer_, {"", 1, ""}, ""));
  ASSERT_FALSE(first.next_page_token.empty());
  EXPECT_THAT(ViolatedFields(needs().List(organizer_, {"", 1, first.next_page_token}, "窖池")),
              ElementsAre("page_token"));
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Need> second,
                          needs().List(organizer_, {"", 1, first.next_page_token}, ""));
  EXPECT_EQ(second.items.front().meta.id, "n1");
}

// Rows as a transport hands them over.
class Rows final : public RowSource<ImportRow<Need>> {
 public:
  explicit Rows(std::vector<ImportRow<Need>> rows, absl::Status end = absl::OkStatus())
      : rows_(std::move(rows)), end_(std::move(end)) {}
  bool Next(ImportRow<Need>& row) override {
    if (next_ == rows_.size()) return false;
    row = rows_[next_++];
    return true;
  }
  absl::Status status() const override { return next_ == rows_.size() ? end_ : absl::OkStatus(); }

 private:
  std::vector<ImportRow<Need>> rows_;
  absl::Status end_;
  size_t next_ = 0;
};

TEST_F(NeedsTest, ImportRejectsBadRowsAndStoresTheRest) {
  MustCreate(Enterprise("rival"));
  std::vector<ImportRow<Need>> rows(6);
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i].record = SampleNeed("", "acme");
    rows[i].requested_id = absl::StrCat("row-", i);
  }
  rows[1].record.enterprise_id = "rival";  // another organization's
  rows[2].requested_id = "Not An Id";      // bad id
  rows[3].record.listing.event_ids = {"closed"};
  rows[3].late_registration = true;  // late, without the right
  rows[4].conversion.Add("budget.units", "is out of range");
  rows[5].requested_id = "row-0";  // a duplicate of the first
  rows[5].row_number = 60;
  Rows source(rows);
  TestCallState call;
  TM_ASSERT_OK_AND_ASSIGN(ImportSummary summary, needs().Import(acme_, source, call));
  EXPECT_EQ(summary.accepted_count, 1);
  EXPECT_THAT(summary.accepted_names, ElementsAre("needs/row-0"));
  EXPECT_EQ(summary.rejected_count, 5);
  ASSERT_EQ(summary.rejections.size(), 5u);
  std::vector<std::vector<std::string>> fields;
  std::vector<int64_t> row_numbers;
  for (const ImportRejection& rejection : summary.rejections) {
    row_numbers.push_back(rejection.row_number);
    fields.emplace_back();
    for (const FieldViolation& v : rejection.violations) fields.back().push_back(v.field);
  }
  // Rows without a number of their own are numbered by position; the duplicate is refused when
  // its batch is stored, after the rows refused on reading.
  EXPECT_THAT(row_numbers, ElementsAre(2, 3, 4, 5, 60));
  EXPECT_THAT(fields, ElementsAre(ElementsAre("enterprise"), ElementsAre("need_id"),
                                  ElementsAre("late_registration", "events[0]"),
                                  ElementsAre("budget.units"), ElementsAre("need_id")));
  EXPECT_EQ(engine().indexed_needs(), 1u);
}

// An import of many rows, most of them bad: the summary lists a bounded number of rejections
// and names (so it always fits a response) with the true counts and flags saying it was cut.
TEST_F(NeedsTest, ImportSummaryListsAreCappedWithTrueCounts) {
  constexpr int kRows = 14000;
  constexpr int kBad = 3000;
  std::vector<ImportRow<Need>> rows(kRows);
  for (int i = 0; i < kRows; ++i) {
    rows[i].record = SampleNeed("", "acme");
    if (i < kBad) rows[i].record.listing.title = "";  // the first 3,000 rows are bad
  }
  Rows source(rows);
  TestCallState call;
  TM_ASSERT_OK_AND_ASSIGN(ImportSummary summary, needs().Import(acme_, source, call));
  EXPECT_EQ(summary.accepted_count, kRows - kBad);
  EXPECT_EQ(summary.rejected_count, kBad);
  EXPECT_EQ(summary.rejections.size(), kMaxSummaryRejections);
  EXPECT_TRUE(summary.rejections_truncated);
  EXPECT_EQ(summary.rejections.back().row_number, static_cast<int64_t>(kMaxSummaryRejections));
  EXPECT_EQ(summary.accepted_names.size(), kMaxSummaryAcceptedNames);
  EXPECT_TRUE(summary.accepted_names_truncated);
  EXPECT_LE(summary.rejection_bytes, kMaxSummaryRejectionBytes);
}

TEST_F(NeedsTest, ImportStopsWhereTheInputOrTheCallerStops) {
  std::vector<ImportRow<Need>> rows(3);
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i].record = SampleNeed("", "acme");
    rows[i].requested_id = absl::StrCat("row-", i);
  }
  Rows broken(rows, absl::InvalidArgumentError("message 4 of the stream is not valid"));
  TestCallState waiting;
  EXPECT_THAT(needs().Import(acme_, broken, waiting),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("the 3 valid row(s) of the unfinished batch were not stored")));
  Rows cancelled(rows);
  TestCallState gone(/*wanted=*/2);
  EXPECT_THAT(needs().Import(acme_, cancelled, gone),
              StatusIs(absl::StatusCode::kCancelled,
                       HasSubstr("the import stopped after message 2 of the stream (row 2)")));
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Need> stored, needs().List(organizer_, ListRequest{}, ""));
  EXPECT_THAT(stored.items, IsEmpty());
}

}  // namespace
}  // namespace techmatch::usecases::testing
