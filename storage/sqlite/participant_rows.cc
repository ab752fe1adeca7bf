#include "storage/sqlite/participant_rows.h"

#include <vector>

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/sqlite/row_helpers.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {
namespace {

// The organization id comes first: it is the keyset column of a participant page.
constexpr absl::string_view kSelect =
    "SELECT p.organization_id, p.event_id, p.create_time, p.delegate_count, "
    "p.late_registration FROM participants AS p "
    "JOIN organizations AS o ON o.id = p.organization_id";
constexpr absl::string_view kFind =
    "SELECT organization_id, event_id, create_time, delegate_count, late_registration "
    "FROM participants WHERE event_id = ?1 AND organization_id = ?2";
constexpr absl::string_view kInsert =
    "INSERT INTO participants (event_id, organization_id, create_time, delegate_count, "
    "late_registration) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr absl::string_view kSetDelegates =
    "UPDATE participants SET delegate_count = ?3 WHERE event_id = ?1 AND organization_id = ?2";
// Universities and institutes count as institutions, as official summaries do: a college (a
// university or institute whose parent is one) counts under its parent, once however many of
// its colleges took part.
constexpr absl::string_view kCountByKind =
    "SELECT coalesce(u.kind, o.kind), count(DISTINCT coalesce(u.id, o.id)) "
    "FROM participants AS p JOIN organizations AS o ON o.id = p.organization_id "
    "LEFT JOIN organizations AS u ON u.id = o.parent_id "
    "AND o.kind IN ('UNIVERSITY', 'RESEARCH_INSTITUTE') "
    "AND u.kind IN ('UNIVERSITY', 'RESEARCH_INSTITUTE') "
    "WHERE p.event_id = ?1 GROUP BY 1";
constexpr absl::string_view kDelegates =
    "SELECT organization_id, delegate_count FROM participants WHERE event_id = ?1";

Participant ReadParticipant(const RowReader& row) {
  Participant participant;
  participant.organization_id = row.Text(0);
  participant.event_id = row.Text(1);
  participant.create_time = NanosToTime(row.Int64(2));
  participant.delegate_count = static_cast<int>(row.Int64(3));
  participant.late_registration = row.Int64(4) != 0;
  return participant;
}

}  // namespace

absl::Status ParticipantRows::Insert(Connection& connection, const Participant& participant) {
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(participant.create_time, "create_time"));
  ScopedStatement insert = connection.Prepare(kInsert);
  insert.BindText(1, participant.event_id);
  insert.BindText(2, participant.organization_id);
  insert.BindInt64(3, create_time);
  insert.BindInt64(4, participant.delegate_count);
  insert.BindInt64(5, participant.late_registration ? 1 : 0);
  insert.Run();
  return absl::OkStatus();
}

void ParticipantRows::SetDelegates(Connection& connection, absl::string_view event_id,
                                   absl::string_view organization_id, int delegate_count) {
  ScopedStatement update = connection.Prepare(kSetDelegates);
  update.BindText(1, event_id);
  update.BindText(2, organization_id);
  update.BindInt64(3, delegate_count);
  update.Run();
}

absl::flat_hash_map<std::string, int> ParticipantRows::Delegates(Connection& connection,
                                                                 absl::string_view event_id) {
  absl::flat_hash_map<std::string, int> delegates;
  ScopedStatement select = connection.Prepare(kDelegates);
  select.BindText(1, event_id);
  while (select.Step()) {
    delegates[select.Row().Text(0)] = static_cast<int>(select.Row().Int64(1));
  }
  return delegates;
}

std::optional<Participant> ParticipantRows::Find(Connection& connection, absl::string_view event_id,
                                                 absl::string_view organization_id) {
  ScopedStatement find = connection.Prepare(kFind);
  find.BindText(1, event_id);
  find.BindText(2, organization_id);
  if (!find.Step()) return std::nullopt;
  return ReadParticipant(find.Row());
}

absl::StatusOr<Page<Participant>> ParticipantRows::List(Connection& connection,
                                                        absl::string_view event_id,
                                                        const ListQuery& query) {
  SqlWhere where;
  where.Add("p.event_id = ?", std::string(event_id));
  TM_RETURN_IF_ERROR(
      where.AddFilter(query.filter, ParticipantFilterColumns(), "p.organization_id"));
  return RunPageQuery<Participant>(connection, kSelect, "p.organization_id", std::move(where),
                                   query, ReadParticipant);
}

std::vector<std::pair<OrganizationKind, int64_t>> ParticipantRows::CountByKind(
    Connection& connection, absl::string_view event_id) {
  ScopedStatement select = connection.Prepare(kCountByKind);
  select.BindText(1, event_id);
  std::vector<std::pair<OrganizationKind, int64_t>> counts;
  while (select.Step()) {
    // The CHECK constraint on organizations.kind admits only the kinds core names.
    if (std::optional<OrganizationKind> kind = OrganizationKindFromName(select.Row().View(0))) {
      counts.emplace_back(*kind, select.Row().Int64(1));
    }
  }
  return counts;
}

}  // namespace techmatch::storage::sqlite
