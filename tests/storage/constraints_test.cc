// What the schema refuses on its own, and batch creates that keep the good rows.
#include <string>
#include <vector>

#include "SQLiteCpp/Database.h"
#include "SQLiteCpp/Exception.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

class ConstraintsTest : public testing::RepositoryTest {
 protected:
  void SetUp() override {
    RepositoryTest::SetUp();
    MustCreate(Enterprise("ent"));
    MustCreate(University("uni"));
    MustCreate(Fair("fair"));
  }

  // Runs `sql` on a connection of its own, as a tool or a bug would; true when SQLite refused it.
  bool Refused(const std::string& sql) {
    SQLite::Database db(db_path_, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    try {
      db.exec(sql);
    } catch (const SQLite::Exception& e) {
      return true;
    }
    return false;
  }

  static std::string NeedInsert(const std::string& id, const std::string& budget,
                                const std::string& min_trl, const std::string& title = "'T'",
                                const std::string& state = "'OPEN'",
                                const std::string& enterprise = "'ent'") {
    return "INSERT INTO needs (id, enterprise_id, title, description, keywords, industries, "
           "cooperation_modes, events, budget_minor, min_trl, state, create_time, update_time, "
           "revision) VALUES ('" +
           id + "', " + enterprise + ", " + title + ", '', '', 'liquor', '', '', " + budget + ", " +
           min_trl + ", " + state + ", 1, 1, 1)";
  }
  static std::string OfferingInsert(const std::string& id, const std::string& trl,
                                    const std::string& price) {
    return "INSERT INTO offerings (id, institute_id, title, description, keywords, industries, "
           "cooperation_modes, events, trl, patents, asking_price_minor, state, create_time, "
           "update_time, revision) VALUES ('" +
           id + "', 'uni', 'T', '', '', 'liquor', '', '', " + trl + ", '', " + price +
           ", 'AVAILABLE', 1, 1, 1)";
  }
};

TEST_F(ConstraintsTest, SchemaRefusesWhatMustNeverBeStored) {
  // The valid row goes in, so each refusal below is the constraint under test.
  EXPECT_FALSE(Refused(NeedInsert("valid", "0", "9")));
  EXPECT_FALSE(Refused(OfferingInsert("valid", "1", "NULL")));

  EXPECT_TRUE(Refused(NeedInsert("neg-budget", "-1", "NULL")));
  EXPECT_TRUE(Refused(NeedInsert("trl-0", "NULL", "0")));
  EXPECT_TRUE(Refused(NeedInsert("trl-10", "NULL", "10")));
  EXPECT_TRUE(Refused(OfferingInsert("trl-10", "10", "NULL")));
  EXPECT_TRUE(Refused(OfferingInsert("trl-0", "0", "NULL")));
  EXPECT_TRUE(Refused(OfferingInsert("neg-price", "5", "-100")));
  EXPECT_TRUE(Refused(OfferingInsert("text-trl", "'five'", "NULL")));  // STRICT typing.
  EXPECT_TRUE(Refused(NeedInsert("empty-title", "NULL", "NULL", "''")));
  EXPECT_TRUE(Refused(NeedInsert("long-title", "NULL", "NULL", "'" + std::string(201, 'x') + "'")));
  EXPECT_FALSE(Refused(NeedInsert(
      "cjk-title", "NULL", "NULL", "'" + [] {
        std::string s;
        for (int i = 0; i < 200; ++i) s += "酒";
        return s;
      }() + "'")));
  EXPECT_TRUE(Refused(NeedInsert("bad-state", "NULL", "NULL", "'T'", "'DELETED'")));
  EXPECT_TRUE(Refused(NeedInsert("Bad_Id", "NULL", "NULL")));
  EXPECT_TRUE(Refused(NeedInsert("-leading", "NULL", "NULL")));
  EXPECT_TRUE(Refused(
      "INSERT INTO organizations (id, display_name, kind, region_code, industries, create_time, "
      "update_time, revision) VALUES ('o1', 'X', 'ALIEN', '', '', 1, 1, 1)"));
  EXPECT_TRUE(Refused(
      "INSERT INTO organizations (id, display_name, kind, region_code, industries, create_time, "
      "update_time, revision) VALUES ('o2', 'X', 'ENTERPRISE', '51050', '', 1, 1, 1)"));
  EXPECT_TRUE(Refused(
      "INSERT INTO organizations (id, display_name, kind, region_code, industries, create_time, "
      "update_time, revision) VALUES ('o3', 'X', 'ENTERPRISE', '51050a', '', 1, 1, 1)"));
  EXPECT_FALSE(Refused(
      "INSERT INTO organizations (id, display_name, kind, region_code, industries, create_time, "
      "update_time, revision) VALUES ('o4', 'X', 'ENTERPRISE', '510502', '', 1, 1, 1)"));
}

TEST_F(ConstraintsTest, ForeignKeysAreEnforced) {
  EXPECT_TRUE(Refused(NeedInsert("ghost-owner", "NULL", "NULL", "'T'", "'OPEN'", "'nobody'")));
  EXPECT_TRUE(
      Refused("INSERT INTO need_industries (need_id, industry_code) VALUES "
              "('nope', 'liquor')"));

  Need unknown_enterprise = SampleNeed("n1", "nobody");
  EXPECT_THAT(repo().CreateNeed(unknown_enterprise, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("needs/n1")));
  Need unknown_industry = SampleNeed("n2", "ent");
  unknown_industry.listing.industry_codes = {"liquor", "spaceflight"};
  EXPECT_THAT(repo().CreateNeed(unknown_industry, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  Need unknown_event = SampleNeed("n3", "ent");
  unknown_event.listing.event_ids = {"no-fair"};
  EXPECT_THAT(repo().CreateNeed(unknown_event, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  // Nothing of the failed creates remains, not even their join rows.
  for (const char* id : {"n1", "n2", "n3"}) {
    EXPECT_THAT(repo().GetNeed(id), StatusIs(absl::StatusCode::kNotFound));
  }
  SQLite::Database db(db_path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM need_industries").getInt(), 0);

  Organization orphan = University("orphan");
  orphan.parent_id = "no-parent";
  EXPECT_THAT(repo().CreateOrganization(orphan, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  Event event = Fair("by-ghost");
  event.organizer_ids = {"ghost"};
  EXPECT_THAT(repo().CreateEvent(event, {}), StatusIs(absl::StatusCode::kFailedPrecondition));

  // A replace that would break a reference changes nothing.
  Need good = SampleNeed("good", "ent");
  TM_ASSERT_OK_AND_ASSIGN(Need created, repo().CreateNeed(good, {}));
  created.listing.industry_codes = {"nowhere"};
  EXPECT_THAT(repo().ReplaceNeed(created, 1), StatusIs(absl::StatusCode::kFailedPrecondition));
  TM_ASSERT_OK_AND_ASSIGN(Need unchanged, repo().GetNeed("good"));
  EXPECT_EQ(unchanged.listing.industry_codes, good.listing.industry_codes);
  EXPECT_EQ(unchanged.meta.revision, 1);
}

TEST_F(ConstraintsTest, ValuesThatCannotRoundTripAreRefused) {
  Need need = SampleNeed("sep", "ent");
  need.listing.keywords = {
      "a\x1F"
      "b"};
  EXPECT_THAT(repo().CreateNeed(need, {}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("keywords[0]")));
  Offering offering = SampleOffering("empty-patent", "uni");
  offering.patents = {"CN1", ""};
  EXPECT_THAT(repo().CreateOffering(offering, {}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("patents[1]")));
}

TEST_F(ConstraintsTest, BatchKeepsGoodRowsAroundAFailingOne) {
  std::vector<Need> needs;
  for (int i = 0; i < 5; ++i) needs.push_back(SampleNeed("batch-" + std::to_string(i), "ent"));
  needs[2].meta.id = "batch-1";       // A duplicate in the middle.
  needs[3].enterprise_id = "nobody";  // And a broken reference.
  TM_ASSERT_OK_AND_ASSIGN(auto results, repo().CreateNeeds(needs));
  ASSERT_EQ(results.size(), 5u);
  EXPECT_THAT(results[0], IsOk());
  EXPECT_THAT(results[1], IsOk());
  EXPECT_THAT(results[2],
              StatusIs(absl::StatusCode::kAlreadyExists, "needs/batch-1 already exists"));
  EXPECT_THAT(results[3], StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(results[4], IsOk());
  EXPECT_EQ(results[4]->meta.revision, 1);

  Reopen();  // Durable: the accepted rows are there after a restart.
  for (const char* id : {"batch-0", "batch-1", "batch-4"}) {
    EXPECT_THAT(repo().GetNeed(id), IsOk()) << id;
  }
  EXPECT_THAT(repo().GetNeed("batch-3"), StatusIs(absl::StatusCode::kNotFound));
  TM_ASSERT_OK_AND_ASSIGN(Need one, repo().GetNeed("batch-1"));
  EXPECT_EQ(one.listing.title, needs[1].listing.title);
  // The duplicate's join rows did not land either (batch-1's set is its own).
  SQLite::Database db(db_path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM need_industries").getInt(), 3 * 2);
}

TEST_F(ConstraintsTest, OfferingBatchWithDuplicateOfExistingRecord) {
  ASSERT_THAT(repo().CreateOffering(SampleOffering("existing", "uni"), {}), IsOk());
  std::vector<Offering> offerings = {SampleOffering("new-1", "uni"),
                                     SampleOffering("existing", "uni"),
                                     SampleOffering("new-2", "uni")};
  TM_ASSERT_OK_AND_ASSIGN(auto results, repo().CreateOfferings(offerings));
  ASSERT_EQ(results.size(), 3u);
  EXPECT_THAT(results[0], IsOk());
  EXPECT_THAT(results[1], StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(results[2], IsOk());
  Reopen();
  EXPECT_THAT(repo().GetOffering("new-1"), IsOk());
  EXPECT_THAT(repo().GetOffering("new-2"), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(auto empty, repo().CreateOfferings({}));
  EXPECT_TRUE(empty.empty());
}

}  // namespace
}  // namespace techmatch::storage
