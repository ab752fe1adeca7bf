#include "core/reference/caching_reference_lookup.h"

namespace techmatch {
namespace {

// Looks `key` up in `cache`, asking `fetch` on a miss; failures are not cached.
template <typename V, typename Fetch>
absl::StatusOr<V> Memoize(absl::flat_hash_map<std::string, V>& cache, absl::string_view key,
                          Fetch fetch) {
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  absl::StatusOr<V> value = fetch();
  if (value.ok()) cache.emplace(std::string(key), *value);
  return value;
}

}  // namespace

absl::StatusOr<bool> CachingReferenceLookup::IndustryExists(absl::string_view code) {
  return Memoize(industries_, code, [&] { return source_.IndustryExists(code); });
}

absl::StatusOr<bool> CachingReferenceLookup::EventExists(absl::string_view id) {
  return Memoize(events_, id, [&] { return source_.EventExists(id); });
}

absl::StatusOr<std::optional<OrganizationKind>> CachingReferenceLookup::FindOrganizationKind(
    absl::string_view id) {
  return Memoize(organizations_, id, [&] { return source_.FindOrganizationKind(id); });
}

}  // namespace techmatch
