// Events (matchmaking fairs) and their participants.
#ifndef TECHMATCH_CORE_EVENT_H_
#define TECHMATCH_CORE_EVENT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "core/field_violations.h"
#include "core/resource_meta.h"

namespace techmatch {

class ReferenceLookup;

struct Event {
  ResourceMeta meta;
  std::string display_name;
  std::string location;
  absl::Time start_time = absl::InfinitePast();  // InfinitePast = not given
  absl::Time end_time = absl::InfinitePast();
  std::optional<absl::Time> registration_close_time;
  std::vector<std::string> organizer_ids;
};

struct Participant {
  std::string event_id;
  std::string organization_id;
  absl::Time create_time = absl::UnixEpoch();
  // How many meetings it can hold at once (its delegates), 1–100.
  int delegate_count = 1;
  // Registered after the event's registration_close_time by an organizer's explicit choice.
  bool late_registration = false;
};

// How RegisterParticipant registers: the delegates (unset: 1 for a new participant, unchanged
// for an existing one) and whether the caller explicitly registers after the close.
struct RegistrationOptions {
  std::optional<int> delegate_count;
  bool late_registration = false;
};

// FAILED_PRECONDITION when registration for `event` has closed at `now` and the caller did not
// pass the late-registration flag; `what` names what is being registered (e.g.
// "organizations/x"). OK when the event has no close time.
absl::Status CheckRegistrationOpen(const Event& event, absl::Time now, bool late_registration,
                                   absl::string_view what);
// Whether a registration at `now` is late (after the close time).
bool RegistrationClosed(const Event& event, absl::Time now);

// Title and location lengths; start and end given, end after start; registration closes no
// later than the end; organizers not repeated.
void ValidateEvent(const Event& event, Violations& violations);
// Organizers exist.
absl::Status CheckEventReferences(const Event& event, ReferenceLookup& lookup,
                                  Violations& violations);
void ApplyEventUpdate(const std::vector<std::string>& paths, const Event& patch, Event& target,
                      Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_EVENT_H_
