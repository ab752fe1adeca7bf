// The event narrative in all three languages, and the language codes it accepts.
#include "core/reports/event_narrative.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;

constexpr int64_t kFenPerYuan = 100;

EventFigures SampleFigures(std::string name, std::vector<std::string> partners) {
  EventFigures f;
  f.event_display_name = std::move(name);
  f.needs_count = 120;
  f.offerings_count = 350;
  f.university_count = 12;
  f.research_institute_count = 8;
  f.enterprise_count = 90;
  f.framework.agreement_count = 2;
  f.framework.supplier_count = 2;
  f.framework_partners = std::move(partners);
  f.technology.agreement_count = 86;
  f.technology.supplier_count = 35;
  f.technology.demander_count = 72;
  f.total.agreement_count = 88;
  f.total.sums[static_cast<size_t>(AmountField::kTotalInvestment)] = 2860000000LL * kFenPerYuan;
  f.total.sums[static_cast<size_t>(AmountField::kContractAmount)] = 230000000LL * kFenPerYuan;
  f.total.sums[static_cast<size_t>(AmountField::kExpectedSalesRevenue)] =
      9650000000LL * kFenPerYuan;
  f.total.sums[static_cast<size_t>(AmountField::kExpectedProfitTax)] = 1230000000LL * kFenPerYuan;
  return f;
}

Currency Cny() { return *Currency::FromCode("CNY"); }

TEST(EventNarrativeTest, SimplifiedChinese) {
  const EventFigures f = SampleFigures("2026年产学研合作洽谈会", {"四川大学", "西南医科大学"});
  EXPECT_EQ(EventNarrative(f, Cny(), NarrativeLanguage::kSimplifiedChinese),
            "2026年产学研合作洽谈会共征集企业技术需求120项，12所高校、8家科研院所参会，"
            "发布科技成果350项。与四川大学、西南医科大学签订校市（院市）科技合作协议2项。"
            "签订技术合同86项，涉及高校和科研院所35家、企业72家，项目总投资28.6亿元，"
            "技术合同金额2.3亿元，预计销售收入96.5亿元，预计利税12.3亿元。");
}

TEST(EventNarrativeTest, TraditionalChinese) {
  const EventFigures f = SampleFigures("2026年產學研合作洽談會", {"四川大學", "西南醫科大學"});
  EXPECT_EQ(EventNarrative(f, Cny(), NarrativeLanguage::kTraditionalChinese),
            "2026年產學研合作洽談會共徵集企業技術需求120項，12所高校、8家科研院所參會，"
            "發布科技成果350項。與四川大學、西南醫科大學簽訂校市（院市）科技合作協議2項。"
            "簽訂技術合同86項，涉及高校和科研院所35家、企業72家，項目總投資28.6億元，"
            "技術合同金額2.3億元，預計銷售收入96.5億元，預計利稅12.3億元。");
}

TEST(EventNarrativeTest, NamesFollowTheNarrativesScriptWhateverTheyAreStoredIn) {
  // Names stored in mixed scripts; the stored figures are not changed.
  const EventFigures f = SampleFigures("2026年產學研合作洽談會", {"四川大學", "西南医科大学"});
  const std::string simplified = EventNarrative(f, Cny(), NarrativeLanguage::kSimplifiedChinese);
  EXPECT_THAT(simplified, ::testing::StartsWith("2026年产学研合作洽谈会共征集"));
  EXPECT_THAT(simplified, ::testing::HasSubstr("与四川大学、西南医科大学签订"));
  const std::string traditional = EventNarrative(f, Cny(), NarrativeLanguage::kTraditionalChinese);
  EXPECT_THAT(traditional, ::testing::StartsWith("2026年產學研合作洽談會共徵集"));
  EXPECT_THAT(traditional, ::testing::HasSubstr("與四川大學、西南醫科大學簽訂"));
  EXPECT_EQ(f.framework_partners[1], "西南医科大学");
}

