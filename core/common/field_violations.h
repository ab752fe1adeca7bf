// Field violations: the domain's form of google.rpc.BadRequest (AIP-193).
//
// Validation collects every bad field before failing, so a caller learns all of its mistakes
// in one round trip. The violations travel inside an INVALID_ARGUMENT absl::Status as a
// payload, which the server turns into BadRequest details; the domain never sees protobuf.
#ifndef TECHMATCH_CORE_COMMON_FIELD_VIOLATIONS_H_
#define TECHMATCH_CORE_COMMON_FIELD_VIOLATIONS_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace techmatch {

struct FieldViolation {
  std::string field;        // A path such as `title` or `industries[1]`.
  std::string description;  // Why the value is bad, in plain English.

  friend bool operator==(const FieldViolation&, const FieldViolation&) = default;
};

// At most this many violations are reported for one request; the rest are counted in a final
// `… and N more` violation, so no request can make the answer (or the server's memory) grow
// beyond a fixed size however many of its elements are bad.
inline constexpr size_t kMaxReportedViolations = 100;

// Accumulates violations; `ToStatus()` is OK when none were added. A violation equal to one
// already added (same field, same description) is not added again.
class Violations {
 public:
  void Add(std::string field, std::string description);
  // Adds every violation of `other`, each field prefixed with `prefix` + ".".
  void AddAll(const std::vector<FieldViolation>& other, absl::string_view prefix = "");
  // The same for another accumulator, keeping the count of those it left out.
  void AddAll(const Violations& other, absl::string_view prefix = "");
  bool empty() const { return list_.empty(); }
  // The violations kept (at most kMaxReportedViolations).
  const std::vector<FieldViolation>& list() const { return list_; }
  // How many more were added beyond those kept.
  size_t omitted() const { return omitted_; }
  // INVALID_ARGUMENT carrying every violation kept and, when some were left out, a last one
  // (field "request") saying how many, or OK.
  absl::Status ToStatus() const;

 private:
  std::vector<FieldViolation> list_;
  absl::flat_hash_set<std::pair<std::string, std::string>> seen_;
  size_t omitted_ = 0;
};

// INVALID_ARGUMENT whose message names the fields and whose payload carries them (through
// Violations, so repeats are dropped and the count is capped).
absl::Status InvalidArgumentError(std::vector<FieldViolation> violations);
// Shorthand for a single bad field.
absl::Status InvalidFieldError(std::string field, std::string description);
// The violations carried by `status` (empty when it carries none).
std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status);
// Returns `status` with every violation's field prefixed by `prefix` + "." (e.g. "need").
absl::Status PrefixFieldViolations(const absl::Status& status, absl::string_view prefix);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_FIELD_VIOLATIONS_H_
