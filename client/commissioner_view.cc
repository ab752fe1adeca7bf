#include "client/commissioner_view.h"

#include <string>

#include "client/field_values.h"

namespace techmatch::client {

using techmatch::v1::Commissioner;

const View<Commissioner>& CommissionerView() {
  static const auto* view = new View<Commissioner>{
      [](const Commissioner& c, const ValueFormat& format) {
        return Record{
            {"name", c.name()},
            {"display_name", c.display_name()},
            {"home_organization", c.home_organization()},
            {"region_code", c.region_code()},
            {"year", std::to_string(c.year())},
            {"service_model", Commissioner::ServiceModel_Name(c.service_model())},
            {"technologies_promoted", std::to_string(c.technologies_promoted())},
            {"new_products", std::to_string(c.new_products())},
            {"projects", std::to_string(c.projects())},
            {"joint_ventures", std::to_string(c.joint_ventures())},
            {"cooperatives", std::to_string(c.cooperatives())},
            {"enterprises_founded", std::to_string(c.enterprises_founded())},
            {"investment", c.has_investment() ? FormatMoney(c.investment(), format) : ""},
            {"profit", c.has_profit() ? FormatMoney(c.profit(), format) : ""},
            {"farmer_income_increase",
             c.has_farmer_income_increase() ? FormatMoney(c.farmer_income_increase(), format) : ""},
            {"create_time", FormatTime(c.create_time())},
            {"update_time", FormatTime(c.update_time())},
            {"etag", c.etag()}};
      },
      {{"name"},
       {"display_name", Align::kLeft, 20},
       {"home_organization"},
       {"region_code"},
       {"year"},
       {"service_model"},
       {"farmer_income_increase", Align::kRight}}};
  return *view;
}

}  // namespace techmatch::client
