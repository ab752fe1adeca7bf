// Validation, referential rules, update masks and state machines of needs, offerings,
// organizations, events and industries.
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/events/event.h"
#include "core/listings/listing.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"
#include "core/reference/cooperation_mode.h"
#include "core/reference/industry.h"
#include "core/reference/organization.h"
#include "core/reference/reference_lookup.h"
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
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::string Repeat(absl::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) absl::StrAppend(&out, s);
  return out;
}

absl::Time At(int year, int month, int day, int hour = 0) {
  return absl::FromCivil(absl::CivilSecond(year, month, day, hour, 0, 0), absl::UTCTimeZone());
}

Need ValidNeed() {
  Need need;
  need.meta.id = "cellar-microbes";
  need.meta.revision = 1;
  need.enterprise_id = "lzlj";
  need.listing.title = "濃香型白酒窖池微生物調控";
  need.listing.description = "窖池老化導致己酸菌減少。\n同时探索纤维素乙醇。";
  need.listing.keywords = {"窖池", "微生物"};
  need.listing.industry_codes = {"liquor", "agriculture"};
  need.listing.cooperation_modes = {CooperationMode::kJointDevelopment};
  need.budget_minor = 230000050;
  need.min_trl = 4;
  return need;
}

Offering ValidOffering() {
  Offering offering;
  offering.meta.id = "scu-2026-017";
  offering.meta.revision = 1;
  offering.institute_id = "scu";
  offering.listing.title = "窖泥功能菌群強化技術";
  offering.listing.industry_codes = {"liquor"};
  offering.trl = 6;
  offering.patents = {"ZL201910123456.7"};
  offering.asking_price_minor = 50000000;
  return offering;
}

Organization ValidOrganization() {
  Organization org;
  org.meta.id = "lzlj";
  org.display_name = "瀘州老窖股份有限公司";
  org.kind = OrganizationKind::kEnterprise;
  org.region_code = "510500";
  org.industry_codes = {"liquor"};
  return org;
}

Event ValidEvent() {
  Event event;
  event.meta.id = "2026-autumn-fair";
  event.display_name = "2026年產學研合作洽談會";
  event.location = "瀘州";
  event.start_time = At(2026, 11, 1, 1);
  event.end_time = At(2026, 11, 2, 9);
  event.registration_close_time = At(2026, 10, 25);
  return event;
}

FakeReferenceLookup Lookup() {
  FakeReferenceLookup lookup;
  lookup.AddOrganization("lzlj", OrganizationKind::kEnterprise);
  lookup.AddOrganization("scu", OrganizationKind::kUniversity);
  lookup.AddOrganization("scu-brewing-lab", OrganizationKind::kResearchInstitute);
  lookup.AddOrganization("lz-gov", OrganizationKind::kGovernment);
  lookup.AddOrganization("lz-bank", OrganizationKind::kFinancialInstitution);
  lookup.AddEvent("2026-autumn-fair");
  return lookup;
}

// ---- Enum names ------------------------------------------------------------------------------

TEST(EnumNamesTest, NeedStates) {
  EXPECT_EQ(NeedStateName(NeedState::kOpen), "OPEN");
  EXPECT_EQ(NeedStateName(NeedState::kWithdrawn), "WITHDRAWN");
  EXPECT_EQ(NeedStateName(NeedState::kClosed), "CLOSED");
  EXPECT_EQ(NeedStateFromName("CLOSED"), NeedState::kClosed);
  EXPECT_EQ(NeedStateFromName("open"), std::nullopt);
  EXPECT_EQ(NeedStateFromName("STATE_UNSPECIFIED"), std::nullopt);
  EXPECT_THAT(NeedStateNames(),
              ElementsAre("OPEN", "WITHDRAWN", "CLOSED", "SUBMITTED", "RETURNED"));
}

TEST(EnumNamesTest, OfferingStates) {
  EXPECT_EQ(OfferingStateName(OfferingState::kAvailable), "AVAILABLE");
  EXPECT_EQ(OfferingStateFromName("WITHDRAWN"), OfferingState::kWithdrawn);
  EXPECT_THAT(OfferingStateNames(), ElementsAre("AVAILABLE", "WITHDRAWN", "SUBMITTED", "RETURNED"));
}

