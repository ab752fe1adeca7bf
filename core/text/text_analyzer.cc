#include "core/text/text_analyzer.h"

#include <opencc/opencc.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "core/text/english_stemmer.h"

namespace techmatch {
namespace {

// OpenCC finds the configs and their dictionaries in its data directory (libopencc-data).
constexpr const char* kTraditionalToSimplified = "t2s.json";
// Taiwan usage to mainland usage, phrase by phrase (伺服器 → 服务器, 資料庫 → 数据库).
constexpr const char* kTaiwanToMainland = "tw2sp.json";
// opencc_open() reports failure as (opencc_t)-1.
const opencc_t kNoOpenCC = reinterpret_cast<opencc_t>(static_cast<intptr_t>(-1));

// A code point of the normalized text and the bytes of the original it came from.
struct Unit {
  UChar32 cp;
  uint32_t source_begin;
  uint32_t source_end;
};

// ICU break iterators and OpenCC handles are not safe to share between threads.
struct ThreadState {
  std::unique_ptr<icu::BreakIterator> words;
  opencc_t t2s = kNoOpenCC;
  opencc_t tw2sp = kNoOpenCC;

  ThreadState() {
    UErrorCode error = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), error));
    if (U_FAILURE(error)) words.reset();
    t2s = opencc_open(kTraditionalToSimplified);
    tw2sp = opencc_open(kTaiwanToMainland);
  }
  ~ThreadState() {
    if (t2s != kNoOpenCC) opencc_close(t2s);
    if (tw2sp != kNoOpenCC) opencc_close(tw2sp);
  }
};

ThreadState& State() {
  thread_local ThreadState state;
  return state;
}

const icu::Normalizer2& NfkcCaseFold() {
  static const icu::Normalizer2* normalizer = [] {
    UErrorCode error = U_ZERO_ERROR;
    return icu::Normalizer2::getNFKCCasefoldInstance(error);
  }();
  return *normalizer;
}

// Function characters whose bigrams carry no meaning (的技, 和酿 ...).
bool IsChineseStopChar(UChar32 cp) {
  static const absl::flat_hash_set<UChar32> kStop = {U'的', U'了', U'和', U'与', U'及',
                                                     U'或', U'等', U'之', U'其', U'于',
                                                     U'并', U'而', U'在', U'是', U'、'};
  return kStop.contains(cp);
}

bool IsStopWord(absl::string_view word) {
  static const absl::flat_hash_set<absl::string_view> kStop = {
      "a",    "an",   "and",  "are",  "as",    "at",   "be",    "by",    "for",   "from",
      "has",  "have", "in",   "into", "is",    "it",   "its",   "of",    "on",    "or",
      "that", "the",  "this", "to",   "was",   "were", "will",  "with",  "we",    "our",
      "us",   "via",  "can",  "than", "which", "such", "these", "those", "their", "been"};
  return kStop.contains(word);
}

bool IsHan(UChar32 cp) {
  UErrorCode error = U_ZERO_ERROR;
  return uscript_getScript(cp, &error) == USCRIPT_HAN;
}

bool IsWordChar(UChar32 cp) { return u_isalnum(cp) && !IsHan(cp); }

bool IsJoiner(UChar32 cp) { return cp == '-' || cp == '/' || cp == '.' || cp == '_'; }

void AppendUtf8(UChar32 cp, std::string& out) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, cp, error);
  if (!error) out.append(buffer, length);
}

// Step 1: NFKC + case folding, one original code point at a time so every normalized code
// point remembers its source bytes.
std::vector<Unit> Normalize(absl::string_view text) {
  std::vector<Unit> units;
  units.reserve(text.size());
  const icu::Normalizer2& nfkc = NfkcCaseFold();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    const int32_t begin = i;
    UChar32 cp;
    U8_NEXT(bytes, i, size, cp);
    if (cp < 0) continue;  // Malformed UTF-8 is skipped; validation refuses it at the API.
    const auto b = static_cast<uint32_t>(begin), e = static_cast<uint32_t>(i);
    if (cp < 0x80) {
      units.push_back({cp >= 'A' && cp <= 'Z' ? cp + 32 : cp, b, e});
    } else if (nfkc.isInert(cp)) {
      units.push_back({cp, b, e});
    } else {
      UErrorCode error = U_ZERO_ERROR;
      const icu::UnicodeString normalized = nfkc.normalize(icu::UnicodeString(cp), error);
      if (U_FAILURE(error)) continue;
      for (int32_t k = 0; k < normalized.length();) {
        const UChar32 out = normalized.char32At(k);
        units.push_back({out, b, e});
        k += U16_LENGTH(out);
      }
    }
  }
  return units;
}

