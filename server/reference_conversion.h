// techmatch.v1 Industry, Organization, Event and Participant ↔ their domain records, and the
// requests of their services → the use cases' input.
#ifndef TECHMATCH_SERVER_REFERENCE_CONVERSION_H_
#define TECHMATCH_SERVER_REFERENCE_CONVERSION_H_

#include <string>
#include <vector>

#include "core/common/field_violations.h"
#include "core/events/event.h"
#include "core/reference/industry.h"
#include "core/reference/organization.h"
#include "techmatch/v1/event.pb.h"
#include "techmatch/v1/industry.pb.h"
#include "techmatch/v1/organization.pb.h"
#include "usecases/events.h"
#include "usecases/industries.h"
#include "usecases/organizations.h"

namespace techmatch::server {

Industry IndustryFromProto(const v1::Industry& proto);
void IndustryToProto(const Industry& industry, v1::Industry& out);

// Violations are named relative to the organization; an unset `kind` is one only when
// `require_kind` (on create: kind is immutable, so updates leave it out).
Organization OrganizationFromProto(const v1::Organization& proto, bool require_kind,
                                   Violations& violations);
void OrganizationToProto(const Organization& org, v1::Organization& out);
std::vector<std::string> PopulatedOrganizationPaths(const v1::Organization& proto);

Event EventFromProto(const v1::Event& proto, Violations& violations);
void EventToProto(const Event& event, v1::Event& out);
std::vector<std::string> PopulatedEventPaths(const v1::Event& proto);

void ParticipantToProto(const Participant& participant, v1::Participant& out);

// The requests' views point into `request`, which must outlive the result.
usecases::NewIndustry NewIndustryFromProto(const v1::CreateIndustryRequest& request);
usecases::NewOrganization NewOrganizationFromProto(const v1::CreateOrganizationRequest& request);
usecases::OrganizationUpdate OrganizationUpdateFromProto(
    const v1::UpdateOrganizationRequest& request);
usecases::NewEvent NewEventFromProto(const v1::CreateEventRequest& request);
usecases::EventUpdate EventUpdateFromProto(const v1::UpdateEventRequest& request);
usecases::Registration RegistrationFromProto(const v1::RegisterParticipantRequest& request);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_REFERENCE_CONVERSION_H_
