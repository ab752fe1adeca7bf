// How each API resource is shown: its fields as text, and the columns of a list.
#ifndef TECHMATCH_CLIENT_RESOURCE_VIEWS_H_
#define TECHMATCH_CLIENT_RESOURCE_VIEWS_H_

#include "client/output.h"
#include "techmatch/v1/common.pb.h"
#include "techmatch/v1/event.pb.h"
#include "techmatch/v1/industry.pb.h"
#include "techmatch/v1/need.pb.h"
#include "techmatch/v1/offering.pb.h"
#include "techmatch/v1/organization.pb.h"

namespace techmatch::client {

const View<techmatch::v1::Industry>& IndustryView();
const View<techmatch::v1::Organization>& OrganizationView();
const View<techmatch::v1::Event>& EventView();
const View<techmatch::v1::Participant>& ParticipantView();
const View<techmatch::v1::Need>& NeedView();
const View<techmatch::v1::Offering>& OfferingView();

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_RESOURCE_VIEWS_H_
