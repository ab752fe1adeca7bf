#include "client/list_text.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace techmatch::client {

absl::string_view TrimText(absl::string_view text) {
  constexpr absl::string_view kIdeographicSpace = "\u3000";
  while (true) {
    const absl::string_view before = text;
    text = absl::StripAsciiWhitespace(text);
    absl::ConsumePrefix(&text, kIdeographicSpace);
    absl::ConsumeSuffix(&text, kIdeographicSpace);
    if (text == before) return text;
  }
}

std::vector<std::string> SplitList(absl::string_view text, ListSeparators separators) {
  // Multi-byte separators are folded to ';' first: StrSplit's ByAnyChar works on bytes.
  std::string folded = absl::StrReplaceAll(text, {{"；", ";"}, {"、", ";"}});
  if (separators == ListSeparators::kFlag) {
    folded = absl::StrReplaceAll(folded, {{"，", ";"}, {",", ";"}});
  }
  std::vector<std::string> items;
  for (absl::string_view item : absl::StrSplit(folded, ';')) {
    item = TrimText(item);
    if (!item.empty()) items.emplace_back(item);
  }
  return items;
}

std::vector<std::string> SplitFlagValues(const std::vector<std::string>& values) {
  std::vector<std::string> items;
  for (const std::string& value : values) {
    for (std::string& item : SplitList(value, ListSeparators::kFlag)) {
      items.push_back(std::move(item));
    }
  }
  return items;
}

}  // namespace techmatch::client
