#include "usecases/lists.h"

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/paging.h"

namespace techmatch::usecases {

absl::StatusOr<ParsedList> ParseList(absl::string_view method, absl::string_view parent,
                                     const ListRequest& request,
                                     const std::vector<FilterField>& fields,
                                     const PageTokenCodec& tokens) {
  Violations violations;
  ParsedList parsed;
  absl::StatusOr<int> size = NormalizePageSize(request.page_size);
  if (size.ok()) {
    parsed.query.page_size = *size;
  } else {
    violations.AddAll(FieldViolationsOf(size.status()));
  }
  absl::StatusOr<std::vector<FilterTerm>> terms = ParseFilter(request.filter, fields);
  if (terms.ok()) {
    parsed.query.filter = *std::move(terms);
    parsed.scope = absl::StrCat(method, "\n", parent, "\n", CanonicalFilter(parsed.query.filter));
    absl::StatusOr<std::string> after = tokens.Decode(parsed.scope, request.page_token);
    if (after.ok()) {
      parsed.query.after_id = *std::move(after);
    } else {
      violations.AddAll(FieldViolationsOf(after.status()));
    }
  } else {
    violations.AddAll(FieldViolationsOf(terms.status()));
  }
  if (!violations.empty()) return violations.ToStatus();
  return parsed;
}

}  // namespace techmatch::usecases
