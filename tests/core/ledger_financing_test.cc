// Financing rules of the programme ledger: fields, the ledger year of grant_time, and the
// organizations and agreement it names.
#include <string>

#include "core/ledger/financing.h"
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

Financing Sample() {
  Financing f;
  f.kind = FinancingKind::kGuarantee;
  f.provider_id = "guarantor";
  f.recipient_id = "acme";
  f.amount_minor = 500'000'000;
  f.grant_time = kNow - absl::Hours(24);
  f.agreement_id = "fw-1";
  f.region_code = "510500";
  return f;
}

AgreementExists Known(const std::string& id) {
  return [id](absl::string_view candidate) -> absl::StatusOr<bool> { return candidate == id; };
}

TEST(FinancingTest, ASampleIsValid) {
  Violations v;
  ValidateFinancingAt(Sample(), kNow, v);
  EXPECT_THAT(v.list(), IsEmpty());
}

TEST(FinancingTest, EveryBadFieldIsNamedAtOnce) {
  Financing f;
  f.kind = static_cast<FinancingKind>(0);
  f.amount_minor = -1;
  Violations v;
  ValidateFinancingAt(f, kNow, v);
  EXPECT_THAT(Fields(v), UnorderedElementsAre("kind", "provider", "recipient", "amount",
                                              "grant_time", "region_code"));
}

TEST(FinancingTest, ProviderAndRecipientDifferAndGrantTimeIsPastAndInALedgerYear) {
  Financing f = Sample();
  f.recipient_id = f.provider_id;
  f.grant_time = kNow + kGrantTimeSkew + absl::Seconds(1);
  Violations v;
  ValidateFinancingAt(f, kNow, v);
  EXPECT_THAT(v.list(), ElementsAre(Violation("recipient", HasSubstr("another organization")),
                                    Violation("grant_time", HasSubstr("future"))));
  f = Sample();
  f.grant_time = absl::FromCivil(absl::CivilSecond(1979, 6, 1, 0, 0, 0), absl::UTCTimeZone());
  Violations old;
  ValidateFinancingAt(f, kNow, old);
  EXPECT_THAT(Fields(old), ElementsAre("grant_time"));
}

TEST(FinancingTest, TheYearIsChinaStandardTimes) {
  // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Beijing.
  const absl::Time t =
      absl::FromCivil(absl::CivilSecond(2025, 12, 31, 17, 0, 0), absl::UTCTimeZone());
  EXPECT_EQ(GrantYearOf(t), 2026);
  EXPECT_EQ(GrantYearOf(t - absl::Hours(2)), 2025);
}

TEST(FinancingTest, OrganizationsAndTheAgreementMustExist) {
  FakeReferenceLookup lookup;
  lookup.AddOrganization("guarantor", OrganizationKind::kFinancialInstitution);
  lookup.AddOrganization("acme", OrganizationKind::kEnterprise);
  Violations ok;
  ASSERT_THAT(CheckFinancingReferences(Sample(), lookup, Known("fw-1"), ok), IsOk());
  EXPECT_THAT(ok.list(), IsEmpty());
  Financing f = Sample();
  f.provider_id = "ghost";
  f.recipient_id = "nobody";
  Violations v;
  ASSERT_THAT(CheckFinancingReferences(f, lookup, Known("other"), v), IsOk());
  EXPECT_THAT(Fields(v), ElementsAre("provider", "recipient", "agreement"));
  f.agreement_id.clear();
  Violations none;
  ASSERT_THAT(
      CheckFinancingReferences(
          Sample(), lookup,
          [](absl::string_view) -> absl::StatusOr<bool> { return absl::UnavailableError("disk"); },
          none),
      StatusIs(absl::StatusCode::kUnavailable));
}

TEST(FinancingTest, KindNamesRoundTrip) {
  for (const std::string& name : FinancingKindNames()) {
    ASSERT_TRUE(FinancingKindFromName(name).has_value()) << name;
    EXPECT_EQ(FinancingKindName(*FinancingKindFromName(name)), name);
  }
}

}  // namespace
}  // namespace techmatch
