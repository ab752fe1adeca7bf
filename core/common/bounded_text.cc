#include "core/common/bounded_text.h"

#include "absl/strings/str_cat.h"

namespace techmatch {

std::string BoundedText(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  // Back up over continuation bytes so no character is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat(text.substr(0, cut), "\u2026[truncated, ", text.size(), " bytes]");
}

}  // namespace techmatch
