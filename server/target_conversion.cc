#include "server/target_conversion.h"

#include <string>

#include "core/common/resource_id.h"
#include "server/indicator_conversion.h"
#include "server/proto_fields.h"

namespace techmatch::server {
namespace {

Target TargetFromProto(const v1::Target& proto, const Currency& currency, Violations& violations) {
  Target target;
  target.indicator_code = IndicatorCodeFromName(proto.indicator(), violations);
  target.region_code = proto.region_code();
  target.year = proto.year();
  target.value = FigureFromProto(proto, currency, violations);
  return target;
}

void CheckToProto(const TargetCheck& check, IndicatorUnit unit, const Currency& currency,
                  v1::TargetCheck& out) {
  if (check.half != kWholeYear) out.set_half(check.half);
  if (check.actual) FigureToProto(Figure{unit, *check.actual}, currency, *out.mutable_actual());
  out.set_completion(check.completion_bp);
  out.set_assessment(static_cast<v1::Assessment>(check.assessment));
}

}  // namespace

void TargetViewToProto(const usecases::TargetView& view, const Currency& currency,
                       v1::Target& out) {
  const Target& target = view.target;
  out.set_name(ResourceName(kTargets, target.meta.id));
  out.set_indicator(IndicatorName(target.indicator_code));
  out.set_region_code(target.region_code);
  out.set_year(target.year);
  const IndicatorUnit unit = target.value ? target.value->unit : IndicatorUnit::kCount;
  if (target.value) FigureToProto(*target.value, currency, out);
  const TargetCheck& year = view.progress.year;
  if (year.actual) FigureToProto(Figure{unit, *year.actual}, currency, *out.mutable_actual());
  out.set_completion(year.completion_bp);
  out.set_assessment(static_cast<v1::Assessment>(year.assessment));
  for (const TargetCheck& check : view.progress.checks) {
    CheckToProto(check, unit, currency, *out.add_checks());
  }
  MetaToProto(target.meta, out);
}

usecases::NewTarget NewTargetFromProto(const v1::CreateTargetRequest& request,
                                       const Currency& currency) {
  usecases::NewTarget input;
  input.target = TargetFromProto(request.target(), currency, input.conversion);
  input.request_id = request.request_id();
  return input;
}

usecases::TargetUpdate TargetUpdateFromProto(const v1::UpdateTargetRequest& request,
                                             const Currency& currency) {
  usecases::TargetUpdate input;
  const v1::Target& proto = request.target();
  input.name = proto.name();
  input.etag = proto.etag();
  input.patch.value = FigureFromProto(proto, currency, input.conversion);
  std::vector<std::string> implied;
  if (input.patch.value) implied.emplace_back(FigureField(input.patch.value->unit));
  input.paths = MaskPaths(request.update_mask(), std::move(implied));
  return input;
}

}  // namespace techmatch::server
