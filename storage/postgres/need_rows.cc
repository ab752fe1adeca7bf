#include "storage/postgres/need_rows.h"

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// Parameters $1..$18 follow the column order of kSelect. A need under review is stored as
// state 'OPEN' with `review` holding SUBMITTED or RETURNED, as on SQLite; ReadNeed and the
// `state` filter read the two back as one state.
constexpr absl::string_view kSelect =
    "SELECT id, enterprise_id, title, description, keywords, industries, cooperation_modes, "
    "events, budget_minor, min_trl, state, create_time, update_time, revision, late_events, "
    "review, return_reason, coalesce(closing_agreement_id, '') FROM needs";
constexpr absl::string_view kFind =
    "SELECT id, enterprise_id, title, description, keywords, industries, cooperation_modes, "
    "events, budget_minor, min_trl, state, create_time, update_time, revision, late_events, "
    "review, return_reason, coalesce(closing_agreement_id, '') FROM needs WHERE id = $1";
constexpr absl::string_view kInsert =
    "INSERT INTO needs (id, enterprise_id, title, description, keywords, industries, "
    "cooperation_modes, events, budget_minor, min_trl, state, create_time, update_time, "
    "revision, late_events, review, return_reason, closing_agreement_id) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
    "NULLIF($18, ''))";
// The same columns from arrays of every row's value ($n the array of kInsert's $n), one
// statement for a batch; the rows go in in the arrays' order.
constexpr absl::string_view kInsertAll =
    "INSERT INTO needs (id, enterprise_id, title, description, keywords, industries, "
    "cooperation_modes, events, budget_minor, min_trl, state, create_time, update_time, "
    "revision, late_events, review, return_reason, closing_agreement_id) "
    "SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, "
    "NULLIF(c18, '') FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
    "$15, $16, $17, $18) AS r (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, "
    "c15, c16, c17, c18)";
// $12 (create_time) is in the shared parameter list, typed, and unused: the row keeps its own.
constexpr absl::string_view kUpdate =
    "UPDATE needs SET enterprise_id = $2, title = $3, description = $4, keywords = $5, "
    "industries = $6, cooperation_modes = $7, events = $8, budget_minor = $9, min_trl = $10, "
    "state = $11, update_time = $13, late_events = $15, review = $16, return_reason = $17, "
    "closing_agreement_id = NULLIF($18, ''), revision = revision + 1 "
    "WHERE id = $1 AND revision = $14 RETURNING create_time";
constexpr absl::string_view kCountAtEvent =
    "SELECT count(*) FROM need_events AS e JOIN needs AS n ON n.id = e.need_id "
    "WHERE e.event_id = $1 AND n.state <> 'WITHDRAWN' AND n.review = ''";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM needs WHERE id = $1)";
constexpr absl::string_view kFindEnterprise = "SELECT enterprise_id FROM needs WHERE id = $1";
// Join tables are sets that index the ordered lists in the main row: duplicates are ignored.
constexpr absl::string_view kInsertIndustries =
    "INSERT INTO need_industries (need_id, industry_code) "
    "SELECT $1, code FROM unnest($2::text[]) AS code ON CONFLICT DO NOTHING";
constexpr absl::string_view kDeleteIndustries = "DELETE FROM need_industries WHERE need_id = $1";
constexpr absl::string_view kInsertEvents =
    "INSERT INTO need_events (need_id, event_id) "
    "SELECT $1, id FROM unnest($2::text[]) AS id ON CONFLICT DO NOTHING";
constexpr absl::string_view kDeleteEvents = "DELETE FROM need_events WHERE need_id = $1";
// A batch's join rows: the pairs (need id, code or event id) as two arrays.
constexpr absl::string_view kInsertAllIndustries =
    "INSERT INTO need_industries (need_id, industry_code) "
    "SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING";
constexpr absl::string_view kInsertAllEvents =
    "INSERT INTO need_events (need_id, event_id) "
    "SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING";

// The stored `state` and `review` of a need (see kSelect).
absl::string_view StoredState(const Need& need) {
  return need.state == NeedState::kSubmitted || need.state == NeedState::kReturned
             ? "OPEN"
             : NeedStateName(need.state);
}
absl::string_view StoredReview(const Need& need) {
  if (need.published) return "";
  return need.state == NeedState::kReturned ? "RETURNED" : "SUBMITTED";
}

absl::StatusOr<Params> NeedParams(const Need& need, int64_t revision) {
  TM_ASSIGN_OR_RETURN(EncodedListing listing, EncodeListing(need.listing));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(need.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(need.meta.update_time, "update_time"));
  std::optional<int64_t> min_trl;
  if (need.min_trl) min_trl = *need.min_trl;
  Params params;
  params.Text(need.meta.id)
      .Text(need.enterprise_id)
      .Text(need.listing.title)
      .Text(need.listing.description)
      .Text(listing.keywords)
      .Text(listing.industries)
      .Text(listing.cooperation_modes)
      .Text(listing.events)
      .OptionalInt64(need.budget_minor)
      .OptionalInt64(min_trl)
      .Text(StoredState(need))
      .Int64(create_time)
      .Int64(update_time)
      .Int64(revision)
      .Text(listing.late_events)
      .Text(StoredReview(need))
      .Text(need.return_reason)
      .Text(need.closing_agreement_id);
  return params;
}

