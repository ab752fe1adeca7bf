#include "client/report_format.h"

#include <sstream>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using ::testing::HasSubstr;

template <typename Message>
Message Parse(const std::string& text) {
  Message message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message)) << text;
  return message;
}

TEST(ReportFormatTest, SummaryTableRowsAndTotal) {
  const auto response = Parse<techmatch::v1::SummarizeAgreementsResponse>(R"pb(
    rows {
      group_values { dimension: KIND value: "FRAMEWORK_COOPERATION" }
      group_values { dimension: INDUSTRY value: "" }
      agreement_count: 1
      supplier_count: 1
    }
    rows {
      group_values { dimension: KIND value: "TECHNOLOGY_TRANSFER" }
      group_values { dimension: INDUSTRY value: "industries/liquor" }
      agreement_count: 2
      supplier_count: 2
      demander_count: 1
      contract_amount { currency_code: "CNY" units: 2300000 }
      total_investment { currency_code: "CNY" units: 280000000 }
    }
    total {
      agreement_count: 3
      supplier_count: 3
      demander_count: 1
      contract_amount { currency_code: "CNY" units: 2300000 }
      total_investment { currency_code: "CNY" units: 280000000 }
    }
  )pb");
  ValueFormat format;
  format.unit = MoneyUnit::kWan;
  std::ostringstream csv;
  SummaryTable(response, {techmatch::v1::KIND, techmatch::v1::INDUSTRY}, format, false)
      .RenderCsv(csv);
  EXPECT_EQ(csv.str(),
            "kind,industry,agreements,suppliers,demanders,contract_amount,total_investment,"
            "expected_sales_revenue,expected_profit_tax,realized_output_value,"
            "realized_profit_tax\r\n"
            "FRAMEWORK_COOPERATION,(none),1,1,0,0万,0万,0万,0万,0万,0万\r\n"
            "TECHNOLOGY_TRANSFER,industries/liquor,2,2,1,230万,\"28,000万\",0万,0万,0万,0万\r\n"
            "TOTAL,,3,3,1,230万,\"28,000万\",0万,0万,0万,0万\r\n");
  std::ostringstream aligned;
  SummaryTable(response, {techmatch::v1::KIND}, format, true).RenderAligned(aligned);
  EXPECT_THAT(aligned.str(), HasSubstr("KIND "));
  EXPECT_THAT(aligned.str(), HasSubstr("CONTRACT_AMOUNT"));
}

TEST(ReportFormatTest, TotalOnlyWithoutDimensions) {
  const auto response =
      Parse<techmatch::v1::SummarizeAgreementsResponse>(R"pb(total { agreement_count: 4 })pb");
  std::ostringstream csv;
  SummaryTable(response, {}, ValueFormat(), false).RenderCsv(csv);
  EXPECT_THAT(csv.str(), HasSubstr("\r\n4,0,0,0,0,0,0,0,0\r\n"));
}

TEST(ReportFormatTest, EventSummary) {
  const auto summary = Parse<techmatch::v1::EventSummary>(R"pb(
    event: "events/fair"
    needs_count: 15
    offerings_count: 25
    enterprise_count: 10
    university_count: 5
    research_institute_count: 4
    government_count: 1
    agreements_by_kind {
      kind: FRAMEWORK_COOPERATION
      summary { agreement_count: 1 supplier_count: 1 }
    }
    agreements_by_kind {
      kind: TECHNOLOGY_DEVELOPMENT
      summary {
        agreement_count: 2
        contract_amount { currency_code: "CNY" units: 2300000 }
      }
    }
    technology_contracts {
      agreement_count: 2
      contract_amount { currency_code: "CNY" units: 2300000 }
    }
    total {
      agreement_count: 3
      contract_amount { currency_code: "CNY" units: 2300000 }
    }
    narrative: "本届洽谈会共征集技术需求15项。"
  )pb");
  std::ostringstream out;
  RenderEventSummary(summary, ValueFormat(), out);
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("needs:               15\n"));
  EXPECT_THAT(text, HasSubstr("universities:        5\n"));
  EXPECT_THAT(text, HasSubstr("FRAMEWORK_COOPERATION "));
  EXPECT_THAT(text, HasSubstr("TECHNOLOGY CONTRACTS "));
  EXPECT_THAT(text, HasSubstr("2,300,000"));
  EXPECT_THAT(text, HasSubstr("\n本届洽谈会共征集技术需求15项。\n"));
}

}  // namespace
}  // namespace techmatch::client
