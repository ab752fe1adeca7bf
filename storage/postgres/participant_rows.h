// SQL for an event's participants on PostgreSQL (the shape of
// storage/sqlite/participant_rows.h; the event figures' counts come with agreements).
#ifndef TECHMATCH_STORAGE_POSTGRES_PARTICIPANT_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_PARTICIPANT_ROWS_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "core/events/event.h"
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
  // The event's participants in organization id order, filtered by their organization's kind.
  static absl::StatusOr<Page<Participant>> List(Connection& connection, absl::string_view event_id,
                                                const ListQuery& query);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_PARTICIPANT_ROWS_H_
