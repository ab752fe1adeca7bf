// JSON string literals written by hand, for the few places that build JSON without protobuf's
// printer (Connect error bodies, the CLI's agreement sheets). Abseil only, so the CLI links it
// without the domain.
#ifndef TECHMATCH_CORE_JSON_JSON_TEXT_H_
#define TECHMATCH_CORE_JSON_JSON_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace techmatch {

// Appends `text` to `out` as a JSON string literal: quoted, with `"`, `\` and control characters
// escaped. Bytes from 0x80 up pass through, so UTF-8 text stays readable.
void AppendJsonString(absl::string_view text, std::string& out);

// `text` as a JSON string literal.
std::string JsonString(absl::string_view text);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_JSON_JSON_TEXT_H_
