#include "client/csv_reader.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ParseCsvTest, HeaderAndRecordsWithLineNumbers) {
  absl::StatusOr<CsvDocument> doc = ParseCsv("id,title\na,白酒\nb,化工\n");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->header, ElementsAre("id", "title"));
  ASSERT_EQ(doc->records.size(), 2u);
  EXPECT_EQ(doc->records[0].line, 2);
  EXPECT_THAT(doc->records[0].cells, ElementsAre("a", "白酒"));
  EXPECT_EQ(doc->records[1].line, 3);
}

TEST(ParseCsvTest, StripsUtf8ByteOrderMark) {
  absl::StatusOr<CsvDocument> doc = ParseCsv("\xEF\xBB\xBFid,title\r\nx,y\r\n");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->header, ElementsAre("id", "title"));
  ASSERT_EQ(doc->records.size(), 1u);
  EXPECT_THAT(doc->records[0].cells, ElementsAre("x", "y"));
  EXPECT_EQ(doc->records[0].line, 2);
}

TEST(ParseCsvTest, QuotedCommasQuotesAndNewlines) {
  const std::string text =
      "id,title,description\n"
      "a,\"Yeast, strains\",\"line one\nline two\nline three\"\n"
      "b,\"He said \"\"hi\"\"\",plain\n";
  absl::StatusOr<CsvDocument> doc = ParseCsv(text);
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_EQ(doc->records.size(), 2u);
  EXPECT_THAT(doc->records[0].cells,
              ElementsAre("a", "Yeast, strains", "line one\nline two\nline three"));
  EXPECT_EQ(doc->records[0].line, 2);
  EXPECT_THAT(doc->records[1].cells, ElementsAre("b", "He said \"hi\"", "plain"));
  EXPECT_EQ(doc->records[1].line, 5);  // After the three-line record.
}

TEST(ParseCsvTest, NewlineInFirstCellKeepsTheStartLine) {
  absl::StatusOr<CsvDocument> doc = ParseCsv("a,b\n\"x\ny\",z\nlast,row\n");
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_EQ(doc->records.size(), 2u);
  EXPECT_EQ(doc->records[0].line, 2);
  EXPECT_EQ(doc->records[1].line, 4);
}

TEST(ParseCsvTest, SkipsBlankLinesAndEmptiedRowsButCountsThem) {
  absl::StatusOr<CsvDocument> doc = ParseCsv("a,b\n\n1,2\n,,\n\n3,4");
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_EQ(doc->records.size(), 2u);
  EXPECT_EQ(doc->records[0].line, 3);
  EXPECT_EQ(doc->records[1].line, 6);  // No final newline.
  EXPECT_THAT(doc->records[1].cells, ElementsAre("3", "4"));
}

TEST(ParseCsvTest, KeepsShortRowsShort) {
  absl::StatusOr<CsvDocument> doc = ParseCsv("a,b,c\n1,2\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->records[0].cells, ElementsAre("1", "2"));
}

TEST(ParseCsvTest, MalformedQuotingIsAnError) {
  EXPECT_THAT(std::string(ParseCsv("a,b\n\"unterminated,x\n").status().message()),
              HasSubstr("malformed CSV"));
  EXPECT_FALSE(ParseCsv("a,b\nx\"y\"z,1\n").ok());
}

TEST(ParseCsvTest, EmptyFileHasNoHeader) {
  EXPECT_FALSE(ParseCsv("").ok());
  EXPECT_FALSE(ParseCsv("\xEF\xBB\xBF").ok());
}

TEST(CsvColumnsTest, BindsByNameCaseInsensitively) {
  absl::StatusOr<CsvColumns> columns =
      CsvColumns::Bind({"ID", " Title ", "extra"}, {"title"}, {"id"});
  ASSERT_TRUE(columns.ok()) << columns.status();
  CsvRecord record{2, {"x", "白酒"}};
  EXPECT_EQ(columns->Cell(record, "title").value(), "白酒");
  EXPECT_EQ(columns->Cell(record, "id").value(), "x");
  EXPECT_FALSE(columns->Cell(record, "extra").has_value());  // Row too short.
  EXPECT_FALSE(columns->Cell(record, "budget").has_value());
  EXPECT_THAT(columns->unknown(), ElementsAre("extra"));
  EXPECT_FALSE(columns->HasEveryColumn(record));
}

TEST(CsvColumnsTest, MissingRequiredColumnIsNamed) {
  absl::StatusOr<CsvColumns> columns =
      CsvColumns::Bind({"id", "title"}, {"enterprise", "title", "industries"}, {"id"});
  ASSERT_FALSE(columns.ok());
  EXPECT_THAT(std::string(columns.status().message()), HasSubstr("'enterprise'"));
}

TEST(CsvColumnsTest, DuplicateColumnIsAnError) {
  EXPECT_FALSE(CsvColumns::Bind({"title", "Title"}, {"title"}, {}).ok());
}

TEST(ReadCsvFileTest, ReadsAFileAndNamesAMissingOne) {
  const std::string path = ::testing::TempDir() + "/techmatch_csv_reader_test.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBFid,title\nn1,\"濃香型白酒, 窖池\"\n";
  }
  absl::StatusOr<CsvDocument> doc = ReadCsvFile(path);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->records[0].cells, ElementsAre("n1", "濃香型白酒, 窖池"));
  std::remove(path.c_str());
  EXPECT_EQ(ReadCsvFile(path).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace techmatch::client
