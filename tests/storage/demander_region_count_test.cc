// Repository::CountAgreementsByDemanderRegion on both backends: the kinds and states asked for, the
// year in China Standard Time, each agreement once under its first demander inside the region.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

const absl::TimeZone kChinaStandardTime = absl::FixedTimeZone(8 * 60 * 60);

absl::Time Beijing(int year, int month, int day, int hour, int minute) {
  return absl::FromCivil(absl::CivilMinute(year, month, day, hour, minute), kChinaStandardTime);
}

using Figures = std::vector<std::pair<std::string, int64_t>>;

class DemanderRegionCountTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(University("scu"));  // 510100
    for (const auto& [id, region] : std::vector<std::pair<std::string, std::string>>{
             {"naxi", "510521"}, {"jiangyang", "510502"}, {"chengdu", "510100"}}) {
      Organization org = Enterprise(id);
      org.region_code = region;
      MustCreate(org);
    }
  }

  void Add(const std::string& id, AgreementKind kind, AgreementState state, absl::Time signed_at,
           const std::vector<std::string>& demanders) {
    Agreement a;
    a.meta.id = id;
    a.title = "合同 " + id;
    a.kind = kind;
    a.state = state;
    a.sign_time = signed_at;
    a.parties = {{"scu", PartyRole::kSupplier}};
    for (const std::string& demander : demanders)
      a.parties.push_back({demander, PartyRole::kDemander});
    ASSERT_THAT(repo().CreateAgreement(a, {}), IsOk());
  }

  Figures Count(const std::string& region, int year) {
    absl::StatusOr<std::vector<RegionFigure>> figures = repo().CountAgreementsByDemanderRegion(
        region, year,
        {AgreementKind::kTechnologyTransfer, AgreementKind::kTechnologyLicense,
         AgreementKind::kTechnologyDevelopment},
        {AgreementState::kImplementing, AgreementState::kCompleted});
    EXPECT_THAT(figures, IsOk());
    Figures out;
    if (figures.ok()) {
      for (const RegionFigure& f : *figures) out.emplace_back(f.region_code, f.value);
    }
    return out;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, DemanderRegionCountTest, testing::kBackends,
                         testing::BackendName);

TEST_P(DemanderRegionCountTest, EachAgreementOnceUnderItsFirstDemanderInTheRegion) {
  const absl::Time march = Beijing(2025, 3, 1, 10, 0);
  using K = AgreementKind;
  using S = AgreementState;
  // Chengdu's demander comes first, but lies outside 泸州 (510500): Naxi counts it there.
  Add("t1", K::kTechnologyTransfer, S::kImplementing, march, {"chengdu", "naxi"});
  // Two demanders in the city: counted once, under the first.
  Add("t2", K::kTechnologyLicense, S::kCompleted, march, {"jiangyang", "naxi"});
  // Not counted: not carried out, a kind not asked for, a demander outside only, none at all.
  Add("t3", K::kTechnologyDevelopment, S::kSigned, march, {"naxi"});
  Add("t4", K::kTechnologyConsulting, S::kImplementing, march, {"naxi"});
  Add("t5", K::kTechnologyDevelopment, S::kTerminated, march, {"naxi"});
  Add("t6", K::kTechnologyDevelopment, S::kImplementing, march, {"chengdu"});
  Add("t7", K::kTechnologyTransfer, S::kCompleted, march, {});
  // The year's bounds in China Standard Time: 23:30 on 31 December is 2025, 00:30 on 1 January
  // is 2026 (both 2025 in UTC).
  Add("t8", K::kTechnologyDevelopment, S::kCompleted, Beijing(2025, 12, 31, 23, 30), {"naxi"});
  Add("t9", K::kTechnologyDevelopment, S::kCompleted, Beijing(2026, 1, 1, 0, 30), {"naxi"});

  EXPECT_THAT(Count("510500", 2025), ElementsAre(Pair("510502", 1), Pair("510521", 2)));
  // In the province the first demander of t1 and t6 is in it: each counts under Chengdu.
  EXPECT_THAT(Count("510000", 2025),
              ElementsAre(Pair("510100", 2), Pair("510502", 1), Pair("510521", 1)));
  // In the county t2's first demander is outside: its second counts it there.
  EXPECT_THAT(Count("510521", 2025), ElementsAre(Pair("510521", 3)));
  EXPECT_THAT(Count("510500", 2026), ElementsAre(Pair("510521", 1)));
  EXPECT_THAT(Count("510500", 2024), IsEmpty());
  EXPECT_THAT(Count("520000", 2025), IsEmpty());
}

TEST_P(DemanderRegionCountTest, NoKindOrNoStateCountsNothing) {
  Add("t1", AgreementKind::kTechnologyTransfer, AgreementState::kCompleted,
      Beijing(2025, 3, 1, 10, 0), {"naxi"});
  absl::StatusOr<std::vector<RegionFigure>> no_kind =
      repo().CountAgreementsByDemanderRegion("510500", 2025, {}, {AgreementState::kCompleted});
  ASSERT_THAT(no_kind, IsOk());
  EXPECT_THAT(*no_kind, IsEmpty());
  absl::StatusOr<std::vector<RegionFigure>> no_state = repo().CountAgreementsByDemanderRegion(
      "510500", 2025, {AgreementKind::kTechnologyTransfer}, {});
  ASSERT_THAT(no_state, IsOk());
  EXPECT_THAT(*no_state, IsEmpty());
}

}  // namespace
}  // namespace techmatch::storage
