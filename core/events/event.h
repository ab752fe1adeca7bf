// Events (matchmaking fairs) and their participants.
#ifndef TECHMATCH_CORE_EVENTS_EVENT_H_
#define TECHMATCH_CORE_EVENTS_EVENT_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/listings/listing.h"

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

// Admits a need's or an offering's listing to the events it names, under the same window as
// participants: events it had before (`before_ids`) stay as they were, late marks
// (`before_late`) included; each event added is found with `find_event` and, when its
// registration has closed at `now`, refused with a violation on `events[i]` (its description
// the FAILED_PRECONDITION message, naming the event and `what`) unless `late`, in which case
// it is marked late. Sets `listing.late_event_ids` (in `event_ids` order). An event
// `find_event` answers NOT_FOUND for is skipped (the reference check reports it); any other
// lookup failure is returned.
absl::Status AdmitListingToEvents(
    const std::vector<std::string>& before_ids, const std::vector<std::string>& before_late,
    bool late, absl::Time now, absl::string_view what,
    const std::function<absl::StatusOr<Event>(absl::string_view id)>& find_event, Listing& listing,
    Violations& closed);

// Title and location lengths; start and end given, end after start; registration closes no
// later than the end; organizers not repeated.
void ValidateEvent(const Event& event, Violations& violations);
// Organizers exist.
absl::Status CheckEventReferences(const Event& event, ReferenceLookup& lookup,
                                  Violations& violations);
void ApplyEventUpdate(const std::vector<std::string>& paths, const Event& patch, Event& target,
                      Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_EVENTS_EVENT_H_
