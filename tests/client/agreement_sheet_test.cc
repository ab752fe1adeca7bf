#include "client/agreement_sheet.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "client/xlsx_export.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Agreement;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

Agreement Parse(const std::string& text) {
  Agreement agreement;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &agreement)) << text;
  return agreement;
}

std::vector<Agreement> Sample() {
  return {
      Parse(R"pb(
        name: "agreements/a1"
        title: "窖泥菌群技術開發"
        kind: TECHNOLOGY_DEVELOPMENT
        state: IMPLEMENTING
        event: "events/fair"
        parties { organization: "organizations/cib" role: SUPPLIER }
        parties { organization: "organizations/lzlj" role: DEMANDER }
        parties { organization: "organizations/bank" role: FINANCIER }
        industries: "industries/liquor"
        industries: "industries/agriculture"
        contract_amount { currency_code: "CNY" units: 2300000 }
        total_investment { currency_code: "CNY" units: 280000000 }
        expected_profit_tax { currency_code: "CNY" units: 12345 nanos: 670000000 }
      )pb"),
      Parse(R"pb(
        name: "agreements/a2"
        title: "Framework, \"quoted\""
        kind: FRAMEWORK_COOPERATION
        state: SIGNED
        parties { organization: "organizations/scu" role: SUPPLIER }
        parties { organization: "organizations/scu-chem" role: SUPPLIER }
        parties { organization: "organizations/stb" role: GOVERNMENT }
        contract_amount { currency_code: "CNY" units: 0 nanos: 50000000 }
      )pb"),
  };
}

const std::map<std::string, std::string>& Names() {
  static const auto* names =
      new std::map<std::string, std::string>{{"organizations/cib", "中國科學院成都生物研究所"},
                                             {"organizations/lzlj", "瀘州老窖"},
                                             {"organizations/scu", "四川大学"},
                                             {"organizations/stb", "泸州市科学技术局"}};
  return *names;
}

TEST(AgreementSheetTest, RowsHaveReadablePartiesAndExactAmounts) {
  absl::StatusOr<AgreementSheet> sheet = BuildAgreementSheet(Sample(), Names(), "CNY");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  ASSERT_EQ(sheet->rows.size(), 2u);
  const auto& first = sheet->rows[0];
  EXPECT_EQ(first[0].text, "agreements/a1");
  EXPECT_EQ(first[2].text, "TECHNOLOGY_DEVELOPMENT");
  EXPECT_EQ(first[3].text, "IMPLEMENTING");
  EXPECT_EQ(first[5].text, "中國科學院成都生物研究所");
  EXPECT_EQ(first[6].text, "瀘州老窖");
  EXPECT_EQ(first[8].text, "bank");  // No display name known: the id.
  EXPECT_EQ(first[9].text, "liquor、agriculture");
  EXPECT_EQ(first[11].minor_units, 230000000);
  EXPECT_EQ(first[12].minor_units, 28000000000);
  EXPECT_EQ(first[13].minor_units, std::nullopt);
  EXPECT_EQ(first[14].minor_units, 1234567);
  EXPECT_EQ(sheet->rows[1][5].text, "四川大学、scu-chem");
  EXPECT_EQ(sheet->rows[1][7].text, "泸州市科学技术局");
}

TEST(AgreementSheetTest, TotalsRow) {
  absl::StatusOr<AgreementSheet> sheet = BuildAgreementSheet(Sample(), Names(), "CNY");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_EQ(sheet->total[0].text, "合计 total");
  EXPECT_EQ(sheet->total[1].text, "2 agreements");
  EXPECT_EQ(sheet->total[11].minor_units, 230000005);
  EXPECT_EQ(sheet->total[12].minor_units, 28000000000);
  EXPECT_EQ(sheet->total[13].minor_units, 0);
  EXPECT_EQ(sheet->total[14].minor_units, 1234567);
}

