#include "storage/postgres/offering_rows.h"

#include "core/common/status_macros.h"
#include "storage/codec.h"
#include "storage/filter_columns.h"
#include "storage/postgres/page_query.h"
#include "storage/postgres/sql_where.h"

namespace techmatch::storage::postgres {
namespace {

// Parameters $1..$18 follow the column order of kSelect. An offering under review is stored as
// state 'AVAILABLE' with `review` holding SUBMITTED or RETURNED, as on SQLite; ReadOffering and
// the `state` filter read the two back as one state.
constexpr absl::string_view kSelect =
    "SELECT id, institute_id, title, description, keywords, industries, cooperation_modes, "
    "events, trl, patents, asking_price_minor, state, create_time, update_time, revision, "
    "late_events, review, return_reason FROM offerings";
constexpr absl::string_view kFind =
    "SELECT id, institute_id, title, description, keywords, industries, cooperation_modes, "
    "events, trl, patents, asking_price_minor, state, create_time, update_time, revision, "
    "late_events, review, return_reason FROM offerings WHERE id = $1";
constexpr absl::string_view kInsert =
    "INSERT INTO offerings (id, institute_id, title, description, keywords, industries, "
    "cooperation_modes, events, trl, patents, asking_price_minor, state, create_time, "
    "update_time, revision, late_events, review, return_reason) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";
// The same columns from arrays of every row's value ($n the array of kInsert's $n), one
// statement for a batch; the rows go in in the arrays' order.
constexpr absl::string_view kInsertAll =
    "INSERT INTO offerings (id, institute_id, title, description, keywords, industries, "
    "cooperation_modes, events, trl, patents, asking_price_minor, state, create_time, "
    "update_time, revision, late_events, review, return_reason) "
    "SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
    "$17, $18)";
// $13 (create_time) is in the shared parameter list, typed, and unused: the row keeps its own.
constexpr absl::string_view kUpdate =
    "UPDATE offerings SET institute_id = $2, title = $3, description = $4, keywords = $5, "
    "industries = $6, cooperation_modes = $7, events = $8, trl = $9, patents = $10, "
    "asking_price_minor = $11, state = $12, update_time = $14, late_events = $16, "
    "review = $17, return_reason = $18, revision = revision + 1 "
    "WHERE id = $1 AND revision = $15 RETURNING create_time";
constexpr absl::string_view kCountAtEvent =
    "SELECT count(*) FROM offering_events AS e JOIN offerings AS o ON o.id = e.offering_id "
    "WHERE e.event_id = $1 AND o.state <> 'WITHDRAWN' AND o.review = ''";
constexpr absl::string_view kExists = "SELECT EXISTS (SELECT 1 FROM offerings WHERE id = $1)";
constexpr absl::string_view kFindInstitute = "SELECT institute_id FROM offerings WHERE id = $1";
// Join tables are sets that index the ordered lists in the main row: duplicates are ignored.
constexpr absl::string_view kInsertIndustries =
    "INSERT INTO offering_industries (offering_id, industry_code) "
    "SELECT $1, code FROM unnest($2::text[]) AS code ON CONFLICT DO NOTHING";
constexpr absl::string_view kDeleteIndustries =
    "DELETE FROM offering_industries WHERE offering_id = $1";
constexpr absl::string_view kInsertEvents =
    "INSERT INTO offering_events (offering_id, event_id) "
    "SELECT $1, id FROM unnest($2::text[]) AS id ON CONFLICT DO NOTHING";
constexpr absl::string_view kDeleteEvents = "DELETE FROM offering_events WHERE offering_id = $1";
// A batch's join rows: the pairs (offering id, code or event id) as two arrays.
constexpr absl::string_view kInsertAllIndustries =
    "INSERT INTO offering_industries (offering_id, industry_code) "
    "SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING";
constexpr absl::string_view kInsertAllEvents =
    "INSERT INTO offering_events (offering_id, event_id) "
    "SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING";

// The stored `state` and `review` of an offering (see kSelect).
absl::string_view StoredState(const Offering& offering) {
  return offering.state == OfferingState::kSubmitted || offering.state == OfferingState::kReturned
             ? "AVAILABLE"
             : OfferingStateName(offering.state);
}
absl::string_view StoredReview(const Offering& offering) {
  if (offering.published) return "";
  return offering.state == OfferingState::kReturned ? "RETURNED" : "SUBMITTED";
}

absl::StatusOr<Params> OfferingParams(const Offering& offering, int64_t revision) {
  TM_ASSIGN_OR_RETURN(EncodedListing listing, EncodeListing(offering.listing));
  TM_ASSIGN_OR_RETURN(std::string patents, EncodeList(offering.patents, "patents"));
  TM_ASSIGN_OR_RETURN(int64_t create_time, TimeToNanos(offering.meta.create_time, "create_time"));
  TM_ASSIGN_OR_RETURN(int64_t update_time, TimeToNanos(offering.meta.update_time, "update_time"));
  Params params;
  params.Text(offering.meta.id)
      .Text(offering.institute_id)
      .Text(offering.listing.title)
      .Text(offering.listing.description)
      .Text(listing.keywords)
      .Text(listing.industries)
      .Text(listing.cooperation_modes)
      .Text(listing.events)
      .Int64(offering.trl)
      .Text(patents)
      .OptionalInt64(offering.asking_price_minor)
      .Text(StoredState(offering))
      .Int64(create_time)
      .Int64(update_time)
      .Int64(revision)
      .Text(listing.late_events)
      .Text(StoredReview(offering))
      .Text(offering.return_reason);
  return params;
}

Offering ReadOffering(const Result& result, int row) {
  Offering offering;
  offering.meta.id = result.Text(row, 0);
  offering.institute_id = result.Text(row, 1);
  offering.listing.title = result.Text(row, 2);
  offering.listing.description = result.Text(row, 3);
  offering.listing.keywords = DecodeList(result.View(row, 4));
  offering.listing.industry_codes = DecodeList(result.View(row, 5));
  offering.listing.cooperation_modes = DecodeModes(result.View(row, 6));
  offering.listing.event_ids = DecodeList(result.View(row, 7));
  offering.trl = static_cast<int>(result.Int64(row, 8));
  offering.patents = DecodeList(result.View(row, 9));
  if (!result.IsNull(row, 10)) offering.asking_price_minor = result.Int64(row, 10);
  const absl::string_view state = result.View(row, 11);
  const absl::string_view review = result.View(row, 16);
  offering.published = review.empty();
  offering.state = OfferingStateFromName(state == "AVAILABLE" && !review.empty() ? review : state)
                       .value_or(OfferingState::kAvailable);
  offering.meta.create_time = NanosToTime(result.Int64(row, 12));
  offering.meta.update_time = NanosToTime(result.Int64(row, 13));
  offering.meta.revision = result.Int64(row, 14);
  offering.listing.late_event_ids = DecodeList(result.View(row, 15));
  offering.return_reason = result.Text(row, 17);
  return offering;
}

absl::Status InsertMemberships(Connection& connection, const Offering& offering) {
  if (!offering.listing.industry_codes.empty()) {
    TM_RETURN_IF_ERROR(connection.ExecLater(
        kInsertIndustries,
        Params().Text(offering.meta.id).TextArray(offering.listing.industry_codes)));
  }
  if (!offering.listing.event_ids.empty()) {
    TM_RETURN_IF_ERROR(connection.ExecLater(
        kInsertEvents, Params().Text(offering.meta.id).TextArray(offering.listing.event_ids)));
  }
  return absl::OkStatus();
}

// The join rows of every offering in `offerings`, one statement per table.
absl::Status InsertAllMemberships(Connection& connection, const std::vector<Offering>& offerings) {
  std::vector<std::string> industry_owners, industries, event_owners, events;
  for (const Offering& offering : offerings) {
    for (const std::string& code : offering.listing.industry_codes) {
      industry_owners.push_back(offering.meta.id);
      industries.push_back(code);
    }
    for (const std::string& event : offering.listing.event_ids) {
      event_owners.push_back(offering.meta.id);
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

absl::Status OfferingRows::InsertAll(Connection& connection,
                                     const std::vector<Offering>& offerings) {
  if (offerings.empty()) return absl::OkStatus();
  std::vector<Params> rows;
  rows.reserve(offerings.size());
  for (const Offering& offering : offerings) {
    TM_ASSIGN_OR_RETURN(Params params, OfferingParams(offering, offering.meta.revision));
    rows.push_back(std::move(params));
  }
  TM_ASSIGN_OR_RETURN(Params columns, Params::Columns(rows));
  // One round trip for every row and its join rows.
  TM_RETURN_IF_ERROR(connection.ExecLater(kInsertAll, columns));
  TM_RETURN_IF_ERROR(InsertAllMemberships(connection, offerings));
  return connection.Flush();
}

absl::Status OfferingRows::Insert(Connection& connection, const Offering& offering) {
  TM_ASSIGN_OR_RETURN(Params params, OfferingParams(offering, offering.meta.revision));
  // One round trip for the row and its memberships (and a BEGIN or SAVEPOINT waiting).
  TM_RETURN_IF_ERROR(connection.ExecLater(kInsert, params));
  TM_RETURN_IF_ERROR(InsertMemberships(connection, offering));
  return connection.Flush();
}

absl::StatusOr<std::optional<absl::Time>> OfferingRows::Update(Connection& connection,
                                                               const Offering& offering,
                                                               int64_t expected_revision) {
  TM_ASSIGN_OR_RETURN(Params params, OfferingParams(offering, expected_revision));
  TM_ASSIGN_OR_RETURN(Result updated, connection.Exec(kUpdate, params));
  if (updated.rows() == 0) return std::nullopt;
  const absl::Time create_time = NanosToTime(updated.Int64(0, 0));
  // The memberships replaced in one round trip.
  TM_RETURN_IF_ERROR(connection.ExecLater(kDeleteIndustries, Params().Text(offering.meta.id)));
  TM_RETURN_IF_ERROR(connection.ExecLater(kDeleteEvents, Params().Text(offering.meta.id)));
  TM_RETURN_IF_ERROR(InsertMemberships(connection, offering));
  TM_RETURN_IF_ERROR(connection.Flush());
  return create_time;
}

absl::StatusOr<std::optional<Offering>> OfferingRows::Find(Connection& connection,
                                                           absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFind, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return ReadOffering(found, 0);
}

absl::StatusOr<bool> OfferingRows::Exists(Connection& connection, absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result exists, connection.Exec(kExists, Params().Text(id)));
  return exists.Bool(0, 0);
}

absl::StatusOr<Page<Offering>> OfferingRows::List(Connection& connection, const ListQuery& query) {
  SqlWhere where;
  TM_RETURN_IF_ERROR(where.AddFilter(query.filter, OfferingFilterColumns(), "id"));
  if (query.scope.unpublished_owner) {
    where.AddText(
        "(offerings.review = '' OR offerings.institute_id = ", *query.scope.unpublished_owner, ")");
  }
  if (!query.scope.region.empty()) {
    where.AddText(
        "(SELECT so.region_code FROM organizations AS so WHERE so.id = offerings.institute_id) "
        "LIKE ",
        RegionPattern(query.scope.region));
  }
  return RunPageQuery<Offering>(connection, kSelect, "id", std::move(where), query, ReadOffering);
}

absl::StatusOr<std::optional<std::string>> OfferingRows::FindInstitute(Connection& connection,
                                                                       absl::string_view id) {
  TM_ASSIGN_OR_RETURN(Result found, connection.Exec(kFindInstitute, Params().Text(id)));
  if (found.rows() == 0) return std::nullopt;
  return found.Text(0, 0);
}

absl::StatusOr<int64_t> OfferingRows::CountAtEvent(Connection& connection,
                                                   absl::string_view event_id) {
  TM_ASSIGN_OR_RETURN(Result counted, connection.Exec(kCountAtEvent, Params().Text(event_id)));
  return counted.Int64(0, 0);
}

}  // namespace techmatch::storage::postgres
