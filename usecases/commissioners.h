// Commissioners (CommissionerService): the technology commissioners of the programme ledger
// and their outcomes. Who sees and writes which is usecases/ledger_scope.h (by the region
// served).
#ifndef TECHMATCH_USECASES_COMMISSIONERS_H_
#define TECHMATCH_USECASES_COMMISSIONERS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/ledger/commissioner.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewCommissioner {
  Commissioner commissioner;
  Violations conversion;              // Named relative to the commissioner.
  absl::string_view commissioner_id;  // Empty: generated.
  absl::string_view request_id;
};

struct CommissionerUpdate {
  absl::string_view name;  // commissioner.name
  absl::string_view etag;
  std::vector<std::string> paths;
  Commissioner patch;
  Violations conversion;
};

class Commissioners {
 public:
  Commissioners(storage::Repository& repository, const PageTokenCodec& tokens)
      : repository_(repository), tokens_(tokens) {}

  // A caller with a region records only commissioners serving in it (PERMISSION_DENIED).
  absl::StatusOr<Commissioner> Create(const Principal& caller, NewCommissioner input);
  // A commissioner `caller` may not see is NOT_FOUND, as one that does not exist.
  absl::StatusOr<Commissioner> Get(const Principal& caller, absl::string_view name);
  absl::StatusOr<ListPage<Commissioner>> List(const Principal& caller, const ListRequest& request);
  // A caller with a region changes only its region's commissioners and keeps them in it.
  absl::StatusOr<Commissioner> Update(const Principal& caller, const CommissionerUpdate& input);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_COMMISSIONERS_H_
