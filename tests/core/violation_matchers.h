// Helpers for asserting on field violations in domain tests.
#ifndef TECHMATCH_TESTS_CORE_VIOLATION_MATCHERS_H_
#define TECHMATCH_TESTS_CORE_VIOLATION_MATCHERS_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "core/common/field_violations.h"
#include "gmock/gmock.h"

namespace techmatch {

// gtest prints FieldViolations readably in failure messages.
inline void PrintTo(const FieldViolation& v, std::ostream* os) {
  *os << "{" << v.field << ": " << v.description << "}";
}

namespace testing {

// The fields named by `violations`, in order.
inline std::vector<std::string> Fields(const std::vector<FieldViolation>& violations) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : violations) fields.push_back(v.field);
  return fields;
}
inline std::vector<std::string> Fields(const Violations& violations) {
  return Fields(violations.list());
}
inline std::vector<std::string> Fields(const absl::Status& status) {
  return Fields(FieldViolationsOf(status));
}

// Matches a FieldViolation on `field` whose description matches `description_matcher`.
MATCHER_P2(Violation, field, description_matcher,
           "is a violation of " + ::testing::PrintToString(field)) {
  return arg.field == field &&
         ::testing::ExplainMatchResult(description_matcher, arg.description, result_listener);
}

}  // namespace testing
}  // namespace techmatch

#endif  // TECHMATCH_TESTS_CORE_VIOLATION_MATCHERS_H_
