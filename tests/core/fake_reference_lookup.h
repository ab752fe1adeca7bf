// An in-memory ReferenceLookup for domain tests.
#ifndef TECHMATCH_TESTS_CORE_FAKE_REFERENCE_LOOKUP_H_
#define TECHMATCH_TESTS_CORE_FAKE_REFERENCE_LOOKUP_H_

#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/reference/organization.h"
#include "core/reference/reference_lookup.h"

namespace techmatch::testing {

class FakeReferenceLookup : public ReferenceLookup {
 public:
  FakeReferenceLookup() {
    for (const char* code : {"liquor", "chemicals", "machinery", "energy", "agriculture"}) {
      industries_.insert(code);
    }
  }

  void AddIndustry(std::string code) { industries_.insert(std::move(code)); }
  void AddEvent(std::string id) { events_.insert(std::move(id)); }
  void AddOrganization(std::string id, OrganizationKind kind) {
    organizations_[std::move(id)] = kind;
  }
  // Every lookup fails with `status` from now on (e.g. a storage outage).
  void FailWith(absl::Status status) { failure_ = std::move(status); }
  int calls() const { return calls_; }

  absl::StatusOr<bool> IndustryExists(absl::string_view code) override {
    ++calls_;
    if (!failure_.ok()) return failure_;
    return industries_.contains(code);
  }
  absl::StatusOr<bool> EventExists(absl::string_view id) override {
    ++calls_;
    if (!failure_.ok()) return failure_;
    return events_.contains(id);
  }
  absl::StatusOr<std::optional<OrganizationKind>> FindOrganizationKind(
      absl::string_view id) override {
    ++calls_;
    if (!failure_.ok()) return failure_;
    auto it = organizations_.find(id);
    if (it == organizations_.end()) return std::optional<OrganizationKind>();
    return std::optional<OrganizationKind>(it->second);
  }

 private:
  absl::flat_hash_set<std::string> industries_;
  absl::flat_hash_set<std::string> events_;
  absl::flat_hash_map<std::string, OrganizationKind> organizations_;
  absl::Status failure_;
  int calls_ = 0;
};

}  // namespace techmatch::testing

#endif  // TECHMATCH_TESTS_CORE_FAKE_REFERENCE_LOOKUP_H_
