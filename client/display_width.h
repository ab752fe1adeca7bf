// Terminal column widths of UTF-8 text.
//
// Tables mix Chinese and Latin text; a CJK ideograph takes two terminal columns, so padding
// by bytes or by code points would misalign every column after a Chinese cell.
#ifndef TECHMATCH_CLIENT_DISPLAY_WIDTH_H_
#define TECHMATCH_CLIENT_DISPLAY_WIDTH_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace techmatch::client {

// Columns one code point occupies: 2 for East Asian Wide and Fullwidth characters, 0 for
// combining marks, zero-width spaces/joiners, variation selectors and control characters,
// 1 otherwise (including East Asian Ambiguous, as terminals outside CJK locales draw them).
int CodePointWidth(char32_t code_point);

// Columns `text` occupies. Invalid UTF-8 bytes count one column each.
size_t DisplayWidth(absl::string_view text);

// `text` cut to at most `max_width` columns, ending in "…" when it was cut; never splits a
// UTF-8 sequence.
std::string TruncateToWidth(absl::string_view text, size_t max_width);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_DISPLAY_WIDTH_H_
