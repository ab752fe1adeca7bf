// Builds the matching engine's indexes from storage at start (SQLite is the source of truth).
#ifndef TECHMATCH_SERVER_INDEX_LOADER_H_
#define TECHMATCH_SERVER_INDEX_LOADER_H_

#include "absl/status/status.h"
#include "core/matching/matching_engine.h"
#include "storage/repository.h"

namespace techmatch::server {

// Indexes every stored need and offering, a page at a time, then compacts the indexes. A
// repository with record caches (storage/caching_repository.h) keeps what it listed in them
// while they have room.
absl::Status LoadMatchingIndex(storage::Repository& repository, MatchingEngine& engine);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_INDEX_LOADER_H_
