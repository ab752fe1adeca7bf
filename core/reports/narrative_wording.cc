#include "core/reports/narrative_wording.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/text/chinese_script.h"

namespace techmatch {

std::string InScript(absl::string_view name, ChineseScript script) {
  return script == ChineseScript::kTraditional ? ToTraditionalScript(name)
                                               : ToSimplifiedScript(name);
}

std::string Counted(int64_t n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

std::string EnglishList(const std::vector<std::string>& items) {
  if (items.size() <= 1) return absl::StrJoin(items, "");
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return absl::StrCat(absl::StrJoin(head, ", "), " and ", items.back());
}

std::string Capitalized(std::string text) {
  if (!text.empty()) text[0] = absl::ascii_toupper(static_cast<unsigned char>(text[0]));
  return text;
}

std::string ChineseNumeral(int64_t n, ChineseScript script) {
  static constexpr std::array<absl::string_view, 10> kDigits = {"零", "一", "二", "三", "四",
                                                                "五", "六", "七", "八", "九"};
  if (n < 0 || n > 99) return absl::StrCat(n);
  // Two of something, alone, is 两; in 十二 and 二十 the digit stays 二.
  if (n == 2) return script == ChineseScript::kTraditional ? "兩" : "两";
  if (n < 10) return std::string(kDigits[n]);
  const int64_t tens = n / 10;
  const int64_t ones = n % 10;
  return absl::StrCat(tens == 1 ? "" : kDigits[tens], "十", ones == 0 ? "" : kDigits[ones]);
}

std::string PercentText(int64_t bp) {
  // Magnitude in unsigned arithmetic: INT64_MIN has no positive counterpart.
  const uint64_t magnitude = bp < 0 ? 0 - static_cast<uint64_t>(bp) : static_cast<uint64_t>(bp);
  std::string text = absl::StrCat(bp < 0 ? "-" : "", magnitude / 100);
  const uint64_t hundredths = magnitude % 100;
  if (hundredths != 0) {
    absl::StrAppend(&text, ".", hundredths / 10);
    if (hundredths % 10 != 0) absl::StrAppend(&text, hundredths % 10);
  }
  return absl::StrCat(text, "%");
}

std::string ChangePercentText(int64_t bp) {
  const uint64_t magnitude = bp < 0 ? 0 - static_cast<uint64_t>(bp) : static_cast<uint64_t>(bp);
  // Rounded half up to tenths, for a value that is not already a multiple of 10.
  const uint64_t tenths = (magnitude + 5) / 10;
  return absl::StrCat(tenths / 10, ".", tenths % 10, "%");
}

}  // namespace techmatch