TEST(EnumNamesTest, OrganizationKinds) {
  EXPECT_THAT(OrganizationKindNames(),
              ElementsAre("ENTERPRISE", "UNIVERSITY", "RESEARCH_INSTITUTE", "GOVERNMENT",
                          "INTERMEDIARY", "FINANCIAL_INSTITUTION"));
  for (const std::string& name : OrganizationKindNames()) {
    std::optional<OrganizationKind> kind = OrganizationKindFromName(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_EQ(OrganizationKindName(*kind), name);
  }
  EXPECT_EQ(OrganizationKindFromName("Enterprise"), std::nullopt);
}

TEST(EnumNamesTest, CooperationModes) {
  const std::vector<std::pair<CooperationMode, std::string>> modes = {
      {CooperationMode::kTransfer, "TRANSFER"},
      {CooperationMode::kLicense, "LICENSE"},
      {CooperationMode::kJointDevelopment, "JOINT_DEVELOPMENT"},
      {CooperationMode::kTechnicalService, "TECHNICAL_SERVICE"},
      {CooperationMode::kConsulting, "CONSULTING"},
      {CooperationMode::kEquityInvestment, "EQUITY_INVESTMENT"},
  };
  for (const auto& [mode, name] : modes) {
    EXPECT_EQ(CooperationModeName(mode), name);
    EXPECT_EQ(CooperationModeFromName(name), mode);
  }
  EXPECT_EQ(CooperationModeFromName("COOPERATION_MODE_UNSPECIFIED"), std::nullopt);
}

TEST(CooperationModeTest, RejectsRepeats) {
  Violations violations;
  CheckCooperationModes(
      "cooperation_modes",
      {CooperationMode::kTransfer, CooperationMode::kLicense, CooperationMode::kTransfer},
      violations);
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("cooperation_modes[2]", HasSubstr("repeats"))));
}

// ---- Needs -----------------------------------------------------------------------------------

TEST(NeedTest, ValidNeedPasses) {
  Violations violations;
  ValidateNeed(ValidNeed(), violations);
  EXPECT_THAT(violations.list(), IsEmpty());
  Need minimal;
  minimal.enterprise_id = "lzlj";
  minimal.listing.title = "x";
  minimal.listing.industry_codes = {"liquor"};
  ValidateNeed(minimal, violations);
  EXPECT_THAT(violations.list(), IsEmpty());
}

TEST(NeedTest, ReportsEveryBadFieldAtOnce) {
  Need need = ValidNeed();
  need.enterprise_id = "";
  need.listing.title = "";
  need.listing.description = Repeat("窖", 20001);
  need.listing.keywords = {"窖池", "窖池"};
  need.listing.industry_codes = {};
  need.listing.cooperation_modes = {CooperationMode::kLicense, CooperationMode::kLicense};
  need.listing.event_ids = {"2026-autumn-fair", "2026-autumn-fair"};
  need.min_trl = 10;
  need.budget_minor = -1;
  Violations violations;
  ValidateNeed(need, violations);
  EXPECT_THAT(
      Fields(violations),
      UnorderedElementsAre("enterprise", "title", "description", "keywords[1]", "industries",
                           "cooperation_modes[1]", "events[1]", "min_trl", "budget"));
}

TEST(NeedTest, TitleRules) {
  for (const auto& [title, ok] :
       std::vector<std::pair<std::string, bool>>{{Repeat("酒", 200), true},
                                                 {Repeat("酒", 201), false},
                                                 {"", false},
                                                 {"two\nlines", false},
                                                 {"bad\xff", false},
                                                 {"濃香型 baijiu 2026", true}}) {
    Need need = ValidNeed();
    need.listing.title = title;
    Violations violations;
    ValidateNeed(need, violations);
    if (ok) {
      EXPECT_THAT(violations.list(), IsEmpty()) << title;
    } else {
      EXPECT_THAT(Fields(violations), ElementsAre("title")) << title;
    }
  }
}