// OpenCC on `utf8`; nullopt when OpenCC is unavailable or fails.
std::optional<std::string> Convert(opencc_t converter, const std::string& utf8) {
  if (converter == kNoOpenCC) return std::nullopt;
  char* converted = opencc_convert_utf8(converter, utf8.data(), utf8.size());
  if (converted == nullptr) return std::nullopt;
  std::string out(converted);
  opencc_convert_utf8_free(converted);
  return out;
}

std::vector<UChar32> DecodeUtf8(const std::string& text) {
  std::vector<UChar32> cps;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    UChar32 cp;
    U8_NEXT(bytes, i, size, cp);
    if (cp >= 0) cps.push_back(cp);
  }
  return cps;
}

// Step 2: Traditional → Simplified on the Han code points. t2s maps character to character
// almost always; when a phrase conversion changes the length, each character is converted
// alone so the mapping to the source stays exact. True when some character changed: the
// text is written in Traditional characters.
bool FoldToSimplified(std::vector<Unit>& units) {
  std::string han;
  for (const Unit& u : units) {
    if (IsHan(u.cp)) AppendUtf8(u.cp, han);
  }
  if (han.empty()) return false;
  ThreadState& state = State();
  std::optional<std::string> converted = Convert(state.t2s, han);
  if (!converted) return false;
  if (*converted == han) return false;
  std::vector<UChar32> simplified = DecodeUtf8(*converted);
  size_t next = 0;
  const size_t han_count = DecodeUtf8(han).size();
  const bool aligned = simplified.size() == han_count;
  for (Unit& u : units) {
    if (!IsHan(u.cp)) continue;
    if (aligned) {
      u.cp = simplified[next++];
    } else {
      std::string one;
      AppendUtf8(u.cp, one);
      if (auto single = Convert(state.t2s, one)) {
        std::vector<UChar32> cps = DecodeUtf8(*single);
        if (cps.size() == 1) u.cp = cps[0];
      }
    }
  }
  return true;
}

// Collects terms with counts and first surface forms.
class TermSink {
 public:
  TermSink(absl::string_view source, const std::vector<Unit>& units)
      : source_(source), units_(units) {}

  // Adds the term made of units [begin, end) as `term`.
  void Add(std::string term, size_t begin, size_t end) {
    ++result_.length;
    auto [it, inserted] = index_.try_emplace(term, result_.terms.size());
    if (inserted) {
      const uint32_t from = units_[begin].source_begin;
      const uint32_t to = units_[end - 1].source_end;
      result_.terms.push_back({std::move(term), std::string(source_.substr(from, to - from)), 0});
    }
    ++result_.terms[it->second].count;
  }

  AnalyzedText Take() { return std::move(result_); }

 private:
  absl::string_view source_;
  const std::vector<Unit>& units_;
  absl::flat_hash_map<std::string, size_t> index_;
  AnalyzedText result_;
};

std::string Utf8Of(const std::vector<Unit>& units, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) AppendUtf8(units[i].cp, out);
  return out;
}

// Step 3: a run of Han characters; with `dictionary_words`, ICU's words of three or more
// characters too.
void AddHanRun(const std::vector<Unit>& units, size_t begin, size_t end, bool dictionary_words,
               TermSink& sink) {
  if (end - begin == 1) {
    if (!IsChineseStopChar(units[begin].cp)) sink.Add(Utf8Of(units, begin, end), begin, end);
    return;
  }
  for (size_t i = begin; i + 1 < end; ++i) {
    if (IsChineseStopChar(units[i].cp) || IsChineseStopChar(units[i + 1].cp)) continue;
    sink.Add(Utf8Of(units, i, i + 2), i, i + 2);
  }
  // Dictionary words of three or more characters (shorter ones are already bigrams).
  if (!dictionary_words || end - begin < 3) return;
  icu::BreakIterator* words = State().words.get();
  if (words == nullptr) return;
  icu::UnicodeString run;
  std::vector<size_t> unit_of_utf16;  // UTF-16 index → unit index
  for (size_t i = begin; i < end; ++i) {
    for (int k = 0; k < U16_LENGTH(units[i].cp); ++k) unit_of_utf16.push_back(i);
    run.append(units[i].cp);
  }
  unit_of_utf16.push_back(end);
  words->setText(run);
  int32_t start = words->first();
  for (int32_t stop = words->next(); stop != icu::BreakIterator::DONE;
       start = stop, stop = words->next()) {
    const size_t from = unit_of_utf16[start], to = unit_of_utf16[stop];
    if (to - from >= 3) sink.Add(Utf8Of(units, from, to), from, to);
  }
}

