// SQL for an event's participants on PostgreSQL (the shape of
// storage/sqlite/participant_rows.h; the event figures' counts come with agreements).
#ifndef TECHMATCH_STORAGE_POSTGRES_PARTICIPANT_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_PARTICIPANT_ROWS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "core/events/event.h"
#include "core/reference/organization.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct ParticipantRows {
  static absl::Status Insert(Connection& connection, const Participant& participant);
  static absl::StatusOr<std::optional<Participant>> Find(Connection& connection,
                                                         absl::string_view event_id,
                                                         absl::string_view organization_id);
  static absl::Status SetDelegates(Connection& connection, absl::string_view event_id,
                                   absl::string_view organization_id, int delegate_count);
  // Every participant of the event and the delegates it sends.
  static absl::StatusOr<absl::flat_hash_map<std::string, int>> Delegates(
      Connection& connection, absl::string_view event_id);
  // The event's participants in organization id order, filtered by their organization's kind.
  static absl::StatusOr<Page<Participant>> List(Connection& connection, absl::string_view event_id,
                                                const ListQuery& query);
  // How many of the event's participants are organizations of each kind (kinds without any
  // left out); a college counts under its university or institute, once.
  static absl::StatusOr<std::vector<std::pair<OrganizationKind, int64_t>>> CountByKind(
      Connection& connection, absl::string_view event_id);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_PARTICIPANT_ROWS_H_
