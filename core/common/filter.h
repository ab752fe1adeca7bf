// The `filter` language of List methods: a documented subset of AIP-160.
//
//   filter     := comparison { "AND" comparison }
//   comparison := FIELD OP VALUE
//   OP         := "=" | "!=" | "<" | "<=" | ">" | ">="
//   VALUE      := "quoted string" | bare-word (enum name, number, RFC 3339 time, resource name)
//
// Each resource allows a whitelist of fields, each with a type that decides which operators and
// values it accepts. The parsed terms are plain data; storage turns them into bound parameters.
#ifndef TECHMATCH_CORE_COMMON_FILTER_H_
#define TECHMATCH_CORE_COMMON_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace techmatch {

enum class FilterOp { kEq, kNe, kLt, kLe, kGt, kGe };

enum class FilterFieldType {
  kString,    // = and != only; any string.
  kResource,  // = and != only; "collection/id" or a bare id; compared as the id.
  kEnum,      // = and != only; one of `enum_values`.
  kInteger,   // every operator; a decimal integer.
  kTime,      // every operator; an RFC 3339 time.
  kAmount,    // every operator; a non-negative amount in whole currency units with at most
              // `minor_digits` decimals (e.g. 2300000.50), compared as integer minor units.
  kRegion,    // = and != only; a GB/T 2260 code (e.g. 510500) that matches itself and every
              // division under it (core/reference/region_code.h).
};

struct FilterField {
  std::string name;
  FilterFieldType type;
  std::string collection;                // kResource: e.g. "organizations".
  std::vector<std::string> enum_values;  // kEnum: the allowed names.
  int minor_digits = 2;                  // kAmount: decimals of the currency's minor unit.
};

struct FilterTerm {
  std::string field;
  FilterOp op;
  std::variant<std::string, int64_t, absl::Time> value;
};

// At most this many comparisons joined by AND (each becomes a nested SQL expression: SQLite's
// expression depth must never be what refuses a filter), each value at most this many bytes.
inline constexpr size_t kMaxFilterTerms = 20;
inline constexpr size_t kMaxFilterValueBytes = 500;

// Parses `text` against the allowed `fields`; empty text is no filter. Errors are
// INVALID_ARGUMENT with a violation on "filter" that names the problem and where it is.
absl::StatusOr<std::vector<FilterTerm>> ParseFilter(absl::string_view text,
                                                    const std::vector<FilterField>& fields);

// A stable text form of parsed terms (used to bind page tokens to their filter).
std::string CanonicalFilter(const std::vector<FilterTerm>& terms);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_FILTER_H_
