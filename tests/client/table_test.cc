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

TEST(TableTest, CsvCellsThatAreFormulasAreWrittenAsText) {
  EXPECT_EQ(CsvQuote("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(CsvQuote("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
  EXPECT_EQ(CsvQuote("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(CsvQuote("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(CsvQuote("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(CsvQuote("\r=1"), "\"'\r=1\"");
  // Numbers keep their sign; text that merely contains = is left alone.
  EXPECT_EQ(CsvQuote("-1250.00"), "-1250.00");
  EXPECT_EQ(CsvQuote("+3"), "+3");
  EXPECT_EQ(CsvQuote("a=b"), "a=b");
  EXPECT_EQ(CsvQuote("-"), "\"'-\"");
  // Every table written as CSV (lists, audit lists, agendas, match lists, reports, import
  // rejections) goes through it.
  Table table({{"title"}});
  table.AddRow({"=1+1"});
  std::ostringstream out;
  table.RenderCsv(out);
  EXPECT_EQ(out.str(), "title\r\n\"'=1+1\"\r\n");
  std::ostringstream row;
  RenderCsvRow({"@x", "ok"}, row);
  EXPECT_EQ(row.str(), "\"'@x\",ok\r\n");
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
