#include "usecases/indicators.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/common/bounded_text.h"
#include "core/common/status_macros.h"
#include "core/reference/region_code.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {

absl::StatusOr<std::pair<storage::LedgerFilter, ParsedList>> ParseLedgerList(
    absl::string_view method, const LedgerListRequest& request, const PageTokenCodec& tokens) {
  Violations violations;
  storage::LedgerFilter filter;
  if (!request.indicator.empty()) {
    absl::StatusOr<std::string> code = ParseIndicatorName(request.indicator, "indicator");
    if (code.ok()) {
      filter.indicator_code = *std::move(code);
    } else {
      violations.AddAll(FieldViolationsOf(code.status()));
    }
  }
  if (!request.region_code.empty()) {
    if (IsRegionCode(request.region_code)) {
      filter.region = std::string(request.region_code);
    } else {
      violations.Add("region_code",
                     absl::StrCat("must be a GB/T 2260 code of six digits, e.g. 510500, got '",
                                  BoundedText(request.region_code, kMaxEchoBytes), "'"));
    }
  }
  if (request.year != 0) CheckLedgerYear("year", request.year, violations);
  filter.year = request.year;
  // The narrowing scopes the page token as a filter does.
  const std::string parent =
      absl::StrCat(filter.indicator_code, "/", filter.region, "/", filter.year);
  absl::StatusOr<ParsedList> list =
      ParseList(method, parent, {"", request.page_size, request.page_token}, {}, tokens);
  if (!list.ok()) violations.AddAll(FieldViolationsOf(list.status()));
  TM_RETURN_IF_ERROR(violations.ToStatus());
  return std::make_pair(std::move(filter), *std::move(list));
}

absl::StatusOr<std::optional<Indicator>> FindIndicator(storage::Repository& repository,
                                                       absl::string_view code) {
  if (!IsValidIndicatorCode(code)) return std::nullopt;
  absl::StatusOr<Indicator> indicator = repository.GetIndicator(code);
  if (absl::IsNotFound(indicator.status())) return std::nullopt;
  TM_RETURN_IF_ERROR(indicator.status());
  return *std::move(indicator);
}

void AddUnreported(const Violations& rules, Violations& own) {
  std::vector<std::string> reported;
  for (const FieldViolation& v : own.list()) reported.push_back(v.field);
  for (const FieldViolation& v : rules.list()) {
    if (std::find(reported.begin(), reported.end(), v.field) == reported.end()) {
      own.Add(v.field, v.description);
    }
  }
}

absl::Status CheckLedgerWrite(const Principal& caller, absl::string_view region_code,
                              absl::string_view what) {
  if (caller.region_code.empty() || RegionContains(caller.region_code, region_code)) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(absl::StrCat("a key of region ", caller.region_code,
                                                  " may not write ", what, " of region ",
                                                  region_code, " outside it"));
}

absl::StatusOr<Indicator> Indicators::Create(NewIndicator input) {
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  if (input.indicator_id.empty()) {
    request_level.Add("indicator_id", "is required (the code, e.g. spark_trainees)");
  } else if (!IsValidIndicatorCode(input.indicator_id)) {
    request_level.Add("indicator_id",
                      absl::StrCat("must match [a-z][a-z0-9_]{0,39}, got '",
                                   BoundedText(input.indicator_id, kMaxEchoBytes), "'"));
  }
  input.indicator.meta.id = std::string(input.indicator_id);
  Violations own = input.conversion;
  ValidateIndicator(input.indicator, own);
  request_level.AddAll(own, "indicator");
  TM_RETURN_IF_ERROR(request_level.ToStatus());
  return repository_.CreateIndicator(input.indicator, {"CreateIndicator", input.request_id});
}

absl::StatusOr<ListPage<Indicator>> Indicators::List(const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(ParsedList list, ParseList("ListIndicators", "", request, {}, tokens_));
  TM_ASSIGN_OR_RETURN(Page<Indicator> page, repository_.ListIndicators(list.query));
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<Observation> Indicators::Record(const Principal& caller, ObservationInput input) {
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  Observation& observation = input.observation;
  TM_ASSIGN_OR_RETURN(std::optional<Indicator> indicator,
                      FindIndicator(repository_, observation.indicator_code));
  Violations own = input.conversion;
  Violations rules;
  ValidateObservation(observation, indicator, rules);
  AddUnreported(rules, own);
  request_level.AddAll(own, "observation");
  TM_RETURN_IF_ERROR(request_level.ToStatus());
  observation.meta.id = ObservationId(observation.indicator_code, observation.region_code,
                                      observation.year, observation.half);
  const std::string name = ResourceName(kObservations, observation.meta.id);
  TM_RETURN_IF_ERROR(CheckLedgerWrite(caller, observation.region_code, "observations"));
  if (input.etag.empty()) {
    absl::StatusOr<Observation> created =
        repository_.CreateObservation(observation, {"RecordObservation", input.request_id});
    if (absl::IsAlreadyExists(created.status())) {
      return absl::AlreadyExistsError(
          absl::StrCat(name, " already exists; send its etag to replace its value"));
    }
    return created;
  }
  TM_ASSIGN_OR_RETURN(Observation current, repository_.GetObservation(observation.meta.id));
  TM_RETURN_IF_ERROR(CheckEtag(current.meta, input.etag));
  Observation updated = current;
  updated.value = observation.value;
  updated.note = observation.note;
  return repository_.ReplaceObservation(updated, current.meta.revision);
}

absl::StatusOr<ListPage<Observation>> Indicators::ListObservations(
    const Principal& caller, const LedgerListRequest& request) {
  TM_ASSIGN_OR_RETURN(auto parsed, ParseLedgerList("ListObservations", request, tokens_));
  auto& [filter, list] = parsed;
  list.query.scope.region = caller.region_code;
  TM_ASSIGN_OR_RETURN(Page<Observation> page, repository_.ListObservations(filter, list.query));
  return Continued(std::move(page), list, tokens_);
}

}  // namespace techmatch::usecases
