// Agreements (AgreementService): the contracts signed between organizations, with their money
// figures (integer minor units of the base currency) and lifecycle; every change of a figure is
// kept in the agreement's history.
#ifndef TECHMATCH_USECASES_AGREEMENTS_H_
#define TECHMATCH_USECASES_AGREEMENTS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/agreements/agreement.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "storage/repository.h"
#include "usecases/call_state.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewAgreement {
  Agreement agreement;
  Violations conversion;           // Named relative to the agreement.
  absl::string_view agreement_id;  // Empty: generated.
  absl::string_view request_id;
};

struct AgreementUpdate {
  absl::string_view name;  // agreement.name
  absl::string_view etag;
  std::vector<std::string> paths;
  Agreement patch;
  Violations conversion;
};

// An agreement and, when asked for, the history of its money figures (oldest first).
struct AgreementView {
  Agreement agreement;
  std::optional<std::vector<AmountChange>> history;
};

// Receives the agreements of an export, in id order.
class AgreementSink {
 public:
  virtual ~AgreementSink() = default;
  // A non-OK status (the receiver went away) stops the export with it.
  virtual absl::Status Add(const Agreement& agreement) = 0;
};

class Agreements {
 public:
  // `minor_digits`: the base currency's, for money amounts in filters.
  Agreements(storage::Repository& repository, const PageTokenCodec& tokens, int minor_digits)
      : repository_(repository), tokens_(tokens), minor_digits_(minor_digits) {}

  // Writes by a caller with a region (an ORGANIZER's) are PERMISSION_DENIED unless the
  // agreement has a party in that region — before the change and after it.
  absl::StatusOr<Agreement> Create(const Principal& caller, NewAgreement input);
  // INSTITUTE and ENTERPRISE callers read only the agreements their organization, or one of its
  // colleges, is party to: another is NOT_FOUND to them, as one that does not exist.
  absl::StatusOr<AgreementView> Get(const Principal& caller, absl::string_view name,
                                    bool with_history);
  absl::StatusOr<ListPage<Agreement>> List(const Principal& caller, const ListRequest& request);
  // A TERMINATED agreement never changes, a COMPLETED one only in its realized figures
  // (CheckAgreementChangeAllowed); changed figures are added to the history.
  absl::StatusOr<Agreement> Update(const Principal& caller, const AgreementUpdate& input);
  absl::StatusOr<Agreement> Start(const Principal& caller, absl::string_view name,
                                  absl::string_view etag);
  absl::StatusOr<Agreement> Complete(const Principal& caller, absl::string_view name,
                                     absl::string_view etag);
  absl::StatusOr<Agreement> Terminate(const Principal& caller, absl::string_view name,
                                      absl::string_view etag);
  // Every agreement passing `filter` that `caller` may read (as List), as one snapshot however
  // long the export takes.
  absl::Status Export(const Principal& caller, absl::string_view filter, AgreementSink& sink,
                      const CallState& call);

 private:
  absl::StatusOr<Agreement> Transition(const Principal& caller, absl::string_view name,
                                       absl::string_view etag,
                                       absl::Status (*transition)(Agreement&));

  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
  const int minor_digits_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_AGREEMENTS_H_
