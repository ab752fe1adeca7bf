#include "storage/postgres/participant_rows.h"

#include <cstdint>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// The organization id comes first: it is the keyset column of a participant page.
constexpr absl::string_view kSelect =
    "SELECT p.organization_id, p.event_id, p.create_time, p.delegate_count, "
    "p.late_registration FROM participants AS p "
    "JOIN organizations AS o ON o.id = p.organization_id";
constexpr absl::string_view kFind =
    "SELECT organization_id, event_id, create_time, delegate_count, late_registration "
    "FROM participants WHERE event_id = $1 AND organization_id = $2";
constexpr absl::string_view kInsert =
    "INSERT INTO participants (event_id, organization_id, create_time, delegate_count, "
    "late_registration) VALUES ($1, $2, $3, $4, $5)";
constexpr absl::string_view kSetDelegates =
    "UPDATE participants SET delegate_count = $3 WHERE event_id = $1 AND organization_id = $2";

Participant ReadParticipant(const Result& result, int row) {
  Participant participant;
  participant.organization_id = result.Text(row, 0);
  participant.event_id = result.Text(row, 1);
  participant.create_time = NanosToTime(result.Int64(row, 2));
  participant.delegate_count = static_cast<int>(result.Int64(row, 3));
  participant.late_registration = result.Bool(row, 4);
  return participant;
}

}  // namespace

absl::Status ParticipantRows::Insert(Connection& connection, const Participant& participant) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(participant.create_time, "create_time"));
  return connection
      .Exec(kInsert, Params()
                         .Text(participant.event_id)
                         .Text(participant.organization_id)
                         .Int64(create_time)
                         .Int64(participant.delegate_count)
                         .Bool(participant.late_registration))
      .status();
}

absl::Status ParticipantRows::SetDelegates(Connection& connection, absl::string_view event_id,
                                           absl::string_view organization_id, int delegate_count) {
  return connection
      .Exec(kSetDelegates, Params().Text(event_id).Text(organization_id).Int64(delegate_count))
      .status();
}

absl::StatusOr<std::optional<Participant>> ParticipantRows::Find(
    Connection& connection, absl::string_view event_id, absl::string_view organization_id) {
  TM_ASSIGN_OR_RETURN(Result found,
                      connection.Exec(kFind, Params().Text(event_id).Text(organization_id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadParticipant(found, 0);
}

absl::StatusOr<Page<Participant>> ParticipantRows::List(Connection& connection,
                                                        absl::string_view event_id,
                                                        const ListQuery& query) {
  SqlWhere where;
  where.AddText("p.event_id = ", event_id);
  TM_RETURN_IF_ERROR(
      where.AddFilter(query.filter, ParticipantFilterColumns(), "p.organization_id"));
  return RunPageQuery<Participant>(connection, kSelect, "p.organization_id", std::move(where),
                                   query, ReadParticipant);
}

}  // namespace techmatch::storage::postgres
