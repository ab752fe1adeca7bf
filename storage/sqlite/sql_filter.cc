#include "storage/sqlite/sql_filter.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/reference/region_code.h"

namespace techmatch::storage::sqlite {
namespace {

absl::string_view ComparisonSql(SqlComparison comparison) {
  switch (comparison) {
    case SqlComparison::kEq:
      return " = ?";
    case SqlComparison::kNe:
      return " IS NOT ?";
    case SqlComparison::kLt:
      return " < ?";
    case SqlComparison::kLe:
      return " <= ?";
    case SqlComparison::kGt:
      return " > ?";
    case SqlComparison::kGe:
      return " >= ?";
    case SqlComparison::kInRegion:
      return " GLOB ?";
    case SqlComparison::kNotInRegion:
      return " NOT GLOB ?";
  }
  return " = ?";
}

// A region's value is its prefix; GLOB wants the pattern (digits only: nothing to escape).
SqlWhere::Param ParamOf(const SqlTerm& term) {
  if (term.comparison == SqlComparison::kInRegion ||
      term.comparison == SqlComparison::kNotInRegion) {
    return absl::StrCat(std::get<std::string>(term.value), "*");
  }
  if (const auto* text = std::get_if<std::string>(&term.value)) return *text;
  return std::get<int64_t>(term.value);
}

}  // namespace

std::string RegionGlob(absl::string_view region) { return absl::StrCat(RegionPrefix(region), "*"); }

void SqlWhere::Add(absl::string_view condition, Param param) {
  conditions_.emplace_back(condition);
  params_.push_back(std::move(param));
}

absl::Status SqlWhere::AddFilter(const std::vector<FilterTerm>& terms, SqlFields fields,
                                 absl::string_view id_column) {
  absl::StatusOr<std::vector<SqlTerm>> compiled = CompileFilter(terms, fields, id_column);
  if (!compiled.ok()) return compiled.status();
  for (const SqlTerm& term : *compiled) {
    std::string sql = absl::StrCat(term.head, ComparisonSql(term.comparison), term.tail);
    if (term.driver) {
      join_ = std::move(sql);
      driver_key_ = std::string(term.driver_key);
      join_params_.push_back(ParamOf(term));
    } else {
      conditions_.push_back(std::move(sql));
      params_.push_back(ParamOf(term));
    }
  }
  return absl::OkStatus();
}

std::string SqlWhere::Clause() const {
  if (conditions_.empty()) return std::string();
  return absl::StrCat(" WHERE ", absl::StrJoin(conditions_, " AND "));
}

int SqlWhere::Bind(ScopedStatement& statement) const {
  int index = 1;
  for (const std::vector<Param>* params : {&join_params_, &params_}) {
    for (const Param& param : *params) {
      if (const auto* text = std::get_if<std::string>(&param)) {
        statement.BindText(index++, *text);
      } else {
        statement.BindInt64(index++, std::get<int64_t>(param));
      }
    }
  }
  return index;
}

}  // namespace techmatch::storage::sqlite