// Step 4: a run of letters, digits and joiners, e.g. "plc-200" or "gb/t".
void AddWordRun(const std::vector<Unit>& units, size_t begin, size_t end, TermSink& sink) {
  // Trim joiners at the edges: "200." is the word 200.
  while (begin < end && IsJoiner(units[begin].cp)) ++begin;
  while (end > begin && IsJoiner(units[end - 1].cp)) --end;
  if (begin == end) return;
  int parts = 0;
  size_t part_begin = begin;
  for (size_t i = begin; i <= end; ++i) {
    if (i == end || IsJoiner(units[i].cp)) {
      if (i > part_begin) {
        ++parts;
        std::string word = Utf8Of(units, part_begin, i);
        if (i - part_begin >= 2 && !IsStopWord(word)) sink.Add(EnglishStem(word), part_begin, i);
      }
      part_begin = i + 1;
    }
  }
  if (parts >= 2) sink.Add(Utf8Of(units, begin, end), begin, end);
}

// The normalized units of `text` (steps 1 and 2); `traditional`, when given, tells whether
// the text was written in Traditional characters.
std::vector<Unit> Prepare(absl::string_view text, bool* traditional = nullptr) {
  std::vector<Unit> units = Normalize(text);
  const bool changed = FoldToSimplified(units);
  if (traditional != nullptr) *traditional = changed;
  return units;
}

// Steps 3 and 4 on the normalized units of `text`.
AnalyzedText AnalyzeUnits(absl::string_view text, const std::vector<Unit>& units,
                          bool dictionary_words = true) {
  TermSink sink(text, units);
  size_t i = 0;
  while (i < units.size()) {
    const UChar32 cp = units[i].cp;
    size_t j = i + 1;
    if (IsHan(cp)) {
      while (j < units.size() && IsHan(units[j].cp)) ++j;
      AddHanRun(units, i, j, dictionary_words, sink);
    } else if (IsWordChar(cp)) {
      // Joiners stay inside a run only between word characters: "plc-200", not "a - b".
      while (j < units.size() &&
             (IsWordChar(units[j].cp) ||
              (IsJoiner(units[j].cp) && j + 1 < units.size() && IsWordChar(units[j + 1].cp)))) {
        ++j;
      }
      AddWordRun(units, i, j, sink);
    }
    i = j;
  }
  return sink.Take();
}

// Where `needle` occurs in `haystack` (by code point), or npos.
size_t FindUnits(const std::vector<Unit>& haystack, const std::vector<UChar32>& needle) {
  if (needle.empty() || needle.size() > haystack.size()) return std::string::npos;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && haystack[i + k].cp == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string::npos;
}

