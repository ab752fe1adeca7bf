#include "server/list_support.h"

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/paging.h"

namespace techmatch::server {

absl::StatusOr<ParsedList> ParseListRequest(absl::string_view method, absl::string_view parent,
                                            absl::string_view filter, int page_size,
                                            absl::string_view page_token,
                                            const std::vector<FilterField>& fields,
                                            const PageTokenCodec& tokens) {
  Violations violations;
  ParsedList parsed;
  absl::StatusOr<int> size = NormalizePageSize(page_size);
  if (size.ok()) {
    parsed.query.page_size = *size;
  } else {
    violations.AddAll(FieldViolationsOf(size.status()));
  }
  absl::StatusOr<std::vector<FilterTerm>> terms = ParseFilter(filter, fields);
  if (terms.ok()) {
    parsed.query.filter = *std::move(terms);
    parsed.scope = absl::StrCat(method, "\n", parent, "\n", CanonicalFilter(parsed.query.filter));
    absl::StatusOr<std::string> after = tokens.Decode(parsed.scope, page_token);
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

}  // namespace techmatch::server
