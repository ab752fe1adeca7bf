// The create / update / withdraw flows every resource follows, written once for every use case.
//
// Each flow reports every bad field at once (conversion problems, field rules and references
// together), checks preconditions in AIP order (existence, etag, state), and stores through
// the repository's optimistic revision check, so a concurrent writer is refused, not lost.
#ifndef TECHMATCH_USECASES_RECORD_FLOWS_H_
#define TECHMATCH_USECASES_RECORD_FLOWS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/common/bounded_text.h"
#include "core/common/field_violations.h"
#include "core/common/resource_id.h"
#include "core/common/resource_meta.h"
#include "core/common/status_macros.h"
#include "core/reference/reference_lookup.h"

namespace techmatch::usecases {

// How to validate and store one kind of record R.
template <typename R>
struct RecordRules {
  std::function<void(const R&, Violations&)> validate;
  std::function<absl::Status(const R&, ReferenceLookup&, Violations&)> check_references;
};

// Checks a request_id (AIP-155): optional, at most 128 printable ASCII characters.
inline void CheckRequestId(absl::string_view request_id, Violations& violations) {
  bool printable = request_id.size() <= 128;
  for (char c : request_id) printable = printable && c > 0x20 && c < 0x7F;
  if (!printable) {
    violations.Add("request_id", "must be at most 128 printable ASCII characters, e.g. a UUID");
  }
}

// The id rule of every create (AIP-133): the caller's `requested_id` when valid, a generated
// one when it is empty; a violation on `id_field` (e.g. "need_id") otherwise.
inline void AssignId(ResourceMeta& meta, absl::string_view requested_id, absl::string_view id_field,
                     Violations& violations) {
  if (requested_id.empty()) {
    meta.id = GenerateId();
  } else if (IsValidId(requested_id)) {
    meta.id = std::string(requested_id);
  } else {
    violations.Add(std::string(id_field),
                   absl::StrCat("must match [a-z0-9][a-z0-9-]{0,62}, got '",
                                BoundedText(requested_id, kMaxEchoBytes), "'"));
  }
}

// Assigns the id (AssignId) and validates `record` fully. `conversion` holds the problems
// found while reading the request, named relative to the record; `prefix` names the record in
// the request (e.g. "need"), `id_field` its id field.
template <typename R>
absl::Status PrepareNew(R& record, absl::string_view requested_id, absl::string_view id_field,
                        absl::string_view prefix, const Violations& conversion,
                        const RecordRules<R>& rules, ReferenceLookup& lookup,
                        Violations request_level = {}) {
  Violations own = conversion;
  AssignId(record.meta, requested_id, id_field, request_level);
  rules.validate(record, own);
  TM_RETURN_IF_ERROR(rules.check_references(record, lookup, own));
  if (own.empty() && request_level.empty()) return absl::OkStatus();
  request_level.AddAll(own, prefix);
  return request_level.ToStatus();
}

// How to read, change and store an existing record R.
template <typename R>
struct StoredRecord {
  std::function<absl::StatusOr<R>(absl::string_view id)> get;
  std::function<absl::StatusOr<R>(const R&, int64_t expected_revision)> replace;
  // FAILED_PRECONDITION when the record may no longer change; may be empty.
  std::function<absl::Status(const R&)> editable;
  // The last check before storing a valid update, given the record as stored and as it will
  // be (which it may complete, e.g. with late event registrations); may be empty.
  std::function<absl::Status(const R& current, R& updated)> admit{};
  // FAILED_PRECONDITION when the record may not change so in its state (checked before the
  // field rules); may be empty.
  std::function<absl::Status(const R& current, const R& updated)> change_allowed{};
};

// AIP-134 update: mask and conversion problems first, then existence, etag, state, then the
// updated record's field rules and references, then `admit`.
template <typename R>
absl::StatusOr<R> UpdateRecord(
    const StoredRecord<R>& stored, const RecordRules<R>& rules, ReferenceLookup& lookup,
    absl::string_view id, absl::string_view etag, const std::vector<std::string>& paths,
    const R& patch, const Violations& conversion, absl::string_view prefix,
    const std::function<void(const std::vector<std::string>&, const R&, R&, Violations&)>& apply) {
  Violations request_level;
  R scratch;
  apply(paths, patch, scratch, request_level);  // Only to find bad paths.
  if (!request_level.empty() || !conversion.empty()) {
    request_level.AddAll(conversion, prefix);
    return request_level.ToStatus();
  }
  TM_ASSIGN_OR_RETURN(R current, stored.get(id));
  TM_RETURN_IF_ERROR(CheckEtag(current.meta, etag));
  if (stored.editable) TM_RETURN_IF_ERROR(stored.editable(current));
  // Nothing to change: the record stays as it is, etag and all.
  if (paths.empty()) return current;
  R updated = current;
  Violations unused;
  apply(paths, patch, updated, unused);
  if (stored.change_allowed) TM_RETURN_IF_ERROR(stored.change_allowed(current, updated));
  Violations own;
  rules.validate(updated, own);
  TM_RETURN_IF_ERROR(rules.check_references(updated, lookup, own));
  if (!own.empty()) return PrefixFieldViolations(own.ToStatus(), prefix);
  if (stored.admit) TM_RETURN_IF_ERROR(stored.admit(current, updated));
  return stored.replace(updated, current.meta.revision);
}

// A custom state-changing method (e.g. Withdraw): existence, etag, then `transition`.
template <typename R>
absl::StatusOr<R> TransitionRecord(const StoredRecord<R>& stored, absl::string_view id,
                                   absl::string_view etag,
                                   const std::function<absl::Status(R&)>& transition) {
  TM_ASSIGN_OR_RETURN(R current, stored.get(id));
  TM_RETURN_IF_ERROR(CheckEtag(current.meta, etag));
  const int64_t revision = current.meta.revision;
  TM_RETURN_IF_ERROR(transition(current));
  return stored.replace(current, revision);
}

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_RECORD_FLOWS_H_
