#include "bench/generators/offering_generator.h"

#include <opencc/opencc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace techmatch::bench {
namespace {

struct Industry {
  const char* code;
  std::vector<const char*> terms;    // Technical terms, Simplified.
  std::vector<const char*> objects;  // What the work is about.
  std::vector<const char*> latin;    // English terms and model numbers seen in this field.
};

const std::vector<Industry>& Industries() {
  static const std::vector<Industry> kIndustries = {
      {"liquor",
       {"窖泥",   "窖池",   "大曲",   "制曲", "酒醅",   "丢糟",     "上甑",     "蒸馏",
        "勾调",   "基酒",   "老熟",   "催陈", "己酸菌", "己酸乙酯", "风味物质", "酯化",
        "糖化",   "发酵",   "酿造",   "贮存", "陶坛",   "酒体",     "窖香",     "酱香",
        "浓香型", "清香型", "高温曲", "润粮", "摊晾",   "出酒率",   "优质酒率", "酿酒废水",
        "酒糟",   "糯高粱", "稻壳",   "甑桶", "降度",   "除浊"},
       {"白酒", "基酒", "窖池", "曲块", "酒醅", "丢糟", "成品酒", "原酒"},
       {"GC-MS", "GC-O", "NIR", "HPLC", "baijiu", "Daqu"}},
      {"chemicals",
       {"催化剂",   "氯乙烯",     "无汞",       "硝化",         "连续流", "微反应器", "合成氨",
        "精馏",     "萃取",       "结晶",       "聚合",         "加氢",   "脱氢",     "氧化",
        "废盐酸",   "氯化氢",     "纤维素醚",   "羧甲基纤维素", "聚氨酯", "环氧树脂", "涂料",
        "助剂",     "表面活性剂", "六氟磷酸锂", "电解液",       "磷石膏", "氯碱",     "离子膜",
        "高盐废水", "蒸发结晶",   "VOCs",       "催化燃烧",     "选择性", "转化率",   "收率"},
       {"反应器", "装置", "产品", "中间体", "副产物", "废液", "尾气"},
       {"PVC", "PDH", "CMC", "LiPF6", "RCO", "MVR", "HAZOP", "PLA"}},
      {"machinery",
       {"数控机床", "主轴",     "热误差",     "补偿",     "齿轮箱",   "振动",
        "故障诊断", "寿命预测", "焊接机器人", "焊缝跟踪", "视觉",     "液压",
        "能量回收", "轴承",     "磨损",       "润滑",     "增材制造", "激光",
        "伺服",     "减速器",   "模具",       "冲压",     "铸造",     "锻造",
        "热处理",   "刀具",     "涂层",       "装配",     "精度",     "控制系统",
        "自动化",   "生产线",   "农机",       "拖拉机",   "传感器",   "在线监测"},
       {"机床", "零件", "设备", "生产线", "部件", "装备", "整机"},
       {"PLC", "PLC-200", "CNC", "SLM", "HMI", "RV", "AGV", "S7-1200"}},
      {"energy",
       {"光伏",     "组件",       "逆变器",   "储能",   "梯次利用", "动力电池", "电解水",
        "制氢",     "质子交换膜", "燃料电池", "页岩气", "压裂",     "返排液",   "天然气",
        "管道",     "泄漏",       "生物质",   "气化",   "秸秆",     "低氮燃烧", "锅炉",
        "余热回收", "风电",       "叶片",     "充电桩", "瓦斯",     "煤层气",   "电网",
        "负荷预测", "热失控",     "电池管理", "沼气",   "提纯",     "节能",     "碳排放"},
       {"电站", "系统", "机组", "管网", "电池", "燃料", "电堆"},
       {"PEM", "BMS", "NOx", "SNCR", "MPPT", "SiC", "LNG"}},
      {"agriculture",
       {"品种", "选育",   "栽培",   "高产",     "再生稻", "水稻",       "糯高粱", "玉米",
        "大豆", "茶叶",   "绿茶",   "杀青",     "柑橘",   "黄龙病",     "病虫害", "绿色防控",
        "生猪", "粪污",   "有机肥", "堆肥",     "土壤",   "重金属",     "镉",     "修复",
        "保鲜", "冷链",   "荔枝",   "灌溉",     "节水",   "水肥一体化", "植保",   "无人机",
        "温室", "中药材", "川芎",   "种植基地", "农残"},
       {"农田", "果园", "茶园", "养殖场", "基地", "农产品", "种子"},
       {"GAP", "LAMP", "PCR", "IoT"}},
      {"pharmaceuticals",
       {"原料药", "晶型", "结晶", "制剂", "缓释", "中药", "配方颗粒", "指纹图谱", "质量标准",
        "药效", "提取", "纯化", "生物药", "抗体", "疫苗", "一致性评价", "杂质", "稳定性"},
       {"药品", "化合物", "中间体", "制剂"},
       {"API", "GMP", "PAT", "HPLC"}},
      {"materials",
       {"玄武岩纤维", "碳纤维", "玻璃纤维", "复合材料", "拉丝", "浸润剂", "预浸料", "陶瓷", "合金",
        "钛合金", "高分子", "改性", "涂层", "纳米", "石墨烯", "耐腐蚀", "轻量化"},
       {"材料", "纤维", "板材", "构件"},
       {"CFRP", "SMC", "PEEK"}},
      {"electronics",
       {"功率器件", "碳化硅", "氮化镓", "芯片", "传感器", "模组", "封装", "驱动", "散热", "电路",
        "嵌入式", "物联网", "通信", "射频", "显示", "集成电路"},
       {"器件", "模块", "电路板", "终端"},
       {"SiC", "GaN", "MOSFET", "IGBT", "MCU", "LoRa"}},
      {"environment",
       {"污泥", "干化", "焚烧", "污水", "废水", "厌氧", "好氧", "膜处理", "固废", "危废", "资源化",
        "零排放", "脱硫", "脱硝", "除尘", "土壤修复", "垃圾", "渗滤液"},
       {"处理厂", "设施", "工艺", "园区"},
       {"COD", "MBR", "SCR", "A/O"}},
  };
  return kIndustries;
}

// Words of every field: what makes common terms common.
const std::vector<const char*> kCommon = {
    "技术", "工艺", "研发", "开发", "应用", "智能", "高效", "绿色", "低成本", "产业化", "关键",
    "集成", "优化", "提高", "降低", "能耗", "成本", "质量", "效率", "稳定",   "安全",   "检测",
    "控制", "监测", "数据", "模型", "平台", "示范", "推广", "标准", "规模化", "国产化"};
const std::vector<const char*> kTitleTails = {"技术", "关键技术", "工艺",           "成套装备",
                                              "系统", "方法",     "技术研究与应用", "及产业化"};
const std::vector<const char*> kProblems = {"成本高",     "效率低",   "能耗高",
                                            "质量不稳定", "依赖进口", "劳动强度大",
                                            "污染严重",   "精度不足", "寿命短"};

template <typename T>
const T& Pick(std::mt19937_64& rng, const std::vector<T>& list) {
  return list[rng() % list.size()];
}

// Title, keywords and description of a listing in `industry` (Simplified).
struct Text {
  std::string title;
  std::vector<std::string> keywords;
  std::string description;
};

Text MakeText(std::mt19937_64& rng, const Industry& industry, int sentences) {
  Text text;
  const int title_terms = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < title_terms; ++i) absl::StrAppend(&text.title, Pick(rng, industry.terms));
  if (rng() % 4 == 0) absl::StrAppend(&text.title, Pick(rng, industry.objects));
  absl::StrAppend(&text.title, Pick(rng, kTitleTails));
  const int keywords = 2 + static_cast<int>(rng() % 3);
  for (int i = 0; i < keywords; ++i) text.keywords.push_back(Pick(rng, industry.terms));
  if (rng() % 3 == 0) text.keywords.push_back(Pick(rng, industry.latin));
  for (int s = 0; s < sentences; ++s) {
    switch (rng() % 5) {
      case 0:
        absl::StrAppend(&text.description, "针对", Pick(rng, industry.objects),
                        Pick(rng, industry.terms), Pick(rng, kProblems), "的问题，",
                        Pick(rng, kCommon), Pick(rng, industry.terms), "与",
                        Pick(rng, industry.terms), Pick(rng, kCommon), "。");
        break;
      case 1:
        absl::StrAppend(&text.description, "采用", Pick(rng, industry.latin), "和",
                        Pick(rng, industry.terms), Pick(rng, kCommon), "，", Pick(rng, kCommon),
                        Pick(rng, industry.objects), "的", Pick(rng, industry.terms), "，",
                        Pick(rng, kCommon), "提升", 10 + rng() % 50, "%。");
        break;
      case 2:
        absl::StrAppend(&text.description, "建立", Pick(rng, industry.terms), Pick(rng, kCommon),
                        "，实现", Pick(rng, industry.terms), "的", Pick(rng, kCommon),
                        Pick(rng, kCommon), "。");
        break;
      case 3:
        absl::StrAppend(&text.description, "已在", 1 + rng() % 20, "家企业", Pick(rng, kCommon),
                        "，", Pick(rng, industry.objects), Pick(rng, industry.terms),
                        Pick(rng, kCommon), "达到国内领先水平。");
        break;
      default:
        absl::StrAppend(&text.description, "The ", Pick(rng, industry.latin),
                        " process improves yield by ", 5 + rng() % 30, "% at pilot scale; ",
                        Pick(rng, industry.terms), Pick(rng, kCommon), "。");
        break;
    }
  }
  return text;
}