TEST(NeedTest, MinTrlIsOptionalButWithinOneToNine) {
  for (int trl : {1, 9}) {
    Need need = ValidNeed();
    need.min_trl = trl;
    Violations violations;
    ValidateNeed(need, violations);
    EXPECT_THAT(violations.list(), IsEmpty()) << trl;
  }
  for (int trl : {0, -1, 10}) {
    Need need = ValidNeed();
    need.min_trl = trl;
    Violations violations;
    ValidateNeed(need, violations);
    EXPECT_THAT(violations.list(), ElementsAre(Violation("min_trl", HasSubstr("between 1 and 9"))))
        << trl;
  }
  Need none = ValidNeed();
  none.min_trl.reset();
  none.budget_minor.reset();
  Violations violations;
  ValidateNeed(none, violations);
  EXPECT_THAT(violations.list(), IsEmpty());
}

TEST(NeedTest, RepeatedIndustriesAreReportedByIndex) {
  Need need = ValidNeed();
  need.listing.industry_codes = {"liquor", "energy", "liquor"};
  Violations violations;
  ValidateNeed(need, violations);
  EXPECT_THAT(violations.list(), ElementsAre(Violation("industries[2]", HasSubstr("repeats"))));
}

TEST(NeedTest, ReferencesOfAValidNeedResolve) {
  FakeReferenceLookup lookup = Lookup();
  Need need = ValidNeed();
  need.listing.event_ids = {"2026-autumn-fair"};
  Violations violations;
  EXPECT_THAT(CheckNeedReferences(need, lookup, violations), IsOk());
  EXPECT_THAT(violations.list(), IsEmpty());
}

TEST(NeedTest, ReportsEveryBadReference) {
  FakeReferenceLookup lookup = Lookup();
  Need need = ValidNeed();
  need.enterprise_id = "nobody";
  need.listing.industry_codes = {"liquor", "no-such-industry", "aerospace"};
  need.listing.event_ids = {"2026-autumn-fair", "2019-fair"};
  Violations violations;
  EXPECT_THAT(CheckNeedReferences(need, lookup, violations), IsOk());
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("enterprise", HasSubstr("unknown organization")),
                          Violation("industries[1]",
                                    HasSubstr("unknown industry 'industries/no-such-industry'")),
                          Violation("industries[2]", HasSubstr("industries/aerospace")),
                          Violation("events[1]", HasSubstr("unknown event 'events/2019-fair'"))));
}

TEST(NeedTest, EnterpriseMustBeAnEnterprise) {
  FakeReferenceLookup lookup = Lookup();
  for (const char* id : {"scu", "lz-gov", "lz-bank"}) {
    Need need = ValidNeed();
    need.enterprise_id = id;
    Violations violations;
    EXPECT_THAT(CheckNeedReferences(need, lookup, violations), IsOk());
    EXPECT_THAT(violations.list(),
                ElementsAre(Violation("enterprise", HasSubstr("must be an ENTERPRISE"))))
        << id;
  }
}

