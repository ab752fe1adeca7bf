// SQL for an event's participants: (event, organization) pairs with the time they registered.
#ifndef TECHMATCH_STORAGE_SQLITE_PARTICIPANT_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_PARTICIPANT_ROWS_H_

#include <cstdint>
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
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct ParticipantRows {
  static absl::Status Insert(Connection& connection, const Participant& participant);
  static std::optional<Participant> Find(Connection& connection, absl::string_view event_id,
                                         absl::string_view organization_id);
  static void SetDelegates(Connection& connection, absl::string_view event_id,
                           absl::string_view organization_id, int delegate_count);
  // Every participant of the event and the delegates it sends.
  static absl::flat_hash_map<std::string, int> Delegates(Connection& connection,
                                                         absl::string_view event_id);
  // The event's participants in organization-id order; `query.after_id` is an organization id.
  static absl::StatusOr<Page<Participant>> List(Connection& connection, absl::string_view event_id,
                                                const ListQuery& query);
  // How many of the event's participants are organizations of each kind (kinds without any
  // left out).
  static std::vector<std::pair<OrganizationKind, int64_t>> CountByKind(Connection& connection,
                                                                       absl::string_view event_id);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_PARTICIPANT_ROWS_H_
