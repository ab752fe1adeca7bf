// The programme ledger's enum values from what people type: the API name in any case, with
// '-' or ' ' for '_' (`national`, `technology-pushed`).
#ifndef TECHMATCH_CLIENT_LEDGER_ENUM_H_
#define TECHMATCH_CLIENT_LEDGER_ENUM_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace techmatch::client {

// `parse` is the generated `Enum_Parse`; `names` lists the accepted values for the error.
template <typename E, typename Parse>
absl::StatusOr<E> ParseLedgerEnum(absl::string_view text, Parse parse, absl::string_view what,
                                  absl::string_view names) {
  std::string spelled = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  for (char& c : spelled) {
    if (c == '-' || c == ' ') c = '_';
  }
  E value{};
  if (!spelled.empty() && !absl::EndsWith(spelled, "UNSPECIFIED") && parse(spelled, &value)) {
    return value;
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown ", what, " '", text, "': use ", names));
}

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_LEDGER_ENUM_H_