TEST(NeedTest, LookupFailuresAreReturnedNotReported) {
  FakeReferenceLookup lookup = Lookup();
  lookup.FailWith(absl::UnavailableError("database is locked"));
  Violations violations;
  EXPECT_THAT(CheckNeedReferences(ValidNeed(), lookup, violations),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(violations.list(), IsEmpty());
}

TEST(NeedUpdateTest, CopiesOnlyTheNamedFields) {
  Need target = ValidNeed();
  Need patch;
  patch.listing.title = "纤维素乙醇中試";
  patch.listing.description = "changed";
  patch.budget_minor = 100;
  Violations violations;
  ApplyNeedUpdate({"title", "budget"}, patch, target, violations);
  EXPECT_THAT(violations.list(), IsEmpty());
  EXPECT_EQ(target.listing.title, "纤维素乙醇中試");
  EXPECT_EQ(target.budget_minor, 100);
  EXPECT_EQ(target.listing.description, ValidNeed().listing.description);
  EXPECT_EQ(target.min_trl, 4);
}

TEST(NeedUpdateTest, EveryMutablePathCopies) {
  Need patch;
  patch.listing.title = "t";
  patch.listing.description = "d";
  patch.listing.keywords = {"k"};
  patch.listing.industry_codes = {"energy"};
  patch.listing.cooperation_modes = {CooperationMode::kConsulting};
  patch.listing.event_ids = {"e"};
  patch.budget_minor = std::nullopt;
  patch.min_trl = 7;
  Need target = ValidNeed();
  Violations violations;
  ApplyNeedUpdate({"title", "description", "keywords", "industries", "cooperation_modes", "events",
                   "budget", "min_trl"},
                  patch, target, violations);
  EXPECT_THAT(violations.list(), IsEmpty());
  EXPECT_EQ(target.listing.title, "t");
  EXPECT_EQ(target.listing.description, "d");
  EXPECT_THAT(target.listing.keywords, ElementsAre("k"));
  EXPECT_THAT(target.listing.industry_codes, ElementsAre("energy"));
  EXPECT_THAT(target.listing.cooperation_modes, ElementsAre(CooperationMode::kConsulting));
  EXPECT_THAT(target.listing.event_ids, ElementsAre("e"));
  EXPECT_EQ(target.budget_minor, std::nullopt);  // Cleared.
  EXPECT_EQ(target.min_trl, 7);
}

TEST(NeedUpdateTest, StarCopiesEveryMutableFieldButNotFixedOnes) {
  Need patch = ValidNeed();
  patch.meta.id = "other";
  patch.enterprise_id = "other-enterprise";
  patch.state = NeedState::kClosed;
  patch.listing.title = "新標題";
  patch.min_trl = 2;
  Need target = ValidNeed();
  target.listing.title = "old";
  Violations violations;
  ApplyNeedUpdate({"*"}, patch, target, violations);
  EXPECT_THAT(violations.list(), IsEmpty());
  EXPECT_EQ(target.listing.title, "新標題");
  EXPECT_EQ(target.min_trl, 2);
  EXPECT_EQ(target.meta.id, "cellar-microbes");
  EXPECT_EQ(target.enterprise_id, "lzlj");
  EXPECT_EQ(target.state, NeedState::kOpen);
}

TEST(NeedUpdateTest, RejectsOutputOnlyImmutableAndUnknownPaths) {
  Need patch = ValidNeed();
  patch.state = NeedState::kWithdrawn;
  patch.enterprise_id = "other";
  patch.listing.title = "changed";
  Need target = ValidNeed();
  Violations violations;
  ApplyNeedUpdate({"state", "title", "enterprise", "colour", "create_time", "name", "etag",
                   "update_time", "listing.title"},
                  patch, target, violations);
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("update_mask.paths[0]", HasSubstr("'state' is output only")),
                          Violation("update_mask.paths[2]", HasSubstr("immutable")),
                          Violation("update_mask.paths[3]", HasSubstr("not a field")),
                          Violation("update_mask.paths[4]", HasSubstr("output only")),
                          Violation("update_mask.paths[5]", HasSubstr("output only")),
                          Violation("update_mask.paths[6]", HasSubstr("output only")),
                          Violation("update_mask.paths[7]", HasSubstr("output only")),
                          Violation("update_mask.paths[8]", HasSubstr("not a field"))));
  EXPECT_EQ(target.state, NeedState::kOpen);
  EXPECT_EQ(target.enterprise_id, "lzlj");
}

