// English word stems for matching, so that "fibres", "fiber" and "fibre" meet, as do
// "drying"/"dried"/"dry" and "optimise"/"optimizing": British spellings are first written the
// American way (-re → -er after a consonant, -our → -or, -ise/-yse → -ize/-yze, a few whole
// words such as aluminium and sulphur), then the Snowball English (Porter2) stemmer
// (libstemmer) removes inflections. Every text goes through the same function, so a
// respelling only has to be consistent, not a real word.
#ifndef TECHMATCH_CORE_TEXT_ENGLISH_STEMMER_H_
#define TECHMATCH_CORE_TEXT_ENGLISH_STEMMER_H_

#include <string>

#include "absl/strings/string_view.h"

namespace techmatch {

// The stem of a lower-case word. Words with anything but ASCII letters (model numbers,
// formulas, other scripts) and words shorter than three letters are returned unchanged.
// Thread-safe (a stemmer per thread).
std::string EnglishStem(absl::string_view word);

// Whether the Snowball stemmer is available (it is linked in; false only when it cannot be
// created, e.g. out of memory). Without it EnglishStem only respells.
bool EnglishStemmerAvailable();

}  // namespace techmatch

#endif  // TECHMATCH_CORE_TEXT_ENGLISH_STEMMER_H_
