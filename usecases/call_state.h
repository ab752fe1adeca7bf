// Whether the caller of a long operation (an import, an export, a walk over an event's needs,
// a match watch) still waits for it. Use cases ask between units of work, so that a passed
// deadline or a cancelled call stops the work instead of running on for nobody.
#ifndef TECHMATCH_USECASES_CALL_STATE_H_
#define TECHMATCH_USECASES_CALL_STATE_H_

#include "absl/status/status.h"

namespace techmatch::usecases {

class CallState {
 public:
  virtual ~CallState() = default;
  // OK while the caller waits; DEADLINE_EXCEEDED once its deadline has passed, CANCELLED when
  // it cancelled or went away.
  virtual absl::Status StillWanted() const = 0;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_CALL_STATE_H_