TEST(NeedStateTest, WithdrawOnceThenFailedPrecondition) {
  Need need = ValidNeed();
  EXPECT_THAT(CheckNeedEditable(need), IsOk());
  EXPECT_THAT(WithdrawNeed(need), IsOk());
  EXPECT_EQ(need.state, NeedState::kWithdrawn);
  EXPECT_THAT(WithdrawNeed(need), StatusIs(absl::StatusCode::kFailedPrecondition,
                                           HasSubstr("'needs/cellar-microbes' is WITHDRAWN")));
  EXPECT_EQ(need.state, NeedState::kWithdrawn);
  EXPECT_THAT(CheckNeedEditable(need), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(NeedStateTest, ClosedNeedsCannotBeWithdrawnOrEdited) {
  Need need = ValidNeed();
  need.state = NeedState::kClosed;
  EXPECT_THAT(WithdrawNeed(need),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("CLOSED")));
  EXPECT_EQ(need.state, NeedState::kClosed);
  EXPECT_THAT(CheckNeedEditable(need), StatusIs(absl::StatusCode::kFailedPrecondition));
}

// ---- Offerings -------------------------------------------------------------------------------

TEST(OfferingTest, ValidOfferingPasses) {
  Violations violations;
  ValidateOffering(ValidOffering(), violations);
  EXPECT_THAT(violations.list(), IsEmpty());
}

TEST(OfferingTest, ReportsEveryBadFieldAtOnce) {
  Offering offering = ValidOffering();
  offering.institute_id = "";
  offering.listing.title = Repeat("菌", 201);
  offering.listing.industry_codes = {};
  offering.trl = 0;
  offering.patents = {"ZL1", "", Repeat("Z", 65)};
  offering.asking_price_minor = -100;
  Violations violations;
  ValidateOffering(offering, violations);
  EXPECT_THAT(violations.list(),
              UnorderedElementsAre(Violation("institute", "is required"),
                                   Violation("title", HasSubstr("at most 200")),
                                   Violation("industries", HasSubstr("at least one")),
                                   Violation("trl", HasSubstr("is required")),
                                   Violation("patents[1]", "is required"),
                                   Violation("patents[2]", HasSubstr("at most 64")),
                                   Violation("asking_price", HasSubstr("negative"))));
}

TEST(OfferingTest, TrlWithinOneToNine) {
  for (int trl : {1, 9}) {
    Offering offering = ValidOffering();
    offering.trl = trl;
    Violations violations;
    ValidateOffering(offering, violations);
    EXPECT_THAT(violations.list(), IsEmpty()) << trl;
  }
  for (int trl : {-1, 10, 100}) {
    Offering offering = ValidOffering();
    offering.trl = trl;
    Violations violations;
    ValidateOffering(offering, violations);
    EXPECT_THAT(violations.list(),
                ElementsAre(Violation("trl", HasSubstr(absl::StrCat("got ", trl)))));
  }
}

TEST(OfferingTest, LimitsThePatentCount) {
  Offering offering = ValidOffering();
  offering.patents.assign(101, "ZL201910123456.7");
  Violations violations;
  ValidateOffering(offering, violations);
  EXPECT_THAT(violations.list(), ElementsAre(Violation("patents", HasSubstr("at most 100"))));
}

TEST(OfferingTest, InstituteKinds) {
  FakeReferenceLookup lookup = Lookup();
  lookup.AddOrganization("fund", OrganizationKind::kIntermediary);
  for (const char* id : {"scu", "scu-brewing-lab", "lzlj"}) {
    Offering offering = ValidOffering();
    offering.institute_id = id;
    Violations violations;
    EXPECT_THAT(CheckOfferingReferences(offering, lookup, violations), IsOk());
    EXPECT_THAT(violations.list(), IsEmpty()) << id;
  }
  for (const char* id : {"lz-gov", "lz-bank", "fund"}) {
    Offering offering = ValidOffering();
    offering.institute_id = id;
    Violations violations;
    EXPECT_THAT(CheckOfferingReferences(offering, lookup, violations), IsOk());
    EXPECT_THAT(violations.list(),
                ElementsAre(Violation("institute",
                                      HasSubstr("UNIVERSITY, RESEARCH_INSTITUTE or ENTERPRISE"))))
        << id;
  }
  Offering unknown = ValidOffering();
  unknown.institute_id = "nobody";
  unknown.listing.industry_codes = {"nope"};
  unknown.listing.event_ids = {"nope"};
  Violations violations;
  EXPECT_THAT(CheckOfferingReferences(unknown, lookup, violations), IsOk());
  EXPECT_THAT(Fields(violations), ElementsAre("institute", "industries[0]", "events[0]"));
}

TEST(OfferingUpdateTest, MutableAndFixedPaths) {
  Offering patch;
  patch.trl = 8;
  patch.patents = {"ZL2"};
  patch.asking_price_minor = 1;
  patch.institute_id = "other";
  Offering target = ValidOffering();
  Violations violations;
  ApplyOfferingUpdate({"trl", "patents", "asking_price", "institute", "state", "budget"}, patch,
                      target, violations);
  EXPECT_EQ(target.trl, 8);
  EXPECT_THAT(target.patents, ElementsAre("ZL2"));
  EXPECT_EQ(target.asking_price_minor, 1);
  EXPECT_EQ(target.institute_id, "scu");
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("update_mask.paths[3]", HasSubstr("immutable")),
                          Violation("update_mask.paths[4]", HasSubstr("output only")),
                          Violation("update_mask.paths[5]", HasSubstr("not a field"))));
}

