// The programme report's narrative in all three languages, and the shared wording helpers.
#include "core/reports/programme_narrative.h"

#include <string>
#include <vector>

#include "core/reports/narrative_wording.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr int64_t kYuan = 100;
constexpr int64_t kWan = 10000 * kYuan;

Currency Cny() { return *Currency::FromCode("CNY"); }

Indicator IndicatorOf(std::string code, std::string zh, std::string en, IndicatorUnit unit) {
  Indicator indicator;
  indicator.meta.id = std::move(code);
  indicator.display_name_zh = std::move(zh);
  indicator.display_name_en = std::move(en);
  indicator.unit = unit;
  return indicator;
}

ProjectLine Line(std::optional<ProjectLevel> level, ProjectTotals current, ProjectTotals previous) {
  ProjectLine line{level, current, previous, {}, {}, {}};
  line.count_change = *ChangeAgainst(current.count, previous.count);
  line.approved_change = *ChangeAgainst(current.approved, previous.approved);
  line.arrived_change = *ChangeAgainst(current.arrived, previous.arrived);
  return line;
}

// A city's year with every section filled.
ProgrammeReport CityYear() {
  ProgrammeReport report;
  report.year = 2026;
  RegionProgrammeReport& r = report.region;
  r.region_code = "510100";
  r.indicators = {
      {IndicatorOf("spark_trainees", "星火培训人次", "Spark programme trainees",
                   IndicatorUnit::kCount),
       10000, 12345, 12345, Assessment::kMet},
      {IndicatorOf("new_output_value", "新增产值", "New output value", IndicatorUnit::kMoney),
       50000 * kWan, 42000 * kWan, 8400, Assessment::kNotMet},
      {IndicatorOf("patent_applications", "专利申请量", "Patent applications",
                   IndicatorUnit::kCount),
       std::nullopt, 340, std::nullopt, std::nullopt},
      {IndicatorOf("rd_budget", "研发经费", "R&D expenditure", IndicatorUnit::kMoney), 10000 * kWan,
       std::nullopt, std::nullopt, Assessment::kPending},
  };
  EventFigures spring;
  spring.event_display_name = "2026年产学研合作洽谈会";
  EventFigures autumn;
  autumn.event_display_name = "秋季科技成果展示会";
  report.events = {{"spring", spring}, {"autumn", autumn}};
  r.agreements.agreement_count = 45;
  r.agreements.supplier_count = 12;
  r.agreements.demander_count = 30;
  r.agreements.sums[static_cast<size_t>(AmountField::kTotalInvestment)] = 32000 * kWan;
  r.agreements.sums[static_cast<size_t>(AmountField::kContractAmount)] = 4560 * kWan;
  r.agreements.sums[static_cast<size_t>(AmountField::kRealizedOutputValue)] = 8000 * kWan;
  r.projects.levels = {
      Line(ProjectLevel::kNational, {5, 980 * kWan, 985 * kWan}, {4, 800 * kWan, 695 * kWan}),
      Line(ProjectLevel::kProvincial, {12, 1500 * kWan, 1200 * kWan},
           {15, 1800 * kWan, 1500 * kWan}),
      Line(ProjectLevel::kCounty, {20, 300 * kWan, 300 * kWan}, {}),
  };
  r.projects.total =
      Line(std::nullopt, {37, 2780 * kWan, 2485 * kWan}, {19, 2600 * kWan, 2195 * kWan});
  r.projects.over_arrived = {
      {"2026-x-1", "秸秆还田", ProjectLevel::kCounty, "510121", 100 * kWan, 120 * kWan}};
  CommissionerTotals& c = r.commissioners;
  c.count = 65;
  c.home_organization_count = 12;
  c.counts = {30, 12, 20, 0, 8, 3};
  c.amounts = {15000 * kWan, 0, 3200 * kWan};
  r.financing = {{FinancingKind::kLoan, {10, 8, 5000 * kWan}},
                 {FinancingKind::kAward, {6, 6, 60 * kWan}}};
  r.financing_total = {16, 13, 5060 * kWan};
  return report;
}

