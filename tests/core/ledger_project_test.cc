// Project rules of the programme ledger: fields, references, update mask, fund arrivals and
// their sum.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/ledger/project.h"
#include "core/ledger/record_fields.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/fake_reference_lookup.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::FakeReferenceLookup;
using ::techmatch::testing::Fields;
using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::techmatch::testing::Violation;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

const absl::Time kNow = absl::FromUnixSeconds(1'800'000'000);

Project Sample() {
  Project p;
  p.meta.id = "zc-017";
  p.title = "白酒固态发酵智能化关键技术";
  p.level = ProjectLevel::kNational;
  p.programme = "国家科技支撑计划";
  p.lead_organization_id = "acme";
  p.partner_ids = {"scu"};
  p.region_code = "510521";
  p.year = 2026;
  p.approved_minor = 300'000'000;
  return p;
}

TEST(ProjectTest, ASampleProjectIsValid) {
  Violations v;
  ValidateProject(Sample(), v);
  EXPECT_THAT(v.list(), IsEmpty());
}

TEST(ProjectTest, EveryBadFieldIsNamedAtOnce) {
  Project p;
  p.level = static_cast<ProjectLevel>(0);
  p.partner_ids = {"acme", "scu", "scu"};
  p.lead_organization_id = "";
  p.region_code = "5105";
  p.year = 1979;
  p.approved_minor = -1;
  Violations v;
  ValidateProject(p, v);
  EXPECT_THAT(Fields(v),
              UnorderedElementsAre("title", "level", "programme", "lead_organization",
                                   "partners[2]", "region_code", "year", "approved_funds"));
}

TEST(ProjectTest, APartnerIsNotTheLead) {
  Project p = Sample();
  p.partner_ids = {"scu", "acme"};
  Violations v;
  ValidateProject(p, v);
  EXPECT_THAT(v.list(), ElementsAre(Violation("partners[1]", HasSubstr("lead organization"))));
}

TEST(ProjectTest, TooManyPartnersAreRefusedWithoutLookingAtThem) {
  Project p = Sample();
  p.partner_ids.clear();
  for (size_t i = 0; i <= kMaxPartners; ++i) p.partner_ids.push_back("org" + std::to_string(i));
  Violations v;
  ValidateProject(p, v);
  EXPECT_THAT(Fields(v), ElementsAre("partners"));
  FakeReferenceLookup lookup;
  lookup.AddOrganization("acme", OrganizationKind::kEnterprise);
  Violations refs;
  ASSERT_THAT(CheckProjectReferences(p, lookup, refs), IsOk());
  EXPECT_THAT(refs.list(), IsEmpty());
}

TEST(ProjectTest, YearsAndRegionsAtTheirBounds) {
  for (int year : {kFirstLedgerYear, kLastLedgerYear}) {
    Project p = Sample();
    p.year = year;
    Violations v;
    ValidateProject(p, v);
    EXPECT_THAT(v.list(), IsEmpty()) << year;
  }
  for (const char* region : {"510000", "510500", "510521"}) {
    Project p = Sample();
    p.region_code = region;
    Violations v;
    ValidateProject(p, v);
    EXPECT_THAT(v.list(), IsEmpty()) << region;
  }
  for (const char* region : {"", "001234", "51052a", "5105210"}) {
    Project p = Sample();
    p.region_code = region;
    Violations v;
    ValidateProject(p, v);
    EXPECT_THAT(Fields(v), ElementsAre("region_code")) << region;
  }
}

TEST(ProjectTest, UnknownOrganizationsAreNamed) {
  FakeReferenceLookup lookup;
  lookup.AddOrganization("acme", OrganizationKind::kEnterprise);
  Project p = Sample();
  p.partner_ids = {"ghost", "acme-2"};
  Violations v;
  ASSERT_THAT(CheckProjectReferences(p, lookup, v), IsOk());
  EXPECT_THAT(Fields(v), ElementsAre("partners[0]", "partners[1]"));
  p.lead_organization_id = "nobody";
  Violations lead;
  ASSERT_THAT(CheckProjectReferences(p, lookup, lead), IsOk());
  EXPECT_THAT(lead.list().front(),
              Violation("lead_organization", HasSubstr("organizations/nobody")));
}

TEST(ProjectTest, ALookupFailureIsReturned) {
  FakeReferenceLookup lookup;
  lookup.FailWith(absl::UnavailableError("disk"));
  Violations v;
  EXPECT_THAT(CheckProjectReferences(Sample(), lookup, v),
              StatusIs(absl::StatusCode::kUnavailable));
}

TEST(ProjectTest, UpdateMaskCopiesMutableFieldsAndRefusesOutputOnlyOnes) {
  Project target = Sample();
  Project patch;
  patch.title = "新标题";
  patch.approved_minor = std::nullopt;
  patch.arrived_minor = 99;
  Violations v;
  ApplyProjectUpdate({"title", "approved_funds", "arrived_funds", "colour"}, patch, target, v);
  EXPECT_EQ(target.title, "新标题");
  EXPECT_EQ(target.approved_minor, std::nullopt);
  EXPECT_EQ(target.arrived_minor, 0);
  EXPECT_THAT(v.list(), ElementsAre(Violation("update_mask.paths[2]", HasSubstr("output only")),
                                    Violation("update_mask.paths[3]", HasSubstr("not a field"))));
}

TEST(ProjectTest, ArrivalsNeedAPositiveAmountAPastTimeAndAShortNote) {
  FundArrival a;
  a.amount_minor = 100;
  a.arrive_time = kNow - absl::Hours(1);
  Violations ok;
  ValidateFundArrivalAt(a, kNow, ok);
  EXPECT_THAT(ok.list(), IsEmpty());

  FundArrival bad;
  bad.amount_minor = 0;
  bad.note = std::string(kMaxArrivalNoteChars + 1, 'x');
  Violations v;
  ValidateFundArrivalAt(bad, kNow, v);
  EXPECT_THAT(Fields(v), ElementsAre("amount", "arrive_time", "note"));

  bad.amount_minor = -5;
  bad.arrive_time = kNow + kArriveTimeSkew + absl::Seconds(1);
  bad.note = "";
  Violations future;
  ValidateFundArrivalAt(bad, kNow, future);
  EXPECT_THAT(future.list(), ElementsAre(Violation("amount", HasSubstr("more than zero")),
                                         Violation("arrive_time", HasSubstr("future"))));
}

TEST(ProjectTest, ArrivalsAddUpExactlyAndFlagMoreThanApproved) {
  Project p = Sample();
  p.approved_minor = 1000;
  FundArrival a;
  a.amount_minor = 600;
  ASSERT_THAT(CountFundArrival(a, p), IsOk());
  EXPECT_FALSE(OverApproved(p));
  a.amount_minor = 400;
  ASSERT_THAT(CountFundArrival(a, p), IsOk());
  EXPECT_EQ(p.arrived_minor, 1000);
  EXPECT_FALSE(OverApproved(p));  // Exactly what was approved is not over it.
  a.amount_minor = 1;
  ASSERT_THAT(CountFundArrival(a, p), IsOk());
  EXPECT_EQ(p.arrived_minor, 1001);
  EXPECT_EQ(p.arrival_count, 3);
  EXPECT_TRUE(OverApproved(p));
  p.approved_minor = std::nullopt;
  EXPECT_FALSE(OverApproved(p));  // Nothing approved: nothing to exceed.
}

TEST(ProjectTest, ASumThatWouldOverflowIsRefusedAndChangesNothing) {
  Project p = Sample();
  p.arrived_minor = std::numeric_limits<int64_t>::max() - 10;
  p.arrival_count = 7;
  FundArrival a;
  a.amount_minor = 11;
  EXPECT_THAT(CountFundArrival(a, p), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_EQ(p.arrived_minor, std::numeric_limits<int64_t>::max() - 10);
  EXPECT_EQ(p.arrival_count, 7);
  a.amount_minor = 10;
  EXPECT_THAT(CountFundArrival(a, p), IsOk());
  EXPECT_EQ(p.arrived_minor, std::numeric_limits<int64_t>::max());
}

TEST(ProjectTest, ArrivalIdsSortInRecordingOrder) {
  EXPECT_EQ(FundArrivalId(1), "000001");
  EXPECT_EQ(FundArrivalId(42), "000042");
  EXPECT_LT(FundArrivalId(9), FundArrivalId(10));
}

TEST(ProjectTest, LevelNamesRoundTrip) {
  for (const std::string& name : ProjectLevelNames()) {
    ASSERT_TRUE(ProjectLevelFromName(name).has_value()) << name;
    EXPECT_EQ(ProjectLevelName(*ProjectLevelFromName(name)), name);
  }
  EXPECT_FALSE(ProjectLevelFromName("CITY").has_value());
}

}  // namespace
}  // namespace techmatch
