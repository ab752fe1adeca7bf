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

// PublishNeed / ReturnNeed / CloseNeed.
// (Defaults on every member let callers name only the fields they use.)
struct NeedReview {
  absl::string_view name = {};       // needs/{id}
  absl::string_view etag = {};       // Optional.
  absl::string_view reason = {};     // ReturnNeed
  absl::string_view agreement = {};  // CloseNeed: agreements/{id}, optional
};

class Needs {
 public:
  Needs(storage::Repository& repository, MatchingEngine& matching, const PageTokenCodec& tokens)
      : repository_(repository), matching_(matching), tokens_(tokens) {}

  // INSTITUTE and ENTERPRISE callers create only their own organization's needs; late
  // registration (to an event whose registration closed) is for ORGANIZER and ADMIN callers.
  // A repeated request_id returns the need the first call created. An ENTERPRISE caller's need
  // starts SUBMITTED (core/listings/review.h), an organizer's OPEN.
  absl::StatusOr<Need> Create(const Principal& caller, NewNeed input);
  // NOT_FOUND, as for a missing need, when `caller` may not see it (unpublished, another's).
  absl::StatusOr<Need> Get(const Principal& caller, absl::string_view name);
  // By id, or most relevant first when `query` is not empty; only what `caller` may see.
  absl::StatusOr<ListPage<Need>> List(const Principal& caller, const ListRequest& request,
                                      absl::string_view query);
  // An ENTERPRISE caller's update of its RETURNED need submits it again.
  absl::StatusOr<Need> Update(const Principal& caller, const NeedUpdate& input);
  absl::StatusOr<Need> Withdraw(const Principal& caller, absl::string_view name,
                                absl::string_view etag);
  // SUBMITTED → OPEN: the need is matched and shown to everyone from now on.
  absl::StatusOr<Need> Publish(const Principal& caller, const NeedReview& input);
  // SUBMITTED → RETURNED with a reason (1–500 characters) for its enterprise.
  absl::StatusOr<Need> Return(const Principal& caller, const NeedReview& input);
  // OPEN → CLOSED by its enterprise or an organizer, once an agreement for it exists (the named
  // one, which must be for this need, or any); it leaves matching.
  absl::StatusOr<Need> Close(const Principal& caller, const NeedReview& input);
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
