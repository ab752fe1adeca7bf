#include "usecases/targets.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/reference/region_code.h"
#include "usecases/derived_figures.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

absl::Status NotFound(absl::string_view id) {
  return absl::NotFoundError(absl::StrCat(ResourceName(kTargets, id), " not found"));
}

}  // namespace

absl::StatusOr<TargetView> Targets::View(Target target, absl::Time now) {
  TM_ASSIGN_OR_RETURN(
      std::vector<Observation> observations,
      repository_.ObservationsInRegion(target.indicator_code, target.region_code, target.year));
  std::vector<RegionFigure> derived;
  if (SourceOf(target.indicator_code) == IndicatorSource::kDerived) {
    TM_ASSIGN_OR_RETURN(derived, GatherDerivedFigures(repository_, target.indicator_code,
                                                      target.region_code, target.year));
  }
  TM_ASSIGN_OR_RETURN(TargetProgress progress, ComputeProgress(target, observations, derived, now));
  return TargetView{std::move(target), std::move(progress)};
}

absl::StatusOr<TargetView> Targets::Create(const Principal& caller, NewTarget input) {
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  Target& target = input.target;
  TM_ASSIGN_OR_RETURN(std::optional<Indicator> indicator,
                      FindIndicator(repository_, target.indicator_code));
  Violations own = input.conversion;
  Violations rules;
  ValidateTarget(target, indicator, rules);
  AddUnreported(rules, own);
  request_level.AddAll(own, "target");
  TM_RETURN_IF_ERROR(request_level.ToStatus());
  TM_RETURN_IF_ERROR(CheckLedgerWrite(caller, target.region_code, "targets"));
  target.meta.id = TargetId(target.indicator_code, target.region_code, target.year);
  TM_ASSIGN_OR_RETURN(Target created,
                      repository_.CreateTarget(target, {"CreateTarget", input.request_id}));
  return View(std::move(created), clock_());
}

absl::StatusOr<TargetView> Targets::Get(const Principal& caller, absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kTargets, "name"));
  TM_ASSIGN_OR_RETURN(Target target, repository_.GetTarget(id));
  // Outside the caller's region it does not exist, as for every region-scoped read.
  if (!caller.region_code.empty() && !RegionContains(caller.region_code, target.region_code)) {
    return NotFound(id);
  }
  return View(std::move(target), clock_());
}

absl::StatusOr<ListPage<TargetView>> Targets::List(const Principal& caller,
                                                   const LedgerListRequest& request) {
  TM_ASSIGN_OR_RETURN(auto parsed, ParseLedgerList("ListTargets", request, tokens_));
  auto& [filter, list] = parsed;
  list.query.scope.region = caller.region_code;
  TM_ASSIGN_OR_RETURN(Page<Target> page, repository_.ListTargets(filter, list.query));
  ListPage<TargetView> views;
  const absl::Time now = clock_();
  for (Target& target : page.items) {
    TM_ASSIGN_OR_RETURN(TargetView view, View(std::move(target), now));
    views.items.push_back(std::move(view));
  }
  views.next_page_token = tokens_.Encode(list.scope, page.next_after_id);
  return views;
}

absl::StatusOr<TargetView> Targets::Update(const Principal& caller, const TargetUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kTargets, "target.name"));
  Violations request_level;
  Target scratch;
  ApplyTargetUpdate(input.paths, input.patch, scratch, request_level);
  if (!request_level.empty() || !input.conversion.empty()) {
    request_level.AddAll(input.conversion, "target");
    return request_level.ToStatus();
  }
  TM_ASSIGN_OR_RETURN(Target current, repository_.GetTarget(id));
  TM_RETURN_IF_ERROR(CheckLedgerWrite(caller, current.region_code, "targets"));
  TM_RETURN_IF_ERROR(CheckEtag(current.meta, input.etag));
  if (input.paths.empty()) return View(std::move(current), clock_());
  Target updated = current;
  Violations unused;
  ApplyTargetUpdate(input.paths, input.patch, updated, unused);
  TM_ASSIGN_OR_RETURN(std::optional<Indicator> indicator,
                      FindIndicator(repository_, updated.indicator_code));
  Violations own;
  ValidateTarget(updated, indicator, own);
  if (!own.empty()) return PrefixFieldViolations(own.ToStatus(), "target");
  TM_ASSIGN_OR_RETURN(Target stored, repository_.ReplaceTarget(updated, current.meta.revision));
  return View(std::move(stored), clock_());
}

}  // namespace techmatch::usecases
