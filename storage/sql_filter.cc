#include "storage/sql_filter.h"

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/reference/region_code.h"
#include "storage/codec.h"

namespace techmatch::storage {
namespace {

SqlComparison ComparisonOf(FilterOp op) {
  switch (op) {
    case FilterOp::kEq:
      return SqlComparison::kEq;
    case FilterOp::kNe:
      return SqlComparison::kNe;
    case FilterOp::kLt:
      return SqlComparison::kLt;
    case FilterOp::kLe:
      return SqlComparison::kLe;
    case FilterOp::kGt:
      return SqlComparison::kGt;
    case FilterOp::kGe:
      return SqlComparison::kGe;
  }
  return SqlComparison::kEq;
}

// Whether `term`'s value is what a field of `type` holds (core/common/filter.h).
bool ValueFits(const FilterTerm& term, FilterFieldType type) {
  switch (type) {
    case FilterFieldType::kString:
    case FilterFieldType::kResource:
    case FilterFieldType::kEnum:
      return std::holds_alternative<std::string>(term.value);
    case FilterFieldType::kRegion:
      return std::holds_alternative<std::string>(term.value) &&
             IsRegionCode(std::get<std::string>(term.value));
    case FilterFieldType::kInteger:
    case FilterFieldType::kAmount:
      return std::holds_alternative<int64_t>(term.value);
    case FilterFieldType::kTime:
      return std::holds_alternative<absl::Time>(term.value);
  }
  return false;
}

// A region's value is its prefix (the dialect turns it into its pattern: digits only, so the
// pattern cannot be escaped); a time is nanoseconds, as stored.
SqlTerm::Value ValueOf(const FilterTerm& term, FilterFieldType type) {
  if (const auto* text = std::get_if<std::string>(&term.value)) {
    if (type == FilterFieldType::kRegion) return std::string(RegionPrefix(*text));
    return *text;
  }
  if (const auto* number = std::get_if<int64_t>(&term.value)) return *number;
  return TimeToNanosSaturated(std::get<absl::Time>(term.value));
}

}  // namespace

absl::StatusOr<std::vector<SqlTerm>> CompileFilter(const std::vector<FilterTerm>& terms,
                                                   SqlFields fields, absl::string_view id_column) {
  std::vector<SqlTerm> compiled;
  bool have_driver = false;
  for (const FilterTerm& term : terms) {
    const SqlField* field = nullptr;
    for (const SqlField& f : fields) {
      if (f.name == term.field) field = &f;
    }
    if (field == nullptr) {
      return InvalidFieldError("filter", absl::StrCat("unknown field '", term.field, "'"));
    }
    if (!ValueFits(term, field->type)) {
      return InvalidFieldError(
          "filter", absl::StrCat("field '", term.field, "' got a value of another type"));
    }
    const bool region = field->type == FilterFieldType::kRegion;
    SqlTerm out;
    out.value = ValueOf(term, field->type);
    if (field->kind == SqlField::Kind::kColumn) {
      out.head = std::string(field->sql);
      out.comparison = !region                    ? ComparisonOf(term.op)
                       : term.op == FilterOp::kEq ? SqlComparison::kInRegion
                                                  : SqlComparison::kNotInRegion;
    } else if (term.op == FilterOp::kEq || term.op == FilterOp::kNe) {
      // Inside the subquery the value is always matched; != negates the membership.
      out.comparison = region ? SqlComparison::kInRegion : SqlComparison::kEq;
      if (term.op == FilterOp::kEq && !have_driver && !field->driver_join.empty()) {
        have_driver = true;
        out.driver = true;
        out.head = std::string(field->driver_join);
        out.driver_key = field->driver_key;
      } else {
        out.head =
            absl::StrCat(id_column, term.op == FilterOp::kEq ? " IN (" : " NOT IN (", field->sql);
        out.tail.push_back(')');  // Not = ")": GCC 12 warns falsely (-Wrestrict).
      }
    } else {
      return InvalidFieldError("filter",
                               absl::StrCat("field '", term.field, "' supports only = and !="));
    }
    compiled.push_back(std::move(out));
  }
  return compiled;
}

}  // namespace techmatch::storage
