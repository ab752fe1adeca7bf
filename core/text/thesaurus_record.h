// A thesaurus entry organizers keep at run time (ThesaurusService), and how the stored entries
// are layered over the thesaurus the server ships with (data/thesaurus).
//
// Layered, not seeded: the database holds only what organizers added or changed, and the
// matching thesaurus is the shipped one with the stored entries over it. So a new release's
// improved thesaurus reaches every existing database (a seed copied once on first start would
// freeze the shipped entries at that release), and the stored entries stay what people
// decided. A stored entry with the kind, industry and `from` terms of a shipped one replaces it:
// that is how a shipped entry is corrected.
#ifndef TECHMATCH_CORE_TEXT_THESAURUS_RECORD_H_
#define TECHMATCH_CORE_TEXT_THESAURUS_RECORD_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/text/thesaurus.h"

namespace techmatch {

// The collection of stored entries: `thesaurusEntries/{id}`.
inline constexpr absl::string_view kThesaurusEntries = "thesaurusEntries";

inline constexpr size_t kMaxThesaurusTerms = 20;  // On each side of an entry.
inline constexpr size_t kMaxThesaurusTermChars = 100;
inline constexpr size_t kMaxThesaurusNoteChars = 500;

// `entry.scope` is the industry code, empty for every industry.
struct ThesaurusRecord {
  ResourceMeta meta;
  ThesaurusEntry entry;
};

// The field rules, every bad field named: `from` and `to` 1..kMaxThesaurusTerms terms each
// (`from[i]`, `to[i]`), each 1..kMaxThesaurusTermChars characters without control characters
// or `;` (the seed files' separator), none twice on one side, and no term on both sides (a
// term linked to itself links nothing); `note` at most kMaxThesaurusNoteChars.
void ValidateThesaurusRecord(const ThesaurusRecord& record, Violations& violations);

// Whether `a` and `b` are the same entry: the same kind, industry and `from` terms (in any
// order). One entry per such key: a second is a duplicate.
bool SameThesaurusEntry(const ThesaurusEntry& a, const ThesaurusEntry& b);

// The entries matching uses: `base` without the entries a stored one replaces
// (SameThesaurusEntry), then `stored`.
std::vector<ThesaurusEntry> LayerThesaurus(const std::vector<ThesaurusEntry>& base,
                                           const std::vector<ThesaurusRecord>& stored);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_TEXT_THESAURUS_RECORD_H_
