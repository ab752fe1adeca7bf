#include "core/matching/query_expansion.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

namespace techmatch {
namespace {

bool InScope(const ThesaurusEntry& entry, const MatchQuery& query) {
  return entry.scope.empty() || std::find(query.industry_codes.begin(), query.industry_codes.end(),
                                          entry.scope) != query.industry_codes.end();
}

size_t CodePoints(const std::string& text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

bool IsHanTerm(const std::string& term) {
  return !term.empty() && (static_cast<unsigned char>(term[0]) & 0x80) != 0;
}

// The overlapping bigrams of a Chinese word (the word itself when it has two characters).
std::vector<std::string> HanBigrams(const std::string& word) {
  std::vector<std::string> chars;
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t size = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < size;) {
    const int32_t begin = i;
    UChar32 cp;
    U8_NEXT(bytes, i, size, cp);
    chars.push_back(word.substr(begin, i - begin));
  }
  std::vector<std::string> bigrams;
  for (size_t i = 0; i + 1 < chars.size(); ++i) bigrams.push_back(chars[i] + chars[i + 1]);
  return bigrams;
}

class Expander {
 public:
  Expander(const TextAnalyzer& analyzer, MatchQuery& query) : analyzer_(analyzer), query_(query) {}

  // The query's own terms of `phrase` (where a link starts).
  std::vector<uint32_t> SourceTerms(absl::string_view phrase) const {
    std::vector<uint32_t> terms;
    for (const AnalyzedTerm& term : analyzer_.Analyze(phrase).terms) {
      const int32_t at = query_.Find(term.term);
      if (at >= 0 && !query_.info[at].expansion) terms.push_back(static_cast<uint32_t>(at));
    }
    return terms;
  }

  // Adds a link from `from` to the counterpart wording `to` whose terms are `terms` (what a
  // counterpart must have to hold the bridge: bigrams and words, not ICU's longer words,
  // which a counterpart may segment otherwise) plus `extra` (weighted only). The terms share
  // `weight` (the link's weight × the weight of the part it starts in); `strength` is how far
  // the link is trusted, what a held bridge counts for the query's words it starts at.
  void Link(const std::string& from, const std::vector<uint32_t>& from_terms, const std::string& to,
            const std::vector<std::string>& terms, const std::vector<std::string>& extra,
            double weight, double strength, BridgeSource source, const std::string& detail) {
    if (terms.empty() || from_terms.empty() || !(weight > 0)) return;
    QueryBridge bridge;
    bridge.bridge = {from, to, source, detail};
    bridge.from_terms = from_terms;
    bridge.strength = strength;
    const double each = weight / static_cast<double>(terms.size() + extra.size());
    for (bool holds : {true, false}) {
      for (const std::string& term : holds ? terms : extra) {
        AnalyzedTerm added;
        added.term = term;
        added.surface = to;
        added.count = 1;
        added.weight = each;
        added.expansion = true;
        const uint32_t at = query_.AddTerm(std::move(added), {0.0, false, true});
        if (holds) bridge.to_terms.push_back(at);
      }
    }
    // The same wording reached twice keeps the stronger link.
    for (QueryBridge& known : query_.bridges) {
      if (known.bridge.from == bridge.bridge.from && known.bridge.to == bridge.bridge.to) {
        known.strength = std::max(known.strength, bridge.strength);
        return;
      }
    }
    query_.bridges.push_back(std::move(bridge));
  }

  void Thesaurus(const techmatch::Thesaurus& thesaurus, const TextPart& part,
                 const std::vector<TextToken>& tokens) {
    std::vector<uint32_t> exact;
    for (const PhraseIndex::Match& match : thesaurus.Find(tokens)) {
      const std::string from(absl::string_view(part.text).substr(
          tokens[match.begin].begin, tokens[match.end - 1].end - tokens[match.begin].begin));
      exact.insert(exact.end(), match.values->begin(), match.values->end());
      LinkMembers(thesaurus, *match.values, from);
    }
    // Symptoms said in other words (needs only: they are the need's side of the link).
    if (!query_.is_need) return;
    for (uint32_t member : thesaurus.FindSymptoms(analyzer_.Analyze(part.text))) {
      if (std::find(exact.begin(), exact.end(), member) != exact.end()) continue;
      LinkMembers(thesaurus, {member}, thesaurus.members()[member].text);
    }
  }

