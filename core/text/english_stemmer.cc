#include "core/text/english_stemmer.h"

#include <libstemmer.h>

#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace techmatch {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

// Snowball stemmers keep state between calls: one per thread.
sb_stemmer* ThreadStemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", nullptr));
  return stemmer.get();
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Whole words whose British and American spellings differ in ways the rules below miss.
const absl::flat_hash_map<std::string, std::string>& WholeWords() {
  static const auto* words = new absl::flat_hash_map<std::string, std::string>{
      {"aluminium", "aluminum"}, {"tyre", "tire"},         {"tyres", "tires"},
      {"mould", "mold"},         {"moulds", "molds"},      {"moulding", "molding"},
      {"moulded", "molded"},     {"programme", "program"}, {"programmes", "programs"},
      {"grey", "gray"},          {"catalogue", "catalog"}, {"analogue", "analog"},
      {"dialogue", "dialog"},    {"ageing", "aging"},      {"draught", "draft"},
      {"plough", "plow"},        {"sceptic", "skeptic"},   {"storey", "story"},
      {"kerb", "curb"},          {"oestrogen", "estrogen"}};
  return *words;
}

// Respells British forms the American way; see the header.
std::string Americanize(std::string word) {
  if (auto it = WholeWords().find(word); it != WholeWords().end()) return it->second;
  if (absl::StartsWith(word, "sulph")) word = "sulf" + word.substr(5);
  // An inflection ending the word, kept while its stem is respelled.
  // Where `stem_end` starts when the word ends with it and one of `endings`, after at least
  // `min_stem` letters; npos otherwise.
  auto split = [&word](std::initializer_list<absl::string_view> endings, absl::string_view stem_end,
                       size_t min_stem = 3) -> size_t {
    for (absl::string_view ending : endings) {
      const size_t size = stem_end.size() + ending.size();
      if (word.size() >= size + min_stem &&
          absl::EndsWith(absl::string_view(word), absl::StrCat(stem_end, ending))) {
        return word.size() - size;
      }
    }
    return std::string::npos;
  };
  // fibre(s|d) → fiber(s|d): -re after a consonant.
  if (size_t at = split({"", "s", "d"}, "re");
      at != std::string::npos && !IsVowel(word[at - 1]) && word[at - 1] != 'r') {
    word.replace(at, 2, "er");
    return word;
  }
  // colour, odours, flavoured → color, odors, flavored; not four, hour, flour, contour...
  static const auto* kOurWords = new absl::flat_hash_set<std::string>{
      "f",    "h",   "p",   "t",   "y",  "fl",    "s",       "d", "sc",
      "cont", "dev", "det", "vel", "am", "param", "troubad", "j"};
  if (size_t at = split({"", "s", "ed", "ing"}, "our", 1);
      at != std::string::npos && !kOurWords->contains(word.substr(0, at))) {
    word.replace(at, 3, "or");
    return word;
  }
  // optimise(d|s), optimising, optimisation → -ize..., analyse → analyze.
  for (absl::string_view y : {"is", "ys"}) {
    const std::string from = std::string(y);
    if (size_t at = split({"e", "ed", "es", "ing", "ation", "ations", "er", "ers"}, from);
        at != std::string::npos) {
      word.replace(at, 2, from == "is" ? "iz" : "yz");
      return word;
    }
  }
  return word;
}

bool AllLetters(absl::string_view word) {
  for (char c : word) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

std::string EnglishStem(absl::string_view word) {
  if (word.size() < 3 || !AllLetters(word)) return std::string(word);
  const std::string respelled = Americanize(std::string(word));
  sb_stemmer* stemmer = ThreadStemmer();
  if (stemmer == nullptr) return respelled;
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(respelled.data()),
                      static_cast<int>(respelled.size()));
  if (stem == nullptr) return respelled;
  return std::string(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer));
}

bool EnglishStemmerAvailable() { return ThreadStemmer() != nullptr; }

}  // namespace techmatch
