#include "storage/postgres/sql_where.h"

#include <utility>
#include <variant>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/reference/region_code.h"

namespace techmatch::storage::postgres {
namespace {

absl::string_view ComparisonSql(SqlComparison comparison) {
  switch (comparison) {
    case SqlComparison::kEq:
      return " = ";
    case SqlComparison::kNe:  // As SQLite's IS NOT: a NULL column is "not X".
      return " IS DISTINCT FROM ";
    case SqlComparison::kLt:
      return " < ";
    case SqlComparison::kLe:
      return " <= ";
    case SqlComparison::kGt:
      return " > ";
    case SqlComparison::kGe:
      return " >= ";
    case SqlComparison::kInRegion:
      return " LIKE ";
    case SqlComparison::kNotInRegion:
      return " NOT LIKE ";
  }
  return " = ";
}

}  // namespace

std::string RegionPattern(absl::string_view region) {
  return absl::StrCat(RegionPrefix(region), "%");
}

std::string SqlWhere::NextParameter() const { return absl::StrCat("$", params_.size() + 1); }

void SqlWhere::AddText(absl::string_view before, absl::string_view value, absl::string_view after) {
  conditions_.push_back(absl::StrCat(before, NextParameter(), after));
  params_.Text(value);
}

void SqlWhere::AddInt64(absl::string_view before, int64_t value, absl::string_view after) {
  conditions_.push_back(absl::StrCat(before, NextParameter(), after));
  params_.Int64(value);
}

void SqlWhere::AddTextArray(absl::string_view before, const std::vector<std::string>& values,
                            absl::string_view after) {
  conditions_.push_back(absl::StrCat(before, NextParameter(), after));
  params_.TextArray(values);
}

absl::Status SqlWhere::AddFilter(const std::vector<FilterTerm>& terms, SqlFields fields,
                                 absl::string_view id_column) {
  absl::StatusOr<std::vector<SqlTerm>> compiled = CompileFilter(terms, fields, id_column);
  if (!compiled.ok()) return compiled.status();
  for (const SqlTerm& term : *compiled) {
    std::string sql =
        absl::StrCat(term.head, ComparisonSql(term.comparison), NextParameter(), term.tail);
    if (term.comparison == SqlComparison::kInRegion ||
        term.comparison == SqlComparison::kNotInRegion) {
      // The prefix is digits only, so the pattern holds no LIKE wildcard but its own %.
      params_.Text(absl::StrCat(std::get<std::string>(term.value), "%"));
    } else if (const auto* text = std::get_if<std::string>(&term.value)) {
      params_.Text(*text);
    } else {
      params_.Int64(std::get<int64_t>(term.value));
    }
    if (term.driver) {
      join_ = std::move(sql);
      driver_key_ = std::string(term.driver_key);
    } else {
      conditions_.push_back(std::move(sql));
    }
  }
  return absl::OkStatus();
}

std::string SqlWhere::Clause() const {
  if (conditions_.empty()) return std::string();
  return absl::StrCat(" WHERE ", absl::StrJoin(conditions_, " AND "));
}

}  // namespace techmatch::storage::postgres
