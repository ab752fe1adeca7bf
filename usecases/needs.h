// Needs (NeedService): an enterprise's technology needs, created, read, listed or searched,
// updated, withdrawn and imported in bulk. Every write keeps the matching index current.
#ifndef TECHMATCH_USECASES_NEEDS_H_
#define TECHMATCH_USECASES_NEEDS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/listings/need.h"
#include "core/matching/matching_engine.h"
#include "storage/repository.h"
#include "usecases/call_state.h"
#include "usecases/imports.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewNeed {
  Need need;
  // Problems met reading `need`, named relative to it (e.g. "budget.nanos").
  Violations conversion;
  absl::string_view need_id;  // Empty: generated.
  absl::string_view request_id;
  bool late_registration = false;
};

struct NeedUpdate {
  absl::string_view name;  // need.name
  absl::string_view etag;
  std::vector<std::string> paths;  // The update mask, or the fields the patch populates.
  Need patch;
  Violations conversion;
  bool late_registration = false;
};

class Needs {
 public:
  Needs(storage::Repository& repository, MatchingEngine& matching, const PageTokenCodec& tokens)
      : repository_(repository), matching_(matching), tokens_(tokens) {}

  // INSTITUTE and ENTERPRISE callers create only their own organization's needs; late
  // registration (to an event whose registration closed) is for ORGANIZER and ADMIN callers.
  // A repeated request_id returns the need the first call created.
  absl::StatusOr<Need> Create(const Principal& caller, NewNeed input);
  absl::StatusOr<Need> Get(absl::string_view name);
  // By id, or most relevant first when `query` is not empty.
  absl::StatusOr<ListPage<Need>> List(const ListRequest& request, absl::string_view query);
  absl::StatusOr<Need> Update(const Principal& caller, const NeedUpdate& input);
  absl::StatusOr<Need> Withdraw(const Principal& caller, absl::string_view name,
                                absl::string_view etag);
  // Each row is checked on its own: another organization's row, or one registering late without
  // the right, is rejected and the rest of the import goes on.
  absl::StatusOr<ImportSummary> Import(const Principal& caller, RowSource<ImportRow<Need>>& rows,
                                       const CallState& call);

 private:
  storage::Repository& repository_;
  MatchingEngine& matching_;
  const PageTokenCodec& tokens_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_NEEDS_H_
