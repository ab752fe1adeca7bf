#include "storage/repository.h"

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

}  // namespace

// Each list here must match the SQL fragments of the resource's *_rows.cc.

std::vector<FilterField> Repository::OrganizationFilterFields() {
  return {Enum("kind", OrganizationKindNames()), Of("region_code", FilterFieldType::kString),
          Resource("parent", kOrganizations)};
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
  return {Resource("enterprise", kOrganizations), Resource("industry", kIndustries),
          Enum("state", NeedStateNames()), Resource("event", kEvents),
          Of("create_time", FilterFieldType::kTime)};
}

std::vector<FilterField> Repository::OfferingFilterFields() {
  return {Resource("institute", kOrganizations), Resource("industry", kIndustries),
          Enum("state", OfferingStateNames()), Resource("event", kEvents),
          Of("trl", FilterFieldType::kInteger)};
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
                                     Resource("offering", kOfferings)};
  for (AmountField f : kAllAmountFields) {
    FilterField amount = Of(std::string(AmountFieldName(f)), FilterFieldType::kAmount);
    amount.minor_digits = minor_digits;
    fields.push_back(std::move(amount));
  }
  return fields;
}

std::vector<FilterField> Repository::AuditEventFilterFields() {
  return {Of("principal", FilterFieldType::kString),
          Enum("role", {"ADMIN", "ORGANIZER", "INSTITUTE", "ENTERPRISE", "OFFICIAL"}),
          Of("method", FilterFieldType::kString),
          Of("resource", FilterFieldType::kString),
          Enum("outcome", {"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
                           "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
                           "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
                           "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"}),
          Of("event_time", FilterFieldType::kTime)};
}

}  // namespace techmatch::storage
