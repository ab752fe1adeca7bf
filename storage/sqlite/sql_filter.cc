#include "storage/sqlite/sql_filter.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/common/field_violations.h"
#include "core/reference/region_code.h"
#include "storage/codec.h"

namespace techmatch::storage::sqlite {
namespace {

absl::string_view OpSql(FilterOp op) {
  switch (op) {
    case FilterOp::kEq:
      return " = ?";
    case FilterOp::kNe:
      return " IS NOT ?";
    case FilterOp::kLt:
      return " < ?";
    case FilterOp::kLe:
      return " <= ?";
    case FilterOp::kGt:
      return " > ?";
    case FilterOp::kGe:
      return " >= ?";
  }
  return " = ?";
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

// A region's value is the GLOB pattern of every code inside it (its fields' SQL compares with
// GLOB, which the digits-only pattern cannot escape).
SqlWhere::Param ParamOf(const FilterTerm& term, FilterFieldType type) {
  if (const auto* text = std::get_if<std::string>(&term.value)) {
    if (type == FilterFieldType::kRegion) return RegionGlob(*text);
    return *text;
  }
  if (const auto* number = std::get_if<int64_t>(&term.value)) return *number;
  return TimeToNanosSaturated(std::get<absl::Time>(term.value));
}

}  // namespace

std::string RegionGlob(absl::string_view region) { return absl::StrCat(RegionPrefix(region), "*"); }

void SqlWhere::Add(absl::string_view condition, Param param) {
  conditions_.emplace_back(condition);
  params_.push_back(std::move(param));
}

absl::Status SqlWhere::AddFilter(const std::vector<FilterTerm>& terms, SqlFields fields,
                                 absl::string_view id_column) {
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
    if (field->kind == SqlField::Kind::kColumn && field->type == FilterFieldType::kRegion) {
      conditions_.push_back(
          absl::StrCat(field->sql, term.op == FilterOp::kEq ? " GLOB ?" : " NOT GLOB ?"));
    } else if (field->kind == SqlField::Kind::kColumn) {
      conditions_.push_back(absl::StrCat(field->sql, OpSql(term.op)));
    } else if (term.op == FilterOp::kEq && join_.empty() && !field->driver_join.empty()) {
      join_ = std::string(field->driver_join);
      driver_key_ = std::string(field->driver_key);
      join_params_.push_back(ParamOf(term, field->type));
      continue;
    } else if (term.op == FilterOp::kEq || term.op == FilterOp::kNe) {
      conditions_.push_back(absl::StrCat(
          id_column, term.op == FilterOp::kEq ? " IN (" : " NOT IN (", field->sql, ")"));
    } else {
      return InvalidFieldError("filter",
                               absl::StrCat("field '", term.field, "' supports only = and !="));
    }
    params_.push_back(ParamOf(term, field->type));
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