TEST(ProgrammeNarrativeTest, SimplifiedChinese) {
  EXPECT_THAT(
      ProgrammeNarrative(CityYear(), Cny(), NarrativeLanguage::kSimplifiedChinese),
      ElementsAre(
          "2026年，全市目标任务完成情况：星火培训人次完成12345，为目标10000的123.45%，"
          "已完成目标任务；新增产值完成4.2亿元，为目标5亿元的84%，未完成目标任务；"
          "专利申请量完成340；研发经费目标1亿元。",
          "全年举办科技成果对接活动两场（2026年产学研合作洽谈会、秋季科技成果展示会）。"
          "签订各类协议和合同45项，涉及高校和科研院所12家、企业30家，项目总投资3.2亿元，"
          "技术合同金额4560万元；已实现新增产值8000万元。",
          "全年争取各级科技项目37项，批准资金2780万元，到位资金2485万元，比上年增加290万元，"
          "增长13.2%。其中，国家级项目5项，批准资金980万元，到位资金985万元，比上年增加290万元，"
          "增长41.7%；省级项目12项，批准资金1500万元，到位资金1200万元，比上年减少300万元，"
          "下降20.0%；县级项目20项，批准资金300万元，到位资金300万元，比上年增加300万元。"
          "1个项目到位资金超过批准资金，合计超出20万元。",
          "全年选派科技特派员65名，来自12家派出单位，推广新技术30项，引进新品种（新产品）12个，"
          "实施项目20个，服务专业合作社8个，创办企业3家，带动投资1.5亿元，带动农民增收3200万元。",
          "全年科技金融共落实各类资金16笔5060万元，惠及13家单位，其中科技贷款10笔5000万元，"
          "奖励6笔60万元。"));
}

TEST(ProgrammeNarrativeTest, TraditionalChinese) {
  EXPECT_THAT(
      ProgrammeNarrative(CityYear(), Cny(), NarrativeLanguage::kTraditionalChinese),
      ElementsAre(
          "2026年，全市目標任務完成情況：星火培訓人次完成12345，為目標10000的123.45%，"
          "已完成目標任務；新增產值完成4.2億元，為目標5億元的84%，未完成目標任務；"
          "專利申請量完成340；研發經費目標1億元。",
          "全年舉辦科技成果對接活動兩場（2026年產學研合作洽談會、秋季科技成果展示會）。"
          "簽訂各類協議和合同45項，涉及高校和科研院所12家、企業30家，項目總投資3.2億元，"
          "技術合同金額4560萬元；已實現新增產值8000萬元。",
          "全年爭取各級科技項目37項，批准資金2780萬元，到位資金2485萬元，比上年增加290萬元，"
          "增長13.2%。其中，國家級項目5項，批准資金980萬元，到位資金985萬元，比上年增加290萬元，"
          "增長41.7%；省級項目12項，批准資金1500萬元，到位資金1200萬元，比上年減少300萬元，"
          "下降20.0%；縣級項目20項，批准資金300萬元，到位資金300萬元，比上年增加300萬元。"
          "1個項目到位資金超過批准資金，合計超出20萬元。",
          "全年選派科技特派員65名，來自12家派出單位，推廣新技術30項，引進新品種（新產品）12個，"
          "實施項目20個，服務專業合作社8個，創辦企業3家，帶動投資1.5億元，帶動農民增收3200萬元。",
          "全年科技金融共落實各類資金16筆5060萬元，惠及13家單位，其中科技貸款10筆5000萬元，"
          "獎勵6筆60萬元。"));
}

TEST(ProgrammeNarrativeTest, English) {
  EXPECT_THAT(
      ProgrammeNarrative(CityYear(), Cny(), NarrativeLanguage::kEnglish),
      ElementsAre(
          "Targets of the city in 2026: Spark programme trainees: 12345 against a target of 10000 "
          "(123.45%, met); New output value: CNY 420,000,000.00 against a target of CNY "
          "500,000,000.00 (84%, not met); Patent applications: 340; R&D expenditure: target CNY "
          "100,000,000.00.",
          "The city held 2 technology fairs in 2026: 2026年产学研合作洽谈会 and "
          "秋季科技成果展示会. 45 agreements were signed, involving 12 universities and "
          "institutes and 30 enterprises. Total investment CNY 320,000,000.00 and technology "
          "contract amount CNY 45,600,000.00. Realized so far: new output value CNY "
          "80,000,000.00.",
          "The city won 37 projects with approved funds of CNY 27,800,000.00 and arrived funds "
          "of CNY 24,850,000.00 (up CNY 2,900,000.00, +13.2%) in 2026. By level, national: 5 "
          "projects with approved funds of CNY 9,800,000.00 and arrived funds of CNY "
          "9,850,000.00 (up CNY 2,900,000.00, +41.7%); provincial: 12 projects with approved "
          "funds of CNY 15,000,000.00 and arrived funds of CNY 12,000,000.00 (down CNY "
          "3,000,000.00, -20.0%); county: 20 projects with approved funds of CNY 3,000,000.00 "
          "and arrived funds of CNY 3,000,000.00 (up CNY 3,000,000.00). 1 project received more "
          "than was approved, by CNY 200,000.00 in all.",
          "65 technology commissioners from 12 organizations served the city in 2026. Outcomes: "
          "30 technologies promoted, 12 new products introduced, 20 projects carried out, 8 "
          "cooperatives served, 3 enterprises founded, investment brought in CNY "
          "150,000,000.00 and farmers' income increased by CNY 32,000,000.00.",
          "Science and finance: 16 financings of CNY 50,600,000.00 in all went to 13 recipients "
          "in 2026: 10 loans (CNY 50,000,000.00) and 6 awards (CNY 600,000.00)."));
}

