#include "client/resource_name.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

TEST(QualifyNameTest, BareIdsGetTheCollection) {
  EXPECT_EQ(QualifyName("needs", "lz-001"), "needs/lz-001");
  EXPECT_EQ(QualifyName("needs", " lz-001 "), "needs/lz-001");
}

TEST(QualifyNameTest, NamesPassThrough) {
  EXPECT_EQ(QualifyName("needs", "needs/lz-001"), "needs/lz-001");
  // A name of another collection is the server's to refuse, not silently rewritten.
  EXPECT_EQ(QualifyName("needs", "offerings/x"), "offerings/x");
  EXPECT_EQ(QualifyName("needs", ""), "");
}

TEST(QualifyNamesTest, EachItem) {
  EXPECT_THAT(QualifyNames("industries", {"liquor", "industries/energy"}),
              ::testing::ElementsAre("industries/liquor", "industries/energy"));
}

TEST(IdOfTest, LastSegment) {
  EXPECT_EQ(IdOf("industries/liquor"), "liquor");
  EXPECT_EQ(IdOf("liquor"), "liquor");
}

}  // namespace
}  // namespace techmatch::client