TEST(OfferingUpdateTest, StarKeepsInstituteAndState) {
  Offering patch = ValidOffering();
  patch.institute_id = "other";
  patch.state = OfferingState::kWithdrawn;
  patch.listing.title = "新";
  patch.trl = 3;
  Offering target = ValidOffering();
  Violations violations;
  ApplyOfferingUpdate({"*"}, patch, target, violations);
  EXPECT_THAT(violations.list(), IsEmpty());
  EXPECT_EQ(target.listing.title, "新");
  EXPECT_EQ(target.trl, 3);
  EXPECT_EQ(target.institute_id, "scu");
  EXPECT_EQ(target.state, OfferingState::kAvailable);
}

TEST(OfferingStateTest, WithdrawOnceThenFailedPrecondition) {
  Offering offering = ValidOffering();
  EXPECT_THAT(CheckOfferingEditable(offering), IsOk());
  EXPECT_THAT(WithdrawOffering(offering), IsOk());
  EXPECT_EQ(offering.state, OfferingState::kWithdrawn);
  EXPECT_THAT(WithdrawOffering(offering),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("'offerings/scu-2026-017' is WITHDRAWN")));
  EXPECT_THAT(CheckOfferingEditable(offering), StatusIs(absl::StatusCode::kFailedPrecondition));
}

// ---- Organizations ---------------------------------------------------------------------------

TEST(OrganizationTest, ValidOrganizationPasses) {
  Violations violations;
  ValidateOrganization(ValidOrganization(), violations);
  Organization no_region = ValidOrganization();
  no_region.region_code = "";
  ValidateOrganization(no_region, violations);
  EXPECT_THAT(violations.list(), IsEmpty());
}

TEST(OrganizationTest, ReportsEveryBadFieldAtOnce) {
  Organization org = ValidOrganization();
  org.display_name = "";
  org.region_code = "51050";
  org.parent_id = "lzlj";  // itself
  Violations violations;
  ValidateOrganization(org, violations);
  EXPECT_THAT(violations.list(), ElementsAre(Violation("display_name", "is required"),
                                             Violation("region_code", HasSubstr("six-digit")),
                                             Violation("parent", HasSubstr("itself"))));
}

TEST(OrganizationTest, RegionCodeIsSixDigits) {
  for (const char* code : {"5105000", "51050a", "５１０５００", "510 00", "-51050"}) {
    Organization org = ValidOrganization();
    org.region_code = code;
    Violations violations;
    ValidateOrganization(org, violations);
    EXPECT_THAT(Fields(violations), ElementsAre("region_code")) << code;
  }
}

TEST(OrganizationTest, References) {
  FakeReferenceLookup lookup = Lookup();
  Organization college = ValidOrganization();
  college.meta.id = "scu-brewing-college";
  college.kind = OrganizationKind::kUniversity;
  college.parent_id = "scu";
  Violations ok;
  EXPECT_THAT(CheckOrganizationReferences(college, lookup, ok), IsOk());
  EXPECT_THAT(ok.list(), IsEmpty());

  college.parent_id = "no-such-university";
  college.industry_codes = {"liquor", "space"};
  Violations violations;
  EXPECT_THAT(CheckOrganizationReferences(college, lookup, violations), IsOk());
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("parent", HasSubstr("unknown organization")),
                          Violation("industries[1]", HasSubstr("industries/space"))));
}

