// The text analyzer (ICU normalization and word break, OpenCC folding, bigrams) on arbitrary
// bytes, valid UTF-8 or not: it never crashes, and every term it returns is non-empty.
#include <cstdlib>

#include "core/text/text_analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const techmatch::TextAnalyzer> kAnalyzer = [] {
    auto analyzer = techmatch::TextAnalyzer::Create();
    if (!analyzer.ok()) std::abort();
    return *analyzer;
  }();
  const techmatch::AnalyzedText analyzed =
      kAnalyzer->Analyze(absl::string_view(reinterpret_cast<const char*>(data), size));
  for (const auto& term : analyzed.terms) {
    if (term.term.empty()) std::abort();
  }
  return 0;
}
