#include "storage/repository.h"

#include "absl/status/status.h"
#include "core/auth/role.h"
#include "core/common/resource_id.h"

namespace techmatch::storage {
namespace {

FilterField Resource(std::string name, absl::string_view collection) {
  return FilterField{std::move(name), FilterFieldType::kResource, std::string(collection), {}};
}
FilterField Enum(std::string name, std::vector<std::string> values) {
  return FilterField{std::move(name), FilterFieldType::kEnum, "", std::move(values)};
}
FilterField Of(std::string name, FilterFieldType type) {
  return FilterField{std::move(name), type, "", {}};
}

// The outcomes an audit record can carry: the name of each canonical status code, as the server
// records them (absl::StatusCodeToString).
std::vector<std::string> StatusCodeNames() {
  std::vector<std::string> names;
  for (int code = 0; code <= static_cast<int>(absl::StatusCode::kUnauthenticated); ++code) {
    names.push_back(absl::StatusCodeToString(static_cast<absl::StatusCode>(code)));
  }
  return names;
}

}  // namespace

// What the API allows. A backend's filter compiler declares the same names and types (for
// SQLite, a table per resource in storage/sqlite/*_rows.cc; tests/storage/filter_fields_test.cc
// checks each against its list here).

std::vector<FilterField> Repository::OrganizationFilterFields() {
  return {Enum("kind", OrganizationKindNames()), Of("region_code", FilterFieldType::kString),
          Resource("parent", kOrganizations), Of("region", FilterFieldType::kRegion)};
}

std::vector<FilterField> Repository::UserFilterFields() {
  return {Resource("organization", kOrganizations), Enum("role", RoleNames()),
          Enum("state", UserStateNames()), Of("region", FilterFieldType::kString)};
}

std::vector<FilterField> Repository::ApplicationFilterFields() {
  return {Enum("state", ApplicationStateNames())};
}

std::vector<FilterField> Repository::EventFilterFields() {
  return {Of("start_time", FilterFieldType::kTime)};
}

std::vector<FilterField> Repository::ParticipantFilterFields() {
  return {Enum("kind", OrganizationKindNames())};
}

std::vector<FilterField> Repository::MeetingRequestFilterFields() {
  return {Enum("state", MeetingRequestStateNames()), Resource("need", kNeeds),
          Resource("offering", kOfferings),          Resource("enterprise", kOrganizations),
          Resource("institute", kOrganizations),     Enum("requested_by", MeetingSideNames())};
}

std::vector<FilterField> Repository::NeedFilterFields() {
  return {Resource("enterprise", kOrganizations),    Resource("industry", kIndustries),
          Enum("state", NeedStateNames()),           Resource("event", kEvents),
          Of("create_time", FilterFieldType::kTime), Of("region", FilterFieldType::kRegion)};
}

std::vector<FilterField> Repository::OfferingFilterFields() {
  return {Resource("institute", kOrganizations), Resource("industry", kIndustries),
          Enum("state", OfferingStateNames()),   Resource("event", kEvents),
          Of("trl", FilterFieldType::kInteger),  Of("region", FilterFieldType::kRegion)};
}

std::vector<FilterField> Repository::AgreementFilterFields(int minor_digits) {
  std::vector<FilterField> fields = {Resource("event", kEvents),
                                     Enum("kind", AgreementKindNames()),
                                     Enum("state", AgreementStateNames()),
                                     Resource("industry", kIndustries),
                                     Resource("supplier", kOrganizations),
                                     Resource("demander", kOrganizations),
                                     Of("region_code", FilterFieldType::kString),
                                     Of("sign_time", FilterFieldType::kTime),
                                     Resource("need", kNeeds),
                                     Resource("offering", kOfferings),
                                     Of("region", FilterFieldType::kRegion)};
  for (AmountField f : kAllAmountFields) {
    FilterField amount = Of(std::string(AmountFieldName(f)), FilterFieldType::kAmount);
    amount.minor_digits = minor_digits;
    fields.push_back(std::move(amount));
  }
  return fields;
}

std::vector<FilterField> Repository::ProjectFilterFields(int minor_digits) {
  std::vector<FilterField> fields = {
      Of("region_code", FilterFieldType::kRegion),   Of("region", FilterFieldType::kRegion),
      Of("year", FilterFieldType::kInteger),         Enum("level", ProjectLevelNames()),
      Resource("organization", kOrganizations),      Resource("lead_organization", kOrganizations),
      Of("programme", FilterFieldType::kString),     Of("approved_funds", FilterFieldType::kAmount),
      Of("arrived_funds", FilterFieldType::kAmount), Enum("over_approved", {"true", "false"})};
  for (FilterField& field : fields) field.minor_digits = minor_digits;
  return fields;
}

std::vector<FilterField> Repository::CommissionerFilterFields() {
  return {Of("region_code", FilterFieldType::kRegion), Of("region", FilterFieldType::kRegion),
          Of("year", FilterFieldType::kInteger), Enum("service_model", ServiceModelNames()),
          Resource("organization", kOrganizations)};
}

std::vector<FilterField> Repository::FinancingFilterFields(int minor_digits) {
  std::vector<FilterField> fields = {
      Of("region_code", FilterFieldType::kRegion), Of("region", FilterFieldType::kRegion),
      Of("year", FilterFieldType::kInteger),       Enum("kind", FinancingKindNames()),
      Resource("organization", kOrganizations),    Resource("provider", kOrganizations),
      Resource("recipient", kOrganizations),       Resource("agreement", kAgreements),
      Of("grant_time", FilterFieldType::kTime),    Of("amount", FilterFieldType::kAmount)};
  for (FilterField& field : fields) field.minor_digits = minor_digits;
  return fields;
}

std::vector<FilterField> Repository::AuditEventFilterFields() {
  return {Of("principal", FilterFieldType::kString), Enum("role", RoleNames()),
          Of("method", FilterFieldType::kString),    Of("resource", FilterFieldType::kString),
          Enum("outcome", StatusCodeNames()),        Of("event_time", FilterFieldType::kTime)};
}

}  // namespace techmatch::storage
