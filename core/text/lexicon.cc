#include "core/text/lexicon.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/text/english_stemmer.h"

namespace techmatch {
namespace {

// The stems of an English term's words, as TextAnalyzer::Tokens gives them.
std::vector<std::string> EnglishTokens(absl::string_view term) {
  std::vector<std::string> tokens;
  for (absl::string_view word : absl::StrSplit(term, absl::ByAnyChar(" -/"), absl::SkipEmpty())) {
    tokens.push_back(EnglishStem(word));
  }
  return tokens;
}

// The code points of a Chinese word, one token each.
std::vector<std::string> HanTokens(absl::string_view word) {
  std::vector<std::string> tokens;
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t size = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < size;) {
    const int32_t begin = i;
    UChar32 cp;
    U8_NEXT(bytes, i, size, cp);
    if (cp >= 0) tokens.emplace_back(word.substr(begin, i - begin));
  }
  return tokens;
}

std::vector<Lexicon::Translation> Translate(const PhraseIndex& index,
                                            const std::vector<std::vector<uint32_t>>& targets,
                                            const std::vector<std::string>& words,
                                            const std::vector<TextToken>& tokens, bool han,
                                            size_t limit) {
  std::vector<Lexicon::Translation> out;
  for (const PhraseIndex::Match& match : PhraseIndex::LeftmostLongest(index.FindAll(tokens))) {
    if (tokens[match.begin].han != han) continue;
    if (han && match.end - match.begin < 2) continue;
    Lexicon::Translation translation{match.begin, match.end, {}};
    for (uint32_t source : *match.values) {
      for (uint32_t target : targets[source]) {
        if (translation.words.size() >= limit) break;
        const std::string* word = &words[target];
        if (std::find(translation.words.begin(), translation.words.end(), word) ==
            translation.words.end()) {
          translation.words.push_back(word);
        }
      }
    }
    if (!translation.words.empty()) out.push_back(std::move(translation));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::shared_ptr<const Lexicon>> Lexicon::Parse(absl::string_view content,
                                                              absl::string_view name) {
  std::shared_ptr<Lexicon> lexicon(new Lexicon());
  absl::flat_hash_map<std::string, uint32_t> chinese_ids;
  // Per Chinese word: (its place in the English term's list, English id), to order them.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> ranked;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(content, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<absl::string_view> cells = absl::StrSplit(line, '\t');
    if (cells.size() != 2 || cells[0].empty() || cells[1].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ":", line_number, ": expected \"english<TAB>word;word...\""));
    }
    const std::vector<std::string> tokens = EnglishTokens(cells[0]);
    if (tokens.empty()) continue;
    const auto english = static_cast<uint32_t>(lexicon->english_.size());
    lexicon->english_.emplace_back(cells[0]);
    std::vector<std::string>& terms = lexicon->english_terms_.emplace_back();
    for (absl::string_view word :
         absl::StrSplit(cells[0], absl::ByAnyChar(" -/"), absl::SkipEmpty())) {
      if (word.size() >= 2 && !TextAnalyzer::IsEnglishStopWord(word)) {
        terms.push_back(EnglishStem(word));
      }
    }
    lexicon->english_index_.Add(tokens, english);
    std::vector<uint32_t>& targets = lexicon->chinese_of_.emplace_back();
    uint32_t place = 0;
    for (absl::string_view word : absl::StrSplit(cells[1], ';', absl::SkipEmpty())) {
      auto [it, inserted] =
          chinese_ids.try_emplace(std::string(word), static_cast<uint32_t>(chinese_ids.size()));
      if (inserted) {
        lexicon->chinese_.emplace_back(word);
        lexicon->chinese_index_.Add(HanTokens(word), it->second);
        ranked.emplace_back();
      }
      targets.push_back(it->second);
      ranked[it->second].emplace_back(place++, english);
    }
  }
  lexicon->english_of_.resize(ranked.size());
  for (size_t word = 0; word < ranked.size(); ++word) {
    // A term that lists the word first translates it best; then shorter terms.
    std::stable_sort(
        ranked[word].begin(), ranked[word].end(), [&lexicon](const auto& a, const auto& b) {
          if (a.first != b.first) return a.first < b.first;
          return lexicon->english_[a.second].size() < lexicon->english_[b.second].size();
        });
    for (const auto& [place, english] : ranked[word]) {
      lexicon->english_of_[word].push_back(english);
    }
  }
  return std::shared_ptr<const Lexicon>(std::move(lexicon));
}

absl::StatusOr<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in.good()) return absl::NotFoundError(absl::StrCat("cannot read lexicon ", path));
  std::stringstream content;
  content << in.rdbuf();
  return Parse(content.str(), path);
}

const std::vector<std::string>& Lexicon::TermsOf(const std::string* english) const {
  return english_terms_[static_cast<size_t>(english - english_.data())];
}

std::vector<Lexicon::Translation> Lexicon::ToChinese(const std::vector<TextToken>& tokens,
                                                     size_t limit) const {
  return Translate(english_index_, chinese_of_, chinese_, tokens, /*han=*/false, limit);
}

std::vector<Lexicon::Translation> Lexicon::ToEnglish(const std::vector<TextToken>& tokens,
                                                     size_t limit) const {
  return Translate(chinese_index_, english_of_, english_, tokens, /*han=*/true, limit);
}

}  // namespace techmatch
