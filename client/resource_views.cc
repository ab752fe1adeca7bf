#include "client/resource_views.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace techmatch::client {
namespace {

using techmatch::v1::CooperationMode;
using techmatch::v1::Event;
using techmatch::v1::Industry;
using techmatch::v1::Need;
using techmatch::v1::Offering;
using techmatch::v1::Organization;
using techmatch::v1::Participant;

// Titles are cut in lists so the state and money columns stay on screen; `get` shows all.
constexpr size_t kTitleWidth = 36;
constexpr size_t kNameWidth = 30;

std::string JoinList(const google::protobuf::RepeatedPtrField<std::string>& items) {
  return absl::StrJoin(items, "; ");
}

std::string JoinModes(const google::protobuf::RepeatedField<int>& modes) {
  std::vector<std::string> names;
  for (int mode : modes) names.push_back(techmatch::v1::CooperationMode_Name(mode));
  return absl::StrJoin(names, "; ");
}

template <typename Item>
void AppendMeta(const Item& item, Record& record) {
  record.emplace_back("create_time", FormatTime(item.create_time()));
  record.emplace_back("update_time", FormatTime(item.update_time()));
  record.emplace_back("etag", item.etag());
}

}  // namespace

const View<Industry>& IndustryView() {
  static const auto* view =
      new View<Industry>{[](const Industry& industry, const ValueFormat&) {
                           Record record = {{"name", industry.name()},
                                            {"display_name_zh", industry.display_name_zh()},
                                            {"display_name_en", industry.display_name_en()}};
                           AppendMeta(industry, record);
                           return record;
                         },
                         {{"name"}, {"display_name_zh"}, {"display_name_en"}}};
  return *view;
}

const View<Organization>& OrganizationView() {
  static const auto* view =
      new View<Organization>{[](const Organization& org, const ValueFormat&) {
                               Record record = {{"name", org.name()},
                                                {"display_name", org.display_name()},
                                                {"kind", Organization::Kind_Name(org.kind())},
                                                {"parent", org.parent()},
                                                {"region_code", org.region_code()},
                                                {"industries", JoinList(org.industries())}};
                               AppendMeta(org, record);
                               return record;
                             },
                             {{"name"},
                              {"display_name", Align::kLeft, kNameWidth},
                              {"kind"},
                              {"parent"},
                              {"region_code"},
                              {"industries"}}};
  return *view;
}

const View<Event>& EventView() {
  static const auto* view = new View<Event>{
      [](const Event& event, const ValueFormat&) {
        Record record = {{"name", event.name()},
                         {"display_name", event.display_name()},
                         {"location", event.location()},
                         {"start_time", FormatTime(event.start_time())},
                         {"end_time", FormatTime(event.end_time())},
                         {"registration_close_time", FormatTime(event.registration_close_time())},
                         {"organizers", JoinList(event.organizers())}};
        AppendMeta(event, record);
        return record;
      },
      {{"name"},
       {"display_name", Align::kLeft, kNameWidth},
       {"location", Align::kLeft, kNameWidth},
       {"start_time"},
       {"end_time"}}};
  return *view;
}

const View<Participant>& ParticipantView() {
  static const auto* view = new View<Participant>{
      [](const Participant& participant, const ValueFormat&) {
        return Record{{"name", participant.name()},
                      {"organization", participant.organization()},
                      {"delegate_count", std::to_string(participant.delegate_count())},
                      {"late_registration", participant.late_registration() ? "true" : "false"},
                      {"create_time", FormatTime(participant.create_time())}};
      },
      {{"organization"}, {"delegate_count"}, {"create_time"}}};
  return *view;
}

const View<Need>& NeedView() {
  static const auto* view = new View<Need>{
      [](const Need& need, const ValueFormat& format) {
        Record record = {{"name", need.name()},
                         {"enterprise", need.enterprise()},
                         {"title", need.title()},
                         {"description", need.description()},
                         {"keywords", JoinList(need.keywords())},
                         {"industries", JoinList(need.industries())},
                         {"budget", need.has_budget() ? FormatMoney(need.budget(), format) : ""},
                         {"min_trl", need.has_min_trl() ? absl::StrCat(need.min_trl()) : ""},
                         {"cooperation_modes", JoinModes(need.cooperation_modes())},
                         {"events", JoinList(need.events())},
                         {"state", Need::State_Name(need.state())}};
        AppendMeta(need, record);
        // Last, so columns of earlier exports keep their places.
        record.push_back({"late_registration_events", JoinList(need.late_registration_events())});
        record.push_back({"return_reason", need.return_reason()});
        record.push_back({"closing_agreement", need.closing_agreement()});
        return record;
      },
      {{"name"},
       {"enterprise"},
       {"title", Align::kLeft, kTitleWidth},
       {"industries"},
       {"budget", Align::kRight},
       {"min_trl", Align::kRight},
       {"state"}}};
  return *view;
}

const View<Offering>& OfferingView() {
  static const auto* view = new View<Offering>{
      [](const Offering& offering, const ValueFormat& format) {
        Record record = {
            {"name", offering.name()},
            {"institute", offering.institute()},
            {"title", offering.title()},
            {"description", offering.description()},
            {"keywords", JoinList(offering.keywords())},
            {"industries", JoinList(offering.industries())},
            {"trl", offering.trl() == 0 ? "" : absl::StrCat(offering.trl())},
            {"patents", JoinList(offering.patents())},
            {"cooperation_modes", JoinModes(offering.cooperation_modes())},
            {"asking_price",
             offering.has_asking_price() ? FormatMoney(offering.asking_price(), format) : ""},
            {"events", JoinList(offering.events())},
            {"state", Offering::State_Name(offering.state())}};
        AppendMeta(offering, record);
        record.push_back(
            {"late_registration_events", JoinList(offering.late_registration_events())});
        record.push_back({"return_reason", offering.return_reason()});
        return record;
      },
      {{"name"},
       {"institute"},
       {"title", Align::kLeft, kTitleWidth},
       {"industries"},
       {"trl", Align::kRight},
       {"asking_price", Align::kRight},
       {"state"}}};
  return *view;
}

}  // namespace techmatch::client
