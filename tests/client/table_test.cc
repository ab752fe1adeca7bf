#include "client/table.h"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

TEST(TableTest, AlignsCjkByDisplayWidth) {
  Table table({{"NAME"}, {"TITLE"}, {"BUDGET", Align::kRight}});
  table.AddRow({"needs/a", "白酒", "230万"});
  table.AddRow({"needs/bb", "PLC-200", "1,234.56"});
  std::ostringstream out;
  table.RenderAligned(out);
  EXPECT_EQ(out.str(),
            "NAME      TITLE      BUDGET\n"
            "needs/a   白酒        230万\n"
            "needs/bb  PLC-200  1,234.56\n");
}

TEST(TableTest, TruncatesWideCellsAndFlattensNewlines) {
  Table table({{"T", Align::kLeft, 5}, {"X"}});
  table.AddRow({"纤维素乙醇", "a\nb"});
  std::ostringstream out;
  table.RenderAligned(out);
  EXPECT_EQ(out.str(), "T      X\n纤维…  a b\n");
}

TEST(TableTest, CsvQuotesWhatNeedsIt) {
  Table table({{"id"}, {"title"}});
  table.AddRow({"a", "x, \"y\"\nz"});
  table.AddRow({"b"});
  std::ostringstream out;
  table.RenderCsv(out);
  EXPECT_EQ(out.str(), "id,title\r\na,\"x, \"\"y\"\"\nz\"\r\nb,\r\n");
}

TEST(RenderRecordTest, AlignsValuesAndIndentsContinuations) {
  std::ostringstream out;
  RenderRecord({{"name", "needs/a"}, {"description", "第一行\n第二行"}}, out);
  EXPECT_EQ(out.str(),
            "name:        needs/a\n"
            "description: 第一行\n"
            "             第二行\n");
}

}  // namespace
}  // namespace techmatch::client
