#include "client/enum_text.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Organization;

TEST(ParseCooperationModeTest, NamesInAnyCaseAndChineseInBothScripts) {
  EXPECT_EQ(ParseCooperationMode("TRANSFER").value(), techmatch::v1::TRANSFER);
  EXPECT_EQ(ParseCooperationMode("joint-development").value(), techmatch::v1::JOINT_DEVELOPMENT);
  EXPECT_EQ(ParseCooperationMode(" technical_service ").value(), techmatch::v1::TECHNICAL_SERVICE);
  EXPECT_EQ(ParseCooperationMode("技術轉讓").value(), techmatch::v1::TRANSFER);
  EXPECT_EQ(ParseCooperationMode("合作开发").value(), techmatch::v1::JOINT_DEVELOPMENT);
  EXPECT_EQ(ParseCooperationMode("作價入股").value(), techmatch::v1::EQUITY_INVESTMENT);
}

TEST(ParseCooperationModeTest, UnknownAndUnspecifiedAreRefused) {
  EXPECT_FALSE(ParseCooperationMode("barter").ok());
  EXPECT_FALSE(ParseCooperationMode("COOPERATION_MODE_UNSPECIFIED").ok());
  EXPECT_FALSE(ParseCooperationMode("").ok());
  EXPECT_THAT(std::string(ParseCooperationMode("barter").status().message()),
              ::testing::HasSubstr("JOINT_DEVELOPMENT"));
}

TEST(ParseCooperationModesTest, StopsAtTheFirstBadItem) {
  EXPECT_THAT(ParseCooperationModes({"TRANSFER", "license"}).value(),
              ::testing::ElementsAre(techmatch::v1::TRANSFER, techmatch::v1::LICENSE));
  EXPECT_FALSE(ParseCooperationModes({"TRANSFER", "gift"}).ok());
}

TEST(ParseOrganizationKindTest, NamesAndAliases) {
  EXPECT_EQ(ParseOrganizationKind("enterprise").value(), Organization::ENTERPRISE);
  EXPECT_EQ(ParseOrganizationKind("research-institute").value(), Organization::RESEARCH_INSTITUTE);
  EXPECT_EQ(ParseOrganizationKind("institute").value(), Organization::RESEARCH_INSTITUTE);
  EXPECT_EQ(ParseOrganizationKind("大學").value(), Organization::UNIVERSITY);
  EXPECT_EQ(ParseOrganizationKind("政府部门").value(), Organization::GOVERNMENT);
  EXPECT_FALSE(ParseOrganizationKind("club").ok());
  EXPECT_FALSE(ParseOrganizationKind("KIND_UNSPECIFIED").ok());
}

}  // namespace
}  // namespace techmatch::client
