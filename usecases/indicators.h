// Indicators and observations (IndicatorService): the programme ledger's catalogue of what is
// counted, and the figures regions report for it. An indicator's id is its code, never
// generated. An observation's id is derived from its key (indicator, region, year, half): a
// second one for the same key is ALREADY_EXISTS, so two clerks typing the same table cannot
// silently overwrite each other's figure; a correction names the stored observation's etag and
// replaces its value and note (ABORTED when it changed meanwhile).
#ifndef TECHMATCH_USECASES_INDICATORS_H_
#define TECHMATCH_USECASES_INDICATORS_H_

#include <optional>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/ledger/indicator.h"
#include "core/ledger/observation.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewIndicator {
  Indicator indicator;
  Violations conversion;           // Named relative to the indicator.
  absl::string_view indicator_id;  // The code; required.
  absl::string_view request_id;
};

struct ObservationInput {
  Observation observation;
  Violations conversion;   // Named relative to the observation.
  absl::string_view etag;  // Set: replace the stored observation of the key.
  absl::string_view request_id;
};

// A list of observations or targets: narrowed by indicator (`indicators/{code}`), region
// (GB/T 2260, inclusive of the regions under it) and year (0: any), one page at a time.
struct LedgerListRequest {
  absl::string_view indicator;
  absl::string_view region_code;
  int year = 0;
  int page_size = 0;
  absl::string_view page_token;
};

// The request's narrowing and page, every bad field reported at once; `method` scopes the page
// token to the list and the narrowing.
absl::StatusOr<std::pair<storage::LedgerFilter, ParsedList>> ParseLedgerList(
    absl::string_view method, const LedgerListRequest& request, const PageTokenCodec& tokens);

// The indicator `code`, or nullopt when there is none.
absl::StatusOr<std::optional<Indicator>> FindIndicator(storage::Repository& repository,
                                                       absl::string_view code);

// Adds the violations of `rules` to `own`, except those on a field `own` names already (a field
// the request could not even be read for, such as a malformed `indicator`, is reported once).
void AddUnreported(const Violations& rules, Violations& own);

// PERMISSION_DENIED when `caller` is limited to a region that does not contain `region_code`
// (a write); OK otherwise.
absl::Status CheckLedgerWrite(const Principal& caller, absl::string_view region_code,
                              absl::string_view what);

class Indicators {
 public:
  Indicators(storage::Repository& repository, const PageTokenCodec& tokens)
      : repository_(repository), tokens_(tokens) {}

  absl::StatusOr<Indicator> Create(NewIndicator input);
  // Indicators take no filter fields.
  absl::StatusOr<ListPage<Indicator>> List(const ListRequest& request);
  // Organizers limited to a region record only figures of that region or under it.
  absl::StatusOr<Observation> Record(const Principal& caller, ObservationInput input);
  // Officials and organizers limited to a region see only figures of that region or under it.
  absl::StatusOr<ListPage<Observation>> ListObservations(const Principal& caller,
                                                         const LedgerListRequest& request);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_INDICATORS_H_
