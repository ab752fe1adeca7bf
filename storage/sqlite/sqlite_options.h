// Settings of the SQLite repository, kept apart so callers need no SQLite headers.
#ifndef TECHMATCH_STORAGE_SQLITE_SQLITE_OPTIONS_H_
#define TECHMATCH_STORAGE_SQLITE_SQLITE_OPTIONS_H_

#include <optional>

#include "core/auth/audit_event.h"

namespace techmatch::storage {

// PRAGMA synchronous of the writer.
enum class Synchronous {
  // Syncs the WAL at every commit: an acknowledged write survives power loss. The default.
  kFull,
  // Syncs only at checkpoints: faster, never corrupts, survives a process crash (kill -9), but
  // the last commits before a power cut may be lost.
  kNormal,
};

struct SqliteOptions {
  Synchronous synchronous = Synchronous::kFull;
  // Reader connections (1–64); each Get/List/lookup borrows one for its duration and waits
  // when all are in use. Writes use one separate connection.
  int reader_connections = 4;
  // How long a connection waits for a lock held by another process before UNAVAILABLE.
  int busy_timeout_ms = 5000;
  // Needs, and offerings, kept in memory after they are read, so that reading one again costs
  // no SQL (storage/record_cache.h); 0 turns the cache off. 10,000 of the benchmark's needs
  // (about 140 characters of text each) take 8 MiB.
  int record_cache_entries = 50000;
  // Keys every audit record written (HMAC-SHA-256, core/auth/audit_event.h). Once the trail
  // holds keyed records, opening without a key is refused: an unkeyed record after them would
  // break the chain.
  std::optional<AuditKey> audit_key;
  // SummarizeAgreements answers from an in-memory copy of the agreements' figures, parties and
  // industries (storage/sqlite/summary_index.h; 300-400 bytes per agreement), loaded by the
  // first summary; off, every summary is computed in SQL (the same answers, slower).
  bool summary_index = true;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_SQLITE_SQLITE_OPTIONS_H_