TEST(ProgrammeNarrativeTest, ACountyWithOnlyProjectsAndNoPreviousYear) {
  ProgrammeReport report;
  report.year = 2025;
  report.region.region_code = "510121";
  report.region.projects.levels = {Line(ProjectLevel::kCounty, {3, 0, 12345 * kYuan}, {})};
  report.region.projects.total = Line(std::nullopt, {3, 0, 12345 * kYuan}, {});
  EXPECT_THAT(ProgrammeNarrative(report, Cny(), NarrativeLanguage::kSimplifiedChinese),
              ElementsAre("全年争取各级科技项目3项，批准资金0元，到位资金1.23万元，比上年增加"
                          "1.23万元。其中，县级项目3项，批准资金0元，到位资金1.23万元，比上年增加"
                          "1.23万元。"));
  EXPECT_THAT(ProgrammeNarrative(report, Cny(), NarrativeLanguage::kEnglish),
              ElementsAre("The county won 3 projects with approved funds of CNY 0.00 and arrived "
                          "funds of CNY 12,345.00 (up CNY 12,345.00) in 2025. By level, county: 3 "
                          "projects with approved funds of CNY 0.00 and arrived funds of CNY "
                          "12,345.00 (up CNY 12,345.00)."));
}

TEST(ProgrammeNarrativeTest, AnUnchangedYearAndAProvince) {
  ProgrammeReport report;
  report.year = 2026;
  report.region.region_code = "510000";
  report.region.indicators = {
      {IndicatorOf("enterprise_it_pilots", "企业信息化试点企业", "", IndicatorUnit::kPercent),
       std::nullopt, 4550, std::nullopt, std::nullopt}};
  report.region.projects.levels = {
      Line(ProjectLevel::kNational, {1, 5 * kWan, 5 * kWan}, {2, 5 * kWan, 5 * kWan})};
  report.region.projects.total = report.region.projects.levels[0];
  report.region.projects.total.level = std::nullopt;
  EXPECT_THAT(ProgrammeNarrative(report, Cny(), NarrativeLanguage::kTraditionalChinese),
              ElementsAre("2026年，全省目標任務完成情況：企業信息化試點企業完成45.5%。",
                          "全年爭取各級科技項目1項，批准資金5萬元，到位資金5萬元，與上年持平。"
                          "其中，國家級項目1項，批准資金5萬元，到位資金5萬元，與上年持平。"));
  // Without an English name the code stands in.
  EXPECT_EQ(ProgrammeNarrative(report, Cny(), NarrativeLanguage::kEnglish)[0],
            "Targets of the province in 2026: enterprise_it_pilots: 45.5%.");
}

TEST(ProgrammeNarrativeTest, AnEmptyYearSaysNothing) {
  ProgrammeReport report;
  report.year = 2026;
  report.region.region_code = "510100";
  for (NarrativeLanguage language :
       {NarrativeLanguage::kSimplifiedChinese, NarrativeLanguage::kTraditionalChinese,
        NarrativeLanguage::kEnglish}) {
    EXPECT_THAT(ProgrammeNarrative(report, Cny(), language), IsEmpty());
  }
}

TEST(NarrativeWordingTest, ChineseNumeralsForSmallCounts) {
  EXPECT_EQ(ChineseNumeral(0, ChineseScript::kSimplified), "零");
  EXPECT_EQ(ChineseNumeral(1, ChineseScript::kSimplified), "一");
  EXPECT_EQ(ChineseNumeral(2, ChineseScript::kSimplified), "两");
  EXPECT_EQ(ChineseNumeral(2, ChineseScript::kTraditional), "兩");
  EXPECT_EQ(ChineseNumeral(3, ChineseScript::kSimplified), "三");
  EXPECT_EQ(ChineseNumeral(10, ChineseScript::kSimplified), "十");
  EXPECT_EQ(ChineseNumeral(12, ChineseScript::kSimplified), "十二");
  EXPECT_EQ(ChineseNumeral(20, ChineseScript::kSimplified), "二十");
  EXPECT_EQ(ChineseNumeral(22, ChineseScript::kSimplified), "二十二");
  EXPECT_EQ(ChineseNumeral(99, ChineseScript::kSimplified), "九十九");
  EXPECT_EQ(ChineseNumeral(100, ChineseScript::kSimplified), "100");
}

TEST(NarrativeWordingTest, Percentages) {
  EXPECT_EQ(PercentText(10000), "100%");
  EXPECT_EQ(PercentText(12345), "123.45%");
  EXPECT_EQ(PercentText(4170), "41.7%");
  EXPECT_EQ(PercentText(5), "0.05%");
  EXPECT_EQ(PercentText(-250), "-2.5%");
  EXPECT_EQ(ChangePercentText(4170), "41.7%");
  EXPECT_EQ(ChangePercentText(-2000), "20.0%");
  EXPECT_EQ(ChangePercentText(0), "0.0%");
}

}  // namespace
}  // namespace techmatch
