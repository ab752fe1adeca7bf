// Financings (FinancingService): the science–finance records of the programme ledger. Who
// sees and writes which is usecases/ledger_scope.h (a financing counts in its region_code, the
// recipient's region unless given).
#ifndef TECHMATCH_USECASES_FINANCINGS_H_
#define TECHMATCH_USECASES_FINANCINGS_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/ledger/financing.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewFinancing {
  Financing financing;
  Violations conversion;           // Named relative to the financing.
  absl::string_view financing_id;  // Empty: generated.
  absl::string_view request_id;
};

class Financings {
 public:
  // `minor_digits`: the base currency's, for money amounts in filters.
  Financings(storage::Repository& repository, const PageTokenCodec& tokens, int minor_digits)
      : repository_(repository), tokens_(tokens), minor_digits_(minor_digits) {}

  // Without a region_code the financing counts in the recipient's region (a recipient without
  // one leaves region_code a required field). A caller with a region records only financings
  // of that region (PERMISSION_DENIED).
  absl::StatusOr<Financing> Create(const Principal& caller, NewFinancing input);
  // A financing `caller` may not see is NOT_FOUND, as one that does not exist.
  absl::StatusOr<Financing> Get(const Principal& caller, absl::string_view name);
  absl::StatusOr<ListPage<Financing>> List(const Principal& caller, const ListRequest& request);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
  const int minor_digits_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_FINANCINGS_H_
