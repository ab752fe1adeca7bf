// Registration windows for everything added to an event: participants, needs and
// offerings. After an event's registration_close_time, adding to it is FAILED_PRECONDITION
// unless an ORGANIZER or ADMIN caller passes the explicit late-registration flag, which is then
// recorded (Participant.late_registration, Need/Offering.late_registration_events).
#ifndef TECHMATCH_USECASES_REGISTRATION_WINDOW_H_
#define TECHMATCH_USECASES_REGISTRATION_WINDOW_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/common/status_macros.h"
#include "core/events/event.h"
#include "core/listings/listing.h"
#include "storage/repository.h"

namespace techmatch::usecases {

// PERMISSION_DENIED when `late` is asked for by a caller that is neither ORGANIZER nor ADMIN,
// decided from the role alone, before anything is looked up.
inline absl::Status CheckLateRegistrationAllowed(const Principal& principal, bool late) {
  if (!late || principal.role == Role::kAdmin || principal.role == Role::kOrganizer) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      "only ORGANIZER and ADMIN keys may register late (late_registration)");
}

// Admits a listing to the events it names (AdmitListingToEvents): `before` is the listing as
// stored (empty for a new record), `what` names the record ("needs/n1"). FAILED_PRECONDITION
// naming every closed event when one was added without `late`; sets listing.late_event_ids.
inline absl::Status AdmitToEvents(storage::Repository& repository, const Listing& before, bool late,
                                  absl::string_view what, Listing& listing) {
  Violations closed;
  TM_RETURN_IF_ERROR(AdmitListingToEvents(
      before.event_ids, before.late_event_ids, late, absl::Now(), what,
      [&repository](absl::string_view id) { return repository.GetEvent(id); }, listing, closed));
  if (closed.empty()) return absl::OkStatus();
  std::vector<std::string> messages;
  for (const FieldViolation& v : closed.list()) messages.push_back(v.description);
  return absl::FailedPreconditionError(absl::StrJoin(messages, "; "));
}

// The same check for the rows of one import: events are looked up once per import, and a row
// that may not be added is rejected through its violations (`late_registration` when the
// caller may not pass the flag, `events[i]` for each closed event), so it never half-lands.
class ImportRegistrationWindow {
 public:
  ImportRegistrationWindow(storage::Repository& repository, const Principal& principal)
      : repository_(repository), principal_(principal) {}

  // Non-OK only when an event could not be read (the import stops).
  absl::Status Admit(bool late, absl::string_view what, Listing& listing, Violations& violations) {
    const absl::Status allowed = CheckLateRegistrationAllowed(principal_, late);
    if (!allowed.ok()) {
      violations.Add("late_registration", std::string(allowed.message()));
      late = false;
    }
    return AdmitListingToEvents(
        {}, {}, late, absl::Now(), what,
        [this](absl::string_view id) -> absl::StatusOr<Event> {
          auto found = events_.find(std::string(id));
          if (found == events_.end()) {
            found = events_.emplace(std::string(id), repository_.GetEvent(id)).first;
          }
          return found->second;
        },
        listing, violations);
  }

 private:
  storage::Repository& repository_;
  const Principal& principal_;
  std::map<std::string, absl::StatusOr<Event>> events_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_REGISTRATION_WINDOW_H_