TEST(EventNarrativeTest, English) {
  const EventFigures f =
      SampleFigures("the 2026 Fair", {"Sichuan University", "Southwest Medical University"});
  EXPECT_EQ(EventNarrative(f, Cny(), NarrativeLanguage::kEnglish),
            "At the 2026 Fair, 120 technology needs were collected from enterprises; 12 "
            "universities and 8 research institutes took part; 350 technology achievements were "
            "presented. 2 framework cooperation agreements were signed with Sichuan University "
            "and Southwest Medical University. 86 technology contracts were signed between 35 "
            "universities and institutes and 72 enterprises. Total investment CNY "
            "2,860,000,000.00, technology contract amount CNY 230,000,000.00, expected sales "
            "revenue CNY 9,650,000,000.00 and expected profit and taxes CNY 1,230,000,000.00.");
}

TEST(EventNarrativeTest, ZeroClausesAreLeftOutAndRealizedFiguresAppear) {
  EventFigures f;
  f.event_display_name = "秋季洽谈会";
  f.needs_count = 3;
  f.research_institute_count = 1;
  f.technology.agreement_count = 1;
  f.technology.supplier_count = 1;
  f.technology.demander_count = 1;
  f.total.agreement_count = 1;
  f.total.sums[static_cast<size_t>(AmountField::kContractAmount)] = 12345 * kFenPerYuan;
  f.total.sums[static_cast<size_t>(AmountField::kRealizedOutputValue)] = 800 * kFenPerYuan;
  EXPECT_EQ(EventNarrative(f, Cny(), NarrativeLanguage::kSimplifiedChinese),
            "秋季洽谈会共征集企业技术需求3项，1家科研院所参会。签订技术合同1项，涉及高校和科研院所"
            "1家、企业1家，技术合同金额1.23万元。已实现新增产值800元。");
  EXPECT_EQ(EventNarrative(f, Cny(), NarrativeLanguage::kTraditionalChinese),
            "秋季洽談會共徵集企業技術需求3項，1家科研院所參會。簽訂技術合同1項，涉及高校和科研院所"
            "1家、企業1家，技術合同金額1.23萬元。已實現新增產值800元。");
  EXPECT_EQ(EventNarrative(f, Cny(), NarrativeLanguage::kEnglish),
            "At 秋季洽谈会, 3 technology needs were collected from enterprises; 1 research "
            "institute took part. 1 technology contract was signed between 1 university or "
            "institute and 1 enterprise. Technology contract amount CNY 12,345.00. Realized so "
            "far: new output value CNY 800.00.");
}

TEST(EventNarrativeTest, FrameworkAgreementsWithoutNamesOrMoney) {
  EventFigures f;
  f.event_display_name = "校市合作签约会";
  f.university_count = 2;
  f.framework.agreement_count = 2;
  EXPECT_EQ(EventNarrative(f, Cny(), NarrativeLanguage::kSimplifiedChinese),
            "校市合作签约会共征集企业技术需求0项，2所高校参会。签订校市（院市）科技合作协议2项。");
}

TEST(EventNarrativeTest, LanguageCodes) {
  EXPECT_EQ(*ParseNarrativeLanguage(""), NarrativeLanguage::kSimplifiedChinese);
  EXPECT_EQ(*ParseNarrativeLanguage("zh-Hans"), NarrativeLanguage::kSimplifiedChinese);
  EXPECT_EQ(*ParseNarrativeLanguage("zh-CN"), NarrativeLanguage::kSimplifiedChinese);
  EXPECT_EQ(*ParseNarrativeLanguage("zh-hant"), NarrativeLanguage::kTraditionalChinese);
  EXPECT_EQ(*ParseNarrativeLanguage("zh-TW"), NarrativeLanguage::kTraditionalChinese);
  EXPECT_EQ(*ParseNarrativeLanguage("en"), NarrativeLanguage::kEnglish);
  EXPECT_EQ(*ParseNarrativeLanguage("en-GB"), NarrativeLanguage::kEnglish);
  EXPECT_THAT(ParseNarrativeLanguage("fr"),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("language_code")));
  EXPECT_EQ(NarrativeLanguageCode(NarrativeLanguage::kTraditionalChinese), "zh-Hant");
}

}  // namespace
}  // namespace techmatch
