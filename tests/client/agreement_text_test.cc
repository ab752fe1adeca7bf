#include "client/agreement_text.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Agreement;
using techmatch::v1::Party;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Agreement::Kind Kind(absl::string_view text) {
  absl::StatusOr<Agreement::Kind> kind = ParseAgreementKind(text);
  EXPECT_TRUE(kind.ok()) << text << ": " << kind.status();
  return kind.value_or(Agreement::KIND_UNSPECIFIED);
}

TEST(AgreementTextTest, KindsAsPeopleWriteThem) {
  EXPECT_EQ(Kind("FRAMEWORK_COOPERATION"), Agreement::FRAMEWORK_COOPERATION);
  EXPECT_EQ(Kind("framework"), Agreement::FRAMEWORK_COOPERATION);
  EXPECT_EQ(Kind("technology-transfer"), Agreement::TECHNOLOGY_TRANSFER);
  EXPECT_EQ(Kind("transfer"), Agreement::TECHNOLOGY_TRANSFER);
  EXPECT_EQ(Kind("Development"), Agreement::TECHNOLOGY_DEVELOPMENT);
  EXPECT_EQ(Kind("技術開發合同"), Agreement::TECHNOLOGY_DEVELOPMENT);
  EXPECT_EQ(Kind("技术服务"), Agreement::TECHNOLOGY_SERVICE);
  EXPECT_EQ(Kind("框架合作協議"), Agreement::FRAMEWORK_COOPERATION);
  EXPECT_EQ(Kind("技術許可合同"), Agreement::TECHNOLOGY_LICENSE);
}

TEST(AgreementTextTest, UnknownKindListsTheNames) {
  absl::StatusOr<Agreement::Kind> kind = ParseAgreementKind("barter");
  ASSERT_FALSE(kind.ok());
  EXPECT_THAT(kind.status().message(), HasSubstr("TECHNOLOGY_TRANSFER"));
  EXPECT_FALSE(ParseAgreementKind("KIND_UNSPECIFIED").ok());
  EXPECT_FALSE(ParseAgreementKind("").ok());
}

TEST(AgreementTextTest, Parties) {
  absl::StatusOr<Party> party = ParseParty("SUPPLIER:scu");
  ASSERT_TRUE(party.ok()) << party.status();
  EXPECT_EQ(party->role(), Party::SUPPLIER);
  EXPECT_EQ(party->organization(), "organizations/scu");
  party = ParseParty(" demander : organizations/luzhou-laojiao ");
  ASSERT_TRUE(party.ok()) << party.status();
  EXPECT_EQ(party->role(), Party::DEMANDER);
  EXPECT_EQ(party->organization(), "organizations/luzhou-laojiao");
  party = ParseParty("政府:luzhou-stb");
  ASSERT_TRUE(party.ok()) << party.status();
  EXPECT_EQ(party->role(), Party::GOVERNMENT);
}

TEST(AgreementTextTest, BadParties) {
  EXPECT_THAT(ParseParty("scu").status().message(), HasSubstr("ROLE:organization"));
  EXPECT_THAT(ParseParty("SUPPLIER:").status().message(), HasSubstr("ROLE:organization"));
  EXPECT_THAT(ParseParty("BUYER:x").status().message(), HasSubstr("unknown party role 'BUYER'"));
  EXPECT_FALSE(ParseParty("ROLE_UNSPECIFIED:x").ok());
}

TEST(AgreementTextTest, GroupByInOrder) {
  absl::StatusOr<std::vector<techmatch::v1::GroupBy>> dims =
      ParseGroupBy({"kind", "industry", "sign-month"});
  ASSERT_TRUE(dims.ok()) << dims.status();
  EXPECT_THAT(*dims,
              ElementsAre(techmatch::v1::KIND, techmatch::v1::INDUSTRY, techmatch::v1::SIGN_MONTH));
  EXPECT_THAT(ParseGroupBy({}).value(), ElementsAre());
  EXPECT_THAT(ParseGroupBy({"colour"}).status().message(), HasSubstr("unknown dimension"));
  EXPECT_THAT(ParseGroupBy({"kind", "KIND"}).status().message(), HasSubstr("twice"));
}

TEST(AgreementTextTest, Labels) {
  EXPECT_EQ(GroupByLabel(techmatch::v1::SIGN_YEAR), "sign_year");
  google::protobuf::RepeatedPtrField<Party> parties;
  *parties.Add() = ParseParty("SUPPLIER:scu").value();
  *parties.Add() = ParseParty("DEMANDER:lzlj").value();
  EXPECT_EQ(FormatParties(parties), "SUPPLIER organizations/scu; DEMANDER organizations/lzlj");
}

}  // namespace
}  // namespace techmatch::client
