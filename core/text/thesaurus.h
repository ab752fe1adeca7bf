// The domain thesaurus (data/thesaurus, format in data/thesaurus/README.md) as an immutable
// snapshot: groups of equivalent terms (synonyms, abbreviations, formulas, Taiwan/mainland
// usage, translations) linked both ways, and symptom → technique links (`problem`) followed
// from the need's side to the offering's only. A snapshot never changes; replacing the
// thesaurus means building a new one (MatchingEngine::SetThesaurus swaps it atomically, and
// queries already running keep the one they started with).
//
// Entries are scoped by the file they come from: an industry's file (environment.tsv...)
// holds the meaning its abbreviations have in that industry (SOC is a battery's state of
// charge in energy.tsv, a system on chip in electronics.tsv), general.tsv and
// cross_strait.tsv hold what every industry shares.
#ifndef TECHMATCH_CORE_TEXT_THESAURUS_H_
#define TECHMATCH_CORE_TEXT_THESAURUS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/text/phrase_index.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

enum class ThesaurusKind {
  kSynonym,
  kAbbreviation,
  kFormula,
  kCrossStrait,
  kTranslation,
  kProblem
};

const char* ThesaurusKindName(ThesaurusKind kind);
// The kind named `text` (as ThesaurusKindName writes it); false when there is none.
bool ParseThesaurusKind(absl::string_view text, ThesaurusKind* kind);

struct ThesaurusEntry {
  ThesaurusKind kind = ThesaurusKind::kSynonym;
  // Symmetric kinds: the canonical term. `problem`: the symptom phrases.
  std::vector<std::string> from;
  // Symmetric kinds: the equivalent terms. `problem`: the technique phrases.
  std::vector<std::string> to;
  std::string note;
  // The industry code the entry belongs to; empty for every industry.
  std::string scope;
};

// Files whose entries hold for every industry; any other file's name is its industry code.
inline constexpr const char* kGeneralThesaurusFiles[] = {"general", "cross_strait"};

// Parses one thesaurus file. INVALID_ARGUMENT naming `name`:line for a missing or wrong
// header, a line without four tab-separated cells, an unknown kind, an empty term list, or a
// (kind, from) pair given twice.
absl::StatusOr<std::vector<ThesaurusEntry>> ParseThesaurusFile(absl::string_view content,
                                                               absl::string_view name,
                                                               absl::string_view scope);

class Thesaurus {
 public:
  // A term of an entry, analysed for matching.
  struct Member {
    std::string text;        // As the entry writes it.
    uint32_t entry = 0;      // Index in entries().
    bool from_side = false;  // In the entry's `from` cell.
    AnalyzedText terms;      // What a counterpart must say to say this term.
  };

  static absl::StatusOr<std::shared_ptr<const Thesaurus>> Create(
      std::vector<ThesaurusEntry> entries, const TextAnalyzer& analyzer);
  // Every *.tsv file of `dir` (see kGeneralThesaurusFiles for the scopes). NOT_FOUND when
  // the directory cannot be read; the first parse error otherwise.
  static absl::StatusOr<std::shared_ptr<const Thesaurus>> LoadDirectory(
      const std::string& dir, const TextAnalyzer& analyzer);

  // Where members occur in `tokens` (TextAnalyzer::Tokens of a query), outermost only: a
  // member inside a longer one found at the same place is not reported. Values index
  // members().
  std::vector<PhraseIndex::Match> Find(const std::vector<TextToken>& tokens) const;

  // The symptom phrases of `problem` entries a text part says in its own words: every
  // bigram inside the phrase's words (TextAnalyzer::Words) is among `terms` (Analyze of one
  // clause or sentence), as in 镗孔时刀具出现严重振纹 for the symptom 刀具振纹. Enterprises
  // describe symptoms freely, so these are matched as a bag within a clause, not as exact phrases.
  // Members, by index.
  std::vector<uint32_t> FindSymptoms(const AnalyzedText& terms) const;

  const std::vector<ThesaurusEntry>& entries() const { return entries_; }
  const std::vector<Member>& members() const { return members_; }
  // The members of `entry`, `from` first.
  const std::vector<uint32_t>& members_of(uint32_t entry) const { return by_entry_[entry]; }

 private:
  Thesaurus() = default;

  std::vector<ThesaurusEntry> entries_;
  std::vector<Member> members_;
  std::vector<std::vector<uint32_t>> by_entry_;
  PhraseIndex index_;
  // Symptom members by each of their required terms, and how many they require.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> symptoms_by_term_;
  absl::flat_hash_map<uint32_t, uint32_t> symptom_terms_;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_TEXT_THESAURUS_H_
