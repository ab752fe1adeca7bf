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
// Universities and institutes count as institutions, as official summaries do: a college (a
// university or institute whose parent is one) counts under its parent, once however many of
// its colleges took part.
constexpr absl::string_view kCountByKind =
    "SELECT coalesce(u.kind, o.kind), count(DISTINCT coalesce(u.id, o.id)) "
    "FROM participants AS p JOIN organizations AS o ON o.id = p.organization_id "
    "LEFT JOIN organizations AS u ON u.id = o.parent_id "
    "AND o.kind IN ('UNIVERSITY', 'RESEARCH_INSTITUTE') "
    "AND u.kind IN ('UNIVERSITY', 'RESEARCH_INSTITUTE') "
    "WHERE p.event_id = $1 GROUP BY 1";
constexpr absl::string_view kDelegates =
    "SELECT organization_id, delegate_count FROM participants WHERE event_id = $1";

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

absl::StatusOr<absl::flat_hash_map<std::string, int>> ParticipantRows::Delegates(
    Connection& connection, absl::string_view event_id) {
  TM_ASSIGN_OR_RETURN(Result selected, connection.Exec(kDelegates, Params().Text(event_id)));
  absl::flat_hash_map<std::string, int> delegates;
  for (int row = 0; row < selected.rows(); ++row) {
    delegates[selected.Text(row, 0)] = static_cast<int>(selected.Int64(row, 1));
  }
  return delegates;
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

absl::StatusOr<std::vector<std::pair<OrganizationKind, int64_t>>> ParticipantRows::CountByKind(
    Connection& connection, absl::string_view event_id) {
  TM_ASSIGN_OR_RETURN(Result counted, connection.Exec(kCountByKind, Params().Text(event_id)));
  std::vector<std::pair<OrganizationKind, int64_t>> counts;
  for (int row = 0; row < counted.rows(); ++row) {
    // The CHECK constraint on organizations.kind admits only the kinds core names.
    if (std::optional<OrganizationKind> kind = OrganizationKindFromName(counted.View(row, 0))) {
      counts.emplace_back(*kind, counted.Int64(row, 1));
    }
  }
  return counts;
}

}  // namespace techmatch::storage::postgres