// The Han runs of `normalized` (NFKC, before t2s) converted with tw2sp; `folded` is the same
// text after t2s (unit for unit). Where tw2sp changes a run's length, its output is aligned
// with the t2s run by their longest common subsequence, and the characters in between take
// the source bytes of what they replace, so surfaces stay exact for whole phrases.
std::vector<Unit> TaiwanToMainland(const std::vector<Unit>& normalized,
                                   const std::vector<Unit>& folded) {
  std::vector<Unit> out;
  out.reserve(folded.size());
  ThreadState& state = State();
  size_t i = 0;
  while (i < normalized.size()) {
    if (!IsHan(normalized[i].cp)) {
      out.push_back(folded[i++]);
      continue;
    }
    size_t j = i;
    while (j < normalized.size() && IsHan(normalized[j].cp)) ++j;
    std::optional<std::string> converted = Convert(state.tw2sp, Utf8Of(normalized, i, j));
    const std::vector<UChar32> p = converted ? DecodeUtf8(*converted) : std::vector<UChar32>();
    const size_t n = j - i, m = p.size();
    bool same = m == n;
    for (size_t k = 0; same && k < n; ++k) same = p[k] == folded[i + k].cp;
    if (m == 0 || same || n * m > 250000) {
      out.insert(out.end(), folded.begin() + i, folded.begin() + j);
    } else if (m == n) {
      for (size_t k = 0; k < n; ++k)
        out.push_back({p[k], folded[i + k].source_begin, folded[i + k].source_end});
    } else {
      // lcs[a][b]: the longest common subsequence of folded[i+a..j) and p[b..m).
      std::vector<std::vector<uint16_t>> lcs(n + 1, std::vector<uint16_t>(m + 1, 0));
      for (size_t a = n; a-- > 0;) {
        for (size_t b = m; b-- > 0;) {
          lcs[a][b] = folded[i + a].cp == p[b] ? lcs[a + 1][b + 1] + 1
                                               : std::max(lcs[a + 1][b], lcs[a][b + 1]);
        }
      }
      // The common characters keep their source; each stretch of p between two of them takes
      // the source of the t2s stretch it replaces (or of the character before, or after).
      size_t a = 0, b = 0, a_from = 0, b_from = 0;
      auto flush = [&](size_t a_to, size_t b_to) {
        if (b_to == b_from) return;
        size_t first = a_from, last = a_to;  // [first, last) of the t2s run
        if (first == last) {
          first = first > 0 ? first - 1 : 0;
          last = std::min(first + 1, n);
        }
        for (size_t k = b_from; k < b_to; ++k) {
          out.push_back({p[k], folded[i + first].source_begin, folded[i + last - 1].source_end});
        }
      };
      while (a < n && b < m) {
        if (folded[i + a].cp == p[b]) {
          flush(a, b);
          out.push_back({p[b], folded[i + a].source_begin, folded[i + a].source_end});
          a_from = ++a;
          b_from = ++b;
        } else if (lcs[a + 1][b] >= lcs[a][b + 1]) {
          ++a;
        } else {
          ++b;
        }
      }
      flush(n, m);
    }
    i = j;
  }
  return out;
}
}  // namespace

// A text's normalized units and, for the counterpart side, its analyzed terms (empty for the
// side whose phrases are quoted: SharedPhrases never looks them up).
struct PhraseText {
  std::string text;
  std::vector<Unit> units;
  absl::flat_hash_set<std::string> terms;
};

std::shared_ptr<const PhraseText> TextAnalyzer::PrepareForPhrases(absl::string_view text) const {
  return std::make_shared<const PhraseText>(PhraseText{std::string(text), Prepare(text), {}});
}

std::shared_ptr<const PhraseText> TextAnalyzer::PrepareCounterpartForPhrases(
    absl::string_view counterpart, const AnalyzedText* analyzed) const {
  auto prepared = std::make_shared<PhraseText>();
  prepared->text = std::string(counterpart);
  prepared->units = Prepare(counterpart);
  // Analysed from the same units (the text is normalized and folded once, not twice), and
  // without ICU's dictionary words, the costliest step: SharedPhrases looks terms up only as
  // Han bigrams, single Han characters and Latin/digit runs, never as a Han word of three or
  // more characters, so its answer is the same (the tests compare the two).
  const AnalyzedText computed =
      analyzed == nullptr ? AnalyzeUnits(counterpart, prepared->units, /*dictionary_words=*/false)
                          : AnalyzedText();
  for (const AnalyzedTerm& term : (analyzed == nullptr ? computed : *analyzed).terms) {
    prepared->terms.insert(term.term);
  }
  return prepared;
}

std::vector<SharedPhrase> TextAnalyzer::SharedPhrases(absl::string_view text,
                                                      absl::string_view counterpart,
                                                      size_t limit) const {
  return SharedPhrases(*PrepareForPhrases(text), *PrepareCounterpartForPhrases(counterpart), limit);
}

