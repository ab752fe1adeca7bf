#include "core/matching/matching_resources.h"

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"

namespace techmatch {

std::string DefaultShareDirectory() {
  if (const char* dir = std::getenv(kShareDirEnv); dir != nullptr && *dir != '\0') return dir;
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "share/techmatch";
  return (exe.parent_path().parent_path() / "share" / "techmatch").string();
}

MatchingResources LoadMatchingResources(const std::string& share_dir,
                                        const TextAnalyzer& analyzer) {
  MatchingResources resources;
  const std::string thesaurus_dir = (std::filesystem::path(share_dir) / kThesaurusDir).string();
  auto thesaurus = Thesaurus::LoadDirectory(thesaurus_dir, analyzer);
  if (thesaurus.ok()) {
    resources.thesaurus = *std::move(thesaurus);
    resources.notes.push_back(absl::StrCat("thesaurus: ", resources.thesaurus->entries().size(),
                                           " entries from ", thesaurus_dir));
  } else {
    resources.notes.push_back(absl::StrCat("thesaurus not loaded, matching goes without: ",
                                           thesaurus.status().message()));
  }
  const std::string lexicon_path = (std::filesystem::path(share_dir) / kLexiconFile).string();
  auto lexicon = Lexicon::Load(lexicon_path);
  if (lexicon.ok()) {
    resources.lexicon = *std::move(lexicon);
    resources.notes.push_back(absl::StrCat("lexicon: ", resources.lexicon->english_terms(),
                                           " English terms from ", lexicon_path));
  } else {
    resources.notes.push_back(
        absl::StrCat("lexicon not loaded, matching goes without crossing languages: ",
                     lexicon.status().message()));
  }
  return resources;
}

const MatchingResources& DefaultMatchingResources(const TextAnalyzer& analyzer) {
  static const MatchingResources* resources =
      new MatchingResources(LoadMatchingResources(DefaultShareDirectory(), analyzer));
  return *resources;
}

}  // namespace techmatch