std::vector<CooperationMode> Modes(std::mt19937_64& rng) {
  std::vector<CooperationMode> modes;
  const uint64_t bits = rng() % 64;
  for (int m = 1; m <= 6; ++m) {
    if (bits & (1u << (m - 1))) modes.push_back(static_cast<CooperationMode>(m));
  }
  return modes;
}

std::vector<std::string> IndustryCodes(std::mt19937_64& rng, size_t primary) {
  const auto& all = Industries();
  std::vector<std::string> codes = {all[primary].code};
  const int extra = static_cast<int>(rng() % 3);
  for (int i = 0; i < extra; ++i) {
    const std::string code = all[rng() % all.size()].code;
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return codes;
}

// Pillar industries are the most frequent.
size_t PrimaryIndustry(std::mt19937_64& rng) {
  static const std::array<int, 9> kShare = {18, 18, 18, 16, 16, 4, 4, 3, 3};
  int roll = static_cast<int>(rng() % 100);
  for (size_t i = 0; i < kShare.size(); ++i) {
    if (roll < kShare[i]) return i;
    roll -= kShare[i];
  }
  return 0;
}

}  // namespace

absl::StatusOr<std::unique_ptr<OfferingGenerator>> OfferingGenerator::Create(uint64_t seed) {
  opencc_t s2t = opencc_open("s2t.json");
  if (s2t == reinterpret_cast<opencc_t>(static_cast<intptr_t>(-1))) {
    return absl::FailedPreconditionError("OpenCC s2t.json is not installed");
  }
  return std::unique_ptr<OfferingGenerator>(new OfferingGenerator(seed, s2t));
}

