#include "core/matching/match_result.h"

#include "absl/strings/str_cat.h"

namespace techmatch {

std::string BridgeText(const Bridge& bridge) {
  const bool directed = bridge.detail == "problem";
  switch (bridge.source) {
    case BridgeSource::kThesaurus:
      return absl::StrCat(bridge.from, directed ? " → " : " ≈ ", bridge.to, " (thesaurus",
                          directed ? ": problem" : "", ")");
    case BridgeSource::kLexicon:
      return absl::StrCat(bridge.from, " ≈ ", bridge.to, " (CC-CEDICT)");
    case BridgeSource::kTaiwanPhrase:
      return absl::StrCat(bridge.from, " ≈ ", bridge.to, " (OpenCC tw2sp)");
  }
  return absl::StrCat(bridge.from, " ≈ ", bridge.to);
}

}  // namespace techmatch
