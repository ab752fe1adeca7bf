// Turning SQLiteCpp's exceptions into absl::Status at the storage boundary.
//
// The returned messages name the resource and the action only: SQL text and what() go to the
// log, never to a caller.
#ifndef TECHMATCH_STORAGE_SQLITE_SQLITE_STATUS_H_
#define TECHMATCH_STORAGE_SQLITE_SQLITE_STATUS_H_

#include <exception>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace techmatch::storage::sqlite {

// Maps an exception thrown while `action` (e.g. "creating") ran on `resource` (e.g.
// "needs/x"): SQLITE_BUSY/LOCKED → UNAVAILABLE, a primary-key or unique constraint →
// ALREADY_EXISTS, a foreign-key constraint → FAILED_PRECONDITION, anything else → INTERNAL.
// Logs the details.
absl::Status StatusFromException(const std::exception& e, absl::string_view action,
                                 absl::string_view resource);

// The same for an exception that is not a std::exception.
absl::Status StatusFromUnknownException(absl::string_view action, absl::string_view resource);

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_SQLITE_STATUS_H_
