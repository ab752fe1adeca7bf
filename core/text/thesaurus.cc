#include "core/text/thesaurus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace techmatch {
namespace {

constexpr absl::string_view kHeader = "kind\tfrom\tto\tnote";

std::vector<std::string> Terms(absl::string_view cell) {
  std::vector<std::string> terms;
  for (absl::string_view term : absl::StrSplit(cell, ';')) {
    term = absl::StripAsciiWhitespace(term);
    if (!term.empty()) terms.emplace_back(term);
  }
  return terms;
}

}  // namespace

const char* ThesaurusKindName(ThesaurusKind kind) {
  switch (kind) {
    case ThesaurusKind::kSynonym:
      return "synonym";
    case ThesaurusKind::kAbbreviation:
      return "abbreviation";
    case ThesaurusKind::kFormula:
      return "formula";
    case ThesaurusKind::kCrossStrait:
      return "cross_strait";
    case ThesaurusKind::kTranslation:
      return "translation";
    case ThesaurusKind::kProblem:
      return "problem";
  }
  return "synonym";
}

bool ParseThesaurusKind(absl::string_view text, ThesaurusKind* kind) {
  for (ThesaurusKind k :
       {ThesaurusKind::kSynonym, ThesaurusKind::kAbbreviation, ThesaurusKind::kFormula,
        ThesaurusKind::kCrossStrait, ThesaurusKind::kTranslation, ThesaurusKind::kProblem}) {
    if (text == ThesaurusKindName(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

absl::StatusOr<std::vector<ThesaurusEntry>> ParseThesaurusFile(absl::string_view content,
                                                               absl::string_view name,
                                                               absl::string_view scope) {
  std::vector<ThesaurusEntry> entries;
  std::set<std::pair<ThesaurusKind, std::string>> seen;
  int line_number = 0;
  bool header = false;
  for (absl::string_view line : absl::StrSplit(content, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto error = [&](absl::string_view what) {
      return absl::InvalidArgumentError(absl::StrCat(name, ":", line_number, ": ", what));
    };
    if (!header) {
      if (line != kHeader)
        return error("the first line must be the header \"kind\tfrom\tto\tnote\"");
      header = true;
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    std::vector<absl::string_view> cells = absl::StrSplit(line, '\t');
    if (cells.size() != 4) {
      return error(absl::StrCat("expected 4 tab-separated cells (kind, from, to, note), got ",
                                cells.size()));
    }
    ThesaurusEntry entry;
    if (!ParseThesaurusKind(cells[0], &entry.kind)) {
      return error(absl::StrCat("unknown kind \"", cells[0], "\""));
    }
    entry.from = Terms(cells[1]);
    entry.to = Terms(cells[2]);
    if (entry.from.empty() || entry.to.empty()) return error("empty from or to");
    if (entry.kind != ThesaurusKind::kProblem && entry.from.size() != 1) {
      return error("only a problem entry lists several from terms");
    }
    if (!seen.emplace(entry.kind, std::string(cells[1])).second) {
      return error(absl::StrCat("(", cells[0], ", ", cells[1], ") is given twice"));
    }
    entry.note = std::string(cells[3]);
    entry.scope = std::string(scope);
    entries.push_back(std::move(entry));
  }
  if (!header) return absl::InvalidArgumentError(absl::StrCat(name, ": empty file"));
  return entries;
}

absl::StatusOr<std::shared_ptr<const Thesaurus>> Thesaurus::Create(
    std::vector<ThesaurusEntry> entries, const TextAnalyzer& analyzer) {
  std::shared_ptr<Thesaurus> thesaurus(new Thesaurus());
  thesaurus->entries_ = std::move(entries);
  thesaurus->by_entry_.resize(thesaurus->entries_.size());
  for (uint32_t e = 0; e < thesaurus->entries_.size(); ++e) {
    const ThesaurusEntry& entry = thesaurus->entries_[e];
    absl::flat_hash_set<std::string> normalized;  // One member per distinct spelling.
    for (bool from_side : {true, false}) {
      for (const std::string& text : from_side ? entry.from : entry.to) {
        const std::vector<TextToken> tokens = analyzer.Tokens(text);
        std::string key;
        for (const TextToken& token : tokens) absl::StrAppend(&key, token.text, "\x1f");
        if (tokens.empty() || !normalized.insert(key).second) continue;
        const auto id = static_cast<uint32_t>(thesaurus->members_.size());
        thesaurus->members_.push_back({text, e, from_side, analyzer.Analyze(text)});
        thesaurus->by_entry_[e].push_back(id);
        thesaurus->index_.Add(tokens, id);
        if (entry.kind == ThesaurusKind::kProblem && from_side) {
          // The bigrams inside its words (not across them) and its English stems: what a
          // clause saying the same in its own order and with words between has too.
          absl::flat_hash_set<std::string> required;
          for (const TextWord& word : analyzer.Words(text)) {
            required.insert(word.terms.begin(), word.terms.end());
          }
          if (required.size() >= 2) {
            for (const std::string& term : required) {
              thesaurus->symptoms_by_term_[term].push_back(id);
            }
            thesaurus->symptom_terms_[id] = static_cast<uint32_t>(required.size());
          }
        }
      }
    }
  }
  return std::shared_ptr<const Thesaurus>(std::move(thesaurus));
}

absl::StatusOr<std::shared_ptr<const Thesaurus>> Thesaurus::LoadDirectory(
    const std::string& dir, const TextAnalyzer& analyzer) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(dir, error)) {
    if (item.path().extension() == ".tsv") files.push_back(item.path());
  }
  if (error) {
    return absl::NotFoundError(
        absl::StrCat("cannot read thesaurus directory ", dir, ": ", error.message()));
  }
  std::sort(files.begin(), files.end());
  std::vector<ThesaurusEntry> entries;
  for (const std::filesystem::path& path : files) {
    std::ifstream in(path);
    std::stringstream content;
    content << in.rdbuf();
    if (!in.good() && !in.eof())
      return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
    const std::string stem = path.stem().string();
    const bool general =
        std::find(std::begin(kGeneralThesaurusFiles), std::end(kGeneralThesaurusFiles), stem) !=
        std::end(kGeneralThesaurusFiles);
    auto parsed = ParseThesaurusFile(content.str(), path.filename().string(), general ? "" : stem);
    if (!parsed.ok()) return parsed.status();
    for (ThesaurusEntry& entry : *parsed) entries.push_back(std::move(entry));
  }
  return Create(std::move(entries), analyzer);
}

std::vector<uint32_t> Thesaurus::FindSymptoms(const AnalyzedText& terms) const {
  absl::flat_hash_map<uint32_t, uint32_t> hits;
  for (const AnalyzedTerm& term : terms.terms) {
    auto it = symptoms_by_term_.find(term.term);
    if (it == symptoms_by_term_.end()) continue;
    for (uint32_t member : it->second) ++hits[member];
  }
  std::vector<uint32_t> found;
  for (const auto& [member, count] : hits) {
    if (count == symptom_terms_.at(member)) found.push_back(member);
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<PhraseIndex::Match> Thesaurus::Find(const std::vector<TextToken>& tokens) const {
  return PhraseIndex::Outermost(index_.FindAll(tokens));
}

}  // namespace techmatch
