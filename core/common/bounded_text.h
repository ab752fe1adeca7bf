// Client text bounded before it is stored, logged or echoed: a long value keeps its first bytes
// (cut on a UTF-8 character boundary) followed by a marker giving its full length, so a
// request cannot make an audit row, a log line or an error message as large as itself.
#ifndef TECHMATCH_CORE_COMMON_BOUNDED_TEXT_H_
#define TECHMATCH_CORE_COMMON_BOUNDED_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace techmatch {

// What an error message quotes of a client's value.
inline constexpr size_t kMaxEchoBytes = 80;

// `text` when at most `max_bytes` long; else its first bytes (at most `max_bytes`, whole
// characters) and "…[truncated, N bytes]".
std::string BoundedText(absl::string_view text, size_t max_bytes);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_BOUNDED_TEXT_H_
