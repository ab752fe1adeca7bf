// techmatch.v1 ThesaurusEntry ↔ ThesaurusRecord, and ThesaurusService's requests → the
// thesaurus use cases' input.
#ifndef TECHMATCH_SERVER_THESAURUS_CONVERSION_H_
#define TECHMATCH_SERVER_THESAURUS_CONVERSION_H_

#include <string>
#include <vector>

#include "core/common/field_violations.h"
#include "core/text/thesaurus_record.h"
#include "techmatch/v1/thesaurus.pb.h"
#include "usecases/thesaurus.h"

namespace techmatch::server {

// Violations are named relative to the entry; an unset `kind` is one only when `require_kind`
// (an update whose mask leaves the kind out need not give it).
ThesaurusRecord ThesaurusRecordFromProto(const v1::ThesaurusEntry& proto, bool require_kind,
                                         Violations& violations);
void ThesaurusRecordToProto(const ThesaurusRecord& record, v1::ThesaurusEntry& out);
// The mutable fields `proto` sets (the paths of an update without a mask).
std::vector<std::string> PopulatedThesaurusPaths(const v1::ThesaurusEntry& proto);

// The requests' views point into `request`, which must outlive the result.
usecases::NewThesaurusEntry NewThesaurusEntryFromProto(
    const v1::CreateThesaurusEntryRequest& request);
usecases::ThesaurusEntryUpdate ThesaurusEntryUpdateFromProto(
    const v1::UpdateThesaurusEntryRequest& request);
// A KIND_UNSPECIFIED kind lists every kind; an unknown number is a violation on `kind`.
usecases::ThesaurusListRequest ThesaurusListRequestFromProto(
    const v1::ListThesaurusEntriesRequest& request);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_THESAURUS_CONVERSION_H_
