// Early-return helpers for absl::Status / absl::StatusOr (Abseil 20220623 ships none).
#ifndef TECHMATCH_CORE_COMMON_STATUS_MACROS_H_
#define TECHMATCH_CORE_COMMON_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define TM_CONCAT_INNER_(a, b) a##b
#define TM_CONCAT_(a, b) TM_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function when it is not OK.
#define TM_RETURN_IF_ERROR(expr)              \
  do {                                        \
    const ::absl::Status tm_status_ = (expr); \
    if (!tm_status_.ok()) return tm_status_;  \
  } while (0)

// `TM_ASSIGN_OR_RETURN(auto x, FunctionReturningStatusOr());`
#define TM_ASSIGN_OR_RETURN(lhs, expr) \
  TM_ASSIGN_OR_RETURN_IMPL_(TM_CONCAT_(tm_statusor_, __LINE__), lhs, expr)
#define TM_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                              \
  if (!statusor.ok()) return statusor.status();        \
  lhs = std::move(statusor).value()

#endif  // TECHMATCH_CORE_COMMON_STATUS_MACROS_H_