OfferingGenerator::~OfferingGenerator() { opencc_close(static_cast<opencc_t>(s2t_)); }

std::string OfferingGenerator::ToTraditional(const std::string& text) const {
  char* converted = opencc_convert_utf8(static_cast<opencc_t>(s2t_), text.data(), text.size());
  if (converted == nullptr) return text;
  std::string out(converted);
  opencc_convert_utf8_free(converted);
  return out;
}

Offering OfferingGenerator::MakeOffering(uint64_t index) const {
  std::mt19937_64 rng(seed_ * 0x9E3779B97F4A7C15ull + index * 2 + 1);
  const size_t primary = PrimaryIndustry(rng);
  Text text = MakeText(rng, Industries()[primary], 1 + static_cast<int>(rng() % 8));
  if (rng() % 10 < 3) {
    text.title = ToTraditional(text.title);
    text.description = ToTraditional(text.description);
    for (std::string& k : text.keywords) k = ToTraditional(k);
  }
  Offering offering;
  offering.meta.id = absl::StrCat("o", index);
  offering.meta.revision = 1;
  offering.institute_id = absl::StrCat("i", rng() % 2000);
  offering.listing.title = std::move(text.title);
  offering.listing.description = std::move(text.description);
  offering.listing.keywords = std::move(text.keywords);
  offering.listing.industry_codes = IndustryCodes(rng, primary);
  offering.listing.cooperation_modes = Modes(rng);
  if (rng() % 20 == 0) offering.listing.event_ids.push_back(absl::StrCat("fair-", rng() % 10));
  offering.trl = 1 + static_cast<int>(rng() % 9);
  if (rng() % 2) offering.asking_price_minor = static_cast<int64_t>(1 + rng() % 500) * 1000000;
  return offering;
}

Need OfferingGenerator::MakeNeed(uint64_t index) const {
  std::mt19937_64 rng(seed_ * 0xC2B2AE3D27D4EB4Full + index * 2);
  const size_t primary = PrimaryIndustry(rng);
  Text text = MakeText(rng, Industries()[primary], 1 + static_cast<int>(rng() % 3));
  if (rng() % 10 < 4) {
    text.title = ToTraditional(text.title);
    text.description = ToTraditional(text.description);
    for (std::string& k : text.keywords) k = ToTraditional(k);
  }
  Need need;
  need.meta.id = absl::StrCat("n", index);
  need.meta.revision = 1;
  need.enterprise_id = absl::StrCat("e", index % 5000);
  need.listing.title = std::move(text.title);
  need.listing.description = std::move(text.description);
  need.listing.keywords = std::move(text.keywords);
  need.listing.industry_codes = IndustryCodes(rng, primary);
  need.listing.cooperation_modes = Modes(rng);
  if (rng() % 3 == 0) need.min_trl = 1 + static_cast<int>(rng() % 9);
  if (rng() % 2) need.budget_minor = static_cast<int64_t>(1 + rng() % 500) * 1000000;
  return need;
}

}  // namespace techmatch::bench
