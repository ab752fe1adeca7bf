#include "core/events/event.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/common/list_rules.h"
#include "core/common/status_macros.h"
#include "core/common/text_rules.h"
#include "core/common/update_mask.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {

void ValidateEvent(const Event& event, Violations& violations) {
  CheckText("display_name", event.display_name, 1, kMaxTitleChars, false, violations);
  CheckText("location", event.location, 0, kMaxTitleChars, false, violations);
  const bool has_start = event.start_time != absl::InfinitePast();
  const bool has_end = event.end_time != absl::InfinitePast();
  if (!has_start) violations.Add("start_time", "is required");
  if (!has_end) violations.Add("end_time", "is required");
  if (has_start && has_end && event.end_time <= event.start_time) {
    violations.Add("end_time", "must be after start_time");
  }
  if (event.registration_close_time && has_end && *event.registration_close_time > event.end_time) {
    violations.Add("registration_close_time", "must not be after end_time");
  }
  CheckListEntries("organizers", event.organizer_ids, kMaxOrganizers, violations);
}

absl::Status CheckEventReferences(const Event& event, ReferenceLookup& lookup,
                                  Violations& violations) {
  for (size_t i = 0; i < event.organizer_ids.size(); ++i) {
    TM_ASSIGN_OR_RETURN(std::optional<OrganizationKind> kind,
                        lookup.FindOrganizationKind(event.organizer_ids[i]));
    if (!kind) {
      violations.Add(
          absl::StrCat("organizers[", i, "]"),
          absl::StrCat("unknown organization 'organizations/", event.organizer_ids[i], "'"));
    }
  }
  return absl::OkStatus();
}

bool RegistrationClosed(const Event& event, absl::Time now) {
  return event.registration_close_time && now > *event.registration_close_time;
}

absl::Status CheckRegistrationOpen(const Event& event, absl::Time now, bool late_registration,
                                   absl::string_view what) {
  if (!RegistrationClosed(event, now) || late_registration) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "registration for events/", event.meta.id, " closed at ",
      absl::FormatTime(absl::RFC3339_sec, *event.registration_close_time, absl::UTCTimeZone()),
      "; ", what, " cannot be added unless an organizer registers it late (late_registration)"));
}

absl::Status AdmitListingToEvents(
    const std::vector<std::string>& before_ids, const std::vector<std::string>& before_late,
    bool late, absl::Time now, absl::string_view what,
    const std::function<absl::StatusOr<Event>(absl::string_view id)>& find_event, Listing& listing,
    Violations& closed) {
  auto contains = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  std::vector<std::string> late_ids;
  for (size_t i = 0; i < listing.event_ids.size(); ++i) {
    const std::string& id = listing.event_ids[i];
    if (contains(late_ids, id)) continue;  // A repeat (reported by validation).
    if (contains(before_ids, id)) {
      if (contains(before_late, id)) late_ids.push_back(id);
      continue;
    }
    absl::StatusOr<Event> event = find_event(id);
    if (!event.ok()) {
      if (event.status().code() == absl::StatusCode::kNotFound) continue;
      return event.status();
    }
    const absl::Status open = CheckRegistrationOpen(*event, now, late, what);
    if (!open.ok()) {
      closed.Add(absl::StrCat("events[", i, "]"), std::string(open.message()));
    } else if (RegistrationClosed(*event, now)) {
      late_ids.push_back(id);
    }
  }
  listing.late_event_ids = std::move(late_ids);
  return absl::OkStatus();
}

void ApplyEventUpdate(const std::vector<std::string>& paths, const Event& patch, Event& target,
                      Violations& violations) {
  static const std::vector<MutableField<Event>> kMutable = {
      {"display_name", [](Event& t, const Event& p) { t.display_name = p.display_name; }},
      {"location", [](Event& t, const Event& p) { t.location = p.location; }},
      {"start_time", [](Event& t, const Event& p) { t.start_time = p.start_time; }},
      {"end_time", [](Event& t, const Event& p) { t.end_time = p.end_time; }},
      {"registration_close_time",
       [](Event& t, const Event& p) { t.registration_close_time = p.registration_close_time; }},
      {"organizers", [](Event& t, const Event& p) { t.organizer_ids = p.organizer_ids; }},
  };
  ApplyUpdateMask(paths, kMutable, {"name", "create_time", "update_time", "etag"}, patch, target,
                  violations);
}

}  // namespace techmatch
