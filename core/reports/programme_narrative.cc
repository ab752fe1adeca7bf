#include "core/reports/programme_narrative.h"

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/money/amount_text.h"
#include "core/reference/region_code.h"
#include "core/reports/narrative_wording.h"

namespace techmatch {
namespace {

// The Chinese phrases of one script, in the order the paragraphs use them.
struct ChinesePhrases {
  std::array<absl::string_view, 3> whole_region;  // 全省, 全市, 全县 (by RegionLevel)
  absl::string_view year;                         // 年
  absl::string_view targets_intro;                // 目标任务完成情况：
  absl::string_view completed;                    // 完成
  absl::string_view of_target;                    // ，为目标
  absl::string_view of;                           // 的
  absl::string_view met;                          // ，已完成目标任务
  absl::string_view not_met;                      // ，未完成目标任务
  absl::string_view target;                       // 目标
  absl::string_view held;                         // 全年举办科技成果对接活动
  absl::string_view sessions;                     // 场
  absl::string_view signed_agreements;            // 签订各类协议和合同
  absl::string_view item;                         // 项
  absl::string_view involving;                    // 涉及
  absl::string_view institutions;                 // 高校和科研院所
  absl::string_view org_unit;                     // 家
  absl::string_view enterprises;                  // 企业
  std::array<absl::string_view, 4> planned;  // 项目总投资, 技术合同金额, 预计销售收入, 预计利税
  absl::string_view realized_intro;           // 已实现
  std::array<absl::string_view, 2> realized;  // 新增产值, 新增利税
  absl::string_view won;                      // 全年争取各级科技项目
  absl::string_view approved;                 // 批准资金
  absl::string_view arrived;                  // 到位资金
  absl::string_view up;                       // 比上年增加
  absl::string_view grew;                     // 增长
  absl::string_view down;                     // 比上年减少
  absl::string_view fell;                     // 下降
  absl::string_view flat;                     // 与上年持平
  absl::string_view among;                    // 其中
  std::array<absl::string_view, 4> levels;    // 国家级, 省级, 市级, 县级
  absl::string_view projects;                 // 项目
  absl::string_view over_unit;   // 个项目到位资金超过批准资金，合计超出
  absl::string_view sent;        // 全年选派科技特派员
  absl::string_view persons;     // 名
  absl::string_view from;        // 来自
  absl::string_view home_units;  // 家派出单位
  // 推广新技术…项, 引进新品种（新产品）…个, 实施项目…个, 领办合办经济实体…个,
  // 服务专业合作社…个, 创办企业…家: a phrase and its measure word each.
  std::array<std::pair<absl::string_view, absl::string_view>, kOutcomeCountFields> outcomes;
  std::array<absl::string_view, kOutcomeAmountFields> outcome_amounts;  // 带动投资, …
  absl::string_view financed;              // 全年科技金融共落实各类资金
  absl::string_view deals;                 // 笔
  absl::string_view reaching;              // 惠及
  absl::string_view recipients;            // 家单位
  std::array<absl::string_view, 5> kinds;  // 科技贷款, 担保, 股权投资, 奖励, 补助
  ChineseScript script;
};

constexpr ChinesePhrases kSimplified{{"全省", "全市", "全县"},
                                     "年",
                                     "目标任务完成情况：",
                                     "完成",
                                     "，为目标",
                                     "的",
                                     "，已完成目标任务",
                                     "，未完成目标任务",
                                     "目标",
                                     "全年举办科技成果对接活动",
                                     "场",
                                     "签订各类协议和合同",
                                     "项",
                                     "涉及",
                                     "高校和科研院所",
                                     "家",
                                     "企业",
                                     {"项目总投资", "技术合同金额", "预计销售收入", "预计利税"},
                                     "已实现",
                                     {"新增产值", "新增利税"},
                                     "全年争取各级科技项目",
                                     "批准资金",
                                     "到位资金",
                                     "比上年增加",
                                     "增长",
                                     "比上年减少",
                                     "下降",
                                     "与上年持平",
                                     "其中",
                                     {"国家级", "省级", "市级", "县级"},
                                     "项目",
                                     "个项目到位资金超过批准资金，合计超出",
                                     "全年选派科技特派员",
                                     "名",
                                     "来自",
                                     "家派出单位",
                                     {{{"推广新技术", "项"},
                                       {"引进新品种（新产品）", "个"},
                                       {"实施项目", "个"},
                                       {"领办合办经济实体", "个"},
                                       {"服务专业合作社", "个"},
                                       {"创办企业", "家"}}},
                                     {"带动投资", "创造利润", "带动农民增收"},
                                     "全年科技金融共落实各类资金",
                                     "笔",
                                     "惠及",
                                     "家单位",
                                     {"科技贷款", "担保", "股权投资", "奖励", "补助"},
                                     ChineseScript::kSimplified};

constexpr ChinesePhrases kTraditional{{"全省", "全市", "全縣"},
                                      "年",
                                      "目標任務完成情況：",
                                      "完成",
                                      "，為目標",
                                      "的",
                                      "，已完成目標任務",
                                      "，未完成目標任務",
                                      "目標",
                                      "全年舉辦科技成果對接活動",
                                      "場",
                                      "簽訂各類協議和合同",
                                      "項",
                                      "涉及",
                                      "高校和科研院所",
                                      "家",
                                      "企業",
                                      {"項目總投資", "技術合同金額", "預計銷售收入", "預計利稅"},
                                      "已實現",
                                      {"新增產值", "新增利稅"},
                                      "全年爭取各級科技項目",
                                      "批准資金",
                                      "到位資金",
                                      "比上年增加",
                                      "增長",
                                      "比上年減少",
                                      "下降",
                                      "與上年持平",
                                      "其中",
                                      {"國家級", "省級", "市級", "縣級"},
                                      "項目",
                                      "個項目到位資金超過批准資金，合計超出",
                                      "全年選派科技特派員",
                                      "名",
                                      "來自",
                                      "家派出單位",
                                      {{{"推廣新技術", "項"},
                                        {"引進新品種（新產品）", "個"},
                                        {"實施項目", "個"},
                                        {"領辦合辦經濟實體", "個"},
                                        {"服務專業合作社", "個"},
                                        {"創辦企業", "家"}}},
                                      {"帶動投資", "創造利潤", "帶動農民增收"},
                                      "全年科技金融共落實各類資金",
                                      "筆",
                                      "惠及",
                                      "家單位",
                                      {"科技貸款", "擔保", "股權投資", "獎勵", "補助"},
                                      ChineseScript::kTraditional};

constexpr std::array<AmountField, 4> kPlanned = {
    AmountField::kTotalInvestment, AmountField::kContractAmount, AmountField::kExpectedSalesRevenue,
    AmountField::kExpectedProfitTax};
constexpr std::array<AmountField, 2> kRealized = {AmountField::kRealizedOutputValue,
                                                  AmountField::kRealizedProfitTax};

size_t LevelIndex(ProjectLevel level) { return static_cast<size_t>(level) - 1; }
size_t KindIndex(FinancingKind kind) { return static_cast<size_t>(kind) - 1; }
size_t RegionIndex(absl::string_view region) { return static_cast<size_t>(LevelOf(region)) - 1; }

// The sum of the over-arrived projects' excesses; nullopt when it would overflow.
std::optional<int64_t> TotalExcess(const std::vector<OverArrivedProject>& projects) {
  int64_t total = 0;
  for (const OverArrivedProject& p : projects) {
    if (__builtin_add_overflow(total, p.arrived - p.approved, &total)) return std::nullopt;
  }
  return total;
}

// --- Chinese ------------------------------------------------------------------------------

std::string ChineseValue(IndicatorUnit unit, int64_t value, const Currency& currency,
                         ChineseScript script) {
  switch (unit) {
    case IndicatorUnit::kMoney:
      return ChineseAmount(value, currency, script);
    case IndicatorUnit::kPercent:
      return PercentText(value);
    case IndicatorUnit::kCount:
      break;
  }
  return absl::StrCat(value);
}

std::string ChineseIndicators(const ProgrammeReport& report, const Currency& currency,
                              const ChinesePhrases& p) {
  std::vector<std::string> lines;
  for (const IndicatorLine& line : report.region.indicators) {
    const IndicatorUnit unit = line.indicator.unit;
    std::string text = InScript(line.indicator.display_name_zh, p.script);
    if (line.actual.has_value()) {
      absl::StrAppend(&text, p.completed, ChineseValue(unit, *line.actual, currency, p.script));
      if (line.target.has_value()) {
        absl::StrAppend(&text, p.of_target, ChineseValue(unit, *line.target, currency, p.script),
                        p.of, PercentText(line.completion_bp.value_or(0)));
      }
    } else {
      absl::StrAppend(&text, p.target, ChineseValue(unit, *line.target, currency, p.script));
    }
    if (line.assessment == Assessment::kMet) absl::StrAppend(&text, p.met);
    if (line.assessment == Assessment::kNotMet) absl::StrAppend(&text, p.not_met);
    lines.push_back(std::move(text));
  }
  if (lines.empty()) return "";
  return absl::StrCat(report.year, p.year, "，",
                      p.whole_region[RegionIndex(report.region.region_code)], p.targets_intro,
                      absl::StrJoin(lines, "；"), "。");
}

std::string ChineseFairs(const ProgrammeReport& report, const Currency& currency,
                         const ChinesePhrases& p) {
  std::string text;
  if (!report.events.empty()) {
    std::vector<std::string> names;
    for (const auto& [id, figures] : report.events) {
      names.push_back(InScript(figures.event_display_name, p.script));
    }
    absl::StrAppend(&text, p.held,
                    ChineseNumeral(static_cast<int64_t>(report.events.size()), p.script),
                    p.sessions, "（", absl::StrJoin(names, "、"), "）。");
  }
  const AgreementTotals& a = report.region.agreements;
  if (a.agreement_count == 0) return text;
  absl::StrAppend(&text, p.signed_agreements, a.agreement_count, p.item);
  std::vector<std::string> parties;
  if (a.supplier_count > 0) {
    parties.push_back(absl::StrCat(p.institutions, a.supplier_count, p.org_unit));
  }
  if (a.demander_count > 0) {
    parties.push_back(absl::StrCat(p.enterprises, a.demander_count, p.org_unit));
  }
  if (!parties.empty()) absl::StrAppend(&text, "，", p.involving, absl::StrJoin(parties, "、"));
  for (size_t i = 0; i < kPlanned.size(); ++i) {
    const int64_t sum = a.sum(kPlanned[i]);
    if (sum > 0) absl::StrAppend(&text, "，", p.planned[i], ChineseAmount(sum, currency, p.script));
  }
  std::vector<std::string> realized;
  for (size_t i = 0; i < kRealized.size(); ++i) {
    const int64_t sum = a.sum(kRealized[i]);
    if (sum > 0) {
      realized.push_back(absl::StrCat(p.realized[i], ChineseAmount(sum, currency, p.script)));
    }
  }
  if (!realized.empty())
    absl::StrAppend(&text, "；", p.realized_intro, absl::StrJoin(realized, "，"));
  absl::StrAppend(&text, "。");
  return text;
}

// "，比上年增加290万元，增长41.7%" and the like, for an amount's change.
std::string ChineseChange(const YearChange& change, const Currency& currency,
                          const ChinesePhrases& p) {
  if (change.difference == 0) return absl::StrCat("，", p.flat);
  const bool up = change.difference > 0;
  // The difference of two non-negative amounts: its magnitude fits.
  const int64_t magnitude = up ? change.difference : -change.difference;
  std::string text =
      absl::StrCat("，", up ? p.up : p.down, ChineseAmount(magnitude, currency, p.script));
  if (change.percent_bp.has_value()) {
    absl::StrAppend(&text, "，", up ? p.grew : p.fell, ChangePercentText(*change.percent_bp));
  }
  return text;
}

std::string ChineseProjectFigures(const ProjectLine& line, const Currency& currency,
                                  const ChinesePhrases& p) {
  return absl::StrCat(line.current.count, p.item, "，", p.approved,
                      ChineseAmount(line.current.approved, currency, p.script), "，", p.arrived,
                      ChineseAmount(line.current.arrived, currency, p.script),
                      ChineseChange(line.arrived_change, currency, p));
}

std::string ChineseProjects(const ProgrammeReport& report, const Currency& currency,
                            const ChinesePhrases& p) {
  const ProjectSection& s = report.region.projects;
  if (s.levels.empty()) return "";
  std::string text = absl::StrCat(p.won, ChineseProjectFigures(s.total, currency, p), "。");
  std::vector<std::string> levels;
  for (const ProjectLine& line : s.levels) {
    levels.push_back(absl::StrCat(p.levels[LevelIndex(*line.level)], p.projects,
                                  ChineseProjectFigures(line, currency, p)));
  }
  absl::StrAppend(&text, p.among, "，", absl::StrJoin(levels, "；"), "。");
  if (!s.over_arrived.empty()) {
    absl::StrAppend(&text, s.over_arrived.size(), p.over_unit);
    const std::optional<int64_t> excess = TotalExcess(s.over_arrived);
    if (excess.has_value()) absl::StrAppend(&text, ChineseAmount(*excess, currency, p.script));
    absl::StrAppend(&text, "。");
  }
  return text;
}

std::string ChineseCommissioners(const ProgrammeReport& report, const Currency& currency,
                                 const ChinesePhrases& p) {
  const CommissionerTotals& c = report.region.commissioners;
  if (c.count == 0) return "";
  std::string text = absl::StrCat(p.sent, c.count, p.persons, "，", p.from,
                                  c.home_organization_count, p.home_units);
  for (size_t i = 0; i < kOutcomeCountFields; ++i) {
    if (c.counts[i] > 0) {
      absl::StrAppend(&text, "，", p.outcomes[i].first, c.counts[i], p.outcomes[i].second);
    }
  }
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
    if (c.amounts[i] > 0) {
      absl::StrAppend(&text, "，", p.outcome_amounts[i],
                      ChineseAmount(c.amounts[i], currency, p.script));
    }
  }
  absl::StrAppend(&text, "。");
  return text;
}

std::string ChineseFinancing(const ProgrammeReport& report, const Currency& currency,
                             const ChinesePhrases& p) {
  const FinancingTotals& total = report.region.financing_total;
  if (total.count == 0) return "";
  std::vector<std::string> kinds;
  for (const auto& [kind, totals] : report.region.financing) {
    kinds.push_back(absl::StrCat(p.kinds[KindIndex(kind)], totals.count, p.deals,
                                 ChineseAmount(totals.amount, currency, p.script)));
  }
  return absl::StrCat(p.financed, total.count, p.deals,
                      ChineseAmount(total.amount, currency, p.script), "，", p.reaching,
                      total.recipient_count, p.recipients, "，", p.among,
                      absl::StrJoin(kinds, "，"), "。");
}

std::vector<std::string> ChineseNarrative(const ProgrammeReport& report, const Currency& currency,
                                          const ChinesePhrases& p) {
  std::vector<std::string> paragraphs;
  for (std::string paragraph :
       {ChineseIndicators(report, currency, p), ChineseFairs(report, currency, p),
        ChineseProjects(report, currency, p), ChineseCommissioners(report, currency, p),
        ChineseFinancing(report, currency, p)}) {
    if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

// --- English ------------------------------------------------------------------------------

constexpr std::array<absl::string_view, 3> kWholeRegion = {"the province", "the city",
                                                           "the county"};

std::string EnglishValue(IndicatorUnit unit, int64_t value, const Currency& currency) {
  switch (unit) {
    case IndicatorUnit::kMoney:
      return EnglishAmount(value, currency);
    case IndicatorUnit::kPercent:
      return PercentText(value);
    case IndicatorUnit::kCount:
      break;
  }
  return absl::StrCat(value);
}

std::string EnglishIndicators(const ProgrammeReport& report, const Currency& currency,
                              absl::string_view region) {
  std::vector<std::string> lines;
  for (const IndicatorLine& line : report.region.indicators) {
    const IndicatorUnit unit = line.indicator.unit;
    const std::string& name = line.indicator.display_name_en.empty()
                                  ? line.indicator.meta.id
                                  : line.indicator.display_name_en;
    std::string text = absl::StrCat(name, ": ");
    if (line.actual.has_value()) {
      absl::StrAppend(&text, EnglishValue(unit, *line.actual, currency));
      if (line.target.has_value()) {
        absl::StrAppend(&text, " against a target of ", EnglishValue(unit, *line.target, currency),
                        " (", PercentText(line.completion_bp.value_or(0)));
        if (line.assessment == Assessment::kMet) absl::StrAppend(&text, ", met");
        if (line.assessment == Assessment::kNotMet) absl::StrAppend(&text, ", not met");
        absl::StrAppend(&text, ")");
      }
    } else {
      absl::StrAppend(&text, "target ", EnglishValue(unit, *line.target, currency));
      if (line.assessment == Assessment::kNotMet) absl::StrAppend(&text, " (not met)");
    }
    lines.push_back(std::move(text));
  }
  if (lines.empty()) return "";
  return absl::StrCat("Targets of ", region, " in ", report.year, ": ", absl::StrJoin(lines, "; "),
                      ".");
}

std::string EnglishFairs(const ProgrammeReport& report, const Currency& currency,
                         absl::string_view region) {
  std::vector<std::string> sentences;
  if (!report.events.empty()) {
    std::vector<std::string> names;
    for (const auto& [id, figures] : report.events) names.push_back(figures.event_display_name);
    sentences.push_back(absl::StrCat(
        Capitalized(std::string(region)), " held ",
        Counted(static_cast<int64_t>(report.events.size()), "technology fair", "technology fairs"),
        " in ", report.year, ": ", EnglishList(names), "."));
  }
  const AgreementTotals& a = report.region.agreements;
  if (a.agreement_count > 0) {
    std::string text = Counted(a.agreement_count, "agreement was signed", "agreements were signed");
    std::vector<std::string> parties;
    if (a.supplier_count > 0) {
      parties.push_back(
          Counted(a.supplier_count, "university or institute", "universities and institutes"));
    }
    if (a.demander_count > 0) {
      parties.push_back(Counted(a.demander_count, "enterprise", "enterprises"));
    }
    if (!parties.empty()) absl::StrAppend(&text, ", involving ", EnglishList(parties));
    absl::StrAppend(&text, ".");
    sentences.push_back(std::move(text));
    static constexpr std::array<absl::string_view, 4> kPlannedNames = {
        "total investment", "technology contract amount", "expected sales revenue",
        "expected profit and taxes"};
    std::vector<std::string> money;
    for (size_t i = 0; i < kPlanned.size(); ++i) {
      const int64_t sum = a.sum(kPlanned[i]);
      if (sum > 0)
        money.push_back(absl::StrCat(kPlannedNames[i], " ", EnglishAmount(sum, currency)));
    }
    if (!money.empty()) sentences.push_back(absl::StrCat(Capitalized(EnglishList(money)), "."));
    static constexpr std::array<absl::string_view, 2> kRealizedNames = {"new output value",
                                                                        "new profit and taxes"};
    std::vector<std::string> realized;
    for (size_t i = 0; i < kRealized.size(); ++i) {
      const int64_t sum = a.sum(kRealized[i]);
      if (sum > 0) {
        realized.push_back(absl::StrCat(kRealizedNames[i], " ", EnglishAmount(sum, currency)));
      }
    }
    if (!realized.empty()) {
      sentences.push_back(absl::StrCat("Realized so far: ", EnglishList(realized), "."));
    }
  }
  return absl::StrJoin(sentences, " ");
}

// " (up CNY 2,900,000.00, +41.7%)" and the like.
std::string EnglishChange(const YearChange& change, const Currency& currency) {
  if (change.difference == 0) return " (as the year before)";
  const bool up = change.difference > 0;
  const int64_t magnitude = up ? change.difference : -change.difference;
  std::string text = absl::StrCat(" (", up ? "up " : "down ", EnglishAmount(magnitude, currency));
  if (change.percent_bp.has_value()) {
    absl::StrAppend(&text, ", ", up ? "+" : "-", ChangePercentText(*change.percent_bp));
  }
  return absl::StrCat(text, ")");
}

std::string EnglishProjectFigures(const ProjectLine& line, const Currency& currency) {
  return absl::StrCat(Counted(line.current.count, "project", "projects"),
                      " with approved funds of ", EnglishAmount(line.current.approved, currency),
                      " and arrived funds of ", EnglishAmount(line.current.arrived, currency),
                      EnglishChange(line.arrived_change, currency));
}

std::string EnglishProjects(const ProgrammeReport& report, const Currency& currency,
                            absl::string_view region) {
  static constexpr std::array<absl::string_view, 4> kLevels = {"national", "provincial",
                                                               "municipal", "county"};
  const ProjectSection& s = report.region.projects;
  if (s.levels.empty()) return "";
  std::string text =
      absl::StrCat(Capitalized(std::string(region)), " won ",
                   EnglishProjectFigures(s.total, currency), " in ", report.year, ".");
  std::vector<std::string> levels;
  for (const ProjectLine& line : s.levels) {
    levels.push_back(absl::StrCat(kLevels[LevelIndex(*line.level)], ": ",
                                  EnglishProjectFigures(line, currency)));
  }
  absl::StrAppend(&text, " By level, ", absl::StrJoin(levels, "; "), ".");
  if (!s.over_arrived.empty()) {
    absl::StrAppend(&text, " ",
                    Counted(static_cast<int64_t>(s.over_arrived.size()), "project", "projects"),
                    " received more than was approved");
    const std::optional<int64_t> excess = TotalExcess(s.over_arrived);
    if (excess.has_value())
      absl::StrAppend(&text, ", by ", EnglishAmount(*excess, currency), " in all");
    absl::StrAppend(&text, ".");
  }
  return text;
}

std::string EnglishCommissioners(const ProgrammeReport& report, const Currency& currency,
                                 absl::string_view region) {
  const CommissionerTotals& c = report.region.commissioners;
  if (c.count == 0) return "";
  std::string text =
      absl::StrCat(Counted(c.count, "technology commissioner", "technology commissioners"),
                   " from ", Counted(c.home_organization_count, "organization", "organizations"),
                   " served ", region, " in ", report.year, ".");
  static constexpr std::array<std::array<absl::string_view, 2>, kOutcomeCountFields> kCounts = {{
      {"technology promoted", "technologies promoted"},
      {"new product introduced", "new products introduced"},
      {"project carried out", "projects carried out"},
      {"joint venture set up", "joint ventures set up"},
      {"cooperative served", "cooperatives served"},
      {"enterprise founded", "enterprises founded"},
  }};
  static constexpr std::array<absl::string_view, kOutcomeAmountFields> kAmounts = {
      "investment brought in", "profit created", "farmers' income increased by"};
  std::vector<std::string> outcomes;
  for (size_t i = 0; i < kOutcomeCountFields; ++i) {
    if (c.counts[i] > 0) outcomes.push_back(Counted(c.counts[i], kCounts[i][0], kCounts[i][1]));
  }
  for (size_t i = 0; i < kOutcomeAmountFields; ++i) {
    if (c.amounts[i] > 0) {
      outcomes.push_back(absl::StrCat(kAmounts[i], " ", EnglishAmount(c.amounts[i], currency)));
    }
  }
  if (!outcomes.empty()) absl::StrAppend(&text, " Outcomes: ", EnglishList(outcomes), ".");
  return text;
}

std::string EnglishFinancing(const ProgrammeReport& report, const Currency& currency) {
  static constexpr std::array<std::array<absl::string_view, 2>, 5> kKinds = {{
      {"loan", "loans"},
      {"guarantee", "guarantees"},
      {"equity investment", "equity investments"},
      {"award", "awards"},
      {"subsidy", "subsidies"},
  }};
  const FinancingTotals& total = report.region.financing_total;
  if (total.count == 0) return "";
  std::vector<std::string> kinds;
  for (const auto& [kind, totals] : report.region.financing) {
    const auto& names = kKinds[KindIndex(kind)];
    kinds.push_back(absl::StrCat(Counted(totals.count, names[0], names[1]), " (",
                                 EnglishAmount(totals.amount, currency), ")"));
  }
  return absl::StrCat("Science and finance: ", Counted(total.count, "financing", "financings"),
                      " of ", EnglishAmount(total.amount, currency), " in all went to ",
                      Counted(total.recipient_count, "recipient", "recipients"), " in ",
                      report.year, ": ", EnglishList(kinds), ".");
}

std::vector<std::string> EnglishNarrative(const ProgrammeReport& report, const Currency& currency) {
  const absl::string_view region = kWholeRegion[RegionIndex(report.region.region_code)];
  std::vector<std::string> paragraphs;
  for (std::string paragraph :
       {EnglishIndicators(report, currency, region), EnglishFairs(report, currency, region),
        EnglishProjects(report, currency, region), EnglishCommissioners(report, currency, region),
        EnglishFinancing(report, currency)}) {
    if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

}  // namespace

std::vector<std::string> ProgrammeNarrative(const ProgrammeReport& report, const Currency& currency,
                                            NarrativeLanguage language) {
  switch (language) {
    case NarrativeLanguage::kSimplifiedChinese:
      return ChineseNarrative(report, currency, kSimplified);
    case NarrativeLanguage::kTraditionalChinese:
      return ChineseNarrative(report, currency, kTraditional);
    case NarrativeLanguage::kEnglish:
      return EnglishNarrative(report, currency);
  }
  return ChineseNarrative(report, currency, kSimplified);
}

}  // namespace techmatch
