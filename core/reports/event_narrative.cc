#include "core/reports/event_narrative.h"

#include <array>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/money/amount_text.h"
#include "core/reports/narrative_wording.h"

namespace techmatch {
namespace {

// The Chinese phrases of one script.
struct ChinesePhrases {
  absl::string_view collected;     // 共征集企业技术需求
  absl::string_view item;          // 项
  absl::string_view universities;  // 所高校
  absl::string_view institutes;    // 家科研院所
  absl::string_view took_part;     // 参会
  absl::string_view presented;     // 发布科技成果
  absl::string_view with;          // 与
  absl::string_view framework;     // 签订校市（院市）科技合作协议
  absl::string_view contracts;     // 签订技术合同
  absl::string_view involving;     // 涉及高校和科研院所
  absl::string_view org_unit;      // 家
  absl::string_view enterprises;   // 企业
  std::array<absl::string_view, 4> planned;  // 项目总投资, 技术合同金额, 预计销售收入, 预计利税
  absl::string_view realized_intro;           // 已实现
  std::array<absl::string_view, 2> realized;  // 新增产值, 新增利税
  ChineseScript script;
};

constexpr ChinesePhrases kSimplified{"共征集企业技术需求",
                                     "项",
                                     "所高校",
                                     "家科研院所",
                                     "参会",
                                     "发布科技成果",
                                     "与",
                                     "签订校市（院市）科技合作协议",
                                     "签订技术合同",
                                     "涉及高校和科研院所",
                                     "家",
                                     "企业",
                                     {"项目总投资", "技术合同金额", "预计销售收入", "预计利税"},
                                     "已实现",
                                     {"新增产值", "新增利税"},
                                     ChineseScript::kSimplified};

constexpr ChinesePhrases kTraditional{"共徵集企業技術需求",
                                      "項",
                                      "所高校",
                                      "家科研院所",
                                      "參會",
                                      "發布科技成果",
                                      "與",
                                      "簽訂校市（院市）科技合作協議",
                                      "簽訂技術合同",
                                      "涉及高校和科研院所",
                                      "家",
                                      "企業",
                                      {"項目總投資", "技術合同金額", "預計銷售收入", "預計利稅"},
                                      "已實現",
                                      {"新增產值", "新增利稅"},
                                      ChineseScript::kTraditional};

constexpr std::array<AmountField, 4> kPlanned = {
    AmountField::kTotalInvestment, AmountField::kContractAmount, AmountField::kExpectedSalesRevenue,
    AmountField::kExpectedProfitTax};
constexpr std::array<AmountField, 2> kRealized = {AmountField::kRealizedOutputValue,
                                                  AmountField::kRealizedProfitTax};

std::string ChineseNarrative(const EventFigures& f, const Currency& currency,
                             const ChinesePhrases& p) {
  std::string text =
      absl::StrCat(InScript(f.event_display_name, p.script), p.collected, f.needs_count, p.item);
  std::vector<std::string> attendees;
  if (f.university_count > 0) attendees.push_back(absl::StrCat(f.university_count, p.universities));
  if (f.research_institute_count > 0) {
    attendees.push_back(absl::StrCat(f.research_institute_count, p.institutes));
  }
  if (!attendees.empty()) absl::StrAppend(&text, "，", absl::StrJoin(attendees, "、"), p.took_part);
  if (f.offerings_count > 0) absl::StrAppend(&text, "，", p.presented, f.offerings_count, p.item);
  absl::StrAppend(&text, "。");
  if (f.framework.agreement_count > 0) {
    if (!f.framework_partners.empty()) {
      absl::StrAppend(&text, p.with,
                      absl::StrJoin(f.framework_partners, "、",
                                    [&p](std::string* out, const std::string& name) {
                                      out->append(InScript(name, p.script));
                                    }));
    }
    absl::StrAppend(&text, p.framework, f.framework.agreement_count, p.item, "。");
  }
  std::vector<std::string> money;
  for (size_t i = 0; i < kPlanned.size(); ++i) {
    const int64_t sum = f.total.sum(kPlanned[i]);
    if (sum > 0)
      money.push_back(absl::StrCat(p.planned[i], ChineseAmount(sum, currency, p.script)));
  }
  if (f.technology.agreement_count > 0) {
    absl::StrAppend(&text, p.contracts, f.technology.agreement_count, p.item, "，", p.involving,
                    f.technology.supplier_count, p.org_unit, "、", p.enterprises,
                    f.technology.demander_count, p.org_unit);
    if (!money.empty()) absl::StrAppend(&text, "，", absl::StrJoin(money, "，"));
    absl::StrAppend(&text, "。");
  } else if (!money.empty()) {
    absl::StrAppend(&text, absl::StrJoin(money, "，"), "。");
  }
  std::vector<std::string> realized;
  for (size_t i = 0; i < kRealized.size(); ++i) {
    const int64_t sum = f.total.sum(kRealized[i]);
    if (sum > 0) {
      realized.push_back(absl::StrCat(p.realized[i], ChineseAmount(sum, currency, p.script)));
    }
  }
  if (!realized.empty())
    absl::StrAppend(&text, p.realized_intro, absl::StrJoin(realized, "，"), "。");
  return text;
}

std::string EnglishNarrative(const EventFigures& f, const Currency& currency) {
  std::vector<std::string> clauses;
  clauses.push_back(
      absl::StrCat(Counted(f.needs_count, "technology need was", "technology needs were"),
                   " collected from enterprises"));
  std::vector<std::string> attendees;
  if (f.university_count > 0) {
    attendees.push_back(Counted(f.university_count, "university", "universities"));
  }
  if (f.research_institute_count > 0) {
    attendees.push_back(
        Counted(f.research_institute_count, "research institute", "research institutes"));
  }
  if (!attendees.empty()) clauses.push_back(absl::StrCat(EnglishList(attendees), " took part"));
  if (f.offerings_count > 0) {
    clauses.push_back(absl::StrCat(
        Counted(f.offerings_count, "technology achievement was", "technology achievements were"),
        " presented"));
  }
  std::string text =
      absl::StrCat("At ", f.event_display_name, ", ", absl::StrJoin(clauses, "; "), ".");
  if (f.framework.agreement_count > 0) {
    absl::StrAppend(
        &text, " ",
        Counted(f.framework.agreement_count, "framework cooperation agreement was signed",
                "framework cooperation agreements were signed"));
    if (!f.framework_partners.empty()) {
      absl::StrAppend(&text, " with ", EnglishList(f.framework_partners));
    }
    absl::StrAppend(&text, ".");
  }
  if (f.technology.agreement_count > 0) {
    absl::StrAppend(&text, " ",
                    Counted(f.technology.agreement_count, "technology contract was signed",
                            "technology contracts were signed"),
                    " between ",
                    Counted(f.technology.supplier_count, "university or institute",
                            "universities and institutes"),
                    " and ", Counted(f.technology.demander_count, "enterprise", "enterprises"),
                    ".");
  }
  static constexpr std::array<absl::string_view, 4> kPlannedNames = {
      "total investment", "technology contract amount", "expected sales revenue",
      "expected profit and taxes"};
  std::vector<std::string> money;
  for (size_t i = 0; i < kPlanned.size(); ++i) {
    const int64_t sum = f.total.sum(kPlanned[i]);
    if (sum > 0) money.push_back(absl::StrCat(kPlannedNames[i], " ", EnglishAmount(sum, currency)));
  }
  if (!money.empty()) {
    absl::StrAppend(&text, " ", Capitalized(EnglishList(money)), ".");
  }
  static constexpr std::array<absl::string_view, 2> kRealizedNames = {"new output value",
                                                                      "new profit and taxes"};
  std::vector<std::string> realized;
  for (size_t i = 0; i < kRealized.size(); ++i) {
    const int64_t sum = f.total.sum(kRealized[i]);
    if (sum > 0) {
      realized.push_back(absl::StrCat(kRealizedNames[i], " ", EnglishAmount(sum, currency)));
    }
  }
  if (!realized.empty()) absl::StrAppend(&text, " Realized so far: ", EnglishList(realized), ".");
  return text;
}

}  // namespace

std::string EventNarrative(const EventFigures& figures, const Currency& currency,
                           NarrativeLanguage language) {
  switch (language) {
    case NarrativeLanguage::kSimplifiedChinese:
      return ChineseNarrative(figures, currency, kSimplified);
    case NarrativeLanguage::kTraditionalChinese:
      return ChineseNarrative(figures, currency, kTraditional);
    case NarrativeLanguage::kEnglish:
      return EnglishNarrative(figures, currency);
  }
  return ChineseNarrative(figures, currency, kSimplified);
}

}  // namespace techmatch
