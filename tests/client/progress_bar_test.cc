#include "client/progress_bar.h"

#include <algorithm>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

TEST(ProgressBarTest, RendersProportionally) {
  EXPECT_EQ(ProgressBar::Render(0, 10, "rows"), "[..............................] 0%  0/10 rows");
  EXPECT_EQ(ProgressBar::Render(5, 10, "rows"), "[###############...............] 50%  5/10 rows");
  EXPECT_EQ(ProgressBar::Render(12, 10, "rows"),
            "[##############################] 100%  10/10 rows");
}

TEST(ProgressBarTest, DisabledWritesNothing) {
  std::ostringstream out;
  {
    ProgressBar bar(out, 10, "rows", /*enabled=*/false);
    bar.Update(5);
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressBarTest, RedrawsOnlyWhenThePercentageChangesAndErasesItself) {
  std::ostringstream out;
  {
    ProgressBar bar(out, 1000, "rows", /*enabled=*/true);
    bar.Update(1);
    bar.Update(2);  // Still 0%: no redraw.
    bar.Update(10);
  }
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\r'), 3);  // 0%, 1%, then the erase.
  EXPECT_NE(text.find("\r\033[K"), std::string::npos);
}

}  // namespace
}  // namespace techmatch::client
