// Targets (TargetService): what a region is to reach for an indicator in a year, answered with
// the progress its figures show (core/ledger/target.h) at the server's clock. A target's id is
// derived from (indicator, region, year): one target per key, ALREADY_EXISTS otherwise. Only
// its value changes. Officials and organizers limited to a region see and write only targets
// of that region or under it (another region's target is NOT_FOUND to read, PERMISSION_DENIED
// to write).
#ifndef TECHMATCH_USECASES_TARGETS_H_
#define TECHMATCH_USECASES_TARGETS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/ledger/target.h"
#include "storage/repository.h"
#include "usecases/indicators.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"
#include "usecases/people_context.h"

namespace techmatch::usecases {

struct NewTarget {
  Target target;
  Violations conversion;  // Named relative to the target.
  absl::string_view request_id;
};

struct TargetUpdate {
  absl::string_view name;  // target.name
  absl::string_view etag;
  std::vector<std::string> paths;
  Target patch;
  Violations conversion;
};

// A target and where it stands.
struct TargetView {
  Target target;
  TargetProgress progress;
};

class Targets {
 public:
  Targets(storage::Repository& repository, const PageTokenCodec& tokens, Clock clock)
      : repository_(repository), tokens_(tokens), clock_(std::move(clock)) {}

  absl::StatusOr<TargetView> Create(const Principal& caller, NewTarget input);
  absl::StatusOr<TargetView> Get(const Principal& caller, absl::string_view name);
  absl::StatusOr<ListPage<TargetView>> List(const Principal& caller,
                                            const LedgerListRequest& request);
  absl::StatusOr<TargetView> Update(const Principal& caller, const TargetUpdate& input);

 private:
  absl::StatusOr<TargetView> View(Target target, absl::Time now);

  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
  Clock clock_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_TARGETS_H_
