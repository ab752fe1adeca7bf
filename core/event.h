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
};

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