Need ReadNeed(const Result& result, int row) {
  Need need;
  need.meta.id = result.Text(row, 0);
  need.enterprise_id = result.Text(row, 1);
  need.listing.title = result.Text(row, 2);
  need.listing.description = result.Text(row, 3);
  need.listing.keywords = DecodeList(result.View(row, 4));
  need.listing.industry_codes = DecodeList(result.View(row, 5));
  need.listing.cooperation_modes = DecodeModes(result.View(row, 6));
  need.listing.event_ids = DecodeList(result.View(row, 7));
  if (!result.IsNull(row, 8)) need.budget_minor = result.Int64(row, 8);
  if (!result.IsNull(row, 9)) need.min_trl = static_cast<int>(result.Int64(row, 9));
  const absl::string_view state = result.View(row, 10);
  const absl::string_view review = result.View(row, 15);
  need.published = review.empty();
  need.state = NeedStateFromName(state == "OPEN" && !review.empty() ? review : state)
                   .value_or(NeedState::kOpen);
  need.meta.create_time = NanosToTime(result.Int64(row, 11));
  need.meta.update_time = NanosToTime(result.Int64(row, 12));
  need.meta.revision = result.Int64(row, 13);
  need.listing.late_event_ids = DecodeList(result.View(row, 14));
  need.return_reason = result.Text(row, 16);
  need.closing_agreement_id = result.Text(row, 17);
  return need;
}

absl::Status InsertMemberships(Connection& connection, const Need& need) {
  if (!need.listing.industry_codes.empty()) {
    TM_RETURN_IF_ERROR(connection.ExecLater(
        kInsertIndustries, Params().Text(need.meta.id).TextArray(need.listing.industry_codes)));
  }
  if (!need.listing.event_ids.empty()) {
    TM_RETURN_IF_ERROR(connection.ExecLater(
        kInsertEvents, Params().Text(need.meta.id).TextArray(need.listing.event_ids)));
  }
  return absl::OkStatus();
}

// The join rows of every need in `needs`, one statement per table.
absl::Status InsertAllMemberships(Connection& connection, const std::vector<Need>& needs) {
  std::vector<std::string> industry_owners, industries, event_owners, events;
  for (const Need& need : needs) {
    for (const std::string& code : need.listing.industry_codes) {
      industry_owners.push_back(need.meta.id);
      industries.push_back(code);
    }
    for (const std::string& event : need.listing.event_ids) {
      event_owners.push_back(need.meta.id);
      events.push_back(event);
    }
  }
  if (!industries.empty()) {
    TM_RETURN_IF_ERROR(connection.ExecLater(
        kInsertAllIndustries, Params().TextArray(industry_owners).TextArray(industries)));
  }
  if (!events.empty()) {
    TM_RETURN_IF_ERROR(
        connection.ExecLater(kInsertAllEvents, Params().TextArray(event_owners).TextArray(events)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status NeedRows::InsertAll(Connection& connection, const std::vector<Need>& needs) {
  if (needs.empty()) return absl::OkStatus();
  std::vector<Params> rows;
  rows.reserve(needs.size());
  for (const Need& need : needs) {
    TM_ASSIGN_OR_RETURN(Params params, NeedParams(need, need.meta.revision));
    rows.push_back(std::move(params));
  }
  TM_ASSIGN_OR_RETURN(Params columns, Params::Columns(rows));
  // One round trip for every row and its join rows.
  TM_RETURN_IF_ERROR(connection.ExecLater(kInsertAll, columns));
  TM_RETURN_IF_ERROR(InsertAllMemberships(connection, needs));
  return connection.Flush();
}

absl::Status NeedRows::Insert(Connection& connection, const Need& need) {
  TM_ASSIGN_OR_RETURN(Params params, NeedParams(need, need.meta.revision));
  // One round trip for the row and its memberships (and a BEGIN or SAVEPOINT waiting).
  TM_RETURN_IF_ERROR(connection.ExecLater(kInsert, params));
  TM_RETURN_IF_ERROR(InsertMemberships(connection, need));
  return connection.Flush();
}

absl::StatusOr<std::optional<absl::Time>> NeedRows::Update(Connection& connection, const Need& need,
                                                           int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(Params params, NeedParams(need, expected_revision));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, params));
  if (updated.rows() == 0) return std::nullopt;
  const absl::Time create_time = NanosToTime(updated.Int64(0, 0));
  // The memberships replaced in one round trip.
  TM_RETURN_IF_ERROR(connection.ExecLater(kDeleteIndustries, Params().Text(need.meta.id)));
  TM_RETURN_IF_ERROR(connection.ExecLater(kDeleteEvents, Params().Text(need.meta.id)));
  TM_RETURN_IF_ERROR(InsertMemberships(connection, need));
  TM_RETURN_IF_ERROR(connection.Flush());
  return create_time;
}

absl::StatusOr<std::optional<Need>> NeedRows::Find(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadNeed(found, 0);
}

absl::StatusOr<bool> NeedRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Need>> NeedRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, NeedFilterColumns(), "id"));
  if (query.scope.unpublished_owner) {
    where.AddText("(needs.review = '' OR needs.enterprise_id = ", *query.scope.unpublished_owner,
                  ")");
  }
  if (!query.scope.region.empty()) {
    where.AddText(
        "(SELECT so.region_code FROM organizations AS so WHERE so.id = needs.enterprise_id) "
        "LIKE ",
        RegionPattern(query.scope.region));
  }
  return RunPageQuery<Need>(connection, kSelect, "id", std::move(where), query, ReadNeed);
}

absl::StatusOr<std::optional<std::string>> NeedRows::FindEnterprise(Connection& connection,
                                                                    absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFindEnterprise, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return found.Text(0, 0);
}

absl::StatusOr<int64_t> NeedRows::CountAtEvent(Connection& connection, absl::string_view event_id) {
  TM_ASSIGN_OR_RETURN(Result counted, connection.Exec(kCountAtEvent, Params().Text(event_id)));
  return counted.Int64(0, 0);
}

}  // namespace techmatch::storage::postgres
