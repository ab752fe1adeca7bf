#include "client/project_view.h"

#include <string>

#include "absl/strings/str_join.h"
#include "client/field_values.h"

namespace techmatch::client {

using techmatch::v1::FundArrival;
using techmatch::v1::Project;

const View<Project>& ProjectView() {
  static const auto* view = new View<Project>{
      [](const Project& p, const ValueFormat& format) {
        return Record{{"name", p.name()},
                      {"title", p.title()},
                      {"level", Project::Level_Name(p.level())},
                      {"programme", p.programme()},
                      {"lead_organization", p.lead_organization()},
                      {"partners", absl::StrJoin(p.partners(), "; ")},
                      {"region_code", p.region_code()},
                      {"year", std::to_string(p.year())},
                      {"approved_funds",
                       p.has_approved_funds() ? FormatMoney(p.approved_funds(), format) : ""},
                      {"arrived_funds", FormatMoney(p.arrived_funds(), format)},
                      {"over_approved", p.over_approved() ? "true" : "false"},
                      {"arrival_count", std::to_string(p.arrival_count())},
                      {"create_time", FormatTime(p.create_time())},
                      {"update_time", FormatTime(p.update_time())},
                      {"etag", p.etag()}};
      },
      {{"name"},
       {"title", Align::kLeft, 30},
       {"level"},
       {"region_code"},
       {"year"},
       {"approved_funds", Align::kRight},
       {"arrived_funds", Align::kRight},
       {"over_approved"}}};
  return *view;
}

const View<FundArrival>& FundArrivalView() {
  static const auto* view = new View<FundArrival>{
      [](const FundArrival& a, const ValueFormat& format) {
        return Record{{"name", a.name()},
                      {"amount", FormatMoney(a.amount(), format)},
                      {"arrive_time", FormatTime(a.arrive_time())},
                      {"note", a.note()},
                      {"create_time", FormatTime(a.create_time())}};
      },
      {{"name"}, {"amount", Align::kRight}, {"arrive_time"}, {"note", Align::kLeft, 30}}};
  return *view;
}

}  // namespace techmatch::client
