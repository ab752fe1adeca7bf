#include "server/reference_conversion.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/common/resource_id.h"
#include "server/proto_fields.h"
#include "usecases/names.h"

namespace techmatch::server {

Industry IndustryFromProto(const v1::Industry& proto) {
  Industry industry;
  industry.display_name_zh = proto.display_name_zh();
  industry.display_name_en = proto.display_name_en();
  return industry;
}

void IndustryToProto(const Industry& industry, v1::Industry& out) {
  out.set_name(ResourceName(kIndustries, industry.meta.id));
  out.set_display_name_zh(industry.display_name_zh);
  out.set_display_name_en(industry.display_name_en);
  MetaToProto(industry.meta, out);
}

Organization OrganizationFromProto(const v1::Organization& proto, bool require_kind,
                                   Violations& violations) {
  Organization org;
  org.display_name = proto.display_name();
  const auto kind = static_cast<OrganizationKind>(proto.kind());
  if (OrganizationKindName(kind) == "UNSPECIFIED") {
    if (require_kind || proto.kind() != 0) {
      violations.Add("kind",
                     absl::StrCat("must be one of ", absl::StrJoin(OrganizationKindNames(), ", ")));
    }
  } else {
    org.kind = kind;
  }
  org.parent_id =
      usecases::IdFromOptionalName(proto.parent(), kOrganizations, "parent", violations);
  org.region_code = proto.region_code();
  org.industry_codes = IdsFromNames(proto.industries(), kIndustries, "industries", violations);
  return org;
}

void OrganizationToProto(const Organization& org, v1::Organization& out) {
  out.set_name(ResourceName(kOrganizations, org.meta.id));
  out.set_display_name(org.display_name);
  out.set_kind(static_cast<v1::Organization::Kind>(org.kind));
  out.set_parent(org.parent_id.empty() ? "" : ResourceName(kOrganizations, org.parent_id));
  out.set_region_code(org.region_code);
  NamesToProto(org.industry_codes, kIndustries, *out.mutable_industries());
  MetaToProto(org.meta, out);
}

std::vector<std::string> PopulatedOrganizationPaths(const v1::Organization& proto) {
  std::vector<std::string> paths;
  if (!proto.display_name().empty()) paths.emplace_back("display_name");
  if (!proto.parent().empty()) paths.emplace_back("parent");
  if (!proto.region_code().empty()) paths.emplace_back("region_code");
  if (proto.industries_size() > 0) paths.emplace_back("industries");
  return paths;
}

Event EventFromProto(const v1::Event& proto, Violations& violations) {
  Event event;
  event.display_name = proto.display_name();
  event.location = proto.location();
  auto read_time = [&](bool present, const google::protobuf::Timestamp& ts,
                       absl::string_view field) -> std::optional<absl::Time> {
    if (!present) return std::nullopt;
    const size_t before = violations.list().size();
    CheckTimestamp(field, ts, violations);
    if (violations.list().size() != before) return std::nullopt;
    return TimeFromProto(ts);
  };
  if (auto t = read_time(proto.has_start_time(), proto.start_time(), "start_time")) {
    event.start_time = *t;
  }
  if (auto t = read_time(proto.has_end_time(), proto.end_time(), "end_time")) event.end_time = *t;
  event.registration_close_time =
      read_time(proto.has_registration_close_time(), proto.registration_close_time(),
                "registration_close_time");
  event.organizer_ids = IdsFromNames(proto.organizers(), kOrganizations, "organizers", violations);
  return event;
}

void EventToProto(const Event& event, v1::Event& out) {
  out.set_name(ResourceName(kEvents, event.meta.id));
  out.set_display_name(event.display_name);
  out.set_location(event.location);
  TimeToProto(event.start_time, *out.mutable_start_time());
  TimeToProto(event.end_time, *out.mutable_end_time());
  if (event.registration_close_time) {
    TimeToProto(*event.registration_close_time, *out.mutable_registration_close_time());
  } else {
    out.clear_registration_close_time();
  }
  NamesToProto(event.organizer_ids, kOrganizations, *out.mutable_organizers());
  MetaToProto(event.meta, out);
}

std::vector<std::string> PopulatedEventPaths(const v1::Event& proto) {
  std::vector<std::string> paths;
  if (!proto.display_name().empty()) paths.emplace_back("display_name");
  if (!proto.location().empty()) paths.emplace_back("location");
  if (proto.has_start_time()) paths.emplace_back("start_time");
  if (proto.has_end_time()) paths.emplace_back("end_time");
  if (proto.has_registration_close_time()) paths.emplace_back("registration_close_time");
  if (proto.organizers_size() > 0) paths.emplace_back("organizers");
  return paths;
}

void ParticipantToProto(const Participant& participant, v1::Participant& out) {
  out.set_name(absl::StrCat(ResourceName(kEvents, participant.event_id), "/", kParticipants, "/",
                            participant.organization_id));
  out.set_organization(ResourceName(kOrganizations, participant.organization_id));
  TimeToProto(participant.create_time, *out.mutable_create_time());
  out.set_delegate_count(participant.delegate_count);
  out.set_late_registration(participant.late_registration);
}

usecases::NewIndustry NewIndustryFromProto(const v1::CreateIndustryRequest& request) {
  return {IndustryFromProto(request.industry()), request.industry_id(), request.request_id()};
}

usecases::NewOrganization NewOrganizationFromProto(const v1::CreateOrganizationRequest& request) {
  usecases::NewOrganization input;
  input.organization =
      OrganizationFromProto(request.organization(), /*require_kind=*/true, input.conversion);
  input.organization_id = request.organization_id();
  input.request_id = request.request_id();
  return input;
}

usecases::OrganizationUpdate OrganizationUpdateFromProto(
    const v1::UpdateOrganizationRequest& request) {
  usecases::OrganizationUpdate input;
  input.name = request.organization().name();
  input.etag = request.organization().etag();
  input.paths =
      MaskPaths(request.update_mask(), PopulatedOrganizationPaths(request.organization()));
  // `kind` is immutable, so a patch may leave it unset.
  input.patch =
      OrganizationFromProto(request.organization(), /*require_kind=*/false, input.conversion);
  return input;
}

usecases::NewEvent NewEventFromProto(const v1::CreateEventRequest& request) {
  usecases::NewEvent input;
  input.event = EventFromProto(request.event(), input.conversion);
  input.event_id = request.event_id();
  input.request_id = request.request_id();
  return input;
}

usecases::EventUpdate EventUpdateFromProto(const v1::UpdateEventRequest& request) {
  usecases::EventUpdate input;
  input.name = request.event().name();
  input.etag = request.event().etag();
  input.paths = MaskPaths(request.update_mask(), PopulatedEventPaths(request.event()));
  input.patch = EventFromProto(request.event(), input.conversion);
  return input;
}

usecases::Registration RegistrationFromProto(const v1::RegisterParticipantRequest& request) {
  usecases::Registration input;
  input.event = request.event();
  input.organization = request.organization();
  input.delegate_count = request.delegate_count();
  input.late_registration = request.late_registration();
  input.request_id = request.request_id();
  return input;
}

}  // namespace techmatch::server