std::vector<SharedPhrase> TextAnalyzer::SharedPhrases(const PhraseText& own,
                                                      const PhraseText& other, size_t limit) const {
  const absl::string_view text = own.text;
  const absl::string_view counterpart = other.text;
  const absl::flat_hash_set<std::string>& other_terms = other.terms;
  const std::vector<Unit>& units = own.units;
  const std::vector<Unit>& other_units = other.units;

  struct Span {
    size_t begin, end;
  };
  std::vector<Span> spans;
  size_t i = 0;
  while (i < units.size()) {
    size_t j = i + 1;
    if (IsHan(units[i].cp)) {
      while (j < units.size() && IsHan(units[j].cp)) ++j;
      // Join runs of shared bigrams: positions k with bigram (k, k+1) shared.
      size_t span_begin = std::string::npos;
      for (size_t k = i; k + 1 < j; ++k) {
        const bool shared = other_terms.contains(Utf8Of(units, k, k + 2));
        if (shared && span_begin == std::string::npos) span_begin = k;
        if (!shared && span_begin != std::string::npos) {
          spans.push_back({span_begin, k + 1});
          span_begin = std::string::npos;
        }
      }
      if (span_begin != std::string::npos) spans.push_back({span_begin, j});
      if (j - i == 1 && other_terms.contains(Utf8Of(units, i, j))) spans.push_back({i, j});
    } else if (IsWordChar(units[i].cp)) {
      while (j < units.size() && IsWordChar(units[j].cp)) ++j;
      if (j - i >= 2 && other_terms.contains(EnglishStem(Utf8Of(units, i, j)))) {
        spans.push_back({i, j});
      }
    }
    i = j;
  }
  std::stable_sort(spans.begin(), spans.end(),
                   [](const Span& a, const Span& b) { return a.end - a.begin > b.end - b.begin; });
  std::vector<SharedPhrase> phrases;
  absl::flat_hash_set<std::string> seen;
  for (const Span& span : spans) {
    if (phrases.size() >= limit) break;
    std::string normalized = Utf8Of(units, span.begin, span.end);
    if (!seen.insert(normalized).second) continue;
    const uint32_t from = units[span.begin].source_begin, to = units[span.end - 1].source_end;
    SharedPhrase phrase{std::string(text.substr(from, to - from)), ""};
    std::vector<UChar32> needle;
    for (size_t k = span.begin; k < span.end; ++k) needle.push_back(units[k].cp);
    if (!IsHan(units[span.begin].cp)) {
      // A word: the counterpart's word with the same stem, as written there (fibre / fibers).
      const std::string stem = EnglishStem(Utf8Of(units, span.begin, span.end));
      for (size_t k = 0; k < other_units.size();) {
        size_t end = k;
        while (end < other_units.size() && IsWordChar(other_units[end].cp)) ++end;
        if (end > k && EnglishStem(Utf8Of(other_units, k, end)) == stem) {
          std::string written(
              counterpart.substr(other_units[k].source_begin,
                                 other_units[end - 1].source_end - other_units[k].source_begin));
          if (written != phrase.text) phrase.counterpart_text = std::move(written);
          break;
        }
        k = end > k ? end : k + 1;
      }
      phrases.push_back(std::move(phrase));
      continue;
    }
    const size_t at = FindUnits(other_units, needle);
    // Shared bigram by bigram but never whole in the counterpart: nothing to quote there.
    if (at != std::string::npos) {
      const uint32_t other_from = other_units[at].source_begin;
      const uint32_t other_to = other_units[at + needle.size() - 1].source_end;
      std::string written(counterpart.substr(other_from, other_to - other_from));
      if (written != phrase.text) phrase.counterpart_text = std::move(written);
    }
    phrases.push_back(std::move(phrase));
  }
  return phrases;
}

absl::StatusOr<std::shared_ptr<const TextAnalyzer>> TextAnalyzer::Create() {
  ThreadState& state = State();
  if (state.words == nullptr) {
    return absl::FailedPreconditionError("ICU word-break data is not available");
  }
  if (state.t2s == kNoOpenCC) {
    return absl::FailedPreconditionError(
        absl::StrCat("OpenCC configuration ", kTraditionalToSimplified,
                     " cannot be loaded (is libopencc-data installed?): ", opencc_error()));
  }
  if (state.tw2sp == kNoOpenCC) {
    return absl::FailedPreconditionError(
        absl::StrCat("OpenCC configuration ", kTaiwanToMainland,
                     " cannot be loaded (is libopencc-data installed?): ", opencc_error()));
  }
  return std::shared_ptr<const TextAnalyzer>(new TextAnalyzer());
}

AnalyzedText TextAnalyzer::Analyze(absl::string_view text) const {
  const std::vector<Unit> normalized = Normalize(text);
  std::vector<Unit> units = normalized;
  const bool traditional = FoldToSimplified(units);
  AnalyzedText analyzed = AnalyzeUnits(text, units);
  if (!traditional) return analyzed;
  // Written in Traditional characters: also the terms of its Taiwan phrases converted to
  // mainland usage (伺服器 → 服务器), so either usage finds it. Mainland text is left alone:
  // tw2sp would rewrite some of its words (方程式 → 方程序).
  const std::vector<Unit> mainland = TaiwanToMainland(normalized, units);
  absl::flat_hash_set<std::string> seen;
  for (const AnalyzedTerm& term : analyzed.terms) seen.insert(term.term);
  for (AnalyzedTerm& term : AnalyzeUnits(text, mainland).terms) {
    if (seen.contains(term.term)) continue;
    term.taiwan_phrase = true;
    analyzed.length += term.count;
    analyzed.terms.push_back(std::move(term));
  }
  return analyzed;
}

