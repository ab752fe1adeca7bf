// Events, participants and the reference data: registration windows, idempotent registration,
// every bad field at once, required ids.
#include "usecases/events.h"

#include "tests/usecases/usecase_fixture.h"
#include "usecases/industries.h"
#include "usecases/organizations.h"

namespace techmatch::usecases::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class EventsTest : public UseCaseTest {
 protected:
  Events events() { return Events(repo(), tokens_); }
};

Registration Of(absl::string_view organization, absl::string_view event) {
  Registration registration;
  registration.event = event;
  registration.organization = organization;
  return registration;
}

TEST_F(EventsTest, RegistrationAfterTheCloseTakesAnOrganizersLateFlag) {
  const Registration on_time = Of("organizations/acme", "events/closed");
  EXPECT_THAT(events().Register(organizer_, on_time),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("organizations/acme")));
  Registration late = on_time;
  late.late_registration = true;
  EXPECT_THAT(events().Register(acme_, late), StatusIs(absl::StatusCode::kPermissionDenied));
  TM_ASSERT_OK_AND_ASSIGN(Participant participant, events().Register(organizer_, late));
  EXPECT_TRUE(participant.late_registration);
  // Registered already: its delegates may still change, without the flag.
  Registration more = on_time;
  more.delegate_count = 3;
  TM_ASSERT_OK_AND_ASSIGN(participant, events().Register(organizer_, more));
  EXPECT_EQ(participant.delegate_count, 3);
  EXPECT_TRUE(participant.late_registration);
}

TEST_F(EventsTest, RegistrationIsIdempotentWhileOpen) {
  const Registration registration = Of("organizations/scu", "events/fair");
  TM_ASSERT_OK_AND_ASSIGN(Participant first, events().Register(organizer_, registration));
  TM_ASSERT_OK_AND_ASSIGN(Participant again, events().Register(organizer_, registration));
  EXPECT_EQ(first.create_time, again.create_time);
  EXPECT_FALSE(again.late_registration);
  TM_ASSERT_OK_AND_ASSIGN(ListPage<Participant> page,
                          events().ListParticipants("events/fair", ListRequest{}));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].organization_id, "scu");
}

TEST_F(EventsTest, EveryBadRegistrationFieldAtOnce) {
  Registration bad{"", "orgs/acme", 101, false, "not printable \x01"};
  EXPECT_THAT(ViolatedFields(events().Register(organizer_, bad)),
              UnorderedElementsAre("request_id", "organization", "event", "delegate_count"));
  EXPECT_THAT(events().Register(organizer_, Of("organizations/acme", "events/none")),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(ViolatedFields(events().ListParticipants("fair", ListRequest{})),
              ElementsAre("parent"));
}

TEST_F(EventsTest, EventsFollowTheRecordFlows) {
  NewEvent input;
  input.event = Fair("");
  input.event.display_name = "";
  input.event_id = "Expo 2026";
  input.conversion.Add("start_time", "is outside the range RFC 3339 can express");
  EXPECT_THAT(ViolatedFields(events().Create(input)),
              UnorderedElementsAre("event_id", "event.start_time", "event.display_name"));
  EventUpdate update;
  update.name = "events/fair";
  update.etag = "\"stale\"";
  update.paths = {"location"};
  update.patch.location = "Chengdu";
  EXPECT_THAT(events().Update(update), StatusIs(absl::StatusCode::kAborted));
  update.etag = "";
  TM_ASSERT_OK_AND_ASSIGN(Event updated, events().Update(update));
  EXPECT_EQ(updated.location, "Chengdu");
}

TEST_F(EventsTest, IndustriesNeedTheirCode) {
  Industries industries(repo(), tokens_);
  NewIndustry input;
  input.industry.display_name_zh = "机器人";
  input.industry.display_name_en = "Robotics";
  EXPECT_THAT(ViolatedFields(industries.Create(input)), ElementsAre("industry_id"));
  input.industry_id = "robotics";
  TM_ASSERT_OK_AND_ASSIGN(Industry created, industries.Create(input));
  EXPECT_EQ(created.meta.id, "robotics");
  TM_ASSERT_OK_AND_ASSIGN(Industry read, industries.Get("industries/robotics"));
  EXPECT_EQ(read.display_name_en, "Robotics");
}

TEST_F(EventsTest, OrganizationsKeepTheirKind) {
  Organizations organizations(repo(), tokens_);
  OrganizationUpdate update;
  update.name = "organizations/acme";
  update.paths = {"kind"};
  update.patch.kind = OrganizationKind::kUniversity;
  EXPECT_THAT(ViolatedFields(organizations.Update(update)), ElementsAre("update_mask.paths[0]"));
  EXPECT_THAT(ViolatedFields(organizations.Get(organizer_, "acme")), ElementsAre("name"));
}

}  // namespace
}  // namespace techmatch::usecases::testing