  // Links from the members `found` at one place of the query, written there as `from`.
  void LinkMembers(const techmatch::Thesaurus& thesaurus, const std::vector<uint32_t>& found,
                   const std::string& from) {
    const std::vector<uint32_t> from_terms = SourceTerms(from);
    bool any_in_scope = false;
    for (uint32_t member : found) {
      any_in_scope |= InScope(thesaurus.entries()[thesaurus.members()[member].entry], query_);
    }
    for (uint32_t member_id : found) {
      const Thesaurus::Member& member = thesaurus.members()[member_id];
      const ThesaurusEntry& entry = thesaurus.entries()[member.entry];
      double weight =
          entry.kind == ThesaurusKind::kProblem ? kProblemLinkWeight : kEquivalentLinkWeight;
      if (!InScope(entry, query_)) {
        if (any_in_scope || entry.kind == ThesaurusKind::kAbbreviation) continue;
        weight *= kOutOfScopeFactor;
      }
      for (uint32_t target_id : thesaurus.members_of(member.entry)) {
        if (target_id == member_id) continue;
        const Thesaurus::Member& target = thesaurus.members()[target_id];
        if (entry.kind == ThesaurusKind::kProblem) {
          // Symptom (from) → technique (to), from the need's side to the offering's.
          const bool forward = member.from_side && !target.from_side && query_.is_need;
          const bool backward = !member.from_side && target.from_side && !query_.is_need;
          if (!forward && !backward) continue;
        }
        std::vector<std::string> terms, extra;
        for (const AnalyzedTerm& term : target.terms.terms) {
          (IsHanTerm(term.term) && CodePoints(term.term) > 2 ? extra : terms).push_back(term.term);
        }
        Link(from, from_terms, target.text, terms, extra, weight * part_weight_, weight,
             BridgeSource::kThesaurus, ThesaurusKindName(entry.kind));
      }
    }
  }

  void Lexicon(const techmatch::Lexicon& lexicon, const TextPart& part,
               const std::vector<TextToken>& tokens) {
    auto translate = [&](const std::vector<techmatch::Lexicon::Translation>& found,
                         bool to_chinese) {
      for (const techmatch::Lexicon::Translation& translation : found) {
        const std::string from(absl::string_view(part.text).substr(
            tokens[translation.begin].begin,
            tokens[translation.end - 1].end - tokens[translation.begin].begin));
        const std::vector<uint32_t> from_terms = SourceTerms(from);
        const double weight = kLexiconLinkWeight * part.weight /
                              std::sqrt(static_cast<double>(translation.words.size()));
        for (const std::string* word : translation.words) {
          if (to_chinese) {
            Link(from, from_terms, *word, HanBigrams(*word), {}, weight, kLexiconLinkWeight,
                 BridgeSource::kLexicon, "");
          } else {
            Link(from, from_terms, *word, lexicon.TermsOf(word), {}, weight, kLexiconLinkWeight,
                 BridgeSource::kLexicon, "");
          }
        }
      }
    };
    translate(lexicon.ToChinese(tokens, kLexiconTranslations), true);
    translate(lexicon.ToEnglish(tokens, kLexiconTranslations), false);
  }

  void set_part_weight(double weight) { part_weight_ = weight; }

 private:
  const TextAnalyzer& analyzer_;
  MatchQuery& query_;
  double part_weight_ = 1.0;
};

}  // namespace

void ExpandQuery(const TextAnalyzer& analyzer, const Thesaurus* thesaurus, const Lexicon* lexicon,
                 MatchQuery& query) {
  if (thesaurus == nullptr && lexicon == nullptr) return;
  Expander expander(analyzer, query);
  const std::vector<TextPart> parts = query.parts;
  for (const TextPart& part : parts) {
    if (!(part.weight > 0)) continue;
    expander.set_part_weight(part.weight);
    const std::vector<TextToken> tokens = analyzer.Tokens(part.text);
    if (thesaurus != nullptr) expander.Thesaurus(*thesaurus, part, tokens);
    if (lexicon != nullptr) expander.Lexicon(*lexicon, part, tokens);
  }
}

}  // namespace techmatch