TEST(AgreementSheetTest, MinorUnitsAsDecimal) {
  EXPECT_EQ(MinorUnitsToDecimal(230000000, 2), "2300000.00");
  EXPECT_EQ(MinorUnitsToDecimal(5, 2), "0.05");
  EXPECT_EQ(MinorUnitsToDecimal(0, 2), "0.00");
  EXPECT_EQ(MinorUnitsToDecimal(std::nullopt, 2), "");
  EXPECT_EQ(MinorUnitsToDecimal(std::numeric_limits<int64_t>::max(), 2), "92233720368547758.07");
  EXPECT_EQ(MinorUnitsToDecimal(2300000, 0), "2300000");
  EXPECT_EQ(MinorUnitsToDecimal(1005, 3), "1.005");
  EXPECT_EQ(MinorUnitsToDecimal(-5, 2), "-0.05");
}

// A deployment in yen or dinars exports its amounts with its own minor unit, not fen.
TEST(AgreementSheetTest, CurrenciesWithOtherMinorUnits) {
  Agreement yen = Parse(R"pb(name: "agreements/yen"
                             contract_amount { currency_code: "JPY" units: 2300000 })pb");
  absl::StatusOr<AgreementSheet> sheet = BuildAgreementSheet({yen}, {}, "JPY");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_EQ(sheet->minor_digits, 0);
  EXPECT_EQ(sheet->rows[0][11].minor_units, 2300000);
  EXPECT_EQ(sheet->columns[11].label, "技术合同金额（JPY）");
  std::ostringstream csv;
  WriteSheetCsv(*sheet, csv);
  EXPECT_THAT(csv.str(), HasSubstr(",2300000,"));

  Agreement dinars =
      Parse(R"pb(name: "agreements/kwd"
                 contract_amount { currency_code: "KWD" units: 1 nanos: 5000000 })pb");
  sheet = BuildAgreementSheet({dinars}, {}, "KWD");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_EQ(sheet->rows[0][11].minor_units, 1005);
  std::ostringstream json;
  WriteSheetJson(*sheet, json);
  EXPECT_THAT(json.str(), HasSubstr("\"contract_amount\":1.005,"));

  Agreement half_yen = Parse(R"pb(name: "agreements/half"
                                  contract_amount { currency_code: "JPY" nanos: 500000000 })pb");
  sheet = BuildAgreementSheet({half_yen}, {}, "JPY");
  EXPECT_EQ(sheet.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(sheet.status().message(), HasSubstr("finer than the minor unit of JPY"));
}

TEST(AgreementSheetTest, OverflowingTotalIsAnError) {
  Agreement big = Parse(R"pb(name: "agreements/big"
                             contract_amount { units: 100000000000000000 })pb");
  absl::StatusOr<AgreementSheet> sheet = BuildAgreementSheet({big}, {}, "CNY");
  EXPECT_EQ(sheet.status().code(), absl::StatusCode::kOutOfRange);
  Agreement half = Parse(R"pb(name: "agreements/half"
                              contract_amount { units: 50000000000000000 })pb");
  sheet = BuildAgreementSheet({half, half}, {}, "CNY");
  EXPECT_EQ(sheet.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(sheet.status().message(), HasSubstr("contract_amount"));
}

TEST(AgreementSheetTest, OtherCurrencyRefused) {
  Agreement usd = Parse(R"pb(name: "agreements/usd"
                             contract_amount { currency_code: "USD" units: 1 })pb");
  EXPECT_EQ(BuildAgreementSheet({usd}, {}, "CNY").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(AgreementSheetTest, Csv) {
  absl::StatusOr<AgreementSheet> sheet = BuildAgreementSheet(Sample(), Names(), "CNY");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  std::ostringstream out;
  WriteSheetCsv(*sheet, out);
  const std::string csv = out.str();
  EXPECT_THAT(csv, StartsWith("name,title,kind,state,event,suppliers,demanders,government,"
                              "financiers,industries,sign_date,contract_amount,total_investment,"
                              "expected_sales_revenue,expected_profit_tax,realized_output_value,"
                              "realized_profit_tax\r\n"));
  EXPECT_THAT(csv, HasSubstr("agreements/a1,窖泥菌群技術開發,TECHNOLOGY_DEVELOPMENT,IMPLEMENTING,"
                             "events/fair,中國科學院成都生物研究所,瀘州老窖,,bank,"
                             "liquor、agriculture,,2300000.00,280000000.00,,12345.67,,\r\n"));
  EXPECT_THAT(csv, HasSubstr("\"Framework, \"\"quoted\"\"\""));
  EXPECT_THAT(csv, HasSubstr("合计 total,2 agreements,,,,,,,,,,2300000.05,280000000.00,0.00,"
                             "12345.67,0.00,0.00\r\n"));
}

TEST(AgreementSheetTest, CsvWritesFormulaTitlesAsText) {
  Agreement hostile = Parse(R"pb(name: "agreements/h"
                                 title: "=HYPERLINK(\"http://evil\",\"click\")"
                                 contract_amount { units: -5 })pb");
  absl::StatusOr<AgreementSheet> sheet = BuildAgreementSheet({hostile}, {}, "CNY");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  std::ostringstream out;
  WriteSheetCsv(*sheet, out);
  EXPECT_THAT(out.str(), HasSubstr(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\","));
  EXPECT_THAT(out.str(), Not(HasSubstr(",=HYPERLINK")));
  EXPECT_THAT(out.str(), HasSubstr(",-5.00,"));  // a negative amount stays a number
}

TEST(AgreementSheetTest, Json) {
  absl::StatusOr<AgreementSheet> sheet = BuildAgreementSheet(Sample(), Names(), "CNY");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  std::ostringstream out;
  WriteSheetJson(*sheet, out);
  const std::string json = out.str();
  EXPECT_THAT(json, StartsWith("{\"agreements\":[{\"name\":\"agreements/a1\","));
  EXPECT_THAT(json, HasSubstr("\"contract_amount\":2300000.00,\"total_investment\":280000000.00,"
                              "\"expected_sales_revenue\":null,"));
  EXPECT_THAT(json, HasSubstr("\"title\":\"Framework, \\\"quoted\\\"\""));
  EXPECT_THAT(json, HasSubstr("\"total\":{\"name\":\"合计 total\",\"title\":\"2 agreements\","));
  EXPECT_THAT(json, HasSubstr("\"contract_amount\":2300000.05,"));
}

TEST(XlsxExportTest, ColumnLettersAndSums) {
  EXPECT_EQ(ColumnLetters(0), "A");
  EXPECT_EQ(ColumnLetters(11), "L");
  EXPECT_EQ(ColumnLetters(25), "Z");
  EXPECT_EQ(ColumnLetters(26), "AA");
  EXPECT_EQ(ColumnLetters(27), "AB");
  EXPECT_EQ(ColumnLetters(701), "ZZ");
  EXPECT_EQ(ColumnLetters(702), "AAA");
  EXPECT_EQ(SumFormula(11, 10), "=SUM(L2:L11)");
  EXPECT_EQ(SumFormula(11, 0), "=SUM(L2:L2)");
}

TEST(XlsxExportTest, WritesAZipWorkbook) {
  absl::StatusOr<AgreementSheet> sheet = BuildAgreementSheet(Sample(), Names(), "CNY");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  const std::filesystem::path path =
      std::filesystem::path(::testing::TempDir()) / "agreements_test.xlsx";
  ASSERT_TRUE(WriteAgreementXlsx(*sheet, path.string()).ok());
  std::ifstream file(path, std::ios::binary);
  std::string magic(2, '\0');
  file.read(magic.data(), 2);
  EXPECT_EQ(magic, "PK");  // An .xlsx is a zip archive.
  EXPECT_GT(std::filesystem::file_size(path), 1000u);
  std::filesystem::remove(path);
}

TEST(XlsxExportTest, UnwritablePathIsAnError) {
  absl::StatusOr<AgreementSheet> sheet = BuildAgreementSheet({}, {}, "CNY");
  ASSERT_TRUE(sheet.ok());
  absl::Status status = WriteAgreementXlsx(*sheet, "/nonexistent-dir/x.xlsx");
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("/nonexistent-dir/x.xlsx"));
}

}  // namespace
}  // namespace techmatch::client
