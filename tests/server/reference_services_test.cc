// IndustryService, OrganizationService and EventService over a real connection.
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using ::testing::UnorderedElementsAre;

using ReferenceServicesTest = OverBackends<SeededServerTest>;

TEST_P(ReferenceServicesTest, SeededIndustriesIncludeThePillars) {
  v1::ListIndustriesRequest request;
  v1::ListIndustriesResponse response;
  ASSERT_TRUE(industries_->ListIndustries(Ctx().get(), request, &response).ok());
  std::vector<std::string> names;
  for (const auto& industry : response.industries()) names.push_back(industry.name());
  EXPECT_THAT(names,
              IsSupersetOf({"industries/liquor", "industries/chemicals", "industries/machinery",
                            "industries/energy", "industries/agriculture"}));
  v1::GetIndustryRequest get;
  get.set_name("industries/liquor");
  v1::Industry liquor;
  ASSERT_TRUE(industries_->GetIndustry(Ctx().get(), get, &liquor).ok());
  EXPECT_FALSE(liquor.display_name_zh().empty());
  get.set_name("industries/tea");
  EXPECT_EQ(industries_->GetIndustry(Ctx().get(), get, &liquor).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_P(ReferenceServicesTest, CreateIndustry) {
  v1::CreateIndustryRequest request;
  request.set_industry_id("tea");
  request.mutable_industry()->set_display_name_zh("茶產業");
  request.mutable_industry()->set_display_name_en("Tea");
  v1::Industry created;
  ASSERT_TRUE(industries_->CreateIndustry(Ctx().get(), request, &created).ok());
  EXPECT_EQ(created.name(), "industries/tea");
  EXPECT_EQ(industries_->CreateIndustry(Ctx().get(), request, &created).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
  request.set_industry_id("");
  request.mutable_industry()->set_display_name_zh("");
  const grpc::Status status = industries_->CreateIndustry(Ctx().get(), request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("industry_id", "industry.display_name_zh"));
}

TEST_P(ReferenceServicesTest, OrganizationCreateErrorsListEveryField) {
  v1::CreateOrganizationRequest request;
  request.set_organization_id("-bad");
  request.mutable_organization()->set_region_code("51A");
  request.mutable_organization()->set_parent("organizations/none");
  request.mutable_organization()->add_industries("industries/none");
  v1::Organization created;
  const grpc::Status status = organizations_->CreateOrganization(Ctx().get(), request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("organization_id", "organization.display_name",
                                   "organization.kind", "organization.region_code",
                                   "organization.parent", "organization.industries[0]"));
}

TEST_P(ReferenceServicesTest, OrganizationFiltersAndUpdate) {
  CreateOrganization("scu-chem", v1::Organization::UNIVERSITY, "organizations/scu");
  auto list = [&](const std::string& filter) {
    v1::ListOrganizationsRequest request;
    request.set_filter(filter);
    v1::ListOrganizationsResponse response;
    const grpc::Status status = organizations_->ListOrganizations(Ctx().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> names;
    for (const auto& org : response.organizations()) names.push_back(org.name());
    return names;
  };
  EXPECT_THAT(list("kind = UNIVERSITY"),
              ElementsAre("organizations/scu", "organizations/scu-chem"));
  EXPECT_THAT(list("parent = \"organizations/scu\""), ElementsAre("organizations/scu-chem"));
  EXPECT_THAT(list("region_code = \"510500\" AND kind = ENTERPRISE"),
              ElementsAre("organizations/acme"));

  v1::UpdateOrganizationRequest update;
  update.mutable_organization()->set_name("organizations/acme");
  update.mutable_organization()->set_display_name("瀘州老窖股份有限公司");
  update.mutable_update_mask()->add_paths("display_name");
  v1::Organization updated;
  ASSERT_TRUE(organizations_->UpdateOrganization(Ctx().get(), update, &updated).ok());
  EXPECT_EQ(updated.display_name(), "瀘州老窖股份有限公司");
  EXPECT_EQ(updated.kind(), v1::Organization::ENTERPRISE);

  update.mutable_update_mask()->add_paths("kind");
  const grpc::Status status = organizations_->UpdateOrganization(Ctx().get(), update, &updated);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("update_mask.paths[1]"));

  update.mutable_update_mask()->clear_paths();
  update.mutable_organization()->set_etag("\"1\"");
  EXPECT_EQ(organizations_->UpdateOrganization(Ctx().get(), update, &updated).error_code(),
            grpc::StatusCode::ABORTED);
}

TEST_P(ReferenceServicesTest, EventRulesAndUpdate) {
  v1::CreateEventRequest request;
  request.set_event_id("bad-times");
  request.mutable_event()->set_display_name("Fair");
  request.mutable_event()->mutable_start_time()->set_seconds(2000);
  request.mutable_event()->mutable_end_time()->set_seconds(1000);
  request.mutable_event()->mutable_registration_close_time()->set_seconds(3000);
  request.mutable_event()->add_organizers("organizations/nobody");
  v1::Event created;
  grpc::Status status = events_->CreateEvent(Ctx().get(), request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status),
              UnorderedElementsAre("event.end_time", "event.registration_close_time",
                                   "event.organizers[0]"));

  v1::UpdateEventRequest update;
  update.mutable_event()->set_name("events/fair");
  update.mutable_event()->set_location("成都");
  update.mutable_event()->add_organizers("organizations/gov");
  v1::Event updated;
  ASSERT_TRUE(events_->UpdateEvent(Ctx().get(), update, &updated).ok());
  EXPECT_EQ(updated.location(), "成都");
  EXPECT_THAT(updated.organizers(), ElementsAre("organizations/gov"));
  EXPECT_EQ(updated.display_name(), "2026年產學研合作洽談會");

  v1::ListEventsRequest list;
  list.set_filter("start_time >= \"2026-01-01T00:00:00Z\"");
  v1::ListEventsResponse events;
  ASSERT_TRUE(events_->ListEvents(Ctx().get(), list, &events).ok());
  ASSERT_EQ(events.events_size(), 1);
  v1::GetEventRequest get;
  get.set_name("events/fair");
  v1::Event read;
  ASSERT_TRUE(events_->GetEvent(Ctx().get(), get, &read).ok());
  EXPECT_EQ(read.etag(), updated.etag());
}

TEST_P(ReferenceServicesTest, RegisterParticipantIsIdempotent) {
  v1::RegisterParticipantRequest request;
  request.set_event("events/fair");
  request.set_organization("organizations/acme");
  v1::Participant first, second;
  ASSERT_TRUE(events_->RegisterParticipant(Ctx().get(), request, &first).ok());
  ASSERT_TRUE(events_->RegisterParticipant(Ctx().get(), request, &second).ok());
  EXPECT_EQ(first.name(), "events/fair/participants/acme");
  EXPECT_EQ(first.name(), second.name());
  request.set_organization("organizations/scu");
  ASSERT_TRUE(events_->RegisterParticipant(Ctx().get(), request, &second).ok());

  v1::ListParticipantsRequest list;
  list.set_parent("events/fair");
  v1::ListParticipantsResponse participants;
  ASSERT_TRUE(events_->ListParticipants(Ctx().get(), list, &participants).ok());
  ASSERT_EQ(participants.participants_size(), 2);
  list.set_filter("kind = UNIVERSITY");
  ASSERT_TRUE(events_->ListParticipants(Ctx().get(), list, &participants).ok());
  ASSERT_EQ(participants.participants_size(), 1);
  EXPECT_EQ(participants.participants(0).organization(), "organizations/scu");

  request.set_organization("organizations/nobody");
  EXPECT_EQ(events_->RegisterParticipant(Ctx().get(), request, &second).error_code(),
            grpc::StatusCode::NOT_FOUND);
  request.set_organization("");
  const grpc::Status status = events_->RegisterParticipant(Ctx().get(), request, &second);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("organization"));
  list.set_parent("events/none");
  list.clear_filter();
  EXPECT_EQ(events_->ListParticipants(Ctx().get(), list, &participants).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferenceServicesTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::testing
