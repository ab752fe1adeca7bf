#include "client/financing_view.h"

#include <string>

#include "client/field_values.h"

namespace techmatch::client {

using techmatch::v1::Financing;

const View<Financing>& FinancingView() {
  static const auto* view =
      new View<Financing>{[](const Financing& f, const ValueFormat& format) {
                            return Record{{"name", f.name()},
                                          {"kind", Financing::Kind_Name(f.kind())},
                                          {"provider", f.provider()},
                                          {"recipient", f.recipient()},
                                          {"amount", FormatMoney(f.amount(), format)},
                                          {"grant_time", FormatTime(f.grant_time())},
                                          {"year", std::to_string(f.year())},
                                          {"agreement", f.agreement()},
                                          {"region_code", f.region_code()},
                                          {"create_time", FormatTime(f.create_time())},
                                          {"update_time", FormatTime(f.update_time())},
                                          {"etag", f.etag()}};
                          },
                          {{"name"},
                           {"kind"},
                           {"provider"},
                           {"recipient"},
                           {"amount", Align::kRight},
                           {"year"},
                           {"region_code"}}};
  return *view;
}

}  // namespace techmatch::client
