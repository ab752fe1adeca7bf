#include "core/text/thesaurus_record.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/common/text_rules.h"

namespace techmatch {
namespace {

void CheckSide(absl::string_view field, const std::vector<std::string>& terms,
               Violations& violations) {
  if (terms.empty()) {
    violations.Add(std::string(field), "needs at least one term");
    return;
  }
  if (terms.size() > kMaxThesaurusTerms) {
    violations.Add(std::string(field), absl::StrCat("has ", terms.size(), " terms, at most ",
                                                    kMaxThesaurusTerms, " allowed"));
  }
  absl::flat_hash_set<std::string> seen;
  for (size_t i = 0; i < terms.size(); ++i) {
    const std::string name = absl::StrCat(field, "[", i, "]");
    CheckText(name, terms[i], 1, kMaxThesaurusTermChars, false, violations);
    if (terms[i].find(';') != std::string::npos) {
      violations.Add(name, "must not contain ';' (give each term on its own)");
    }
    if (!terms[i].empty() && !seen.insert(terms[i]).second) {
      violations.Add(name, absl::StrCat("'", terms[i], "' is given twice"));
    }
  }
}

std::vector<std::string> Sorted(std::vector<std::string> terms) {
  std::sort(terms.begin(), terms.end());
  return terms;
}

}  // namespace

void ValidateThesaurusRecord(const ThesaurusRecord& record, Violations& violations) {
  const ThesaurusEntry& entry = record.entry;
  CheckSide("from", entry.from, violations);
  CheckSide("to", entry.to, violations);
  const absl::flat_hash_set<std::string> from(entry.from.begin(), entry.from.end());
  for (size_t i = 0; i < entry.to.size(); ++i) {
    if (!entry.to[i].empty() && from.contains(entry.to[i])) {
      violations.Add(
          absl::StrCat("to[", i, "]"),
          absl::StrCat("'", entry.to[i], "' is also in from: an entry links different terms"));
    }
  }
  CheckText("note", entry.note, 0, kMaxThesaurusNoteChars, false, violations);
}

bool SameThesaurusEntry(const ThesaurusEntry& a, const ThesaurusEntry& b) {
  return a.kind == b.kind && a.scope == b.scope && Sorted(a.from) == Sorted(b.from);
}

std::vector<ThesaurusEntry> LayerThesaurus(const std::vector<ThesaurusEntry>& base,
                                           const std::vector<ThesaurusRecord>& stored) {
  std::vector<ThesaurusEntry> entries;
  entries.reserve(base.size() + stored.size());
  for (const ThesaurusEntry& entry : base) {
    const bool replaced = std::any_of(stored.begin(), stored.end(), [&](const ThesaurusRecord& r) {
      return SameThesaurusEntry(entry, r.entry);
    });
    if (!replaced) entries.push_back(entry);
  }
  for (const ThesaurusRecord& record : stored) entries.push_back(record.entry);
  return entries;
}

}  // namespace techmatch
