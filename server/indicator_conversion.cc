#include "server/indicator_conversion.h"

#include <string>

#include "core/common/resource_id.h"

namespace techmatch::server {

std::string IndicatorCodeFromName(absl::string_view name, Violations& violations) {
  if (name.empty()) return "";
  absl::StatusOr<std::string> code = ParseIndicatorName(name, "indicator");
  if (!code.ok()) {
    violations.AddAll(FieldViolationsOf(code.status()));
    return "";
  }
  return *std::move(code);
}

void IndicatorToProto(const Indicator& indicator, v1::Indicator& out) {
  out.set_name(IndicatorName(indicator.meta.id));
  out.set_display_name_zh(indicator.display_name_zh);
  out.set_display_name_en(indicator.display_name_en);
  out.set_unit(static_cast<v1::IndicatorUnit>(indicator.unit));
  out.set_source(static_cast<v1::Indicator::Source>(SourceOf(indicator.meta.id)));
  if (std::optional<absl::string_view> derivation = DerivationOf(indicator.meta.id)) {
    out.set_source_description(std::string(*derivation));
  }
  MetaToProto(indicator.meta, out);
}

usecases::NewIndicator NewIndicatorFromProto(const v1::CreateIndicatorRequest& request) {
  usecases::NewIndicator input;
  const v1::Indicator& proto = request.indicator();
  input.indicator.display_name_zh = proto.display_name_zh();
  input.indicator.display_name_en = proto.display_name_en();
  // An unknown number stays unknown: ValidateIndicator reports it with the rest.
  input.indicator.unit = static_cast<IndicatorUnit>(proto.unit());
  input.indicator_id = request.indicator_id();
  input.request_id = request.request_id();
  return input;
}

void ObservationToProto(const Observation& observation, const Currency& currency,
                        v1::Observation& out) {
  out.set_name(ResourceName(kObservations, observation.meta.id));
  out.set_indicator(IndicatorName(observation.indicator_code));
  out.set_region_code(observation.region_code);
  out.set_year(observation.year);
  if (observation.half != kWholeYear) out.set_half(observation.half);
  if (observation.value) FigureToProto(*observation.value, currency, out);
  out.set_note(observation.note);
  MetaToProto(observation.meta, out);
}

usecases::ObservationInput ObservationInputFromProto(const v1::RecordObservationRequest& request,
                                                     const Currency& currency) {
  usecases::ObservationInput input;
  const v1::Observation& proto = request.observation();
  Observation& o = input.observation;
  o.indicator_code = IndicatorCodeFromName(proto.indicator(), input.conversion);
  o.region_code = proto.region_code();
  o.year = proto.year();
  if (proto.has_half()) {
    o.half = proto.half();
    // 0 is the whole year inside; on the wire the whole year is an absent half.
    if (o.half == kWholeYear) {
      input.conversion.Add("half",
                           "must be 1 (January–June) or 2 (July–December), or absent "
                           "for the whole year; got 0");
    }
  }
  o.value = FigureFromProto(proto, currency, input.conversion);
  o.note = proto.note();
  input.etag = proto.etag();
  input.request_id = request.request_id();
  return input;
}

}  // namespace techmatch::server
