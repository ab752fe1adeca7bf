// Offerings (OfferingService): what institutes offer, created, read, listed or searched,
// updated, withdrawn and imported in bulk. Every write keeps the matching index current.
#ifndef TECHMATCH_USECASES_OFFERINGS_H_
#define TECHMATCH_USECASES_OFFERINGS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/listings/offering.h"
#include "core/matching/matching_engine.h"
#include "storage/repository.h"
#include "usecases/call_state.h"
#include "usecases/imports.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewOffering {
  Offering offering;
  // Problems met reading `offering`, named relative to it (e.g. "asking_price.nanos").
  Violations conversion;
  absl::string_view offering_id;  // Empty: generated.
  absl::string_view request_id;
  bool late_registration = false;
};

struct OfferingUpdate {
  absl::string_view name;  // offering.name
  absl::string_view etag;
  std::vector<std::string> paths;  // The update mask, or the fields the patch populates.
  Offering patch;
  Violations conversion;
  bool late_registration = false;
};

// PublishOffering / ReturnOffering.
// (Defaults on every member let callers name only the fields they use.)
struct OfferingReview {
  absl::string_view name = {};    // offerings/{id}
  absl::string_view etag = {};    // Optional.
  absl::string_view reason = {};  // ReturnOffering
};

class Offerings {
 public:
  Offerings(storage::Repository& repository, MatchingEngine& matching, const PageTokenCodec& tokens)
      : repository_(repository), matching_(matching), tokens_(tokens) {}

  // INSTITUTE and ENTERPRISE callers create only their own organization's offerings; late
  // registration (to an event whose registration closed) is for ORGANIZER and ADMIN callers.
  // A repeated request_id returns the offering the first call created. An INSTITUTE caller's
  // offering starts SUBMITTED (core/listings/review.h), an organizer's AVAILABLE.
  absl::StatusOr<Offering> Create(const Principal& caller, NewOffering input);
  // NOT_FOUND, as for a missing offering, when `caller` may not see it (unpublished, another's).
  absl::StatusOr<Offering> Get(const Principal& caller, absl::string_view name);
  // By id, or most relevant first when `query` is not empty; only what `caller` may see.
  absl::StatusOr<ListPage<Offering>> List(const Principal& caller, const ListRequest& request,
                                          absl::string_view query);
  // An INSTITUTE caller's update of its RETURNED offering submits it again.
  absl::StatusOr<Offering> Update(const Principal& caller, const OfferingUpdate& input);
  // SUBMITTED → AVAILABLE: the offering is matched and shown to everyone from now on.
  absl::StatusOr<Offering> Publish(const Principal& caller, const OfferingReview& input);
  // SUBMITTED → RETURNED with a reason (1–500 characters) for its institute.
  absl::StatusOr<Offering> Return(const Principal& caller, const OfferingReview& input);
  absl::StatusOr<Offering> Withdraw(const Principal& caller, absl::string_view name,
                                    absl::string_view etag);
  // Each row is checked on its own: another organization's row, or one registering late without
  // the right, is rejected and the rest of the import goes on.
  absl::StatusOr<ImportSummary> Import(const Principal& caller,
                                       RowSource<ImportRow<Offering>>& rows, const CallState& call);

 private:
  storage::Repository& repository_;
  MatchingEngine& matching_;
  const PageTokenCodec& tokens_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_OFFERINGS_H_