TEST(OrganizationUpdateTest, KindIsImmutable) {
  Organization patch = ValidOrganization();
  patch.kind = OrganizationKind::kUniversity;
  patch.display_name = "瀘州老窖";
  patch.region_code = "510502";
  Organization target = ValidOrganization();
  Violations violations;
  ApplyOrganizationUpdate({"display_name", "kind", "region_code"}, patch, target, violations);
  EXPECT_EQ(target.display_name, "瀘州老窖");
  EXPECT_EQ(target.region_code, "510502");
  EXPECT_EQ(target.kind, OrganizationKind::kEnterprise);
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("update_mask.paths[1]", HasSubstr("immutable"))));
  Organization star = ValidOrganization();
  Violations none;
  ApplyOrganizationUpdate({"*"}, patch, star, none);
  EXPECT_THAT(none.list(), IsEmpty());
  EXPECT_EQ(star.kind, OrganizationKind::kEnterprise);
  EXPECT_EQ(star.display_name, "瀘州老窖");
}

// ---- Events ----------------------------------------------------------------------------------

TEST(EventTest, ValidEventPasses) {
  Violations violations;
  ValidateEvent(ValidEvent(), violations);
  Event no_close = ValidEvent();
  no_close.registration_close_time.reset();
  no_close.location = "";
  ValidateEvent(no_close, violations);
  EXPECT_THAT(violations.list(), IsEmpty());
}

TEST(EventTest, ReportsEveryBadFieldAtOnce) {
  Event event = ValidEvent();
  event.display_name = "";
  event.location = Repeat("地", 201);
  event.start_time = absl::InfinitePast();
  event.end_time = absl::InfinitePast();
  event.organizer_ids = {"lz-gov", "lz-gov"};
  Violations violations;
  ValidateEvent(event, violations);
  EXPECT_THAT(Fields(violations),
              ElementsAre("display_name", "location", "start_time", "end_time", "organizers[1]"));
}

TEST(EventTest, EndAfterStartAndRegistrationNotAfterEnd) {
  Event equal = ValidEvent();
  equal.end_time = equal.start_time;
  Violations violations;
  ValidateEvent(equal, violations);
  EXPECT_THAT(violations.list(), ElementsAre(Violation("end_time", "must be after start_time")));

  Event late = ValidEvent();
  late.registration_close_time = late.end_time + absl::Seconds(1);
  Violations late_violations;
  ValidateEvent(late, late_violations);
  EXPECT_THAT(Fields(late_violations), ElementsAre("registration_close_time"));

  Event at_end = ValidEvent();
  at_end.registration_close_time = at_end.end_time;
  Violations none;
  ValidateEvent(at_end, none);
  EXPECT_THAT(none.list(), IsEmpty());
}

TEST(EventTest, OrganizersMustExist) {
  FakeReferenceLookup lookup = Lookup();
  Event event = ValidEvent();
  event.organizer_ids = {"lz-gov", "ghost"};
  Violations violations;
  EXPECT_THAT(CheckEventReferences(event, lookup, violations), IsOk());
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("organizers[1]", HasSubstr("organizations/ghost"))));
}

TEST(EventUpdateTest, Paths) {
  Event patch = ValidEvent();
  patch.location = "成都";
  patch.end_time = At(2026, 11, 3);
  Event target = ValidEvent();
  Violations violations;
  ApplyEventUpdate({"location", "end_time", "create_time", "venue"}, patch, target, violations);
  EXPECT_EQ(target.location, "成都");
  EXPECT_EQ(target.end_time, At(2026, 11, 3));
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("update_mask.paths[2]", HasSubstr("output only")),
                          Violation("update_mask.paths[3]", HasSubstr("not a field"))));
}

// ---- Industries ------------------------------------------------------------------------------

TEST(IndustryTest, ChineseNameRequiredEnglishOptional) {
  Industry industry;
  industry.meta.id = "liquor";
  industry.display_name_zh = "酒業";
  Violations violations;
  ValidateIndustry(industry, violations);
  EXPECT_THAT(violations.list(), IsEmpty());

  industry.display_name_zh = "";
  industry.display_name_en = Repeat("L", 201);
  ValidateIndustry(industry, violations);
  EXPECT_THAT(Fields(violations), ElementsAre("display_name_zh", "display_name_en"));
}

}  // namespace
}  // namespace techmatch
