// Events (EventService): fairs and their participants. Registering an organization for an
// event follows the event's registration window (registration_window.h).
#ifndef TECHMATCH_USECASES_EVENTS_H_
#define TECHMATCH_USECASES_EVENTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/events/event.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewEvent {
  Event event;
  Violations conversion;       // Named relative to the event.
  absl::string_view event_id;  // Empty: generated.
  absl::string_view request_id;
};

struct EventUpdate {
  absl::string_view name;  // event.name
  absl::string_view etag;
  std::vector<std::string> paths;
  Event patch;
  Violations conversion;
};

struct Registration {
  absl::string_view event;         // events/{id}; required
  absl::string_view organization;  // organizations/{id}; required
  int delegate_count = 0;          // 1..kMaxDelegates; 0 keeps the current count
  bool late_registration = false;
  absl::string_view request_id;
};

class Events {
 public:
  Events(storage::Repository& repository, const PageTokenCodec& tokens)
      : repository_(repository), tokens_(tokens) {}

  absl::StatusOr<Event> Create(NewEvent input);
  absl::StatusOr<Event> Get(absl::string_view name);
  absl::StatusOr<ListPage<Event>> List(const ListRequest& request);
  absl::StatusOr<Event> Update(const EventUpdate& input);
  // Idempotent by (event, organization), so request_id needs no record. A new participant
  // after the registration closed needs `late_registration` from an ORGANIZER or ADMIN caller
  // (and is recorded as late); an existing one may change its delegates at any time.
  absl::StatusOr<Participant> Register(const Principal& caller, const Registration& input);
  absl::StatusOr<ListPage<Participant>> ListParticipants(absl::string_view parent,
                                                         const ListRequest& request);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_EVENTS_H_
