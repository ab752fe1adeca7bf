// Lists written in one cell or flag, as people type them in Chinese and English documents.
#ifndef TECHMATCH_CLIENT_LIST_TEXT_H_
#define TECHMATCH_CLIENT_LIST_TEXT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace techmatch::client {

enum class ListSeparators {
  // `;`, `；` and `、`: for CSV cells, where a comma already separates the cells.
  kCsvCell,
  // The same plus `,` and `，`: for command-line flags (`--industries liquor,energy`).
  kFlag,
};

// Splits `text` on the separators, trims each item and drops empty ones, so "a; b;" is
// {"a", "b"} and "" is {}.
std::vector<std::string> SplitList(absl::string_view text, ListSeparators separators);

// SplitList over every value of a repeatable flag.
std::vector<std::string> SplitFlagValues(const std::vector<std::string>& values);

// Trims ASCII whitespace and the ideographic space U+3000 from both ends.
absl::string_view TrimText(absl::string_view text);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_LIST_TEXT_H_
