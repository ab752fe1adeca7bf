// Reference records a repository has seen stored, remembered for later lookups. Industries,
// events and organizations are never deleted and an organization's kind never changes, so a
// positive answer stays true for every server on the database; a negative one is never kept
// (the record may be created a moment later, on any server). Validating a need or offering asks
// for its enterprise or institute and each of its industries: on a database over the network
// these are round trips per call that this removes. Thread-safe; at most kMaxEntries of each
// kind (beyond that, lookups go to the database).
#ifndef TECHMATCH_STORAGE_KNOWN_REFERENCES_H_
#define TECHMATCH_STORAGE_KNOWN_REFERENCES_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "core/reference/organization.h"

namespace techmatch::storage {

class KnownReferences {
 public:
  static constexpr size_t kMaxEntries = 100000;

  bool IndustryKnown(absl::string_view code) const { return Contains(industries_, code); }
  void AddIndustry(absl::string_view code) { Insert(industries_, code); }
  bool EventKnown(absl::string_view id) const { return Contains(events_, id); }
  void AddEvent(absl::string_view id) { Insert(events_, id); }

  std::optional<OrganizationKind> OrganizationKindOf(absl::string_view id) const {
    absl::ReaderMutexLock lock(&mu_);
    auto it = organizations_.find(id);
    if (it == organizations_.end()) return std::nullopt;
    return it->second;
  }
  void AddOrganization(absl::string_view id, OrganizationKind kind) {
    absl::MutexLock lock(&mu_);
    if (organizations_.size() < kMaxEntries) organizations_.emplace(id, kind);
  }

 private:
  using Set = absl::flat_hash_set<std::string>;
  bool Contains(const Set& set, absl::string_view key) const {
    absl::ReaderMutexLock lock(&mu_);
    return set.contains(key);
  }
  void Insert(Set& set, absl::string_view key) {
    absl::MutexLock lock(&mu_);
    if (set.size() < kMaxEntries) set.emplace(key);
  }

  mutable absl::Mutex mu_;
  Set industries_ ABSL_GUARDED_BY(mu_);
  Set events_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, OrganizationKind> organizations_ ABSL_GUARDED_BY(mu_);
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_KNOWN_REFERENCES_H_
