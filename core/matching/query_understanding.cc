#include "core/matching/query_understanding.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"

namespace techmatch {
namespace {

// Markers are looked for in normalized text (Simplified, lower case), so Traditional and
// full-width writing is covered too.
constexpr std::array kAskMarkers = {"希望",
                                    "需要",
                                    "寻求",
                                    "急需",
                                    "亟需",
                                    "亟待",
                                    "求购",
                                    "征集",
                                    "诚征",
                                    "寻找",
                                    "想找",
                                    "想要",
                                    "期望",
                                    "期待",
                                    "拟",
                                    "we need",
                                    "we are looking for",
                                    "we're looking for",
                                    "looking for",
                                    "we seek",
                                    "seeking",
                                    "we want",
                                    "we would like",
                                    "we'd like",
                                    "we wish",
                                    "we require",
                                    "is needed",
                                    "are needed",
                                    "is required",
                                    "we hope to",
                                    "we are interested in",
                                    "we intend",
                                    "we plan to",
                                    "our aim",
                                    "our goal"};
// A marker inside these words is not one (不需要: no need; 模拟/虚拟: simulate/virtual).
constexpr std::array kNotAsk = {"不需要", "无需要", "模拟", "虚拟"};
// What was tried: the clause names it.
constexpr std::array kTriedMarkers = {
    "已尝试",        "尝试过",      "试过",           "试用过",         "用过",
    "更换过",        "换过",        "采用过",         "使用过",         "投加过",
    "排除",          "不考虑",      "不采用",         "不接受",         "不想用",
    "already tried", "have tried",  "we tried",       "has been tried", "have been tried",
    "ruled out",     "rule out",    "we do not want", "we don't want",  "not interested in",
    "is excluded",   "are excluded"};
// How it went: the clause, or when it says little else the clause before, names what failed.
constexpr std::array kNoEffectMarkers = {
    "无效",        "效果不明显",      "效果不佳",       "效果不理想",    "效果有限",
    "效果甚微",    "收效甚微",        "没有效果",       "没效果",        "没什么效果",
    "不见效",      "未见效",          "无济于事",       "治标不治本",    "解决不了",
    "没能解决",    "未能解决",        "只能管",         "no effect",     "did not help",
    "didn't help", "did not work",    "didn't work",    "not effective", "ineffective",
    "to no avail", "without success", "no improvement", "no better"};

// Code points of a UTF-8 string.
size_t Chars(absl::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

bool IsSpaceOrEnd(absl::string_view text, size_t at) {
  return at >= text.size() || absl::ascii_isspace(static_cast<unsigned char>(text[at]));
}

// Splits `text` after each code point `ends` accepts; empty pieces are dropped.
template <typename Ends>
std::vector<std::string> SplitAfter(absl::string_view text, Ends ends) {
  std::vector<std::string> pieces;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t size = static_cast<int32_t>(text.size());
  int32_t start = 0;
  for (int32_t i = 0; i < size;) {
    UChar32 cp;
    U8_NEXT(bytes, i, size, cp);
    if (ends(cp, static_cast<size_t>(i))) {
      std::string piece(absl::StripAsciiWhitespace(text.substr(start, i - start)));
      if (!piece.empty()) pieces.push_back(std::move(piece));
      start = i;
    }
  }
  std::string rest(absl::StripAsciiWhitespace(text.substr(start)));
  if (!rest.empty()) pieces.push_back(std::move(rest));
  return pieces;
}

std::vector<std::string> Sentences(absl::string_view text) {
  return SplitAfter(text, [text](UChar32 cp, size_t after) {
    switch (cp) {
      case U'。':
      case U'！':
      case U'？':
      case U'；':
      case U'!':
      case U'?':
      case U';':
      case U'\n':
        return true;
      case U'.':  // A full stop, not a decimal point or an abbreviation inside a word.
        return IsSpaceOrEnd(text, after);
      default:
        return false;
    }
  });
}

std::vector<std::string> Clauses(absl::string_view sentence) {
  return SplitAfter(sentence, [sentence](UChar32 cp, size_t after) {
    return cp == U'，' || cp == U'：' || (cp == U',' && IsSpaceOrEnd(sentence, after)) ||
           (cp == U':' && IsSpaceOrEnd(sentence, after));
  });
}

template <size_t N>
const char* FindAny(absl::string_view text, const std::array<const char*, N>& markers) {
  for (const char* marker : markers) {
    if (absl::StrContains(text, marker)) return marker;
  }
  return nullptr;
}

bool IsAsk(absl::string_view normalized) {
  for (const char* marker : kAskMarkers) {
    for (size_t at = normalized.find(marker); at != absl::string_view::npos;
         at = normalized.find(marker, at + 1)) {
      bool excluded = false;
      for (const char* not_ask : kNotAsk) {
        const absl::string_view no(not_ask);
        // The excluding word around the marker's position.
        for (size_t from = at >= no.size() ? at - no.size() : 0; from <= at; ++from) {
          if (normalized.substr(from, no.size()) == no &&
              from + no.size() >= at + absl::string_view(marker).size()) {
            excluded = true;
          }
        }
      }
      if (!excluded) return true;
    }
  }
  // 求 asks only at the start of a clause (求一种…), not inside 要求, 需求, 追求.
  return absl::StartsWith(normalized, "求");
}

}  // namespace

const char* TextRoleName(TextRole role) {
  switch (role) {
    case TextRole::kTitle:
      return "title";
    case TextRole::kKeywords:
      return "keywords";
    case TextRole::kAsk:
      return "ask";
    case TextRole::kContext:
      return "context";
    case TextRole::kBackground:
      return "background";
    case TextRole::kRuledOut:
      return "ruled_out";
  }
  return "background";
}

ListingReading ReadListing(const TextAnalyzer& analyzer, const Listing& listing, bool is_need) {
  ListingReading reading;
  if (!listing.title.empty()) reading.parts.push_back({listing.title, TextRole::kTitle, 1.0});
  const std::string keywords = absl::StrJoin(listing.keywords, " ");
  if (!keywords.empty()) reading.parts.push_back({keywords, TextRole::kKeywords, 1.0});
  if (listing.description.empty()) return reading;
  if (!is_need) {
    reading.parts.push_back({listing.description, TextRole::kBackground, 1.0});
    return reading;
  }

  const size_t first = reading.parts.size();
  std::vector<bool> sentence_is_ask;
  std::vector<size_t> sentence_of_part;
  for (const std::string& sentence : Sentences(listing.description)) {
    const bool ask = IsAsk(analyzer.NormalizedText(sentence));
    const size_t index = sentence_is_ask.size();
    sentence_is_ask.push_back(ask);
    reading.ask_found |= ask;
    std::vector<std::string> clauses = Clauses(sentence);
    std::vector<TextRole> roles(clauses.size(), ask ? TextRole::kAsk : TextRole::kBackground);
    for (size_t c = 0; c < clauses.size(); ++c) {
      const std::string normalized = analyzer.NormalizedText(clauses[c]);
      if (FindAny(normalized, kTriedMarkers) != nullptr) {
        roles[c] = TextRole::kRuledOut;
      } else if (const char* marker = FindAny(normalized, kNoEffectMarkers)) {
        roles[c] = TextRole::kRuledOut;
        // "…效果不明显" alone says how it went; what went so is in the clause before.
        if (c > 0 && Chars(normalized) < Chars(marker) + 6) roles[c - 1] = TextRole::kRuledOut;
      }
    }
    for (size_t c = 0; c < clauses.size(); ++c) {
      reading.parts.push_back({std::move(clauses[c]), roles[c], 1.0});
      sentence_of_part.push_back(index);
    }
  }
  if (!reading.ask_found) {
    for (size_t p = first; p < reading.parts.size(); ++p) {
      if (reading.parts[p].role == TextRole::kRuledOut) reading.parts[p].weight = 0;
    }
    return reading;
  }
  // The sentence before an ask states the problem more often than not.
  size_t background_chars = 0;
  for (size_t p = first; p < reading.parts.size(); ++p) {
    TextPart& part = reading.parts[p];
    const size_t sentence = sentence_of_part[p - first];
    if (part.role == TextRole::kBackground && sentence + 1 < sentence_is_ask.size() &&
        sentence_is_ask[sentence + 1]) {
      part.role = TextRole::kContext;
    }
    if (part.role == TextRole::kBackground) background_chars += Chars(part.text);
  }
  const double background_weight =
      std::clamp(kBackgroundChars / std::max<double>(1.0, static_cast<double>(background_chars)),
                 kMinBackgroundWeight, 1.0);
  for (size_t p = first; p < reading.parts.size(); ++p) {
    TextPart& part = reading.parts[p];
    switch (part.role) {
      case TextRole::kContext:
        part.weight = std::max(kContextWeight, background_weight);
        break;
      case TextRole::kBackground:
        part.weight = background_weight;
        break;
      case TextRole::kRuledOut:
        part.weight = 0;
        break;
      default:
        break;
    }
  }
  return reading;
}

}  // namespace techmatch
