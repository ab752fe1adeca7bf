// What every stored resource carries besides its own fields (AIP-148, AIP-154).
#ifndef TECHMATCH_CORE_COMMON_RESOURCE_META_H_
#define TECHMATCH_CORE_COMMON_RESOURCE_META_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace techmatch {

struct ResourceMeta {
  std::string id;
  absl::Time create_time = absl::UnixEpoch();
  absl::Time update_time = absl::UnixEpoch();
  // Starts at 1 and grows by one with every stored change; the etag is derived from it.
  int64_t revision = 0;
};

// The etag clients see: opaque, quoted as in HTTP.
std::string Etag(const ResourceMeta& meta);

// OK when `etag` is empty (no precondition) or matches; ABORTED when stale (AIP-154).
absl::Status CheckEtag(const ResourceMeta& meta, absl::string_view etag);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_RESOURCE_META_H_
