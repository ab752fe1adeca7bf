#include "client/list_text.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(SplitListTest, CsvCellSeparators) {
  EXPECT_THAT(SplitList("白酒; 窖池；微生物、發酵", ListSeparators::kCsvCell),
              ElementsAre("白酒", "窖池", "微生物", "發酵"));
  // Commas stay inside a CSV item: the cell was quoted on purpose.
  EXPECT_THAT(SplitList("a,b;c", ListSeparators::kCsvCell), ElementsAre("a,b", "c"));
}

TEST(SplitListTest, FlagSeparatorsIncludeCommas) {
  EXPECT_THAT(SplitList("liquor,energy，agriculture", ListSeparators::kFlag),
              ElementsAre("liquor", "energy", "agriculture"));
}

TEST(SplitListTest, TrimsAndDropsEmptyItems) {
  EXPECT_THAT(SplitList(" a ;; \u3000b\u3000; ", ListSeparators::kCsvCell), ElementsAre("a", "b"));
  EXPECT_THAT(SplitList("", ListSeparators::kFlag), IsEmpty());
}

TEST(SplitFlagValuesTest, RepeatedFlagsAndSplitValues) {
  EXPECT_THAT(SplitFlagValues({"a,b", "c"}), ElementsAre("a", "b", "c"));
  EXPECT_THAT(SplitFlagValues({""}), IsEmpty());  // `--keywords ""` clears the list.
}

}  // namespace
}  // namespace techmatch::client
