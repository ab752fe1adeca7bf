// Conversions between the programme ledger's IndicatorService messages and the domain
// (core/ledger/indicator.h, observation.h), and of the figures every ledger message carries in
// a `value` oneof of `count`, `money` and `percent_bp`.
#ifndef TECHMATCH_SERVER_INDICATOR_CONVERSION_H_
#define TECHMATCH_SERVER_INDICATOR_CONVERSION_H_

#include <optional>
#include <string>

#include "core/common/field_violations.h"
#include "core/ledger/indicator.h"
#include "core/ledger/observation.h"
#include "core/money/money.h"
#include "server/proto_fields.h"
#include "techmatch/v1/indicator.pb.h"
#include "usecases/indicators.h"

namespace techmatch::server {

// The figure in `proto`'s `value` oneof, or nullopt when none is set. A bad amount is a
// violation on `money` (and a figure of 0, so it is not reported missing as well).
template <typename Proto>
std::optional<Figure> FigureFromProto(const Proto& proto, const Currency& currency,
                                      Violations& violations) {
  switch (proto.value_case()) {
    case Proto::kCount:
      return Figure{IndicatorUnit::kCount, proto.count()};
    case Proto::kMoney:
      return Figure{IndicatorUnit::kMoney,
                    MinorUnitsFromProto(proto.money(), currency, "money", violations).value_or(0)};
    case Proto::kPercentBp:
      return Figure{IndicatorUnit::kPercent, proto.percent_bp()};
    default:
      return std::nullopt;
  }
}

// Sets `out`'s `value` oneof from `figure`.
template <typename Proto>
void FigureToProto(const Figure& figure, const Currency& currency, Proto& out) {
  switch (figure.unit) {
    case IndicatorUnit::kMoney:
      MoneyToProto(figure.value, currency, *out.mutable_money());
      return;
    case IndicatorUnit::kPercent:
      out.set_percent_bp(figure.value);
      return;
    case IndicatorUnit::kCount:
      out.set_count(figure.value);
      return;
  }
}

void IndicatorToProto(const Indicator& indicator, v1::Indicator& out);
usecases::NewIndicator NewIndicatorFromProto(const v1::CreateIndicatorRequest& request);

void ObservationToProto(const Observation& observation, const Currency& currency,
                        v1::Observation& out);
usecases::ObservationInput ObservationInputFromProto(const v1::RecordObservationRequest& request,
                                                     const Currency& currency);

// The indicator code of `name` for a record's `indicator` field; a violation on "indicator"
// (and "") when it is not `indicators/{code}`, "" when it is empty.
std::string IndicatorCodeFromName(absl::string_view name, Violations& violations);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_INDICATOR_CONVERSION_H_
