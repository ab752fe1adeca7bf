#include "storage/repository.h"

#include "core/resource_id.h"

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

}  // namespace techmatch::storage