bool TextAnalyzer::IsEnglishStopWord(absl::string_view word) { return IsStopWord(word); }

std::string TextAnalyzer::NormalizedText(absl::string_view text) const {
  const std::vector<Unit> units = Prepare(text);
  return Utf8Of(units, 0, units.size());
}

std::vector<TextWord> TextAnalyzer::Words(absl::string_view text) const {
  const std::vector<Unit> units = Prepare(text);
  std::vector<TextWord> words;
  uint32_t run = 0;
  auto add_han = [&](size_t from, size_t to) {
    TextWord word{Utf8Of(units, from, to), {}, run};
    for (size_t k = from; k + 1 < to; ++k) {
      if (IsChineseStopChar(units[k].cp) || IsChineseStopChar(units[k + 1].cp)) continue;
      word.terms.push_back(Utf8Of(units, k, k + 2));
    }
    if (!word.terms.empty()) words.push_back(std::move(word));
  };
  size_t i = 0;
  while (i < units.size()) {
    size_t j = i + 1;
    if (IsHan(units[i].cp)) {
      while (j < units.size() && IsHan(units[j].cp)) ++j;
      icu::BreakIterator* breaks = State().words.get();
      std::vector<size_t> bounds = {i};
      if (breaks != nullptr && j - i > 2) {
        icu::UnicodeString han;
        std::vector<size_t> unit_of_utf16;
        for (size_t k = i; k < j; ++k) {
          for (int n = 0; n < U16_LENGTH(units[k].cp); ++n) unit_of_utf16.push_back(k);
          han.append(units[k].cp);
        }
        unit_of_utf16.push_back(j);
        breaks->setText(han);
        breaks->first();
        for (int32_t b = breaks->next(); b != icu::BreakIterator::DONE; b = breaks->next()) {
          bounds.push_back(unit_of_utf16[b]);
        }
      } else {
        bounds.push_back(j);
      }
      // Single characters ICU could not place are joined (an unknown word, often), up to a
      // stop character.
      size_t single_from = std::string::npos;
      for (size_t b = 0; b + 1 < bounds.size(); ++b) {
        const size_t from = bounds[b], to = bounds[b + 1];
        const bool single = to - from == 1 && !IsChineseStopChar(units[from].cp);
        if (single) {
          if (single_from == std::string::npos) single_from = from;
          continue;
        }
        if (single_from != std::string::npos) add_han(single_from, from);
        single_from = std::string::npos;
        if (to - from >= 2) add_han(from, to);
      }
      if (single_from != std::string::npos) add_han(single_from, j);
    } else if (IsWordChar(units[i].cp)) {
      while (j < units.size() && IsWordChar(units[j].cp)) ++j;
      const std::string word = Utf8Of(units, i, j);
      if (j - i >= 2 && !IsStopWord(word)) {
        std::string stem = EnglishStem(word);
        words.push_back({stem, {stem}, run});
      }
    } else if (!u_isspace(units[i].cp) && !IsJoiner(units[i].cp)) {
      ++run;
    }
    i = j;
  }
  return words;
}

std::vector<TextToken> TextAnalyzer::Tokens(absl::string_view text) const {
  const std::vector<Unit> units = Prepare(text);
  std::vector<TextToken> tokens;
  uint32_t run = 0;
  bool broken = false;  // Punctuation since the last token (white space does not break).
  auto add = [&](std::string token, bool han, size_t begin, size_t end) {
    if (!tokens.empty() && broken) ++run;
    broken = false;
    tokens.push_back(
        {std::move(token), han, units[begin].source_begin, units[end - 1].source_end, run});
  };
  size_t i = 0;
  while (i < units.size()) {
    const UChar32 cp = units[i].cp;
    if (IsHan(cp)) {
      add(Utf8Of(units, i, i + 1), true, i, i + 1);
      ++i;
    } else if (IsWordChar(cp)) {
      size_t j = i;
      // The parts of a joined run ("pm2.5", "a2/o") are tokens of the same run.
      while (j < units.size() && IsWordChar(units[j].cp)) ++j;
      add(EnglishStem(Utf8Of(units, i, j)), false, i, j);
      i = j;
      if (i + 1 < units.size() && IsJoiner(units[i].cp) && IsWordChar(units[i + 1].cp)) ++i;
    } else {
      if (!u_isspace(cp)) broken = true;
      ++i;
    }
  }
  return tokens;
}

}  // namespace techmatch
